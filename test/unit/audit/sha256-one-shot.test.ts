/**
 * The per-request SHA-256s (audit record hash, API key hash, dev key / secret comparison) are computed
 * with crypto.hash in one call. Pinned to the FIPS 180-2 "abc" and empty-string vectors and to a
 * non-ASCII string (UTF-8 bytes, as createHash().update(string) hashed them), so stored hashes and
 * chains written before stay valid.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sealLine, sha256b64url, splitLine } from '../../../src/audit/chain.js';
import { hashApiKey, secretMatcher, secretsEqual, verifyApiKey } from '../../../src/auth/api-keys.js';

const NON_ASCII = 'é漢字🙂';

describe('one-shot SHA-256 on the request path', () => {
  it('hashes record bodies as before (base64url of the UTF-8 bytes)', () => {
    expect(sha256b64url('abc')).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
    expect(sha256b64url('')).toBe('47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU');
    expect(sha256b64url(NON_ASCII)).toBe('pNCbIZMvXB8d-114jo6eeX3LmnirXUznaAMVQHi-AxM');
    expect(sha256b64url(Buffer.from(NON_ASCII, 'utf8'))).toBe('pNCbIZMvXB8d-114jo6eeX3LmnirXUznaAMVQHi-AxM');
    const body = JSON.stringify({ kind: 'request', seq: 1, model: NON_ASCII });
    const { line, hash } = sealLine(body);
    expect(hash).toBe(createHash('sha256').update(body, 'utf8').digest('base64url'));
    expect(splitLine(line)).toEqual({ body, hash, sig: undefined });
  });

  it('hashes API keys as before (hex of the UTF-8 bytes) and still verifies them', () => {
    expect(hashApiKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashApiKey(NON_ASCII)).toBe('a4d09b21932f5c1f1dfb5d788e8e9e797dcb9a78ab5d4ce76803154078be0313');
    const key = 'sg-kabcdefghij0_secret';
    const stored = createHash('sha256').update(key, 'utf8').digest('hex');
    expect(verifyApiKey(key, stored)).toBe(true);
    expect(verifyApiKey(`${key}x`, stored)).toBe(false);
  });

  it('compares secrets of any length and encoding', () => {
    const isSecret = secretMatcher(NON_ASCII);
    expect(isSecret(NON_ASCII)).toBe(true);
    expect(isSecret('é漢字')).toBe(false);
    expect(isSecret('')).toBe(false);
    expect(secretsEqual('abc', 'abc')).toBe(true);
    expect(secretsEqual('abc', 'abcd')).toBe(false);
    expect(secretsEqual(NON_ASCII, NON_ASCII)).toBe(true);
  });
});
