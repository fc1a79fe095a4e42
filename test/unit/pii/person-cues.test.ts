/**
 * The English name finder reads the words before a capitalised run for titles and cues (Mr, my name is, thanks …).
 * Since speed round 14 it builds those phrases only when the nearest word ends some title or cue phrase; the
 * verdict must be the one it gave building them for every run: compared on random texts of cue words, their
 * pieces, punctuation and white space, cut to the 24 characters the recognizer looks at.
 */
import { describe, expect, it } from 'vitest';
import { createRng, pick } from '../../../datasets/lib/rng.js';
import { cueBefore, nearestCueWord } from '../../../guardrails/pii/recognizers/person.js';

const PIECES = ['mr', 'Mr.', 'MRS', 'dr', 'prof.', 'officer', 'my', 'name', 'is', 'names', 'are', 'last', 'first', 'full', 'i', 'am', "i'm", "I'M",
  'this', 'called', 'named', 'Dear', 'attn', 'regards,', 'sincerely', 'manager', 'boss', 'wife', 'son', 'friend', 'customer', 'contact:',
  'by', 'from', 'with', 'and', 'thanks', 'thank', 'you', 'to', 'cc', 'for', 'given', 'email', 'said', 'says', 'ceo', 'agent', 'the', 'John',
  'x', 'a', '7', '—', '.', ',', ':', '"', "'", '(', ')', '-', '’', ' ', ' ', ' ', '  ', '\n', '\t', '\r', '\u00a0', '号'];

describe('person cues before a run', () => {
  it('give the same verdict as building every phrase', () => {
    const rng = createRng(1414);
    const seen = [0, 0, 0, 0];
    for (let i = 0; i < 60_000; i++) {
      let t = '';
      const n = Math.floor(rng() * 9);
      for (let k = 0; k < n; k++) t += pick(rng, PIECES);
      const before = t.slice(-24);
      const cue = cueBefore(before, true);
      seen[cue]!++;
      expect(cueBefore(before), JSON.stringify(before)).toBe(cue);
    }
    // Every verdict occurs (title, strong, weak, none).
    for (const count of seen) expect(count).toBeGreaterThan(1_000);
  });

  it('nearest word: the first non-empty one of the last three', () => {
    expect(nearestCueWord('Thanks, ')).toBe('thanks');
    expect(nearestCueWord('dear — ')).toBe('dear');
    expect(nearestCueWord('a — — — ')).toBe('');
    expect(nearestCueWord('')).toBe('');
  });
});
