import { describe, expect, it } from 'vitest';
import { generateApiKey, hashApiKey, keyIdOf, secretMatcher, secretsEqual, verifyApiKey } from '../../../src/auth/api-keys.js';

describe('API keys', () => {
  it('generates sg- keys with a public id and 256 bits of secret, stored only as a hash', () => {
    const { id, key, hash } = generateApiKey();
    expect(key).toMatch(/^sg-k[a-z0-9]{11}_[A-Za-z0-9_-]{43}$/);
    expect(keyIdOf(key)).toBe(id);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashApiKey(key));
    expect(hash).not.toContain(key.slice(15));
  });

  it('never generates the same key twice', () => {
    const keys = new Set(Array.from({ length: 200 }, () => generateApiKey().key));
    expect(keys.size).toBe(200);
  });

  it('verifies the right key and rejects any other, including one differing in the last character', () => {
    const { key, hash } = generateApiKey();
    expect(verifyApiKey(key, hash)).toBe(true);
    const last = key.at(-1) === 'A' ? 'B' : 'A';
    expect(verifyApiKey(key.slice(0, -1) + last, hash)).toBe(false);
    expect(verifyApiKey(generateApiKey().key, hash)).toBe(false);
    expect(verifyApiKey(key, 'not-hex')).toBe(false);
  });

  it('extracts ids only from well-formed keys', () => {
    expect(keyIdOf('sg-dev-local-only-key')).toBeUndefined();
    expect(keyIdOf('sk-abc')).toBeUndefined();
    expect(keyIdOf('sg-kabc_secret')).toBeUndefined();
    expect(keyIdOf('sg-kabcdefghij1_x')).toBe('kabcdefghij1');
    expect(keyIdOf('sg-KABCDEFGHIJ1_x')).toBeUndefined();
  });

  it('compares secrets of different lengths without throwing', () => {
    expect(secretsEqual('a', 'a')).toBe(true);
    expect(secretsEqual('a', 'ab')).toBe(false);
    const isA = secretMatcher('a');
    expect(isA('a')).toBe(true);
    expect(isA('ab')).toBe(false);
    expect(isA('')).toBe(false);
  });
});
