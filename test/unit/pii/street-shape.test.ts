import { describe, expect, it } from 'vitest';
import { createRng, pick } from '../../../datasets/lib/rng.js';
import { EN_STREET, hasStreetShape } from '../../../guardrails/pii/recognizers/address.js';

/** Whether EN_STREET matches anywhere in `text` (a fresh regex: EN_STREET's lastIndex is the recognizer's). */
const street = new RegExp(EN_STREET.source, EN_STREET.flags.replace('g', ''));

describe('hasStreetShape (what EN_STREET needs, checked before scanning Chinese text)', () => {
  it('holds on street lines, not on Chinese log rows', () => {
    for (const t of ['221B Baker Street', '住在 1600 Pennsylvania Ave NW', '17151 2450 Crown St.', '地址：12 Main Road，谢谢', '3 4 5 Rue'])
      expect([t, hasStreetShape(t)]).toEqual([t, true]);
    for (const t of ['2024-10-05 10:00:00 ERROR 支付失败', '] WARN 配置泄露 AccessKeyId=LTAI', 'Street 12', '12 Street', '12 Mainstreet'])
      expect([t, hasStreetShape(t)]).toEqual([t, street.test(t)]);
  });

  it('is true wherever EN_STREET matches, on random strings', () => {
    const rng = createRng(20261129);
    const tokens = ['1', '42', '221', '1600', 'B', 'x', ' ', ' ', 'Main', ' Main', ' Crown', ' ERROR', ' 7', ' Ave', ' St', ' Street', 'Str', ' Stra', ' Road', ' Rd.', ' NW', ', Apt', ' É', 'é', "'", '-', ',', '.', '号', '路', '：', '\n', 'ß', ' Straße'];
    let matched = 0;
    for (let n = 0; n < 80_000; n++) {
      let t = '';
      const length = 1 + Math.floor(rng() * 8);
      for (let k = 0; k < length; k++) t += pick(rng, tokens);
      const matches = street.test(t);
      if (matches) matched++;
      if (matches && !hasStreetShape(t)) expect(t).toBe('a text EN_STREET matches without the shape');
    }
    expect(matched).toBeGreaterThan(1500);
  });
});
