import { sixDigitRuns, type Candidate, type Recognizer } from '../types.js';
import { gb32100 } from '../validators.js';

// Sticky: tried only where a match can start (see below).
const USCC = /(?<![0-9A-Za-z])[0-9A-HJ-NP-RTUWXYa-hj-np-rtuwxy]{2}\d{6}[0-9A-HJ-NP-RTUWXYa-hj-np-rtuwxy]{10}(?![0-9A-Za-z])/y;
const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

export const cnUsccRecognizer: Recognizer = {
  name: 'cn_uscc',
  requires: { digitRun: 6 },
  entityTypes: ['CN_USCC'],
  recognize(text, facts) {
    if (facts.longestDigitRun < 6) return []; // \d{6} in the middle
    const out: Candidate[] = [];
    const n = text.length;
    // A match is a whole 18-character alphanumeric token (the lookarounds) whose characters 2-7 are digits: it
    // starts 0, 1 or 2 characters before the start of a maximal run of 6+ digits. So the sticky regex is tried
    // only there, where a token boundary sits before and 18 characters after; matches (whole tokens) cannot
    // overlap, and come in text order: those of a global scan, without scanning every letter of the text.
    // (A run of 6+ digits: every match holds one two characters after its start; the runs come from the facts.)
    const runs = sixDigitRuns(text, facts);
    for (let k = 0; k < runs.length; k += 2) {
      const run = runs[k]!;
      for (let start = Math.max(0, run - 2); start <= run; start++) {
        if ((start > 0 && isAlnum(text.charCodeAt(start - 1))) || start + 18 > n || (start + 18 < n && isAlnum(text.charCodeAt(start + 18)))) continue;
        USCC.lastIndex = start;
        const m = USCC.exec(text);
        if (m === null || !gb32100(m[0])) continue;
        // An all-digit code may also be an ID number; the ID recognizer outranks it unless context says otherwise.
        const score = /[A-Za-z]/.test(m[0]) ? 0.9 : 0.3;
        out.push({ type: 'CN_USCC', start, end: start + m[0].length, score, validator: 'gb32100', contextApplied: false });
      }
    }
    return out;
  },
};
