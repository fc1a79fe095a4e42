import { DEFAULT_CONTEXT } from '../context.js';
import { forEachMatchNear, mentionsAny, type Candidate, type Recognizer } from '../types.js';

/**
 * Macau resident identity card (BIR) numbers: 1, 5 or 7, six digits and a check digit, printed `1234567(8)`
 * (also `1/234567/8`, or the eight digits run together). The check digit's rule is not published, so only the
 * shape is validated and every form needs a context word (澳門身份證, BIR, ID card …): the bare eight digits are
 * also a Hong Kong or Macau phone number's shape.
 */
const MO_ID = /(?<![\dA-Za-z/])[157](?:\d{6} ?\(\d\)|\/\d{6}\/\d|\d{7}(?![\dA-Za-z/(]))/g;

/** Characters a match can contain. */
const isPart = (c: number) => (c >= 48 && c <= 57) || c === 32 || c === 40 || c === 41 || c === 47;

/** The printed forms (parenthesised or slashed check digit) and the bare digits: both below the threshold alone. */
const PRINTED_SCORE = 0.3;
const BARE_SCORE = 0.2;

export const moResidentIdRecognizer: Recognizer = {
  name: 'mo_resident_id',
  requires: { digitRun: 6 },
  entityTypes: ['MO_RESIDENT_ID'],
  recognize(text, facts) {
    const words = DEFAULT_CONTEXT.MO_RESIDENT_ID?.positive;
    if (facts.longestDigitRun < 6 || !mentionsAny(facts, words)) return [];
    const out: Candidate[] = [];
    forEachMatchNear(MO_ID, text, facts, words, PRINTED_SCORE, isPart, (m) => {
      const printed = m[0].length > 8;
      out.push({ type: 'MO_RESIDENT_ID', start: m.index, end: m.index + m[0].length, score: printed ? PRINTED_SCORE : BARE_SCORE, validator: 'mo-bir-format', contextApplied: false });
    });
    return out;
  },
};
