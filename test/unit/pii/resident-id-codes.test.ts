/**
 * cnResidentId18 (guardrails/pii/validators.ts) decides by character codes what the regex, Number(slice) reads and
 * check-character comparison below decided: same verdict on generated values — valid and invalid IDs (province,
 * date, leap days, years up to the clock's, check character, x / X), other lengths, non-digits and full-width digits
 * in every position.
 */
import { describe, expect, it } from 'vitest';
import { cnResidentId18, gb11643CheckChar, plausibleBirthDate } from '../../../guardrails/pii/validators.js';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
}
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const digits = (r: () => number, n: number) => Array.from({ length: n }, () => String(Math.floor(r() * 10))).join('');

const PROVINCES = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91]);
/** The code before: region, valid birth date (plausibleBirthDate is the same isValidDate), GB 11643 check character. */
function old(value: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(value)) return false;
  if (!PROVINCES.has(Number(value.slice(0, 2)))) return false;
  if (!plausibleBirthDate(Number(value.slice(6, 10)), Number(value.slice(10, 12)), Number(value.slice(12, 14)))) return false;
  return gb11643CheckChar(value) === value[17]!.toUpperCase();
}

function value(r: () => number): string {
  const province = r() < 0.7 ? pick(r, ['11', '31', '44', '51', '91', '83']) : digits(r, 2);
  const year = pick(r, ['1899', '1900', '1985', '2000', '2004', '2100', String(new Date().getUTCFullYear()), String(new Date().getUTCFullYear() + 1), digits(r, 4)]);
  const month = pick(r, ['01', '02', '07', '12', '00', '13', digits(r, 2)]);
  const day = pick(r, ['01', '15', '28', '29', '30', '31', '00', '32', digits(r, 2)]);
  const body = `${province}${digits(r, 4)}${year}${month}${day}${digits(r, 3)}`;
  const check = r() < 0.6 ? gb11643CheckChar(body) : pick(r, ['X', 'x', '0', '5', 'Y', ' ']);
  let v = `${body}${check === 'X' && r() < 0.5 ? 'x' : check}`;
  const mutate = r();
  if (mutate < 0.1) v = v.slice(0, -1);
  else if (mutate < 0.15) v += pick(r, ['0', 'X', '\n']);
  else if (mutate < 0.3) {
    const at = Math.floor(r() * v.length);
    v = v.slice(0, at) + pick(r, ['a', 'X', 'x', '/', ':', '０', '٣', ' ', '-']) + v.slice(at + 1);
  }
  return v;
}

describe('cnResidentId18 by codes', () => {
  it('agrees with the regex and slices', () => {
    const r = rng(20261129);
    let valid = 0;
    for (let k = 0; k < 60_000; k++) {
      const v = value(r);
      const expected = old(v);
      if (expected) valid++;
      expect(cnResidentId18(v), JSON.stringify(v)).toBe(expected);
    }
    expect(valid).toBeGreaterThan(3_000);
  }, 60_000);
});
