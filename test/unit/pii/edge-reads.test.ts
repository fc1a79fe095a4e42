import { describe, expect, it } from 'vitest';
import { codeAt, tableAt } from '../../../guardrails/pii/types.js';
import { zhCharModel } from '../../../guardrails/pii/zh/char-model.js';

describe('edge reads without out-of-range access', () => {
  it('codeAt is charCodeAt inside the text and -1 outside it', () => {
    const text = '王芳A';
    for (let i = 0; i < text.length; i++) expect(codeAt(text, i)).toBe(text.charCodeAt(i));
    for (const i of [-2, -1, text.length, text.length + 1]) expect(codeAt(text, i)).toBe(-1);
  });

  it('tableAt reads a per-code table inside the text and 0 outside it', () => {
    const table = new Uint8Array(65536);
    table['芳'.charCodeAt(0)] = 1;
    expect([-1, 0, 1, 2].map((i) => tableAt(table, '王芳', i))).toEqual([0, 0, 1, 0]);
  });

  it('the character model reads -1 as it read NaN (charCodeAt past the text): an unseen character', () => {
    // The name and place recognizers pass codeAt's -1 where they used to pass NaN.
    const m = zhCharModel();
    const codes = ['张', '伟', '北', '京', 'a', '，'].map((c) => c.charCodeAt(0));
    for (const c of codes) {
      expect(m.pmi(-1, c)).toBe(m.pmi(NaN, c));
      expect(m.pmi(c, -1)).toBe(m.pmi(c, NaN));
      expect(m.pairCount(c, -1)).toBe(m.pairCount(c, NaN));
      expect(m.logConditional(c, -1)).toBe(m.logConditional(c, NaN));
      expect(m.logConditional(-1, c)).toBe(m.logConditional(NaN, c));
    }
    expect(m.logUnigram(-1)).toBe(m.logUnigram(NaN));
    expect(m.count(-1)).toBe(m.count(NaN));
    expect(m.unigram(-1)).toBe(m.unigram(NaN));
  });
});
