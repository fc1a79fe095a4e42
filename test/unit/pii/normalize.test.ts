import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalize, digitsOf, SLOW_PATH } from '../../../guardrails/core/normalize.js';

const spanOf = (text: string, pattern: RegExp) => {
  const n = normalize(text);
  const m = pattern.exec(n.text);
  if (!m) return null;
  const [s, e] = n.toOriginal(m.index, m.index + m[0].length);
  return { normalized: m[0], original: text.slice(s, e) };
};

describe('normalize', () => {
  it('leaves plain ASCII untouched with an identity map', () => {
    const n = normalize('call 555-0100 now');
    expect(n.changed).toBe(false);
    expect(n.text).toBe('call 555-0100 now');
    expect(n.toOriginal(5, 13)).toEqual([5, 13]);
  });

  it('folds full-width digits and letters and maps spans back', () => {
    const r = spanOf('我的手机是１３８００１３８０００，谢谢', /\d{11}/);
    expect(r).toEqual({ normalized: '13800138000', original: '１３８００１３８０００' });
    expect(normalize('ＡＢＣ＠ｅｘａｍｐｌｅ．ｃｏｍ').text).toBe('ABC@example.com');
  });

  it('removes zero-width and bidi control characters', () => {
    const text = '1380\u200b013\u200d8000 and \u202eabc\u202c';
    const n = normalize(text);
    expect(n.text).toBe('13800138000 and abc');
    const r = spanOf(text, /\d{11}/);
    expect(r!.original).toBe('1380\u200b013\u200d8000');
  });

  it('applies NFKC compatibility folding (ligatures, circled digits, ideographic space)', () => {
    expect(normalize('ﬁle①\u3000x').text).toBe('file1 x');
  });

  it('skips only characters it would leave unchanged (the code units SLOW_PATH does not stop at)', () => {
    const skipped = new RegExp(SLOW_PATH.source);
    const invisible = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufe00-\ufe0f\ufeff]/;
    const changed: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      if (!skipped.test(ch) && (ch.normalize('NFKC') !== ch || invisible.test(ch))) changed.push(c.toString(16));
    }
    expect(changed).toEqual([]);
    // And the Chinese punctuation now skipped stays as it was.
    const n = normalize('他说：“你好”，《书名》—— 【注】、。');
    expect(n.text).toBe('他说:“你好”,《书名》—— 【注】、。');
    expect(n.toOriginal(10, 11)).toEqual([10, 11]);
  });

  it('keeps Chinese text and surrogate pairs intact', () => {
    const text = '张三😀住在北京市';
    const n = normalize(text);
    expect(n.text).toBe(text);
  });

  it('strips separators of split identifiers', () => {
    expect(digitsOf('138 0013-8000')).toBe('13800138000');
    expect(digitsOf('6222.0200.0000')).toBe('622202000000');
  });

  it('maps every normalised span to an original span that normalises to the same text', () => {
    const alphabet = fc.constantFrom('a', '1', '１', 'Ａ', '\u200b', '\u202e', '张', '😀', ' ', '\u3000', 'ﬁ', '，');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), fc.nat(), fc.nat(), (chars, a, b) => {
        const text = chars.join('');
        const n = normalize(text);
        const len = n.text.length;
        let s = len === 0 ? 0 : a % (len + 1);
        let e = len === 0 ? 0 : b % (len + 1);
        if (s > e) [s, e] = [e, s];
        // Only check spans that do not cut a multi-unit expansion (ﬁ → fi) or surrogate pair.
        const [os, oe] = n.toOriginal(s, e);
        expect(os).toBeLessThanOrEqual(oe);
        expect(oe).toBeLessThanOrEqual(text.length);
        const back = normalize(text.slice(os, oe)).text;
        expect(back.includes(n.text.slice(s, e))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
