/**
 * repeatedNames (guardrails/pii/recognizers/en-ner.ts) reads the character after a repeated name's spaces by code
 * (wordCodeAfterSpaces) instead of `/^ +(\S)/.exec(text.slice(end, end + 4))`: both must agree on every string and
 * offset, including the text's end, tabs, no-break and ideographic spaces, and capitals after one to four spaces.
 */
import { describe, expect, it } from 'vitest';
import { wordCodeAfterSpaces } from '../../../guardrails/pii/recognizers/en-ner.js';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
}

function old(text: string, end: number): number {
  const next = /^ +(\S)/.exec(text.slice(end, end + 4));
  return next ? next[1]!.charCodeAt(0) : -1;
}

describe('repeatedNames next-word read', () => {
  it('agrees with the slice and regex', () => {
    const r = rng(20261129);
    const chars = [' ', ' ', ' ', 'K', 'k', '\t', '\n', '\u00a0', '\u3000', '\u2009', '\ufeff', 'É', '王', '.', '\ud83d'];
    let found = 0;
    for (let k = 0; k < 50_000; k++) {
      let text = '';
      const n = Math.floor(r() * 9);
      for (let p = 0; p < n; p++) text += chars[Math.floor(r() * chars.length)];
      for (let end = 0; end <= text.length + 1; end++) {
        const expected = old(text, end);
        if (expected >= 0) found++;
        expect(wordCodeAfterSpaces(text, end), JSON.stringify([text, end])).toBe(expected);
      }
    }
    expect(found).toBeGreaterThan(10_000);
  }, 60_000);
});
