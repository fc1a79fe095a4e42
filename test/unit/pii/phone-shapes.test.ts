/**
 * The phone recognizer's character-code checks of its Chinese mobile and landline matches (isCnMobile,
 * cnLandlineScore in guardrails/pii/recognizers/phone.ts) must decide exactly what the string code they replaced
 * decided (digits copied out, `+86` / `0086` stripped, regex tests). Compared on every match the recognizer's own
 * regexes find in generated strings: valid and unallocated prefixes, +86 / 0086 with and without a joiner,
 * grouped forms, landline area codes of every length in and out of parentheses, and edge digit counts.
 */
import { describe, expect, it } from 'vitest';
import { digitsOf } from '../../../guardrails/core/normalize.js';
import { CN_LANDLINE, CN_MOBILE, cnLandlineScore, isCnMobile } from '../../../guardrails/pii/recognizers/phone.js';

/** Deterministic LCG (the test must not depend on Math.random). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
}
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const digits = (r: () => number, n: number) => Array.from({ length: n }, () => String(Math.floor(r() * 10))).join('');

/** The code the fast checks replaced, verbatim. */
function oldMobile(match: string): boolean {
  const national = digitsOf(match).replace(/^(?:\+|00)86/, '');
  return national.length === 11 && /^1(?:3\d|4[5-9]|5[0-35-9]|6[2567]|7[0-8]|8\d|9[0-35-9])/.test(national);
}
function oldLandline(match: string): number {
  const d = match.replace(/\D/g, '');
  if (!/^0(?:10|2\d|[3-9]\d{2})/.test(d) || d.length < 10 || d.length > 12) return 0;
  return /[()\- ]/.test(match) ? 0.6 : 0.35;
}

function matches(regex: RegExp, text: string): string[] {
  return [...text.matchAll(new RegExp(regex.source, 'g'))].map((m) => m[0]);
}

describe('phone recognizer match checks', () => {
  it('isCnMobile decides as the digit copy and prefix regex did', () => {
    const r = rng(20261129);
    const prefixes = ['', '+86', '+86 ', '+86-', '0086', '0086 ', '0086-', '86', '+8', '+87', '00860'];
    const joiners = ['', ' ', '-', '.', '  ', '--'];
    let seen = 0;
    let valid = 0;
    for (let k = 0; k < 30_000; k++) {
      // Every second/third digit pair (allocated or not), sometimes a digit short or long.
      const national = `1${digits(r, 2)}`;
      const j = pick(r, joiners);
      const tail = r() < 0.1 ? digits(r, 7 + Math.floor(r() * 3)) : `${digits(r, 4)}${j}${digits(r, 4)}`;
      const text = `${pick(r, ['', '电话', 'a', '1', '+', ' '])}${pick(r, prefixes)}${national}${pick(r, ['', j])}${tail}${pick(r, ['', '号', 'x', '5', ' '])}`;
      for (const m of matches(CN_MOBILE, text)) {
        seen++;
        const fast = isCnMobile(m);
        if (fast) valid++;
        expect(fast, m).toBe(oldMobile(m));
      }
    }
    expect(seen).toBeGreaterThan(3_000);
    expect(valid).toBeGreaterThan(500);
    expect(seen - valid).toBeGreaterThan(500);
  });

  it('cnLandlineScore scores as the digit copy and regex tests did', () => {
    const r = rng(77);
    const seps = ['', ' ', '-', '  '];
    const scores = new Map<number, number>();
    let seen = 0;
    for (let k = 0; k < 30_000; k++) {
      const area = `0${digits(r, 2 + Math.floor(r() * 2))}`;
      const head = r() < 0.3 ? `(${area})` : area;
      const text = `${pick(r, ['', '电话', 'a', '9', ' '])}${head}${pick(r, seps)}${digits(r, 7 + Math.floor(r() * 3))}${pick(r, ['', '转', 'b', '1'])}`;
      for (const m of matches(CN_LANDLINE, text)) {
        seen++;
        const fast = cnLandlineScore(m);
        scores.set(fast, (scores.get(fast) ?? 0) + 1);
        expect(fast, m).toBe(oldLandline(m));
      }
    }
    expect(seen).toBeGreaterThan(3_000);
    // All three outcomes occur: rejected, unseparated and separated.
    for (const s of [0, 0.35, 0.6]) expect(scores.get(s) ?? 0, String(s)).toBeGreaterThan(500);
  });
});
