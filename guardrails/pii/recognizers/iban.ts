import { forEachMatch, type Candidate, type Recognizer } from '../types.js';
import { ibanMod97 } from '../validators.js';

/** Country, check digits, then BBAN in optional 4-char groups. Bounded repetition. */
const IBAN = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?(?![A-Za-z0-9])/g;

export const ibanRecognizer: Recognizer = {
  name: 'iban',
  requires: { digits: 6, upper: true },
  entityTypes: ['IBAN_CODE'],
  recognize(text, facts) {
    if (facts.digitCount < 6 || !facts.hasUpper) return [];
    const out: Candidate[] = [];
    forEachMatch(IBAN, text, (m) => {
      if (!ibanMod97(m[0].replace(/ /g, ''))) return;
      out.push({ type: 'IBAN_CODE', start: m.index, end: m.index + m[0].length, score: 0.95, validator: 'iso13616-mod97', contextApplied: false });
    });
    return out;
  },
};
