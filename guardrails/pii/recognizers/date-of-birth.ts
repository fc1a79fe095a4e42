import { DEFAULT_CONTEXT } from '../context.js';
import { forEachMatchNear, mentionsAny, type Candidate, type Recognizer } from '../types.js';
import { plausibleBirthDate } from '../validators.js';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

/** 1990-03-15, 1990/3/15, 1990.03.15, 1990年3月15日 */
const YMD = /(?<!\d)((?:19|20)\d{2})(?:[\-\/.]|年)(0?[1-9]|1[0-2])(?:[\-\/.]|月)(0?[1-9]|[12]\d|3[01])日?(?!\d)/g;
/** 15/03/1990, 03-15-1990 (day-first or month-first: either must be a valid date) */
const DMY = /(?<!\d)(0?[1-9]|[12]\d|3[01])[\-\/.](0?[1-9]|[12]\d|3[01])[\-\/.]((?:19|20)\d{2})(?!\d)/g;
/** March 15, 1990 / 15 March 1990 */
const MDY_WORDS = new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b`, 'gi');
const DMY_WORDS = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+((?:19|20)\\d{2})\\b`, 'gi');

const monthOf = (word: string) => MONTHS[word.slice(0, word.toLowerCase().startsWith('sept') ? 4 : 3).toLowerCase()] ?? 0;

/** Characters a YMD / DMY match can contain (digits, - / . and 年月日). */
const isDateChar = (c: number) => (c >= 45 && c <= 57) || c === 0x5e74 || c === 0x6708 || c === 0x65e5;

/** Characters a MDY_WORDS / DMY_WORDS match can contain: ASCII letters and digits, `.`, `,` and `\s`. */
const isWordDateChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 44 || c === 46 || isSpace(c);
const isSpace = (c: number) =>
  (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/**
 * A plausible birth date becomes a candidate. Module-level, not a closure per text: under tsx (keepNames) every
 * named closure costs a defineProperty call when it is created.
 */
function push(out: Candidate[], m: RegExpExecArray, y: number, mo: number, d: number): void {
  if (!plausibleBirthDate(y, mo, d)) return;
  out.push({ type: 'DATE_OF_BIRTH', start: m.index, end: m.index + m[0].length, score: 0.2, validator: 'calendar', contextApplied: false });
}

/** Dates are everywhere; only context (born / 出生 / DOB) makes one a date of birth. */
export const dateOfBirthRecognizer: Recognizer = {
  name: 'date_of_birth',
  requires: { digitRun: 4 },
  entityTypes: ['DATE_OF_BIRTH'],
  recognize(text, facts) {
    if (facts.longestDigitRun < 4 || !mentionsAny(facts, DEFAULT_CONTEXT.DATE_OF_BIRTH?.positive)) return [];
    const out: Candidate[] = [];
    // Scored 0.2: only within reach of a context word.
    const birth = DEFAULT_CONTEXT.DATE_OF_BIRTH?.positive;
    forEachMatchNear(YMD, text, facts, birth, 0.2, isDateChar, (m) => push(out, m, +m[1]!, +m[2]!, +m[3]!));
    forEachMatchNear(DMY, text, facts, birth, 0.2, isDateChar, (m) => {
      const a = +m[1]!;
      const b = +m[2]!;
      if (b <= 12) push(out, m, +m[3]!, b, a);
      else push(out, m, +m[3]!, a, b);
    });
    forEachMatchNear(MDY_WORDS, text, facts, birth, 0.2, isWordDateChar, (m) => push(out, m, +m[3]!, monthOf(m[1]!), +m[2]!));
    forEachMatchNear(DMY_WORDS, text, facts, birth, 0.2, isWordDateChar, (m) => push(out, m, +m[3]!, monthOf(m[2]!), +m[1]!));
    return out;
  },
};
