import { DEFAULT_CONTEXT } from '../context.js';
import { forEachMatchNear, mentionsAny, type Candidate, type Recognizer } from '../types.js';

/**
 * Passports carry no check digit in their printed number, so every pattern here needs context words
 * (护照 / passport) to pass the threshold. CN: E + 8 digits, E + letter + 7 digits, G/D/S/P + 8 digits;
 * HK/Macau permits H/M + 8–10 digits; generic: one or two letters + 6–9 digits (US 9 digits).
 */
const CN_PASSPORT = /(?<![A-Za-z0-9])(?:[EeGgDdSsPp]\d{8}|[Ee][A-HJ-NP-Za-hj-np-z]\d{7}|[HhMm]\d{8,10})(?![A-Za-z0-9])/g;
const GENERIC_PASSPORT = /(?<![A-Za-z0-9])[A-Z]{1,2}\d{6,9}(?![A-Za-z0-9])|(?<![A-Za-z0-9\-])\d{9}(?![A-Za-z0-9\-])/g;

/** Characters a passport match can contain. */
const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

export const passportRecognizer: Recognizer = {
  name: 'passport',
  requires: { digits: 6 },
  entityTypes: ['PASSPORT'],
  recognize(text, facts) {
    if (facts.digitCount < 6 || !mentionsAny(facts, DEFAULT_CONTEXT.PASSPORT?.positive)) return [];
    const out: Candidate[] = [];
    // Scored 0.3 / 0.2: only within reach of a context word.
    forEachMatchNear(CN_PASSPORT, text, facts, DEFAULT_CONTEXT.PASSPORT?.positive, 0.3, isAlnum, (m) => {
      out.push({ type: 'PASSPORT', start: m.index, end: m.index + m[0].length, score: 0.3, validator: 'cn-passport-format', contextApplied: false });
    });
    forEachMatchNear(GENERIC_PASSPORT, text, facts, DEFAULT_CONTEXT.PASSPORT?.positive, 0.2, isAlnum, (m) => {
      out.push({ type: 'PASSPORT', start: m.index, end: m.index + m[0].length, score: 0.2, validator: 'format', contextApplied: false });
    });
    return out;
  },
};
