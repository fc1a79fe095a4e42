import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { createRng, int, pick } from '../../../datasets/lib/rng.js';
import { found as foundAll, typesIn } from './helpers.js';

/** Findings other than place names (香港, 台灣 are LOCATIONs of their own; the English tagger's reading of Hong Kong too). */
const found = (text: string) => foundAll(text).filter((f) => !/^(LOCATION|PERSON):/.test(f));

const rng = createRng(853);
const digits = (n: number) => Array.from({ length: n }, () => String(int(rng, 0, 9))).join('');

describe('Hong Kong, Macau and Taiwan phone numbers', () => {
  it('with the country code: already found by the international pattern (libphonenumber-js)', () => {
    expect(found('电话 +852 9123 4567')).toEqual(['PHONE_NUMBER:+852 9123 4567']);
    expect(found('call +853 6612 3456')).toEqual(['PHONE_NUMBER:+853 6612 3456']);
    expect(found('手機 +886 912 345 678')).toEqual(['PHONE_NUMBER:+886 912 345 678']);
    expect(found('00852 2123 4567')).toEqual(['PHONE_NUMBER:00852 2123 4567']);
  });

  it('without the country code, next to a region word and a phone word (simplified or traditional)', () => {
    expect(found('香港手机 9123 4567')).toEqual(['PHONE_NUMBER:9123 4567']);
    expect(found('香港手机 91234567')).toEqual(['PHONE_NUMBER:91234567']);
    expect(found('香港電話 21234567')).toEqual(['PHONE_NUMBER:21234567']);
    expect(found('澳門手機 66123456')).toEqual(['PHONE_NUMBER:66123456']);
    expect(found('澳門電話 2856 1234')).toEqual(['PHONE_NUMBER:2856 1234']);
    expect(found('台灣手機 0912345678')).toEqual(['PHONE_NUMBER:0912345678']);
    expect(found('台灣手機 0912-345-678')).toEqual(['PHONE_NUMBER:0912-345-678']);
    expect(found('台北市話 0223456789')).toEqual(['PHONE_NUMBER:0223456789']);
    expect(found('台北電話：(02)2345-6789')).toEqual(['PHONE_NUMBER:(02)2345-6789']);
    expect(found('Hong Kong mobile 91234567')).toEqual(['PHONE_NUMBER:91234567']);
    expect(found('my Taiwan phone is 0912 345 678')).toEqual(['PHONE_NUMBER:0912 345 678']);
  });

  it('a traditional-script phone word alone is context too', () => {
    expect(found('聯絡電話：9123 4567')).toEqual(['PHONE_NUMBER:9123 4567']);
    expect(found('手機 0912345678')).toEqual(['PHONE_NUMBER:0912345678']);
  });

  it('random eight-digit numbers: found exactly when libphonenumber-js calls them valid for HK or MO', () => {
    let validCount = 0;
    for (let i = 0; i < 400; i++) {
      const region = pick(rng, ['香港', '澳門', 'HK', 'Macau']);
      const number = `${int(rng, 1, 9)}${digits(7)}`;
      const valid = parsePhoneNumberFromString(number, 'HK')?.isValid() === true || parsePhoneNumberFromString(number, 'MO')?.isValid() === true;
      if (valid) validCount++;
      expect(typesIn(`${region} 手機號碼 ${number}`).includes('PHONE_NUMBER'), number).toBe(valid);
    }
    expect(validCount).toBeGreaterThan(100);
  });

  it('random Taiwan numbers in national form that libphonenumber-js calls valid are found', () => {
    let checked = 0;
    for (let i = 0; i < 400; i++) {
      const number = pick(rng, [() => `09${digits(8)}`, () => `0${int(rng, 2, 8)}${digits(8)}`, () => `0${int(rng, 2, 8)}${digits(7)}`])();
      if (parsePhoneNumberFromString(number, 'TW')?.isValid() !== true) continue;
      checked++;
      expect(found(`台灣電話 ${number}`), number).toEqual([`PHONE_NUMBER:${number}`]);
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('full-width digits map back to the original text', () => {
    expect(found('香港手机 ９１２３ ４５６７')).toEqual(['PHONE_NUMBER:９１２３ ４５６７']);
  });

  it('near misses: no phone word, order numbers, invalid prefixes, timestamps, versions', () => {
    for (const text of ['香港 91234567', '香港 订单 91234567', '香港手机 12345678', '澳門電話 12345678', '台灣手機 0012345678', '香港 timestamp 1700000000',
      '澳門 version 2.1.3.4567', '香港 2024-05-12 12:34:56', '台灣 1700000000123', '台灣 SKU 0912345678', '香港手机 912345678901']) {
      expect(typesIn(text), text).not.toContain('PHONE_NUMBER');
    }
  });
});
