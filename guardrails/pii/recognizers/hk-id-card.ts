import { codeAt, sixDigitRuns, type Candidate, type Recognizer } from '../types.js';
import { hkid } from '../validators.js';

/**
 * Hong Kong Identity Card: 1-2 letters, 6 digits and a check character (0-9 or A, mod 11), printed as
 * `A123456(3)`; typed also without the parentheses (`A1234563`) or with a space (`A123456 (3)`). Full-width forms
 * arrive here as ASCII (normalisation). Tried only at runs of 6+ digits (every HKID holds one), sticky, where one or
 * two letters (and at most one space) stand right before the run.
 */
const HKID_AT = /[A-Za-z]{1,2} ?\d{6}(?: ?\([0-9Aa]\)|[0-9Aa])(?![0-9A-Za-z])/y;

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAlnum = (c: number) => isLetter(c) || (c >= 48 && c <= 57);

/**
 * Parenthesised check character: the card's own way of writing it, found without context (a checksum that passes
 * 1 time in 11 and that shape). Without parentheses `A1234563` is also how product codes look: context only.
 */
const BRACKETED_SCORE = 0.85;
const BARE_SCORE = 0.3;

export const hkIdCardRecognizer: Recognizer = {
  name: 'hk_id_card',
  requires: { digitRun: 6 },
  entityTypes: ['HK_ID_CARD'],
  recognize(text, facts) {
    if (facts.longestDigitRun < 6) return [];
    const out: Candidate[] = [];
    const runs = sixDigitRuns(text, facts);
    for (let k = 0; k < runs.length; k += 2) {
      const runStart = runs[k]!;
      // 6 digits, or 7 when the check digit follows without parentheses.
      if (runs[k + 1]! - runStart > 7) continue;
      let p = runStart;
      if (codeAt(text, p - 1) === 32) p--;
      let letters = 0;
      while (letters < 3 && isLetter(codeAt(text, p - 1))) {
        p--;
        letters++;
      }
      if (letters === 0 || letters > 2 || isAlnum(codeAt(text, p - 1))) continue;
      HKID_AT.lastIndex = p;
      const m = HKID_AT.exec(text);
      if (m === null) continue;
      const value = m[0];
      const bracketed = value.charCodeAt(value.length - 1) === 41;
      // Compact form: letters, six digits, check character (no space, no parentheses).
      const compact = bracketed ? value.replace(/[ ()]/g, '') : value.replace(' ', '');
      if (!hkid(compact)) continue;
      out.push({ type: 'HK_ID_CARD', start: p, end: p + value.length, score: bracketed ? BRACKETED_SCORE : BARE_SCORE, validator: 'hkid-mod11', contextApplied: false });
    }
    return out;
  },
};
