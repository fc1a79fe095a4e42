/**
 * ContextMatcher.index's walk of the characters (Chinese text, long text) finds the same context-word hits, in the
 * same order, as the regex alternation of short Latin text (index(text, false, false)).
 */
import { describe, expect, it } from 'vitest';
import { ContextMatcher, DEFAULT_CONTEXT, type ContextWords } from '../../../guardrails/pii/context.js';
import type { EntityType } from '../../../guardrails/pii/types.js';
import { foldTraditionalCode } from '../../../guardrails/core/traditional.js';

const allWords = (lists: Partial<Record<EntityType, ContextWords>>[]): string[] => {
  const words = new Set<string>();
  for (const source of lists) for (const entry of Object.values(source)) for (const w of [...(entry?.positive ?? []), ...(entry?.negative ?? [])]) words.add(w.toLowerCase());
  return [...words];
};

/** What the detector's TextFacts.hasCjk says (the range the walk folds). */
const HAN = /[\u3400-\u9fff]/;

function randomTexts(pieces: readonly string[], count: number, seed: number): string[] {
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);
  const texts: string[] = [];
  for (let t = 0; t < count; t++) {
    let text = '';
    const length = 1 + Math.floor(random() * 30);
    for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
    texts.push(text);
  }
  return texts;
}

describe('context word index', () => {
  // Context words, pieces of them (prefixes, glued letters), separators, and CJK / other characters around them.
  const FILLER = [' ', ' ', '\n', ',', '.', ':', '-', '_', 'x', 'a', '1', '9', 'é', '号', '的', 'ı', '\u4e00', '\ud83d\ude00', '#'];

  it('finds what the regex alternation finds, with the built-in lists', () => {
    const matcher = new ContextMatcher({});
    const words = allWords([DEFAULT_CONTEXT]);
    const pieces = [...FILLER, ...words, ...words.map((w) => w.slice(0, Math.max(1, w.length - 1))), 'telephone', 'phones', 'expiry', 'cellar', 'v1.2', 'd.o.b.'];
    let hits = 0;
    for (const text of randomTexts(pieces, 20_000, 3)) {
      const expected = matcher.index(text, false, false).occurrences(words);
      expect(matcher.index(text, true, true).occurrences(words), JSON.stringify(text)).toEqual(expected);
      // (The walk as the detector asks for it: `chinese` false for text without CJK, which it reads unfolded.)
      expect(matcher.index(text, HAN.test(text), true).occurrences(words), JSON.stringify(text)).toEqual(expected);
      hits += expected.length;
    }
    expect(hits).toBeGreaterThan(20_000);
  });

  it('and with custom words that open on punctuation, a single character or an ideograph pair sharing a first code', () => {
    const custom = { PERSON: { positive: ['#vip', '@', '客', '客户经理', 'q', 'kunde', 'kundennummer', '\u4e00\u4e01'] } } as const;
    const matcher = new ContextMatcher(custom);
    const words = allWords([DEFAULT_CONTEXT, custom]);
    const pieces = [...FILLER, ...words, '#', '@', '客', 'kund', 'q', '\u4e01'];
    let hits = 0;
    for (const text of randomTexts(pieces, 20_000, 5)) {
      const expected = matcher.index(text, false, false).occurrences(words);
      expect(matcher.index(text, true, true).occurrences(words), JSON.stringify(text)).toEqual(expected);
      // (The walk as the detector asks for it: `chinese` false for text without CJK, which it reads unfolded.)
      expect(matcher.index(text, HAN.test(text), true).occurrences(words), JSON.stringify(text)).toEqual(expected);
      hits += expected.length;
    }
    expect(hits).toBeGreaterThan(20_000);
  });

  it('and on Traditional characters, which the walk folds as it reads them (電話 / 身份證 / 銀行卡 and pieces)', () => {
    // One Traditional form per Simplified character that has one.
    const traditionalOf = new Map<number, number>();
    for (let c = 0x3400; c <= 0x9fff; c++) if (foldTraditionalCode(c) !== c && !traditionalOf.has(foldTraditionalCode(c))) traditionalOf.set(foldTraditionalCode(c), c);
    const toTraditional = (w: string) => String.fromCharCode(...[...w].map((ch) => traditionalOf.get(ch.charCodeAt(0)) ?? ch.charCodeAt(0)));
    const matcher = new ContextMatcher({});
    const words = allWords([DEFAULT_CONTEXT]);
    const chinese = words.filter((w) => /[\u3400-\u9fff]/.test(w));
    const traditional = chinese.map(toTraditional).filter((w, k) => w !== chinese[k]);
    expect(traditional.length).toBeGreaterThan(20);
    // Mixed scripts inside one word too (身份證 / 身份证), and a word's Traditional first character alone.
    const mixed = chinese.map((w) => (w.length > 1 ? toTraditional(w.slice(0, 1)) + w.slice(1) : w));
    const pieces = [...FILLER, ...chinese, ...traditional, ...mixed, ...traditional.map((w) => w.slice(0, 1)), '號', '證'];
    let hits = 0;
    for (const text of randomTexts(pieces, 20_000, 7)) {
      const expected = matcher.index(text, false, false).occurrences(words);
      expect(matcher.index(text, true, true).occurrences(words), JSON.stringify(text)).toEqual(expected);
      // (The walk as the detector asks for it: `chinese` false for text without CJK, which it reads unfolded.)
      expect(matcher.index(text, HAN.test(text), true).occurrences(words), JSON.stringify(text)).toEqual(expected);
      hits += expected.length;
    }
    expect(hits).toBeGreaterThan(20_000);
  });
});
