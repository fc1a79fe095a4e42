/**
 * The protocol uses node:crypto (OpenSSL X25519, HMAC, SHA-256) where the runtime has it and libsodium /
 * JavaScript elsewhere (a browser bundle of the client SDK). Both paths must give the same bytes: the
 * published test vectors hold on either, and a request sealed on one opens on the other.
 */
import { createHash, createHmac, randomBytes as nodeRandomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  exportResponseSecret,
  fromBase64Url,
  fromHex,
  generateX25519KeyPair,
  keyIdFor,
  loadSodium,
  measurementOf,
  openRequest,
  parseEnvelope,
  sealRequest,
  setupBaseSender,
  toBase64Url,
  toHex,
  utf8,
  withX25519Handle,
} from '../../src/protocol/index.js';
import { hmacSha256, nativeCrypto, sha256, sha256Js, useNativeCrypto } from '../../src/protocol/native-crypto.js';
import { generateTestVectors, publishedVectors } from '../../src/protocol/test-vectors.js';

beforeAll(async () => {
  await loadSodium();
});
afterEach(() => useNativeCrypto(true));

const binding = { tenant: 'acme', route: '/v1/chat/completions', model: 'm', timestampMs: 1_764_000_000_000, requestId: 'AAAAAAAAAAAAAAAAAAAAAA' };
const kilobyte = utf8(JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'x'.repeat(960) }] }));

describe('runtime crypto without node:crypto', () => {
  it('finds node:crypto at run time here, and not once switched off', () => {
    expect(nativeCrypto()).toBeDefined();
    useNativeCrypto(false);
    expect(nativeCrypto()).toBeUndefined();
  });

  it('the JavaScript SHA-256 and HMAC equal OpenSSL for every padding boundary and key length', () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 4097]) {
      const data = nodeRandomBytes(length);
      expect(toHex(sha256Js(data)), `sha256 ${length}`).toBe(createHash('sha256').update(data).digest('hex'));
      for (const keyLength of [0, 32, 64, 65, 200]) {
        const key = nodeRandomBytes(keyLength);
        useNativeCrypto(false);
        const js = toHex(hmacSha256(key, data.subarray(0, length >> 1), data.subarray(length >> 1)));
        useNativeCrypto(true);
        expect(js, `hmac ${keyLength}/${length}`).toBe(createHmac('sha256', key).update(data).digest('hex'));
      }
    }
    useNativeCrypto(false);
    expect(toHex(sha256(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('base64url and hex round-trip without Buffer as with it', () => {
    for (const length of [0, 1, 2, 3, 31, 32, 33]) {
      const bytes = new Uint8Array(nodeRandomBytes(length));
      const b64 = toBase64Url(bytes);
      expect(b64).toBe(Buffer.from(bytes).toString('base64url'));
      expect(fromBase64Url(b64)).toEqual(bytes);
      expect(fromHex(toHex(bytes))).toEqual(bytes);
    }
  });

  it('the published test vectors come out byte for byte on the fallback path', async () => {
    const published = publishedVectors(readFileSync(new URL('../../docs/PROTOCOL.md', import.meta.url), 'utf8'));
    useNativeCrypto(false);
    expect(JSON.parse(JSON.stringify(await generateTestVectors()))).toEqual(published);
  });

  it('a 1 KB request sealed without node:crypto opens in the enclave with OpenSSL, and the other way round', () => {
    for (const senderNative of [false, true]) {
      useNativeCrypto(true);
      const enclaveKey = withX25519Handle(generateX25519KeyPair());
      const plainKey = generateX25519KeyPair();
      const keyId = keyIdFor(enclaveKey.publicKey);
      for (const recipient of [enclaveKey, plainKey]) {
        useNativeCrypto(senderNative);
        const sealed = sealRequest({ recipientPublicKey: recipient.publicKey, keyId, binding, plaintext: kilobyte });
        useNativeCrypto(!senderNative);
        const opened = openRequest(parseEnvelope(sealed.body), recipient, binding);
        expect(opened.plaintext).toEqual(kilobyte);
        expect(exportResponseSecret(opened.context)).toEqual(exportResponseSecret(sealed.context));
      }
    }
  });

  it('without node:crypto, a low-order recipient key is refused and no key handle is made', () => {
    useNativeCrypto(false);
    const one = new Uint8Array(32);
    one[0] = 1;
    for (const recipientKey of [new Uint8Array(32), one]) expect(() => setupBaseSender(recipientKey, utf8('info'))).toThrow(/invalid recipient key/);
    expect(withX25519Handle(generateX25519KeyPair()).handle).toBeUndefined();
    const parts = { code: 'a', models: 'b', policy: 'c' };
    const fallback = [measurementOf(parts), keyIdFor(one)];
    useNativeCrypto(true);
    expect(fallback).toEqual([measurementOf(parts), keyIdFor(one)]);
  });
});
