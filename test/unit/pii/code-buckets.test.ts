import { describe, expect, it } from 'vitest';
import { createRng } from '../../../datasets/lib/rng.js';
import { CodeBuckets } from '../../../guardrails/pii/zh/code-buckets.js';

/** The first word of `words` (list order) that starts at `at` / ends at `at`: the loops CodeBuckets replaces. */
const firstStarting = (text: string, at: number, words: readonly string[]) => words.find((w) => text.startsWith(w, at));
const firstEnding = (text: string, at: number, words: readonly string[]) => words.find((w) => at - w.length >= 0 && text.startsWith(w, at - w.length));

describe('CodeBuckets (zh/code-buckets.ts)', () => {
  // Words sharing first and last characters, of several lengths, in an order that is not by length.
  const words = ['关注', '关', '加入', '毕业于', '于', '据', '国内', '国外', '新一届', '上一届', '一家', '这家', '家', '上市公司', '上市'];
  const byFirst = new CodeBuckets(words, 'first');
  const byLast = new CodeBuckets(words, 'last');
  const first = (text: string, at: number) => byFirst.of(text.charCodeAt(at)).find((w) => text.startsWith(w, at));
  const last = (text: string, at: number) => byLast.of(text.charCodeAt(at - 1)).find((w) => at - w.length >= 0 && text.startsWith(w, at - w.length));

  it('finds the same first word of the list as a scan of the whole list, at every position of random texts', () => {
    const alphabet = [...new Set(words.join(''))].join('') + 'ab，';
    const rng = createRng(5);
    let found = 0;
    for (let k = 0; k < 3000; k++) {
      let text = '';
      const length = Math.floor(rng() * 16);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(rng() * alphabet.length)];
      for (let at = 0; at <= text.length; at++) {
        expect(first(text, at)).toBe(firstStarting(text, at, words));
        expect(last(text, at)).toBe(firstEnding(text, at, words));
        if (firstStarting(text, at, words) !== undefined) found++;
      }
    }
    expect(found).toBeGreaterThan(1000);
  });

  it('keeps list order within a bucket and answers nothing outside the code range', () => {
    expect(byFirst.of('关'.charCodeAt(0))).toEqual(['关注', '关']);
    expect(byLast.of('家'.charCodeAt(0))).toEqual(['一家', '这家', '家']);
    expect(byFirst.of(-1)).toEqual([]);
    expect(byFirst.of(NaN)).toEqual([]);
    expect(byFirst.of('x'.charCodeAt(0))).toEqual([]);
  });
});
