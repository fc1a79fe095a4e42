/**
 * The phone recognizer's validity shortcut (guardrails/pii/recognizers/phone-validity.ts) must give the
 * library's verdict whenever it gives one: compared with libphonenumber-js itself on random numbers of every
 * calling code and on every NANP shape the recognizer's regex produces. A libphonenumber-js upgrade that
 * changes its parsing steps fails here instead of silently changing findings.
 */
import { describe, expect, it } from 'vitest';
import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import mobileExamples from 'libphonenumber-js/mobile/examples';
import metadataJson from 'libphonenumber-js/min/metadata';
import { internationalVerdict, nanpIsValid } from '../../../guardrails/pii/recognizers/phone-validity.js';
import { nanp001Valid } from '../../../guardrails/pii/recognizers/phone.js';
import { createPiiDetector } from '../../../guardrails/pii/index.js';

/** Deterministic LCG (the test must not depend on Math.random). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
}
const digitsOf = (r: () => number, n: number) => Array.from({ length: n }, () => String(Math.floor(r() * 10))).join('');
const CALLING_CODES = Object.keys((metadataJson as unknown as { country_calling_codes: Record<string, string[]> }).country_calling_codes);

describe('phone validity shortcut', () => {
  /** The recognizer's `lib` verdict, from the library itself. */
  const libraryVerdict = (e164: string) => {
    const parsed = parsePhoneNumberFromString(e164);
    if (!parsed) return 'no';
    if (parsed.isValid()) return 'valid';
    return parsed.isPossible() ? 'possible' : 'no';
  };

  it('agrees with libphonenumber-js on +<calling code><digits> for every calling code (valid, possible and neither)', () => {
    const r = rng(20261129);
    const decided = { valid: 0, possible: 0, no: 0 };
    for (const code of CALLING_CODES) {
      for (let k = 0; k < 60; k++) {
        const length = 7 + Math.floor(r() * 9);
        const e164 = `+${code}${digitsOf(r, Math.max(1, length - code.length))}`;
        const fast = internationalVerdict(e164);
        if (fast === undefined) continue;
        decided[fast]++;
        expect(libraryVerdict(e164), e164).toBe(fast);
      }
    }
    // The shortcut decides the common cases (else it would be pointless); the rest goes to the library.
    expect(decided.valid).toBeGreaterThan(1000);
    expect(decided.possible).toBeGreaterThan(300);
    expect(decided.no).toBeGreaterThan(1000);
  });

  it('agrees with libphonenumber-js on numbers written with the national prefix after the calling code (+46 (0)8 …)', () => {
    // A trunk prefix (0, 8, 1 …) kept after the calling code: extractNationalNumber strips it, or keeps it when the
    // rest would be too short, of an invalid length, or fits the plan's pattern only with it.
    const r = rng(3);
    const decided = { valid: 0, possible: 0, no: 0 };
    const prefixes = ['0', '00', '8', '1', '9', '06', '01'];
    for (const code of CALLING_CODES) {
      for (const prefix of prefixes) {
        for (let k = 0; k < 12; k++) {
          const length = 7 + Math.floor(r() * 9);
          const rest = Math.max(1, length - code.length - prefix.length);
          const e164 = `+${code}${prefix}${digitsOf(r, rest)}`;
          const fast = internationalVerdict(e164);
          if (fast === undefined) continue;
          decided[fast]++;
          expect(libraryVerdict(e164), e164).toBe(fast);
        }
      }
    }
    expect(decided.valid).toBeGreaterThan(100);
    expect(decided.possible).toBeGreaterThan(100);
    expect(decided.no).toBeGreaterThan(1000);
  });

  it("agrees with libphonenumber-js on every country's example mobile number, with a trunk prefix and with a digit changed or added", () => {
    // Real numbers (valid under their plans), so the valid branch and the trunk strip are exercised on real shapes.
    const decided = { valid: 0, possible: 0, no: 0 };
    for (const [country, national] of Object.entries(mobileExamples as Record<string, string>)) {
      let code: string;
      try {
        code = getCountryCallingCode(country as CountryCode);
      } catch {
        continue;
      }
      const forms = [national, `0${national}`, `8${national}`, `1${national}`, `9${national}`, national.slice(0, -1), `${national}5`, `0${national.slice(0, -1)}`, `0${national}5`];
      for (let d = 0; d < 10; d++) forms.push(`${national.slice(0, -1)}${d}`, `0${national.slice(0, -1)}${d}`);
      for (const form of forms) {
        const e164 = `+${code}${form}`;
        const fast = internationalVerdict(e164);
        if (fast === undefined) continue;
        decided[fast]++;
        expect(libraryVerdict(e164), e164).toBe(fast);
      }
    }
    expect(decided.valid).toBeGreaterThan(3000);
    expect(decided.possible).toBeGreaterThan(300);
    expect(decided.no).toBeGreaterThan(1000);
  });

  it('agrees with libphonenumber-js on real formats, trunk-0 forms and near-misses', () => {
    const cases = ['+8613800138000', '+8617912345678', '+861012345678', '+442079460000', '+447700900123', '+33142681801', '+493090182061', '+81332246266', '+12125550100', '+12025550143', '+16135550123', '+12685551234', '+18095551234', '+8008005555', '+8821234567', '+1', '+999123456789', '+3901234567', '+390612345678',
      // trunk 0 written after the calling code, their stripped forms, and lengths around the plan's.
      '+46087654321', '+4687654321', '+460812345', '+41044668180', '+4144668180', '+4104466818', '+440207946000', '+4402079460000', '+44020794600000', '+330142681801', '+4903090182061', '+3806123456789',
      // possible but not valid, and too short / too long for the plan.
      '+19812345678', '+447912345678', '+3851234567', '+38512345', '+4412345', '+441234567890123', '+861234567',
      // trunk 0 before a number of a calling code's other country, whose possible lengths differ from the main
      // country's (IM and JE [10] against GB [7, 9, 10]; TA [4] against SH [4, 5]; BQ [7] against CW [7, 8]).
      '+440162412345', '+4401624123', '+44016241234', '+4401624123456', '+440153412345', '+4401534123',
      '+290081234', '+29008123', '+290023456', '+599071234567', '+59907123456', '+59903123456'];
    let decided = 0;
    for (const e164 of cases) {
      const fast = internationalVerdict(e164);
      if (fast === undefined) continue;
      decided++;
      expect(libraryVerdict(e164), e164).toBe(fast);
    }
    expect(decided).toBeGreaterThan(30);
  });

  it('decides 001-prefixed NANP numbers as the library does for "+1 …" with default country US', () => {
    const r = rng(11);
    const heads = [(a: string) => `(${a})`, (a: string) => `(${a}) `, (a: string) => `${a}-`, (a: string) => `${a}.`, (a: string) => `${a} `];
    const seps = ['-', '.', ' '];
    let decided = 0;
    for (const head of heads) {
      for (const lead of ['-', '.', ' ']) {
        for (const sep of seps) {
          for (let k = 0; k < 60; k++) {
            const d = digitsOf(r, 10);
            const text = `001${lead}${head(d.slice(0, 3))}${d.slice(3, 6)}${sep}${d.slice(6)}`;
            const fast = nanp001Valid(text.replace(/\D/g, ''));
            if (fast === undefined) continue;
            decided++;
            expect(parsePhoneNumberFromString(text.replace(/^001[ \-.]/, '+1 '), 'US')?.isValid() === true, text).toBe(fast);
          }
        }
      }
    }
    expect(decided).toBeGreaterThan(2000);
    expect(nanp001Valid('12125550100')).toBeUndefined();
    expect(nanp001Valid('2125550100')).toBeUndefined();
  });

  it('agrees with libphonenumber-js (default country US) on every unprefixed NANP shape', () => {
    const r = rng(7);
    // The shapes NANP in phone.ts matches without a 1 / 001 prefix: (ddd) or (ddd)+space or ddd+[-. ], then ddd[-. ]dddd.
    const heads = [(a: string) => `(${a})`, (a: string) => `(${a}) `, (a: string) => `${a}-`, (a: string) => `${a}.`, (a: string) => `${a} `];
    const seps = ['-', '.', ' '];
    let decided = 0;
    for (const head of heads) {
      for (const sep of seps) {
        for (let k = 0; k < 300; k++) {
          const d = digitsOf(r, 10);
          const text = `${head(d.slice(0, 3))}${d.slice(3, 6)}${sep}${d.slice(6)}`;
          const fast = nanpIsValid(d);
          if (fast === undefined) {
            expect(/^[01]/.test(d), text).toBe(true);
            continue;
          }
          decided++;
          expect(parsePhoneNumberFromString(text, 'US')?.isValid() === true, text).toBe(fast);
        }
      }
    }
    expect(decided).toBeGreaterThan(3000);
    // Prefixed or other lengths are the library's.
    expect(nanpIsValid('12125550100')).toBeUndefined();
    expect(nanpIsValid('0112125550')).toBeUndefined();
  });

  it('the recognizer scores valid and invalid numbers as before (valid international 0.85, NANP 0.7 / 0.5; no context word)', () => {
    const d = createPiiDetector();
    const score = (text: string) => d.detect(text).find((f) => f.type === 'PHONE_NUMBER')?.score;
    expect(score('It was +44 20 7946 0000 again.')).toBe(0.85);
    expect(score('It was (212) 555-0100 again.')).toBe(0.7);
    expect(score('It was (212) 155-0100 again.')).toBe(0.5);
    expect(score('It was 1-212-555-0100 again.')).toBe(0.7);
    // International: possible but not valid 0.5, trunk 0 after the calling code stripped as the library does.
    expect(score('It was +1 981 234 5678 again.')).toBe(0.5);
    expect(score('It was +46 (0)8 765 4321 again.')).toBe(0.85);
    expect(score('It was +41 (0)44 668 18 00 again.')).toBe(0.85);
  });
});
