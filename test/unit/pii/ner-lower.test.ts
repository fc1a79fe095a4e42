import { describe, expect, it } from 'vitest';
import { isUpperCode, lowerCode } from '../../../guardrails/pii/ner/features.js';

describe('the tagger’s memoised letter case (lowerCode, isUpperCode)', () => {
  it('equals the one-character string forms over the BMP, first call and memoised call alike', () => {
    for (let pass = 0; pass < 2; pass++) {
      for (let c = 0; c <= 0xffff; c++) {
        const s = String.fromCharCode(c);
        const lower = s.toLowerCase();
        if (lowerCode(c) !== lower.charCodeAt(0)) expect([c, lowerCode(c)]).toEqual([c, lower.charCodeAt(0)]);
        const upper = (c >= 65 && c <= 90) || (c >= 0xc0 && lower !== s);
        if (isUpperCode(c) !== upper) expect([c, isUpperCode(c)]).toEqual([c, upper]);
      }
    }
    // İ lower-cases to two units (i + combining dot): still upper case, first code i.
    expect([lowerCode(0x130), isUpperCode(0x130)]).toEqual([0x69, true]);
  });
});
