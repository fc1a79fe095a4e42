/**
 * Checksum and structure validators. Each takes the compact value (separators removed) and returns
 * true when the value is well-formed. They are what separates an ID from a random run of digits.
 */

/** Luhn mod-10 (payment cards, IMEI). */
export function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Days per month of a common year; February of a leap year has 29 (Gregorian, as Date counts). */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** The current UTC year, and when it ends: read from the clock once a year rather than with a Date per call. */
let currentYear = 0;
let yearEnds = 0;
function utcYearNow(): number {
  const now = Date.now();
  if (now >= yearEnds) {
    currentYear = new Date(now).getUTCFullYear();
    yearEnds = Date.UTC(currentYear + 1, 0, 1);
  }
  return currentYear;
}

function isValidDate(year: number, month: number, day: number): boolean {
  // (Written so that NaN fails, and with Date.UTC's truncation of a fractional year or month: as the Date did.)
  // A year up to the one last read from the clock needs no clock read (~0.1 µs each, once per date): the clock's
  // year is never below it (utcYearNow only ever raises currentYear), so `year <= utcYearNow()` holds as well.
  if (!(year >= 1900 && (year <= currentYear || year <= utcYearNow()) && month >= 1 && month <= 12 && day >= 1)) return false;
  const y = year | 0;
  const m = month | 0;
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return day <= MONTH_DAYS[m - 1]! + (leap ? 1 : 0);
}

/** First two digits of a resident ID: province-level division codes (GB/T 2260). */
const CN_PROVINCE_CODES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82, 83, 91,
]);
const GB11643_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const GB11643_CHECK = '10X98765432';

/** GB 11643-1999 check character of the first 17 digits of an 18-digit resident ID. */
export function gb11643CheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * GB11643_WEIGHTS[i]!;
  return GB11643_CHECK[sum % 11]!;
}

/** 1 at each province-level division code (CN_PROVINCE_CODES, 0-99). */
const CN_PROVINCE = new Uint8Array(100);
for (const p of CN_PROVINCE_CODES) CN_PROVINCE[p] = 1;
/** Two ASCII digits at i, i + 1 as a number (the caller has checked they are digits). */
const twoDigits = (value: string, i: number) => (value.charCodeAt(i) - 48) * 10 + value.charCodeAt(i + 1) - 48;

/**
 * 18-digit Chinese resident ID: region, valid birth date, GB 11643 mod 11-2 check character. By character codes
 * (the recognizer calls this for every 18-digit run that fits ID18's shape): the same verdict as the regex,
 * Number(slice) and check-character comparison it replaced (test/unit/pii/resident-id-codes.test.ts).
 */
export function cnResidentId18(value: string): boolean {
  if (value.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    sum += d * GB11643_WEIGHTS[i]!;
  }
  const last = value.charCodeAt(17);
  // The check character: a digit or X (either case), compared as its capital.
  if (!((last >= 48 && last <= 57) || last === 88 || last === 120)) return false;
  if (CN_PROVINCE[twoDigits(value, 0)] !== 1) return false;
  if (!isValidDate(twoDigits(value, 6) * 100 + twoDigits(value, 8), twoDigits(value, 10), twoDigits(value, 12))) return false;
  return GB11643_CHECK.charCodeAt(sum % 11) === (last === 120 ? 88 : last);
}

/** Legacy 15-digit resident ID (pre-1999): region and a valid 19YYMMDD birth date; no check digit exists. */
export function cnResidentId15(value: string): boolean {
  if (!/^\d{15}$/.test(value)) return false;
  if (!CN_PROVINCE_CODES.has(Number(value.slice(0, 2)))) return false;
  return isValidDate(1900 + Number(value.slice(6, 8)), Number(value.slice(8, 10)), Number(value.slice(10, 12)));
}

/** GB 32100-2015 Unified Social Credit Code alphabet (no I, O, Z, S, V). */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function gb32100CheckChar(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i]!);
    if (v < 0) return undefined;
    sum += v * USCC_WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Value of each ASCII code in USCC_ALPHABET, lower-case letters as their capitals (what toUpperCase gives); -1 elsewhere. */
const USCC_VALUE = new Int8Array(128).fill(-1);
for (let k = 0; k < USCC_ALPHABET.length; k++) {
  const c = USCC_ALPHABET.charCodeAt(k);
  USCC_VALUE[c] = k;
  if (c >= 65) USCC_VALUE[c + 32] = k;
}

/** 18-character Unified Social Credit Code with a GB 32100 check character. */
export function gb32100(value: string): boolean {
  // ASCII input (all the recognizer passes: its matches are [0-9A-Za-z]): the same test by codes, with no upper-cased
  // copy, regex, slice or indexOf per character. (Upper-casing maps only a-z there; other input takes the path below.)
  if (value.length === 18) {
    let ascii = true;
    for (let i = 0; i < 18 && ascii; i++) ascii = value.charCodeAt(i) < 128;
    if (ascii) {
      let sum = 0;
      for (let i = 0; i < 17; i++) {
        const v = USCC_VALUE[value.charCodeAt(i)]!;
        // Positions 2-7 are digits (values 0-9), the others any character of the alphabet.
        if (v < 0 || (i >= 2 && i < 8 && v > 9)) return false;
        sum += v * USCC_WEIGHTS[i]!;
      }
      const last = USCC_VALUE[value.charCodeAt(17)]!;
      return last >= 0 && last === (31 - (sum % 31)) % 31;
    }
  }
  const v = value.toUpperCase();
  if (!/^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/.test(v)) return false;
  return gb32100CheckChar(v.slice(0, 17)) === v[17];
}

/**
 * Hong Kong Identity Card check character of a prefix of 1-2 letters + 6 digits (upper-case): weights 9…2 over
 * eight positions, a single-letter prefix padded in front by a space worth 36, A-Z worth 10-35; the check value
 * makes the sum ≡ 0 (mod 11), 10 written `A`. `A123456` → `3`. undefined for another shape.
 */
export function hkidCheckChar(body: string): string | undefined {
  const letters = body.length - 6;
  if (letters !== 1 && letters !== 2) return undefined;
  let sum = letters === 1 ? 36 * 9 : 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    const weight = 8 - i + (letters === 1 ? 0 : 1);
    if (i < letters) {
      if (c < 65 || c > 90) return undefined;
      sum += (c - 55) * weight;
    } else {
      if (c < 48 || c > 57) return undefined;
      sum += (c - 48) * weight;
    }
  }
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'A' : String(check);
}

/** HKID: 1-2 letters, 6 digits and the check character, compact (`A1234563`, case-insensitive). */
export function hkid(value: string): boolean {
  const v = value.toUpperCase();
  const check = hkidCheckChar(v.slice(0, -1));
  return check !== undefined && check === v[v.length - 1];
}

/**
 * Taiwan letter codes of the national ID and resident certificate numbers: the two-digit value of each
 * first letter (A=10 … H=17, then J=18 … N=22, P=23 … V=29, X=30, Y=31, W=32, Z=33, I=34, O=35: the letters
 * added after the first allocation took the values from 30 on).
 */
const TW_LETTER_VALUES = [10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33];
const TW_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 1];

/** Taiwan check digit of a letter + 8 digits (upper-case letter); undefined for another shape. */
export function twIdCheckDigit(body: string): string | undefined {
  if (body.length !== 9) return undefined;
  const letter = body.charCodeAt(0) - 65;
  if (letter < 0 || letter > 25) return undefined;
  const code = TW_LETTER_VALUES[letter]!;
  // The letter's tens digit weighs 1, its units digit 9.
  let sum = Math.floor(code / 10) + (code % 10) * 9;
  for (let i = 0; i < 8; i++) {
    const d = body.charCodeAt(i + 1) - 48;
    if (d < 0 || d > 9) return undefined;
    sum += d * TW_WEIGHTS[i]!;
  }
  return String((10 - (sum % 10)) % 10);
}

/**
 * Taiwan National ID (letter, 1 or 2 for the sex, 7 digits, check digit) or new-format resident certificate
 * number (UI number, 2021 on: 8 or 9 in second place), same checksum; case-insensitive letter.
 */
export function twNationalId(value: string): boolean {
  if (value.length !== 10) return false;
  const v = value.toUpperCase();
  const second = v.charCodeAt(1);
  if (second !== 49 && second !== 50 && second !== 56 && second !== 57) return false;
  return twIdCheckDigit(v.slice(0, 9)) === v[9];
}

/** Country → IBAN length (ISO 13616 registry, the common ones). */
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22, CY: 28,
  CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18,
  GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32,
  LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24,
  PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, ST: 25, SV: 28,
  TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

/** ISO 13616 IBAN: known country length and mod-97 == 1 (computed piecewise, no BigInt). */
export function ibanMod97(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(v)) return false;
  const expected = IBAN_LENGTHS[v.slice(0, 2)];
  if (expected !== undefined && expected !== v.length) return false;
  const rearranged = v.slice(4) + v.slice(0, 4);
  let remainder = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const c = rearranged.charCodeAt(i);
    if (c >= 65) {
      const n = c - 55; // A=10 … Z=35: two digits
      remainder = (remainder * 100 + n) % 97;
    } else remainder = (remainder * 10 + (c - 48)) % 97;
  }
  return remainder === 1;
}

/** US SSN issuance rules: area not 000/666/9xx, group not 00, serial not 0000, not known-invalid test values. */
export function usSsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const area = digits.slice(0, 3);
  const group = digits.slice(3, 5);
  const serial = digits.slice(5);
  if (area === '000' || area === '666' || area[0] === '9') return false;
  if (group === '00' || serial === '0000') return false;
  if (digits === '078051120' || digits === '219099999' || digits === '123456789') return false;
  if (/^(\d)\1{8}$/.test(digits)) return false;
  return true;
}

/** The general rule (any characters in the parts, read by Number()). */
function ipv4Parts(value: string): boolean {
  const parts = value.split('.');
  if (parts.length !== 4) return false;
  return parts.every((p) => p.length > 0 && p.length <= 3 && !(p.length > 1 && p[0] === '0') && Number(p) <= 255);
}

export function ipv4(value: string): boolean {
  // Four dot-separated parts of 1-3 characters, each a number ≤ 255 written without a leading zero (one pass,
  // no split: the recognizer calls this for every dotted quad).
  let parts = 0;
  let start = 0;
  for (let i = 0; i <= value.length; i++) {
    if (i < value.length && value.charCodeAt(i) !== 46) continue;
    const length = i - start;
    if (length === 0 || length > 3 || ++parts > 4) return false;
    if (length > 1 && value.charCodeAt(start) === 48) return false;
    let n = 0;
    for (let k = start; k < i; k++) {
      const d = value.charCodeAt(k) - 48;
      if (d < 0 || d > 9) return ipv4Parts(value); // not digits: Number()'s rules, as before
      n = n * 10 + d;
    }
    if (n > 255) return false;
    start = i + 1;
  }
  return parts === 4;
}

/** Date in a DOB-plausible range (1900 … this year). */
export function plausibleBirthDate(year: number, month: number, day: number): boolean {
  return isValidDate(year, month, day);
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;
/** Scratch counts for entropy(), all zero between calls. */
const asciiCounts = new Uint32Array(128);

/** Shannon entropy in bits per character: secrets are random, identifiers and words are not. */
export function entropy(value: string): number {
  // ASCII (every token the secrets recognizer checks): counts in a typed array, summed in first-seen order as
  // the Map below would (same floating-point result).
  if (ASCII_ONLY.test(value)) {
    const seen = asciiCounts;
    const order: number[] = [];
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (seen[c]++ === 0) order.push(c);
    }
    let h = 0;
    for (const c of order) {
      const p = seen[c]! / value.length;
      h -= p * Math.log2(p);
      seen[c] = 0;
    }
    return h;
  }
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    h -= p * Math.log2(p);
  }
  return h;
}
