import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { DEFAULT_CONTEXT } from '../context.js';
import { forEachMatch, forEachMatchNear, isDigitCode, type Candidate, type Recognizer } from '../types.js';
import { internationalVerdict, nanpIsValid } from './phone-validity.js';

/** Mainland mobile: 1[3-9]x with the allocated second/third digits; optional +86; 3-4-4 grouping allowed. */
export const CN_MOBILE = /(?<![\dA-Za-z+])(?:(?:\+|00)86[ \-]?)?1[3-9]\d(?:[ \-.]?\d{4}){2}(?![\dA-Za-z])/g;

/** Mainland landline with area code: 010, 02x, 0[3-9]xx; optional parentheses and extension. */
export const CN_LANDLINE = /(?<![\dA-Za-z])(?:\(0\d{2,3}\)|0\d{2,3})[ \-]?[2-9]\d{6,7}(?![\dA-Za-z])/g;

/** International: + or 00 then country code and up to six digit groups; validated by libphonenumber. */
const INTERNATIONAL = /(?<![\w+])(?:\+|00)[1-9]\d{0,2}(?:[ \-.]?\(\d{1,4}\))?(?:[ \-.]?\d{1,5}){1,6}(?![\w])/g;

/** North-American style (555) 123-4567 / 555-123-4567 / 555.123.4567, optionally with 1- or 001- prefix. */
const NANP = /(?<![\w+\-.])(?:(?:001|1)[ \-.])?(?:\(\d{3}\)[ ]?|\d{3}[\-. ])\d{3}[\-. ]\d{4}(?![\w\-]|\.\d)/g;

/** Generic national number written in groups (03.93.92.16.85, 0496 46 46 70, 078 8098 1119): needs context. */
const NATIONAL_GROUPED = /(?<![\w+\-.])\(?0\d{1,4}\)?(?:[ .\-]\d{2,4}){2,4}(?![\w\-]|\.\d)/g;
/** Groups of 3 digits without a leading 0 (699 956 915): needs context. */
const PLAIN_GROUPED = /(?<![\w+\-.])[1-9]\d{2}(?:[ .]\d{2,3}){2,3}(?![\w\-]|\.\d)/g;

/** Any 7–15 digit number written like a phone (groups, parentheses, extension): only with phone context. */
const GENERIC = /(?<![\w+\-.])(?:\+\d{1,3}[ .\-]?)?(?:\(\d{1,4}\)[ .\-]?)?\d{2,5}(?:[ .\-]\d{2,5}){0,4}(?:x\d{1,5})?(?![\w\-]|\.\d)/g;

/**
 * A calendar date leading a GENERIC or NATIONAL_GROUPED match (2024-05-12, 2024.05.12 12, 05-12-2024): a log line's timestamp next to a
 * phone word is not a number to call.
 */
const DATE_SHAPE = /^(?:(?:19|20)\d{2}[-.](?:0?[1-9]|1[0-2])[-.](?:0?[1-9]|[12]\d|3[01])|(?:0?[1-9]|[12]\d|3[01])[-.](?:0?[1-9]|[12]\d|3[01])[-.](?:19|20)\d{2})(?![\d.\-])/;

/** A currency sign or code just before a number, or a currency word or decimal places just after it: an amount. */
const CURRENCY_BEFORE = /(?:[¥￥$€£]|\b(?:rmb|cny|hkd|mop|usd|sgd|twd|nt))\s?$/i;
const CURRENCY_AFTER = /^(?:\.\d|\s?(?:元(?![旦宵月素])|[块塊圓圆円蚊]|[万萬](?!一)|(?:rmb|cny|hkd|mop|usd|sgd|twd|dollars?)\b))/i;

/** Whether the number at [start, end) is written as an amount (¥13800138000, 15012345678.00 元, 50000000元). */
export function isAmount(text: string, start: number, end: number): boolean {
  return CURRENCY_BEFORE.test(text.slice(Math.max(0, start - 4), start)) || CURRENCY_AFTER.test(text.slice(end, end + 8));
}

/** Characters a NATIONAL_GROUPED, a PLAIN_GROUPED and a GENERIC match can contain. */
const isNationalGroupedChar = (c: number) => (c >= 48 && c <= 57) || c === 32 || c === 40 || c === 41 || c === 45 || c === 46;
const isPlainGroupedChar = (c: number) => (c >= 48 && c <= 57) || c === 32 || c === 46;
const isGenericChar = (c: number) => (c >= 48 && c <= 57) || c === 32 || c === 40 || c === 41 || c === 43 || c === 45 || c === 46 || c === 120;

/** ASCII digits in value[0, end) (end < 0: the whole value): what `.replace(/\D/g, '').length` counted, without the copy. */
function digitCount(value: string, end = -1): number {
  const to = end < 0 ? value.length : end;
  let n = 0;
  for (let i = 0; i < to; i++) if (isDigitCode(value.charCodeAt(i))) n++;
  return n;
}

/**
 * For a CN_MOBILE match, what `/^1(?:3\d|4[5-9]|5[0-35-9]|6[2567]|7[0-8]|8\d|9[0-35-9])/` and a length check of 11
 * decided on `digitsOf(match).replace(/^(?:\+|00)86/, '')`, without the strings that built (~0.3 µs a match): the
 * national part is `1[3-9]\d` and two groups of four, so after the optional `+86` / `0086` and one joiner its first
 * three characters are digits, and it always holds 11 digits. test/unit/pii/phone-shapes.test.ts compares both.
 */
export function isCnMobile(match: string): boolean {
  let p = 0;
  const c0 = match.charCodeAt(0);
  if (c0 === 43 || c0 === 48) {
    p = c0 === 43 ? 3 : 4; // past `+86` or `0086`
    const j = match.charCodeAt(p);
    if (j === 32 || j === 45) p++;
  }
  if (match.charCodeAt(p) !== 49) return false;
  const b = match.charCodeAt(p + 1) - 48;
  const c = match.charCodeAt(p + 2) - 48;
  if (c < 0 || c > 9) return false;
  switch (b) {
    case 3:
    case 8:
      return true;
    case 4:
      return c >= 5;
    case 5:
      return c !== 4;
    case 6:
      return c === 2 || c === 5 || c === 6 || c === 7;
    case 7:
      return c <= 8;
    case 9:
      return c !== 4;
    default:
      return false;
  }
}

/**
 * A CN_LANDLINE match's score: 0 when its digits fail `/^0(?:10|2\d|[3-9]\d{2})/` or are fewer than 10 or more
 * than 12, else 0.6 with a `( ) - ` or space in it, 0.35 without — what `m[0].replace(/\D/g, '')` and two regex
 * tests decided, without the copy. Compared with them in test/unit/pii/phone-shapes.test.ts.
 */
export function cnLandlineScore(match: string): number {
  let n = 0;
  let d1 = -1;
  let d2 = -1;
  let d3 = -1;
  let d0 = -1;
  let separated = false;
  for (let i = 0; i < match.length; i++) {
    const c = match.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (n === 0) d0 = c;
      else if (n === 1) d1 = c;
      else if (n === 2) d2 = c;
      else if (n === 3) d3 = c;
      n++;
    } else if (c === 40 || c === 41 || c === 45 || c === 32) separated = true;
  }
  if (n < 10 || n > 12 || d0 !== 48) return 0;
  // The area code: 0 then 10, 2x or [3-9]xx (the digits after the area code are never fewer than seven, so d3 is set).
  const area = (d1 === 49 && d2 === 48) || d1 === 50 || (d1 >= 51 && d1 <= 57 && d3 >= 48);
  if (!area) return 0;
  return separated ? 0.6 : 0.35;
}

function lib(value: string, country?: CountryCode): 'valid' | 'possible' | 'no' {
  // Numbers of the calling codes the shortcut follows (valid, possible or not) without the library's per-call costs.
  const known = country === undefined ? internationalVerdict(value) : undefined;
  if (known !== undefined) return known;
  const parsed = parsePhoneNumberFromString(value, country);
  if (!parsed) return 'no';
  if (parsed.isValid()) return 'valid';
  return parsed.isPossible() ? 'possible' : 'no';
}

/**
 * For a NANP match written with the `001` prefix (13 digits): whether the library calls `+1 <rest>` valid, as
 * the international shortcut decides it; `undefined` for other digit strings or when the shortcut cannot tell.
 */
export function nanp001Valid(digits: string): boolean | undefined {
  if (digits.length !== 13 || !digits.startsWith('001')) return undefined;
  const verdict = internationalVerdict(`+1${digits.slice(3)}`);
  return verdict === undefined ? undefined : verdict === 'valid';
}

/** Module-level so the hot path creates no named closure (tsx's keepNames wraps each one in a defineProperty call). */
function pushTo(out: Candidate[]) {
  return (start: number, end: number, score: number, validator: string) => {
    out.push({ type: 'PHONE_NUMBER', start, end, score, validator, contextApplied: false });
  };
}

export const phoneRecognizer: Recognizer = {
  name: 'phone',
  requires: { digits: 7 },
  entityTypes: ['PHONE_NUMBER'],
  recognize(text, facts) {
    if (facts.digitCount < 7) return [];
    const out: Candidate[] = [];
    const push = pushTo(out);

    // Necessary shapes, from the text's facts: CN_MOBILE holds 11 digits joined by single space/dash/dot, the
    // landline a run of 7, NANP a 3-4 group pair, NATIONAL_GROUPED two joined groups, INTERNATIONAL `+` or `00`.
    const dotted = facts.longestDottedDigitChain;
    if (dotted >= 11) forEachMatch(CN_MOBILE, text, (m) => {
      if (!isCnMobile(m[0]) || isAmount(text, m.index, m.index + m[0].length)) return;
      push(m.index, m.index + m[0].length, 0.8, 'cn-mobile');
    });
    if (facts.longestDigitRun >= 7) forEachMatch(CN_LANDLINE, text, (m) => {
      const score = cnLandlineScore(m[0]);
      if (score === 0) return;
      push(m.index, m.index + m[0].length, score, 'cn-landline');
    });
    if (text.includes('+') || text.includes('00')) forEachMatch(INTERNATIONAL, text, (m) => {
      const kept = m[0].replace(/[^\d+]/g, '');
      // (What `.replace(/^00/, '+')` did, without a second regex call.)
      const digits = kept.charCodeAt(0) === 48 && kept.charCodeAt(1) === 48 ? `+${kept.slice(2)}` : kept;
      if (digits.length < 8 || digits.length > 16) return;
      const verdict = lib(digits);
      if (verdict === 'no') return;
      push(m.index, m.index + m[0].length, verdict === 'valid' ? 0.85 : 0.5, 'libphonenumber');
    });
    // NANP: three groups joined by two joiners in one chain, unless the area code is in parentheses.
    if (dotted >= 7 && (facts.mostChainJoins >= 2 || text.includes('('))) forEachMatch(NANP, text, (m) => {
      // Only "valid or not" matters here (possible and impossible both score 0.5): no isPossible() call. Ten digits
      // without a 1 / 001 prefix are decided by the shortcut (same verdict as the library), `001-` ones by the
      // international shortcut (an `+1` number: the default country plays no part), the rest by the library.
      const digits = m[0].replace(/\D/g, '');
      const valid = nanpIsValid(digits) ?? nanp001Valid(digits) ?? parsePhoneNumberFromString(m[0].replace(/^001[ \-.]/, '+1 '), 'US')?.isValid() === true;
      push(m.index, m.index + m[0].length, valid ? 0.7 : 0.5, 'nanp');
    });
    // NATIONAL_GROUPED (0.4), PLAIN_GROUPED (0.25) and GENERIC (0.2) pass (at the default threshold) only with a
    // context word: scanned only within its reach.
    const phoneWords = DEFAULT_CONTEXT.PHONE_NUMBER?.positive;
    // NATIONAL_GROUPED: two joiners after the first group, which ends at ')' when parenthesised; PLAIN_GROUPED: two joiners.
    if (dotted >= 4 && (facts.mostChainJoins >= 2 || text.includes(')'))) forEachMatchNear(NATIONAL_GROUPED, text, facts, phoneWords, 0.4, isNationalGroupedChar, (m) => {
      const n = digitCount(m[0]);
      if (n < 8 || n > 12 || DATE_SHAPE.test(m[0])) return;
      push(m.index, m.index + m[0].length, 0.4, 'grouped');
    });
    if (dotted >= 7 && facts.mostChainJoins >= 2) forEachMatchNear(PLAIN_GROUPED, text, facts, phoneWords, 0.25, isPlainGroupedChar, (m) => {
      const n = digitCount(m[0]);
      if (n < 8 || n > 11) return;
      push(m.index, m.index + m[0].length, 0.25, 'grouped');
    });
    forEachMatchNear(GENERIC, text, facts, phoneWords, 0.2, isGenericChar, (m) => {
      // (Not the digits of an extension: a GENERIC match holds at most one x, followed by its digits to the end.)
      const n = digitCount(m[0], m[0].indexOf('x'));
      if (n < 7 || n > 15) return;
      if (/^\d+\.\d{1,2}$/.test(m[0])) return; // an amount (91603.08), not a phone
      if (DATE_SHAPE.test(m[0])) return;
      push(m.index, m.index + m[0].length, 0.2, 'generic');
    });
    return out;
  },
};
