import { beforeAll, describe, expect, it } from 'vitest';
import {
  canonicalJson,
  generateX25519KeyPair,
  keyIdFor,
  loadSodium,
  rootKeyIdFor,
  signAttestation,
  toBase64Url,
  verifyAttestation,
  utf8,
  type AttestationDocument,
} from '../../src/protocol/index.js';

let sodium: Awaited<ReturnType<typeof loadSodium>>;
beforeAll(async () => {
  sodium = await loadSodium();
});

function setup(overrides: Partial<AttestationDocument> = {}) {
  const root = sodium.crypto_sign_keypair();
  const hpke = generateX25519KeyPair();
  const now = 1_800_000_000_000;
  const document: AttestationDocument = {
    version: 1,
    protocol: 'sealgate/2',
    measurement: 'a'.repeat(64),
    measurementParts: { code: 'b'.repeat(64), models: 'c'.repeat(64), policy: 'd'.repeat(64) },
    keyId: keyIdFor(hpke.publicKey),
    hpkePublicKey: toBase64Url(hpke.publicKey),
    suite: { kem: 0x20, kdf: 1, aead: 3 },
    signingPublicKey: toBase64Url(sodium.crypto_sign_keypair().publicKey),
    issuedAt: now,
    expiresAt: now + 60_000,
    nonce: 'n0nce-n0nce-n0nce-n0nce',
    rootKeyId: rootKeyIdFor(root.publicKey),
    ...overrides,
  };
  const response = signAttestation(document, root.privateKey);
  const verify = (opts: Partial<Parameters<typeof verifyAttestation>[1]> = {}, body: unknown = response) =>
    verifyAttestation(body, { rootPublicKey: root.publicKey, allowedMeasurements: ['a'.repeat(64)], nonce: document.nonce, nowMs: now + 1_000, ...opts });
  return { root, document, response, verify, now };
}

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'ok', (e: { code?: string }) => e.code);

describe('attestation document', () => {
  it('canonical JSON sorts keys at every depth and refuses non-integers', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 'é' }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":"é","z":1}]},"b":1}');
    expect(() => canonicalJson({ a: 1.5 })).toThrow(/safe integers/);
  });

  it('verifies a good document', async () => {
    const { verify, document } = setup();
    await expect(verify()).resolves.toEqual(document);
  });

  it('refuses another root, a wrong nonce, unknown measurement, expiry and future issue', async () => {
    const { verify, now } = setup();
    expect(await codeOf(verify({ rootPublicKey: sodium.crypto_sign_keypair().publicKey }))).toBe('attestation_signature');
    expect(await codeOf(verify({ nonce: 'someone-elses-nonce' }))).toBe('attestation_nonce');
    expect(await codeOf(verify({ allowedMeasurements: ['e'.repeat(64)] }))).toBe('attestation_measurement');
    expect(await codeOf(verify({ nowMs: now + 60_000 }))).toBe('attestation_expired');
    expect(await codeOf(verify({ nowMs: now - 120_000 }))).toBe('attestation_expired');
  });

  it('refuses a validly signed but non-canonical or mis-keyed payload', async () => {
    const { root, document, verify } = setup();
    const sign = (payload: Uint8Array) =>
      toBase64Url(sodium.crypto_sign_detached(new Uint8Array([...utf8('sealgate/1 attestation'), 0, ...payload]), root.privateKey));
    const spaced = utf8(JSON.stringify(document, null, 1));
    expect(await codeOf(verify({}, { payload: toBase64Url(spaced), signature: sign(spaced) }))).toBe('attestation_invalid');
    const otherKey = utf8(canonicalJson({ ...document, keyId: 'ffffffffffffffff' }));
    expect(await codeOf(verify({}, { payload: toBase64Url(otherKey), signature: sign(otherKey) }))).toBe('attestation_invalid');
    const unknownField = utf8(canonicalJson({ ...document, extra: 1 }));
    expect(await codeOf(verify({}, { payload: toBase64Url(unknownField), signature: sign(unknownField) }))).toBe('attestation_invalid');
  });

  it('refuses garbage responses', async () => {
    const { verify } = setup();
    expect(await codeOf(verify({}, null))).toBe('attestation_invalid');
    expect(await codeOf(verify({}, { payload: '!!', signature: 'x' }))).toBe('attestation_invalid');
  });
});
