/**
 * accountScore (guardrails/pii/recognizers/bank-account.ts) decides by character codes what the digit copy and five
 * regexes below decided for a match of the recognizer's ACCOUNT pattern: same score (0 = dropped) on generated
 * matches — repeated digits, UnionPay 62… of every length, card-shaped 16 / 15 digit numbers, 4-6-5 and 4-4-4-4
 * groupings with one or mixed separators, and random groupings — and on the matches of ACCOUNT in random texts.
 */
import { describe, expect, it } from 'vitest';
import { accountScore } from '../../../guardrails/pii/recognizers/bank-account.js';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
}
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const digits = (r: () => number, n: number) => Array.from({ length: n }, () => String(Math.floor(r() * 10))).join('');

/** The code before (score 0: the match was dropped). */
function old(match: string): number {
  const digits = match.replace(/\D/g, '');
  if (/^(\d)\1+$/.test(digits)) return 0;
  const unionPay = /^62\d{14,17}$/.test(digits);
  if (!unionPay && (/^[3-5]\d{15}$/.test(digits) || /^3[47]\d{13}$/.test(digits) || /^\d{4}([ \-])\d{6}\1\d{5}$|^\d{4}([ \-])\d{4}\2\d{4}\2\d{4}$/.test(match))) return 0;
  return unionPay ? 0.3 : 0.2;
}

function grouped(r: () => number, body: string): string {
  const shape = r();
  const sep = () => pick(r, [' ', '-']);
  const s = sep();
  const mixed = r() < 0.3;
  const cut = (lengths: number[]) => {
    let out = '';
    let at = 0;
    for (const l of lengths) {
      if (at >= body.length) break;
      out += (out ? (mixed ? sep() : s) : '') + body.slice(at, at + l);
      at += l;
    }
    return at < body.length ? out + (mixed ? sep() : s) + body.slice(at) : out;
  };
  if (shape < 0.3) return body;
  if (shape < 0.45) return cut([4, 6, 5]);
  if (shape < 0.6) return cut([4, 4, 4, 4]);
  if (shape < 0.7) return cut([4, 4, 4, 4, 3]);
  const lengths: number[] = [];
  for (let k = 0; k < 8; k++) lengths.push(1 + Math.floor(r() * 6));
  return cut(lengths);
}

function body(r: () => number): string {
  const n = 8 + Math.floor(r() * 16);
  const kind = r();
  if (kind < 0.1) return String(Math.floor(r() * 10)).repeat(n);
  if (kind < 0.35) return `62${digits(r, pick(r, [12, 13, 14, 15, 16, 17, 18, n - 2]))}`;
  if (kind < 0.55) return `${pick(r, ['3', '4', '5', '6'])}${digits(r, pick(r, [14, 15, 16, n - 1]))}`;
  if (kind < 0.7) return `3${pick(r, ['4', '7', '5'])}${digits(r, pick(r, [12, 13, 14]))}`;
  return digits(r, n);
}

const ACCOUNT = /(?<![\d\-.])\d(?:[ \-]?\d){7,22}(?![\d\-]|[ \-]\d|\.\d)/g;

describe('accountScore by codes', () => {
  it('agrees with the digit copy and regexes on generated matches', () => {
    const r = rng(20261129);
    const seen = new Map<number, number>();
    for (let k = 0; k < 60_000; k++) {
      const m = grouped(r, body(r));
      const expected = old(m);
      seen.set(expected, (seen.get(expected) ?? 0) + 1);
      expect(accountScore(m), JSON.stringify(m)).toBe(expected);
    }
    for (const score of [0, 0.2, 0.3]) expect(seen.get(score)).toBeGreaterThan(3_000);
  });

  it('agrees on the matches of ACCOUNT in random texts', () => {
    const r = rng(7);
    let matches = 0;
    for (let k = 0; k < 20_000; k++) {
      let text = '';
      const n = 1 + Math.floor(r() * 6);
      for (let p = 0; p < n; p++) text += pick(r, [() => grouped(r, body(r)), () => digits(r, 1 + Math.floor(r() * 6)), () => pick(r, [' ', '-', '.', '账号', 'a', '  '])])();
      for (const m of text.matchAll(ACCOUNT)) {
        matches++;
        expect(accountScore(m[0]), JSON.stringify(m[0])).toBe(old(m[0]));
      }
    }
    expect(matches).toBeGreaterThan(10_000);
  });
});
