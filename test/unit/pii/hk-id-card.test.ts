import { describe, expect, it } from 'vitest';
import { createRng, int, pick } from '../../../datasets/lib/rng.js';
import { hkid, hkidCheckChar } from '../../../guardrails/pii/validators.js';
import { found as foundAll, typesIn } from './helpers.js';

/** Findings other than the place names (香港 is a LOCATION of its own). */
const found = (text: string) => foundAll(text).filter((f) => !f.startsWith('LOCATION:'));

/**
 * The check character computed here from the published rule, independently of validators.ts: each of the 8
 * positions (a single-letter prefix padded with a space worth 36 in front; A-Z = 10-35) weighted 9…2, and the
 * check value c (A = 10) makes sum + c ≡ 0 mod 11. The Immigration Department's sample card A123456(3) is the
 * fixed point (36·9 + 10·8 + 1·7 + 2·6 + 3·5 + 4·4 + 5·3 + 6·2 = 481 ≡ 8, so c = 3; worked by hand).
 */
function check(body: string): string {
  const padded = body.length === 7 ? ` ${body}` : body;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = padded[i]!;
    const v = ch === ' ' ? 36 : /[A-Z]/.test(ch) ? ch.charCodeAt(0) - 55 : Number(ch);
    sum += v * (9 - i);
  }
  const c = (11 - (sum % 11)) % 11;
  return c === 10 ? 'A' : String(c);
}

const rng = createRng(852);
function body(letters = pick(rng, [1, 1, 1, 2])): string {
  let b = '';
  for (let i = 0; i < letters; i++) b += String.fromCharCode(65 + int(rng, 0, 25));
  for (let i = 0; i < 6; i++) b += String(int(rng, 0, 9));
  return b;
}
/** A check character other than the right one. */
const wrong = (b: string) => '0123456789A'.split('').find((c) => c !== check(b) && (c.charCodeAt(0) * 7 + b.length) % 3 === 0) ?? (check(b) === '0' ? '1' : '0');

describe('HKID validator', () => {
  it('agrees with the rule computed independently, and with the sample card', () => {
    expect(check('A123456')).toBe('3');
    expect(hkidCheckChar('A123456')).toBe('3');
    expect(hkid('A1234563')).toBe(true);
    expect(hkid('a1234563')).toBe(true);
    for (let i = 0; i < 2000; i++) {
      const b = body();
      expect(hkidCheckChar(b)).toBe(check(b));
      expect(hkid(b + check(b))).toBe(true);
      expect(hkid(b + wrong(b))).toBe(false);
    }
    expect(hkidCheckChar('A12345')).toBeUndefined();
    expect(hkidCheckChar('ABC123456')).toBeUndefined();
  });
});

describe('HK_ID_CARD recognizer', () => {
  it('finds the printed form A123456(3) without context, EN and ZH, one and two letters', () => {
    expect(found('My HKID is A123456(3), thanks')).toEqual(['HK_ID_CARD:A123456(3)']);
    expect(found('客户A123456(3)已登记')).toEqual(['HK_ID_CARD:A123456(3)']);
    for (let i = 0; i < 40; i++) {
      const b = body();
      const id = `${b}(${check(b)})`;
      expect(found(`請提供 ${id} 的資料`)).toEqual([`HK_ID_CARD:${id}`]);
    }
  });

  it('full-width and spaced forms map back to the original text', () => {
    expect(found('香港身份證號碼：Ａ１２３４５６（３）')).toEqual(['HK_ID_CARD:Ａ１２３４５６（３）']);
    expect(found('HKID A123456 (3)')).toEqual(['HK_ID_CARD:A123456 (3)']);
    expect(found('香港身份证 A 123456(3)')).toEqual(['HK_ID_CARD:A 123456(3)']);
  });

  it('without parentheses it needs a context word (EN or ZH)', () => {
    expect(found('HKID: A1234563')).toEqual(['HK_ID_CARD:A1234563']);
    expect(found('身份證號碼 A1234563')).toEqual(['HK_ID_CARD:A1234563']);
    expect(found('hong kong id xa1234568')).toEqual(['HK_ID_CARD:xa1234568']);
    expect(typesIn('A1234563')).toEqual([]);
    const b = 'G123456';
    expect(check(b)).toBe('A');
    expect(found(`id card ${b}A`)).toEqual([`HK_ID_CARD:${b}A`]);
  });

  it('rejects a wrong check character, also with context', () => {
    expect(typesIn('HKID A123456(4)')).toEqual([]);
    expect(found('香港身份證 A1234567')).toEqual([]);
    for (let i = 0; i < 40; i++) {
      const b = body();
      expect(typesIn(`HKID ${b}(${wrong(b)})`)).not.toContain('HK_ID_CARD');
    }
  });

  it('near misses: product codes, order numbers, versions, timestamps, longer tokens', () => {
    // A1234563 has a valid check digit; next to a product or order word it is not an ID even with 身份证 further back.
    for (const text of ['product code A1234563', '型號 A1234563', '訂單 A1234563', 'SKU A1234563 in stock', 'A1234567', 'ABC123456(3)',
      'A123456(3)7', 'X1A123456(3)', 'build A12345678', 'v1.2.3 A123456', '2024-05-12T10:30:45 A1234563', 'timestamp 1700000000 A123456']) {
      expect(typesIn(text), text).not.toContain('HK_ID_CARD');
    }
    expect(typesIn('型号 A123456(3)')).toEqual([]);
  });
});
