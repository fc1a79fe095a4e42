import { describe, expect, it } from 'vitest';
import { found as foundAll, typesIn } from './helpers.js';

/** Findings other than place names (澳門 is a LOCATION of its own). */
const found = (text: string) => foundAll(text).filter((f) => !f.startsWith('LOCATION:'));

describe('MO_RESIDENT_ID recognizer (shape only: the check digit rule is not public)', () => {
  it('finds the printed, slashed and bare forms next to a context word, EN and ZH', () => {
    expect(found('澳門居民身份證號碼：1234567(8)')).toEqual(['MO_RESIDENT_ID:1234567(8)']);
    expect(found('澳门身份证 5215299 (8)')).toEqual(['MO_RESIDENT_ID:5215299 (8)']);
    expect(found('BIR no. 7/123456/3')).toEqual(['MO_RESIDENT_ID:7/123456/3']);
    expect(found('Macau ID 71234563, thanks')).toEqual(['MO_RESIDENT_ID:71234563']);
    expect(found('證件號碼 1123456(0)')).toEqual(['MO_RESIDENT_ID:1123456(0)']);
  });

  it('full-width digits and brackets map back to the original text', () => {
    expect(found('澳門身份證：１２３４５６７（８）')).toEqual(['MO_RESIDENT_ID:１２３４５６７（８）']);
  });

  it('needs a context word: no finding without one', () => {
    for (const text of ['1234567(8)', 'ref 5215299(8)', '7/123456/3', '71234563', 'page 1234567(8) of the log']) expect(typesIn(text), text).toEqual([]);
  });

  it('only 1, 5 or 7 first, exactly seven digits before the check digit', () => {
    for (const text of ['澳門身份證 2234567(8)', '澳門身份證 6123456(7)', '澳門身份證 123456(7)', '澳門身份證 12345678(9)', '澳門身份證 123456789',
      '澳門身份證 1234567(89)', '澳門身份證 A1234567(8)', '澳門身份證 1234567']) {
      expect(typesIn(text), text).not.toContain('MO_RESIDENT_ID');
    }
  });

  it('near misses: order numbers, product codes, timestamps, versions', () => {
    for (const text of ['澳門身份證已收到，訂單 1234567(8)', '身份證 型號 71234563', 'order 51234563 for BIR', 'timestamp 1700000000',
      'version 1.2.3.4567', '2024-05-12 17:12:34', '身份證 1234567.8']) {
      expect(typesIn(text), text).not.toContain('MO_RESIDENT_ID');
    }
  });
});
