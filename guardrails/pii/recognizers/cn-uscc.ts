import { forEachMatch, type Candidate, type Recognizer } from '../types.js';
import { gb32100 } from '../validators.js';

const USCC = /(?<![0-9A-Za-z])[0-9A-HJ-NP-RTUWXYa-hj-np-rtuwxy]{2}\d{6}[0-9A-HJ-NP-RTUWXYa-hj-np-rtuwxy]{10}(?![0-9A-Za-z])/g;

export const cnUsccRecognizer: Recognizer = {
  name: 'cn_uscc',
  entityTypes: ['CN_USCC'],
  recognize(text, facts) {
    if (facts.longestDigitRun < 6) return []; // \d{6} in the middle
    const out: Candidate[] = [];
    forEachMatch(USCC, text, (m) => {
      if (!gb32100(m[0])) return;
      // An all-digit code may also be an ID number; the ID recognizer outranks it unless context says otherwise.
      const score = /[A-Za-z]/.test(m[0]) ? 0.9 : 0.3;
      out.push({ type: 'CN_USCC', start: m.index, end: m.index + m[0].length, score, validator: 'gb32100' });
    });
    return out;
  },
};
