import { describe, expect, it } from 'vitest';
import { createRng, int } from '../../../datasets/lib/rng.js';
import { twIdCheckDigit, twNationalId } from '../../../guardrails/pii/validators.js';
import { found as foundAll, typesIn } from './helpers.js';

/** Findings other than place names (台灣, 台北 are LOCATIONs of their own). */
const found = (text: string) => foundAll(text).filter((f) => !f.startsWith('LOCATION:'));

/**
 * The check digit from the published rule, written here independently of validators.ts: the letter's two-digit
 * code (the Ministry of the Interior's table, spelled out per letter), its tens digit ×1 and units digit ×9, the
 * next 8 digits ×8…1, and the check digit makes the total ≡ 0 mod 10. The textbook sample A123456789 is the fixed
 * point: 1 + 0 + (8 + 14 + 18 + 20 + 20 + 18 + 14 + 8) = 121, so the check digit is 9 (worked by hand).
 */
const CODES: Record<string, number> = {
  A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21, N: 22, O: 35, P: 23, Q: 24,
  R: 25, S: 26, T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33,
};
function check(body: string): string {
  const code = CODES[body[0]!]!;
  let sum = Math.floor(code / 10) + (code % 10) * 9;
  for (let i = 1; i <= 8; i++) sum += Number(body[i]) * (9 - i);
  return String((10 - (sum % 10)) % 10);
}

const rng = createRng(886);
function body(second = '1289'[int(rng, 0, 3)]!): string {
  let b = String.fromCharCode(65 + int(rng, 0, 25)) + second;
  for (let i = 0; i < 7; i++) b += String(int(rng, 0, 9));
  return b;
}
const wrong = (b: string) => String((Number(check(b)) + 1 + int(rng, 0, 8)) % 10);

describe('Taiwan ID validator', () => {
  it('agrees with the rule computed independently, and with the textbook sample', () => {
    expect(check('A12345678')).toBe('9');
    expect(twNationalId('A123456789')).toBe(true);
    expect(twNationalId('a123456789')).toBe(true);
    for (let i = 0; i < 2000; i++) {
      const b = body();
      expect(twIdCheckDigit(b)).toBe(check(b));
      expect(twNationalId(b + check(b))).toBe(true);
      expect(twNationalId(b + wrong(b))).toBe(false);
    }
  });
  it('takes 1/2 (national ID) and 8/9 (resident certificate) in second place only', () => {
    for (const second of '034567') {
      const b = body(second);
      expect(twNationalId(b + check(b))).toBe(false);
    }
  });
});

describe('TW_NATIONAL_ID recognizer', () => {
  it('finds valid numbers, EN and ZH, national IDs and resident certificates', () => {
    expect(found('身分證字號：A123456789')).toEqual(['TW_NATIONAL_ID:A123456789']);
    expect(found('my Taiwan ID is F131104093.')).toEqual(['TW_NATIONAL_ID:F131104093']);
    for (let i = 0; i < 40; i++) {
      const b = body();
      const id = b + check(b);
      expect(found(`您好，我的身分證是${id}，謝謝`)).toEqual([`TW_NATIONAL_ID:${id}`]);
      expect(found(`Taipei customer ${id} called`)).toEqual([`TW_NATIONAL_ID:${id}`]);
      expect(found(`高雄的客戶 ${id} 來電`)).toEqual([`TW_NATIONAL_ID:${id}`]);
    }
  });

  it('without an ID word or a Taiwan cue a valid-looking token is no ID (log lines, English prose)', () => {
    // 1 in 25 random capital-letter + 9-digit tokens pass the checksum: in log lines they read as IDs (task H2).
    expect(typesIn('Customer A123456789 called')).toEqual([]);
    const seeded = createRng(2026);
    let valid = 0;
    for (let i = 0; i < 4000; i++) {
      let token = String.fromCharCode(65 + int(seeded, 0, 25));
      for (let k = 0; k < 9; k++) token += String(int(seeded, 0, 9));
      if (!twNationalId(token)) continue;
      valid++;
      for (const line of [`2024-05-12 10:30:45 INFO user=${token} action=login`, `req_id=${token} status=200`, `[worker-3] processed job ${token} in 35ms`,
        `系統記錄：帳號 ${token} 登入成功`]) {
        expect(typesIn(line), line).not.toContain('TW_NATIONAL_ID');
      }
    }
    expect(valid).toBeGreaterThan(100);
  });

  it('full-width forms map back; a lower-case letter or a space after the letter needs a context word', () => {
    expect(found('身分證 Ａ１２３４５６７８９')).toEqual(['TW_NATIONAL_ID:Ａ１２３４５６７８９']);
    expect(found('身分證 A 123456789')).toEqual(['TW_NATIONAL_ID:A 123456789']);
    expect(found('national id a123456789')).toEqual(['TW_NATIONAL_ID:a123456789']);
    expect(typesIn('see a123456789')).toEqual([]);
    expect(typesIn('Box A 123456789')).toEqual([]);
  });

  it('rejects a wrong check digit or second digit, also with context', () => {
    expect(found('身分證 A123456788')).toEqual([]);
    expect(found('身分證 A323456789')).toEqual([]);
    for (let i = 0; i < 40; i++) {
      const b = body();
      expect(typesIn(`national id ${b}${wrong(b)}`)).not.toContain('TW_NATIONAL_ID');
    }
  });

  it('near misses: order and product numbers, longer tokens, timestamps, versions', () => {
    for (const text of ['訂單號 A123456789', '订单 A123456789 已发货', 'order A123456789 shipped', 'product code F131104093', 'SKU A123456789',
      'AB123456789', 'A1234567890', 'A123456789B', '1A123456789', 'A12345678', 'A1234567', 'version A123456789.1', 'ts 1700000000123',
      '2024-05-12 10:30:45', 'v1.2.3', '型號 F131104093']) {
      expect(typesIn(text), text).not.toContain('TW_NATIONAL_ID');
    }
  });
});
