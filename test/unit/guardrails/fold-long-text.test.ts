/**
 * prepareForMatching (keyword rules, topics, allow-lists and the knowledge base all fold the text
 * with it) checked `out.endsWith(' ')` on the string it was building, once per character: V8 then
 * flattens the string each time, so a long text took quadratic time (256 KB with two keyword rules:
 * ~100 s on the event loop, in every tenant with rules). Same output as before (the old loop is the
 * reference here); the growth check compares one 256 KB text with eight 32 KB ones (old: ~8x and up).
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../guardrails/core/normalize.js';
import { foldCase, prepareForMatching } from '../../../guardrails/rules/fold.js';
import { longText } from '../../../bench/lib/long-text.js';

function oldCollapse(folded: string): { out: string; map: number[] } {
  const map: number[] = [];
  let out = '';
  for (let i = 0; i < folded.length; i++) {
    const ch = folded[i]!;
    if (/\s/.test(ch)) {
      if (out.endsWith(' ')) continue;
      out += ' ';
    } else out += ch;
    map.push(i);
  }
  return { out, map };
}

const cpuMs = (f: () => void): number => {
  const start = process.cpuUsage();
  f();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

describe('prepareForMatching on long texts', () => {
  it('collapses whitespace runs exactly as before', () => {
    const samples = ['', ' ', 'a  b', '  lead and trail  ', 'tab\tand\nnew\r\nline\u00a0nbsp', 'Project   NIGHTINGALE\n\n\tplan', '全角　空格 和\n换行', longText('mixed', 20_000, 4)];
    for (const text of samples) {
      const prepared = prepareForMatching(text);
      const normalized = normalize(text);
      const folded = foldCase(normalized.text);
      const { out, map } = oldCollapse(folded);
      expect(prepared.folded).toBe(out);
      for (let i = 0; i < out.length; i += Math.max(1, out.length >> 7)) {
        const old = normalized.toOriginal(map[i] ?? folded.length, (map[i] ?? folded.length - 1) + 1);
        expect(prepared.normalized.toOriginal(i, i + 1)).toEqual(old);
      }
    }
  });

  it('takes linear time: one 256 KB text costs about what eight 32 KB texts do', () => {
    const big = longText('en', 256 * 1024, 6);
    const small = big.slice(0, big.length >> 3);
    prepareForMatching(small); // warm-up
    let ratio = Infinity;
    for (let round = 0; round < 3 && ratio > 3; round++) {
      const eight = cpuMs(() => {
        for (let i = 0; i < 8; i++) prepareForMatching(small);
      });
      const one = cpuMs(() => prepareForMatching(big));
      ratio = Math.min(ratio, one / Math.max(eight, 1));
    }
    expect(ratio).toBeLessThan(3);
  }, 120_000);
});
