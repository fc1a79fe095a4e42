/**
 * The phone recognizer's validity shortcut (guardrails/pii/recognizers/phone-validity.ts) must give the
 * library's verdict whenever it gives one: compared with libphonenumber-js itself on random numbers of every
 * calling code and on every NANP shape the recognizer's regex produces. A libphonenumber-js upgrade that
 * changes its parsing steps fails here instead of silently changing findings.
 */
import { describe, expect, it } from 'vitest';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import metadataJson from 'libphonenumber-js/min/metadata';
import { internationalIsValid, nanpIsValid } from '../../../guardrails/pii/recognizers/phone-validity.js';
import { createPiiDetector } from '../../../guardrails/pii/index.js';

/** Deterministic LCG (the test must not depend on Math.random). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
}
const digitsOf = (r: () => number, n: number) => Array.from({ length: n }, () => String(Math.floor(r() * 10))).join('');
const CALLING_CODES = Object.keys((metadataJson as unknown as { country_calling_codes: Record<string, string[]> }).country_calling_codes);

describe('phone validity shortcut', () => {
  it('agrees with libphonenumber-js on +<calling code><digits> for every calling code', () => {
    const r = rng(20261129);
    let decided = 0;
    for (const code of CALLING_CODES) {
      for (let k = 0; k < 60; k++) {
        const length = 7 + Math.floor(r() * 9);
        const e164 = `+${code}${digitsOf(r, Math.max(1, length - code.length))}`;
        const fast = internationalIsValid(e164);
        if (fast === undefined) continue;
        decided++;
        expect(parsePhoneNumberFromString(e164)?.isValid(), e164).toBe(fast);
      }
    }
    // The shortcut decides the common case (else it would be pointless); the rest goes to the library.
    expect(decided).toBeGreaterThan(1000);
  });

  it('agrees with libphonenumber-js on valid numbers of real formats and on near-misses', () => {
    const cases = ['+8613800138000', '+8617912345678', '+861012345678', '+442079460000', '+447700900123', '+33142681801', '+493090182061', '+81332246266', '+12125550100', '+12025550143', '+16135550123', '+12685551234', '+18095551234', '+8008005555', '+8821234567', '+1', '+999123456789', '+3901234567', '+390612345678'];
    for (const e164 of cases) {
      const fast = internationalIsValid(e164);
      if (fast !== undefined) expect(parsePhoneNumberFromString(e164)?.isValid(), e164).toBe(fast);
    }
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
  });
});
