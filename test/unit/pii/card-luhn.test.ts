/**
 * The payment-card recognizer's first check of a CARD match (luhnAcrossSeparators in
 * guardrails/pii/recognizers/payment-card.ts) must decide exactly what the code it replaced decided: the digits
 * copied out (`replace(/\D/g, '')`), rejected when all the same (`/^(\d)\1+$/`), then `luhn`. Compared on every
 * match the recognizer's own regex finds in generated strings: Luhn-valid and invalid numbers of 10–21 digits,
 * grouped by spaces or dashes, repeated digits, order numbers and timestamps.
 */
import { describe, expect, it } from 'vitest';
import { CARD, luhnAcrossSeparators } from '../../../guardrails/pii/recognizers/payment-card.js';
import { luhn } from '../../../guardrails/pii/validators.js';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
}
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** The code luhnAcrossSeparators replaced, verbatim. */
function old(match: string): boolean {
  const digits = match.replace(/\D/g, '');
  return !(/^(\d)\1+$/.test(digits) || !luhn(digits));
}

/** A number of n digits; with the last digit set so that Luhn holds when `valid`. */
function number(r: () => number, n: number, valid: boolean): string {
  const d = Array.from({ length: n }, () => Math.floor(r() * 10));
  if (valid) {
    for (let c = 0; c < 10; c++) {
      d[n - 1] = c;
      if (luhn(d.join(''))) break;
    }
  }
  return d.join('');
}

describe('payment card first check', () => {
  it('luhnAcrossSeparators decides as the digit copy, the repetition regex and luhn did', () => {
    const r = rng(20261129);
    let seen = 0;
    let passed = 0;
    for (let k = 0; k < 20_000; k++) {
      const n = 10 + Math.floor(r() * 12);
      let digits = r() < 0.05 ? String(Math.floor(r() * 10)).repeat(n) : number(r, n, r() < 0.5);
      if (r() < 0.05) digits = `${digits.slice(0, -1)}${digits[0]}`;
      // Group by spaces or dashes sometimes (4-4-4-4, 4-6-5, random), as typed.
      let text = digits;
      if (r() < 0.5) {
        const sep = pick(r, [' ', '-', '  ', '- ']);
        const parts: string[] = [];
        for (let i = 0; i < digits.length; ) {
          const len = pick(r, [1, 2, 3, 4, 4, 4, 5, 6]);
          parts.push(digits.slice(i, i + len));
          i += len;
        }
        text = parts.join(sep);
      }
      text = `${pick(r, ['', '卡号', 'card ', '订单=', '-', '1'])}${text}${pick(r, ['', '。', ' x', '-', '5', ' 9'])}`;
      CARD.lastIndex = 0;
      for (const m of text.matchAll(new RegExp(CARD.source, 'g'))) {
        seen++;
        const fast = luhnAcrossSeparators(m[0]);
        if (fast) passed++;
        expect(fast, m[0]).toBe(old(m[0]));
      }
    }
    expect(seen).toBeGreaterThan(5_000);
    expect(passed).toBeGreaterThan(1_000);
    expect(seen - passed).toBeGreaterThan(1_000);
  }, 60_000);

  it('rejects repeated digits and accepts a grouped test card', () => {
    expect(luhnAcrossSeparators('0000 0000 0000 0000')).toBe(false);
    expect(old('0000 0000 0000 0000')).toBe(false);
    expect(luhnAcrossSeparators('4111 1111 1111 1111')).toBe(true);
    expect(luhnAcrossSeparators('4111-1111-1111-1112')).toBe(false);
  });
});
