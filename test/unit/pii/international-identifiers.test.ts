import { describe, expect, it } from 'vitest';
import * as gen from '../../../datasets/pii/identifiers.js';
import { found, typesIn } from './helpers.js';

const rng = gen.seededRng(99);

describe('email', () => {
  it('finds addresses in EN and ZH text, incl. full-width', () => {
    expect(found('mail jane.doe+tag@mail.example.co.uk today')).toEqual(['EMAIL_ADDRESS:jane.doe+tag@mail.example.co.uk']);
    expect(found('邮箱是zhangwei@qq.com。')).toEqual(['EMAIL_ADDRESS:zhangwei@qq.com']);
    expect(found('邮箱ｚｈａｎｇ＠ｑｑ．ｃｏｍ')).toEqual(['EMAIL_ADDRESS:ｚｈａｎｇ＠ｑｑ．ｃｏｍ']);
  });
  it('ignores @mentions and addresses without a TLD', () => {
    expect(typesIn('ping @alice or user@localhost')).toEqual([]);
  });
});

describe('payment cards (Luhn)', () => {
  it('finds valid cards in several groupings', () => {
    for (let i = 0; i < 20; i++) {
      const card = gen.paymentCard(rng);
      expect(found(`card ${card} exp 12/29`)).toEqual([`CREDIT_CARD:${card}`]);
      const grouped = gen.groupCard(card, pick(['-', ' ']));
      expect(found(`信用卡 ${grouped}`)).toEqual([`CREDIT_CARD:${grouped}`]);
    }
  });
  it('rejects bad Luhn, unknown issuers and repeated digits', () => {
    for (let i = 0; i < 20; i++) expect(typesIn(`card ${gen.paymentCard(rng, false)}`)).not.toContain('CREDIT_CARD');
    expect(typesIn('card 0000000000000000')).not.toContain('CREDIT_CARD');
    expect(typesIn('card 9111111111111111')).not.toContain('CREDIT_CARD');
  });
});
const pick = (xs: string[]) => xs[Math.floor(rng() * xs.length)]!;

describe('IBAN (mod 97)', () => {
  it('finds compact and grouped IBANs; rejects bad check digits', () => {
    expect(found('IBAN: GB82 WEST 1234 5698 7654 32.')).toEqual(['IBAN_CODE:GB82 WEST 1234 5698 7654 32']);
    for (let i = 0; i < 20; i++) {
      const good = gen.iban(rng);
      expect(found(`pay to ${good} please`)).toEqual([`IBAN_CODE:${good}`]);
      expect(typesIn(`pay to ${gen.iban(rng, false)}`)).not.toContain('IBAN_CODE');
    }
  });
});

describe('US SSN', () => {
  it('finds dashed SSNs; bare 9 digits only with context', () => {
    expect(found('SSN: 536-22-8471')).toEqual(['US_SSN:536-22-8471']);
    expect(found('my social security number is 536228471')).toEqual(['US_SSN:536228471']);
    expect(typesIn('quantity 536228471')).not.toContain('US_SSN');
  });
  it('rejects invalid areas, groups and serials', () => {
    for (const bad of ['000-12-3456', '666-12-3456', '912-12-3456', '123-00-4567', '123-45-0000']) expect(typesIn(`SSN ${bad}`)).not.toContain('US_SSN');
  });
});

describe('international phone numbers', () => {
  it('finds valid E.164-style and NANP numbers', () => {
    expect(found('call +44 20 7946 0958 now')).toEqual(['PHONE_NUMBER:+44 20 7946 0958']);
    expect(found('call (415) 555-2671')).toEqual(['PHONE_NUMBER:(415) 555-2671']);
    expect(found('phone: 0496 46 46 70')).toEqual(['PHONE_NUMBER:0496 46 46 70']);
  });
  it('rejects impossible numbers', () => {
    expect(typesIn('value +1 23')).toEqual([]);
  });
});

describe('IP and MAC addresses', () => {
  it('finds IPv4, IPv6 and MAC', () => {
    expect(found('login from 203.0.113.42')).toEqual(['IP_ADDRESS:203.0.113.42']);
    expect(found('client 2001:db8:85a3::8a2e:370:7334 connected')).toEqual(['IP_ADDRESS:2001:db8:85a3::8a2e:370:7334']);
    expect(found('device 00:1A:2B:3C:4D:5E online')).toEqual(['MAC_ADDRESS:00:1A:2B:3C:4D:5E']);
  });
  it('rejects out-of-range octets, version strings and clock times', () => {
    expect(typesIn('ip 256.1.1.1')).toEqual([]);
    expect(typesIn('upgrade to version 10.2.33.4')).toEqual([]);
    expect(typesIn('版本 v2.10.1.3 发布')).toEqual([]);
    expect(typesIn('at 12:30:45 today')).toEqual([]);
  });
});

describe('dates of birth (context only)', () => {
  it('finds DOBs next to birth words in EN and ZH', () => {
    expect(found('DOB: 1990-03-15')).toEqual(['DATE_OF_BIRTH:1990-03-15']);
    expect(found('出生日期：1985年7月1日')).toEqual(['DATE_OF_BIRTH:1985年7月1日']);
    expect(found('born on March 5, 1979')).toEqual(['DATE_OF_BIRTH:March 5, 1979']);
  });
  it('ignores ordinary dates', () => {
    expect(typesIn('meeting on 2023-10-15 at noon')).toEqual([]);
    expect(typesIn('生日 1990-02-30')).toEqual([]); // no Feb 30
  });
});
