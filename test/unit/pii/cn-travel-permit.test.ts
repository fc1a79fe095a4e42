import { describe, expect, it } from 'vitest';
import { found as foundAll, typesIn } from './helpers.js';

/** Findings other than place names (香港, 台湾 are LOCATIONs of their own). */
const found = (text: string) => foundAll(text).filter((f) => !f.startsWith('LOCATION:'));

describe('CN_TRAVEL_PERMIT recognizer (no public check digit: context only)', () => {
  it('Home Return Permit (回乡证): H/M + 8 or 10 digits, EN and ZH, simplified and traditional', () => {
    expect(found('回乡证号码：H12345678')).toEqual(['CN_TRAVEL_PERMIT:H12345678']);
    expect(found('回鄉證 M8765432101')).toEqual(['CN_TRAVEL_PERMIT:M8765432101']);
    expect(found('Home Return Permit no. H01234567, please')).toEqual(['CN_TRAVEL_PERMIT:H01234567']);
    expect(found('港澳居民来往内地通行证 h12345678')).toEqual(['CN_TRAVEL_PERMIT:h12345678']);
  });

  it('a permit word names the H/M number a permit; a passport word alone keeps it a passport', () => {
    expect(found('通行证 H12345678')).toEqual(['CN_TRAVEL_PERMIT:H12345678']);
    expect(found('护照号 H12345678')).toEqual(['PASSPORT:H12345678']);
  });

  it('Taiwan compatriot permit (台胞证): 8 or 10 digits, only next to its own words', () => {
    expect(found('台胞证号码 12345678')).toEqual(['CN_TRAVEL_PERMIT:12345678']);
    expect(found('台胞證：0123456789')).toEqual(['CN_TRAVEL_PERMIT:0123456789']);
    expect(found('my Taiwan compatriot permit is 87654321')).toEqual(['CN_TRAVEL_PERMIT:87654321']);
    // 8 digits next to another permit's words, or none, are not a 台胞证.
    expect(found('回乡证 12345678')).toEqual([]);
    expect(found('港澳通行证 12345678')).toEqual([]);
    expect(typesIn('编号 12345678')).toEqual([]);
    expect(found('台胞证 123456789')).toEqual([]);
  });

  it('Exit-Entry Permit for Hong Kong and Macau: C + 8 characters, only next to its words', () => {
    expect(found('往来港澳通行证号码：C12345678')).toEqual(['CN_TRAVEL_PERMIT:C12345678']);
    expect(found('港澳通行證 CA1234567')).toEqual(['CN_TRAVEL_PERMIT:CA1234567']);
    expect(found('exit-entry permit C98765432')).toEqual(['CN_TRAVEL_PERMIT:C98765432']);
    expect(found('台胞证 C12345678')).toEqual([]);
    expect(typesIn('C12345678')).toEqual([]);
  });

  it('Taiwan travel permit for mainland residents: L + 8 digits next to 往来台湾 words', () => {
    expect(found('大陆居民往来台湾通行证 L12345678')).toEqual(['CN_TRAVEL_PERMIT:L12345678']);
    expect(typesIn('L12345678')).toEqual([]);
  });

  it('full-width and spaced-out text maps back to the original', () => {
    expect(found('回乡证：Ｈ１２３４５６７８')).toEqual(['CN_TRAVEL_PERMIT:Ｈ１２３４５６７８']);
    expect(found('台胞证　１２３４５６７８')).toEqual(['CN_TRAVEL_PERMIT:１２３４５６７８']);
  });

  it('near misses: order numbers, product codes, timestamps, versions, wrong lengths', () => {
    for (const text of ['订单 H12345678', '型号 C12345678', 'order H12345678 (permit pending)', '通行证 H1234567', '通行证 H123456789012',
      '台胞证 1234567', '台胞证 1700000000123', '通行证 2024-05-12 12:34:56', 'version 1.2.3 通行证', '港澳通行证 X12345678', '港澳通行证 C1234567A']) {
      expect(typesIn(text), text).not.toContain('CN_TRAVEL_PERMIT');
    }
  });
});

describe('residence permits for Hong Kong, Macau and Taiwan residents (港澳台居民居住证)', () => {
  /** GB 11643 check character, computed here: weights 2^(17-i) mod 11, check = (12 - sum mod 11) mod 11, 10 = X. */
  function check(first17: string): string {
    let sum = 0;
    for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
    const c = (12 - (sum % 11)) % 11;
    return c === 10 ? 'X' : String(c);
  }
  it('their 18-digit numbers (810000 / 820000 / 830000 + birth date) are resident IDs, not permits', () => {
    for (const first17 of ['81000019900101123', '82000019850505234', '83000020001212345']) {
      const id = first17 + check(first17);
      expect(found(`居住证号码 ${id}`)).toEqual([`CN_RESIDENT_ID:${id}`]);
      expect(found(`residence permit ${id}`)).toEqual([`CN_RESIDENT_ID:${id}`]);
    }
  });
});
