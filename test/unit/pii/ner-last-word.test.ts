/** en_ner's last word of a span by a backward scan must be what `slice(start, end).split(/\s+/).pop()` gave. */
import { describe, expect, it } from 'vitest';
import { createRng, pick } from '../../../datasets/lib/rng.js';
import { lastWordOf } from '../../../guardrails/pii/recognizers/en-ner.js';

describe('en_ner lastWordOf', () => {
  it('equals the regex split on random spans', () => {
    const rng = createRng(14);
    // Every \s character kind, letters, CJK, punctuation.
    const pieces = ['Keller', 'GmbH', 'de', 'la', 'A', 'b', '.', '-', "'", '张', ' ', '  ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028', '\u200b', '\u180e'];
    for (let i = 0; i < 40_000; i++) {
      let t = '';
      const n = Math.floor(rng() * 8);
      for (let k = 0; k < n; k++) t += pick(rng, pieces);
      const start = Math.floor(rng() * (t.length + 1));
      const end = start + Math.floor(rng() * (t.length - start + 1));
      expect(lastWordOf(t, start, end), JSON.stringify([t, start, end])).toBe(t.slice(start, end).split(/\s+/).pop());
    }
  });
});

import { AFTER_NUMBER, numberJustBefore } from '../../../guardrails/pii/recognizers/en-ner.js';

describe('en_ner numberJustBefore', () => {
  it('equals AFTER_NUMBER on the 8 characters before the position', () => {
    const rng = createRng(15);
    const pieces = ['7', '12', ' ', ',', ', ', '\t', '\n', '\u00a0', '\u3000', 'a', 'Rue', '.', '-', '号', '  '];
    let hits = 0;
    for (let i = 0; i < 40_000; i++) {
      let t = '';
      const n = Math.floor(rng() * 8);
      for (let k = 0; k < n; k++) t += pick(rng, pieces);
      const start = Math.floor(rng() * (t.length + 1));
      const expected = AFTER_NUMBER.test(t.slice(Math.max(0, start - 8), start));
      if (expected) hits++;
      expect(numberJustBefore(t, start), JSON.stringify([t, start])).toBe(expected);
    }
    expect(hits).toBeGreaterThan(5_000);
  });
});
