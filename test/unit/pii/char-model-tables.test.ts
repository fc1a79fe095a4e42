import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zhCharModel } from '../../../guardrails/pii/zh/char-model.js';

/**
 * The character model keeps one count bucket per code and each bucket's count and log probability (it kept a
 * count and a log probability per code): every code must read the values the per-code tables held, computed the
 * same way from guardrails/pii/zh/zh-char-stats.json.
 */
describe('zh char model unigram tables', () => {
  const file = JSON.parse(readFileSync(new URL('../../../guardrails/pii/zh/zh-char-stats.json', import.meta.url), 'utf8')) as { total: number; unigram: Record<string, string> };
  const perCode = new Float64Array(65536);
  for (const [k, chars] of Object.entries(file.unigram)) {
    const n = 2 ** (Number(k) + 0.5);
    for (let i = 0; i < chars.length; i++) perCode[chars.charCodeAt(i)] = n;
  }
  const m = zhCharModel();

  it('count, unigram and logUnigram equal the per-code values for every UTF-16 code', () => {
    let mismatches = 0;
    for (let c = 0; c < 65536; c++) {
      const n = perCode[c]!;
      if (m.count(c) !== n || m.unigram(c) !== (n + 0.5) / file.total || m.logUnigram(c) !== Math.log((n + 0.5) / file.total)) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('reads codes outside the text (-1, NaN) as unseen characters', () => {
    const unseen = Math.log(0.5 / file.total);
    expect(m.logUnigram(-1)).toBe(unseen);
    expect(m.logUnigram(Number.NaN)).toBe(unseen);
    expect(m.count(-1)).toBe(0);
  });
});
