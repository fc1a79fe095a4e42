/**
 * repeatedNames (guardrails/pii/recognizers/en-ner.ts) finds a long text's letter runs equal to a name word from
 * the tagger's capitalised tokens (letterRunsAtTokens) instead of a walk of every character (letterRunsEqualTo).
 * Both must give the same hits, in the same order, on texts mixing names, digits glued to capitals, apostrophes,
 * hyphens, accented and Greek letters, ×, CJK and punctuation; and the recogniser's spans on long texts must not
 * change with the path taken.
 */
import { describe, expect, it } from 'vitest';
import { Tokens } from '../../../guardrails/pii/ner/features.js';
import { letterRunsAtTokens, letterRunsEqualTo, taggerDictionary } from '../../../guardrails/pii/recognizers/en-ner.js';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
}

const WORDS = ['Keller', 'Maria', 'Krisztián', 'Ódor', 'Halvorsen', "O'Neil", 'Weeks-Rivas', 'Novak', 'Þórunn', 'Zoë'];
const PIECES = [
  ...WORDS, 'keller', 'KELLER', 'Kellers', 'McKeller', 'Maria', 'Novakova', 'Λεωφόρος', 'Σ', '×', '÷', '3', '42', '7Keller', 'é',
  ' ', ' ', ' ', ', ', '. ', '\n', "'", '’', '-', '_', '@', '#', '.', '/', '王', '小明', '（', '·', 'ǅ', 'İ', 'ß', 'ÿ', 'Ā', '\u0301',
];

describe('repeated name words: runs from the tagger tokens', () => {
  it('are the runs a walk of the characters finds', () => {
    const r = rng(20261130);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    const tokens = new Tokens(taggerDictionary());
    let hits = 0;
    for (let k = 0; k < 20000; k++) {
      let text = '';
      const parts = 1 + Math.floor(r() * 40);
      for (let p = 0; p < parts; p++) text += pick(PIECES);
      const words = new Set<string>();
      for (let w = 0; w < 1 + Math.floor(r() * 4); w++) words.add(pick(WORDS));
      let min = Infinity;
      let max = 0;
      for (const w of words) {
        min = Math.min(min, w.length);
        max = Math.max(max, w.length);
      }
      tokens.reset(text);
      const expected = letterRunsEqualTo(text, words, min, max);
      const got = letterRunsAtTokens(text, tokens, words, min, max);
      expect([...got], text).toEqual([...expected]);
      for (const list of expected.values()) hits += list.length;
    }
    expect(hits).toBeGreaterThan(2000);
  });
});
