import { codeAt, sixDigitRuns, type Candidate, type Recognizer } from '../types.js';
import { twNationalId } from '../validators.js';

/**
 * Taiwan National ID and new-format resident certificate (UI) numbers: a letter, then 1/2 (sex; 8/9 on the
 * resident certificates issued from 2021), 7 digits and a check digit (letter value + digits weighted, mod 10).
 * Full-width forms arrive as ASCII (normalisation). Every number holds a run of exactly 9 digits right after its
 * letter (or after the letter and one space): tried only there, from the text's runs of 6+ digits.
 */
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAlnum = (c: number) => isLetter(c) || (c >= 48 && c <= 57);

/**
 * Letter + 9 digits with a passing checksum and a valid second digit: 1 in 25 random such tokens passes, and the
 * letter + 9 digits shape is what log lines' ids, order and serial numbers look like (`user=A123456789`), so even
 * the bare form sits below the threshold: it needs a context word (身分證, national id, id no, 統一證號 …) or a
 * Taiwan cue (台灣, 台北, 高雄, Taiwan, Taipei, 中華民國 …: DEFAULT_CONTEXT.TW_NATIONAL_ID), and a product or order
 * word drops it again. A lower-case letter or a space after the letter scores lower still (one context word lifts
 * it to the threshold).
 */
const SCORE = 0.3;
const LOOSE_SCORE = 0.2;

export const twNationalIdRecognizer: Recognizer = {
  name: 'tw_national_id',
  requires: { digitRun: 9 },
  entityTypes: ['TW_NATIONAL_ID'],
  recognize(text, facts) {
    if (facts.longestDigitRun < 9) return [];
    const out: Candidate[] = [];
    const runs = sixDigitRuns(text, facts);
    for (let k = 0; k < runs.length; k += 2) {
      const runStart = runs[k]!;
      const runEnd = runs[k + 1]!;
      if (runEnd - runStart !== 9 || isLetter(codeAt(text, runEnd))) continue;
      const spaced = codeAt(text, runStart - 1) === 32;
      const letterAt = spaced ? runStart - 2 : runStart - 1;
      const letter = codeAt(text, letterAt);
      if (!isLetter(letter) || isAlnum(codeAt(text, letterAt - 1))) continue;
      const value = String.fromCharCode(letter) + text.slice(runStart, runEnd);
      if (!twNationalId(value)) continue;
      const score = spaced || letter >= 97 ? LOOSE_SCORE : SCORE;
      out.push({ type: 'TW_NATIONAL_ID', start: letterAt, end: runEnd, score, validator: 'tw-id-mod10', contextApplied: false });
    }
    return out;
  },
};
