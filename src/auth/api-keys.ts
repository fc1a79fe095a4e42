/**
 * API keys: `sg-<id>_<secret>`. The id (public, 12 chars) finds the record without scanning; the
 * 256-bit secret makes the key unguessable, so a plain SHA-256 of the whole key is a safe thing to
 * store (no salt or slow hash needed for random keys) and comparing hashes in constant time
 * leaks nothing useful.
 */
import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

/** SHA-256 of a string's UTF-8 bytes in one call (crypto.hash: no Hash object on the per-request auth path). */
const sha256 = (text: string): Buffer => hash('sha256', text, 'buffer');

export const API_KEY_PREFIX = 'sg-';
const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ID_LENGTH = 11;

export interface NewApiKey {
  id: string;
  /** Shown once, never stored. */
  key: string;
  hash: string;
}

export function generateApiKey(): NewApiKey {
  const idBytes = randomBytes(ID_LENGTH);
  let id = 'k';
  for (const byte of idBytes) id += ID_ALPHABET[byte % ID_ALPHABET.length];
  const key = `${API_KEY_PREFIX}${id}_${randomBytes(32).toString('base64url')}`;
  return { id, key, hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return hash('sha256', key, 'hex');
}

/** The public id inside a key, or undefined when the string is not shaped like one of our keys. */
export function keyIdOf(key: string): string | undefined {
  if (!key.startsWith(API_KEY_PREFIX)) return undefined;
  const sep = key.indexOf('_', API_KEY_PREFIX.length);
  if (sep !== API_KEY_PREFIX.length + ID_LENGTH + 1) return undefined;
  const id = key.slice(API_KEY_PREFIX.length, sep);
  return /^k[a-z0-9]+$/.test(id) ? id : undefined;
}

/** Constant-time comparison of the presented key's hash with the stored hash. */
export function verifyApiKey(presented: string, storedHash: string): boolean {
  const a = Buffer.from(hashApiKey(presented), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Constant-time equality of two secrets of any length (hash both first so lengths match). */
export function secretsEqual(a: string, b: string): boolean {
  return timingSafeEqual(sha256(a), sha256(b));
}

/** `secretsEqual(candidate, secret)` for a fixed secret, its digest computed once instead of on every call. */
export function secretMatcher(secret: string): (candidate: string) => boolean {
  const digest = sha256(secret);
  return (candidate) => timingSafeEqual(sha256(candidate), digest);
}
