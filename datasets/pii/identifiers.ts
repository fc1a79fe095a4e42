/**
 * Fake identifier factories for tests and the synthetic PII generator: each makes a VALID value (checksums
 * computed the real way) or a deliberately INVALID one (same shape, wrong check digit). Deterministic given
 * the random source. All values are fabricated; none belongs to anyone.
 */
import { gb11643CheckChar, gb32100CheckChar, hkidCheckChar, luhn, twIdCheckDigit } from '../../guardrails/pii/validators.js';
import { createRng, int, pick, type Rng } from '../lib/rng.js';

export type { Rng };
export { int, pick };
/** mulberry32 (datasets/lib/rng.ts): tiny seeded PRNG so generated data is reproducible. */
export const seededRng = createRng;
export const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => String(int(rng, 0, 9))).join('');
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Changes the last character to a different one of the same kind: the checksum then fails. */
export function corruptLast(value: string, alphabet = '0123456789'): string {
  const last = value[value.length - 1]!;
  const options = alphabet.split('').filter((c) => c !== last.toUpperCase());
  return value.slice(0, -1) + options[(last.charCodeAt(0) * 7) % options.length]!;
}

const REGIONS = ['110101', '110105', '310104', '310115', '440106', '440305', '330106', '320102', '510107', '420106', '370202', '350203', '610113', '500103'];

export function cnResidentId(rng: Rng, valid = true): string {
  const year = int(rng, 1950, 2005);
  const month = int(rng, 1, 12);
  const day = int(rng, 1, 28);
  const first17 = `${pick(rng, REGIONS)}${year}${pad(month, 2)}${pad(day, 2)}${digits(rng, 3)}`;
  const id = first17 + gb11643CheckChar(first17);
  return valid ? id : corruptLast(id, '0123456789X');
}

const MOBILE_PREFIXES = ['130', '131', '132', '135', '136', '137', '138', '139', '150', '151', '152', '155', '158', '159', '166', '176', '177', '180', '181', '186', '187', '188', '189', '191', '198', '199'];
export const cnMobile = (rng: Rng) => pick(rng, MOBILE_PREFIXES) + digits(rng, 8);
export const cnLandline = (rng: Rng) => `${pick(rng, ['010', '021', '020', '0755', '0571', '028', '027'])}-${int(rng, 2, 8)}${digits(rng, 7)}`;

/** A Luhn-complete card number with a real issuer prefix. */
export function paymentCard(rng: Rng, valid = true, brand = pick(rng, ['visa', 'mastercard', 'unionpay', 'amex'] as const)): string {
  const prefix = { visa: '4' + digits(rng, 5), mastercard: `5${int(rng, 1, 5)}` + digits(rng, 4), unionpay: '62' + digits(rng, 4), amex: `3${pick(rng, ['4', '7'])}` + digits(rng, 4) }[brand];
  const length = brand === 'amex' ? 15 : brand === 'unionpay' ? pick(rng, [16, 19]) : 16;
  const body = prefix + digits(rng, length - prefix.length - 1);
  for (let d = 0; d <= 9; d++) {
    const candidate = body + d;
    if (luhn(candidate)) return valid ? candidate : body + ((d + 1 + int(rng, 0, 8)) % 10);
  }
  throw new Error('unreachable');
}

export function groupCard(card: string, sep = ' '): string {
  if (card.length === 15) return [card.slice(0, 4), card.slice(4, 10), card.slice(10)].join(sep);
  return card.match(/.{1,4}/g)!.join(sep);
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export function cnUscc(rng: Rng, valid = true): string {
  const body = `91${pick(rng, REGIONS)}` + Array.from({ length: 9 }, () => pick(rng, USCC_ALPHABET.split(''))).join('');
  const code = body + gb32100CheckChar(body)!;
  return valid ? code : corruptLast(code, USCC_ALPHABET);
}

/** IBAN with correct ISO 7064 mod-97 check digits. */
export function iban(rng: Rng, valid = true): string {
  const country = pick(rng, ['GB', 'DE', 'FR', 'NL', 'ES'] as const);
  const bban = {
    GB: () => Array.from({ length: 4 }, () => pick(rng, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''))).join('') + digits(rng, 14),
    DE: () => digits(rng, 18),
    FR: () => digits(rng, 23),
    NL: () => Array.from({ length: 4 }, () => pick(rng, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''))).join('') + digits(rng, 10),
    ES: () => digits(rng, 20),
  }[country]();
  const numeric = (bban + country + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rem = 0;
  for (const ch of numeric) rem = (rem * 10 + Number(ch)) % 97;
  const check = 98 - rem;
  const good = `${country}${pad(check, 2)}${bban}`;
  return valid ? good : `${country}${pad((check + 1) % 100 || 1, 2)}${bban}`;
}

export function usSsn(rng: Rng, valid = true): string {
  if (!valid) return `${pick(rng, ['000', '666', '9' + digits(rng, 2)])}-${pad(int(rng, 1, 99), 2)}-${pad(int(rng, 1, 9999), 4)}`;
  let area = int(rng, 1, 899);
  if (area === 666) area = 667;
  return `${pad(area, 3)}-${pad(int(rng, 1, 99), 2)}-${pad(int(rng, 1, 9999), 4)}`;
}

export const ipv4 = (rng: Rng) => `${int(rng, 11, 223)}.${int(rng, 0, 255)}.${int(rng, 0, 255)}.${int(rng, 1, 254)}`;
export const ipv6 = (rng: Rng) => Array.from({ length: 8 }, () => int(rng, 0, 0xffff).toString(16)).join(':');
export const mac = (rng: Rng) => Array.from({ length: 6 }, () => pad(int(rng, 0, 255), 0).length && int(rng, 16, 255).toString(16).toUpperCase()).join(':');
export const cnPlate = (rng: Rng) => `${pick(rng, '京沪粤浙苏川鄂湘鲁'.split(''))}${pick(rng, 'ABCDEFGH'.split(''))}${pick(rng, 'ABCDEFGHJK'.split(''))}${digits(rng, 4)}`;
export const cnPassport = (rng: Rng) => `E${digits(rng, 8)}`;
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const randomToken = (rng: Rng, n: number, alphabet = ALNUM) => Array.from({ length: n }, () => pick(rng, alphabet.split(''))).join('');
export const awsKey = (rng: Rng) => `AKIA${randomToken(rng, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`;
export const aliyunKey = (rng: Rng) => `LTAI${randomToken(rng, 20)}`;
export const openaiKey = (rng: Rng) => `sk-proj-${randomToken(rng, 48)}`;
export const githubToken = (rng: Rng) => `ghp_${randomToken(rng, 36)}`;
export function jwt(rng: Rng): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: digits(rng, 8), iat: 1700000000 + int(rng, 0, 1e6) })}.${randomToken(rng, 43, ALNUM + '-_')}`;
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Hong Kong Identity Card as printed, `A123456(3)` (two letters in one of five); invalid: another check character. */
export function hkId(rng: Rng, valid = true): string {
  const body = (rng() < 0.2 ? pick(rng, ['WX', 'XA', 'XB', 'XC', 'XD']) : pick(rng, UPPER.split(''))) + digits(rng, 6);
  const check = hkidCheckChar(body)!;
  return `${body}(${valid ? check : corruptLast(check, '0123456789A')})`;
}

/** Taiwan National ID (second digit 1/2) or new-format resident certificate number (8/9). */
export function twNationalId(rng: Rng, valid = true): string {
  const body = pick(rng, UPPER.split('')) + pick(rng, ['1', '2', '1', '2', '8', '9']) + digits(rng, 7);
  const id = body + twIdCheckDigit(body)!;
  return valid ? id : corruptLast(id);
}

/** Macau resident ID as printed, `1234567(8)` (shape only: there is no public check digit). */
export const moResidentId = (rng: Rng) => `${pick(rng, ['1', '5', '7'])}${digits(rng, 6)}(${int(rng, 0, 9)})`;

/** 回乡证 (H/M + 8 digits), 往来港澳通行证 (C + 8), 台胞证 (8 digits): shapes only, no check digits. */
export const homeReturnPermit = (rng: Rng) => `${pick(rng, ['H', 'M'])}${digits(rng, 8)}`;
export const exitEntryPermit = (rng: Rng) => `C${rng() < 0.5 ? pick(rng, UPPER.split('')) : digits(rng, 1)}${digits(rng, 7)}`;
export const taiwanResidentPermit = (rng: Rng) => digits(rng, 8);

/** Hong Kong (5/6/9 mobiles, 2/3 fixed lines) and Macau (66 mobiles) local numbers, Taiwan 09xx mobiles. */
export const hkPhone = (rng: Rng) => `${pick(rng, ['5', '6', '9', '2', '3'])}${digits(rng, 3)} ${digits(rng, 4)}`;
export const moPhone = (rng: Rng) => `66${digits(rng, 6)}`;
export const twMobile = (rng: Rng) => `09${pick(rng, ['12', '22', '33', '55', '88'])}-${digits(rng, 3)}-${digits(rng, 3)}`;
