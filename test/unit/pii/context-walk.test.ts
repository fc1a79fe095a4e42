/**
 * ContextMatcher.index's walk of the characters (Chinese text, long text) finds the same context-word hits, in the
 * same order, as the regex alternation of short Latin text (index(text, false, false)).
 */
import { describe, expect, it } from 'vitest';
import { ContextMatcher, DEFAULT_CONTEXT, type ContextWords } from '../../../guardrails/pii/context.js';
import type { EntityType } from '../../../guardrails/pii/types.js';

const allWords = (lists: Partial<Record<EntityType, ContextWords>>[]): string[] => {
  const words = new Set<string>();
  for (const source of lists) for (const entry of Object.values(source)) for (const w of [...(entry?.positive ?? []), ...(entry?.negative ?? [])]) words.add(w.toLowerCase());
  return [...words];
};

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
      hits += expected.length;
    }
    expect(hits).toBeGreaterThan(20_000);
  });
});
