import { describe, expect, it } from 'vitest';
import { validators as v } from '../../../guardrails/pii/index.js';
import * as gen from '../../../datasets/pii/identifiers.js';

describe('validators', () => {
  it('luhn accepts known test cards and rejects one-digit changes', () => {
    for (const card of ['4111111111111111', '5500000000000004', '378282246310005', '6011111111111117', '3530111333300000']) {
      expect(v.luhn(card)).toBe(true);
      expect(v.luhn(gen.corruptLast(card))).toBe(false);
    }
  });

  it('GB 11643: published example ID and check character X', () => {
    expect(v.cnResidentId18('11010519491231002X')).toBe(true);
    expect(v.cnResidentId18('11010519491231002x')).toBe(true);
    expect(v.cnResidentId18('110105194912310021')).toBe(false); // wrong check char
    expect(v.cnResidentId18('110105194913310029')).toBe(false); // month 13
    expect(v.cnResidentId18('990105194912310020')).toBe(false); // no province 99
    expect(v.cnResidentId15('110105491231002')).toBe(true);
    expect(v.cnResidentId15('110105491331002')).toBe(false);
  });

  it('GB 32100: valid codes and a wrong check character', () => {
    const rng = gen.seededRng(7);
    for (let i = 0; i < 50; i++) {
      expect(v.gb32100(gen.cnUscc(rng))).toBe(true);
      expect(v.gb32100(gen.cnUscc(rng, false))).toBe(false);
    }
    expect(v.gb32100('91350100M000100Y43')).toBe(true);
  });

  it('IBAN mod 97 and country length', () => {
    expect(v.ibanMod97('GB82WEST12345698765432')).toBe(true);
    expect(v.ibanMod97('DE89370400440532013000')).toBe(true);
    expect(v.ibanMod97('GB83WEST12345698765432')).toBe(false);
    expect(v.ibanMod97('GB82WEST1234569876543')).toBe(false); // GB is 22 long
  });

  it('SSN issuance rules', () => {
    expect(v.usSsn('536228471')).toBe(true);
    for (const bad of ['000123456', '666123456', '912345678', '123004567', '123450000', '078051120', '111111111']) expect(v.usSsn(bad)).toBe(false);
  });

  it('generated identifiers are valid, corrupted ones are not', () => {
    const rng = gen.seededRng(42);
    for (let i = 0; i < 200; i++) {
      expect(v.cnResidentId18(gen.cnResidentId(rng))).toBe(true);
      expect(v.cnResidentId18(gen.cnResidentId(rng, false))).toBe(false);
      expect(v.luhn(gen.paymentCard(rng))).toBe(true);
      expect(v.luhn(gen.paymentCard(rng, false))).toBe(false);
      expect(v.ibanMod97(gen.iban(rng))).toBe(true);
      expect(v.ibanMod97(gen.iban(rng, false))).toBe(false);
    }
  });
});

describe('plausibleBirthDate', () => {
  it('knows month lengths and Gregorian leap years, and the range 1900 … this year', () => {
    expect(v.plausibleBirthDate(2000, 2, 29)).toBe(true); // divisible by 400
    expect(v.plausibleBirthDate(1900, 2, 29)).toBe(false); // divisible by 100 only
    expect(v.plausibleBirthDate(2004, 2, 29)).toBe(true);
    expect(v.plausibleBirthDate(2003, 2, 29)).toBe(false);
    expect(v.plausibleBirthDate(1999, 4, 31)).toBe(false);
    expect(v.plausibleBirthDate(1999, 12, 31)).toBe(true);
    expect(v.plausibleBirthDate(1899, 12, 31)).toBe(false);
    expect(v.plausibleBirthDate(new Date().getUTCFullYear(), 1, 1)).toBe(true);
    expect(v.plausibleBirthDate(new Date().getUTCFullYear() + 1, 1, 1)).toBe(false);
    expect(v.plausibleBirthDate(1990, 13, 1)).toBe(false);
    expect(v.plausibleBirthDate(1990, 0, 1)).toBe(false);
    expect(v.plausibleBirthDate(1990, 1, 0)).toBe(false);
    expect(v.plausibleBirthDate(Number.NaN, 1, 1)).toBe(false);
  });
});
