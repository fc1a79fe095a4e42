import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CipherSuite, HkdfSha256 } from '@hpke/core';
import { DhkemX25519HkdfSha256 } from '@hpke/dhkem-x25519';
import { Chacha20Poly1305 } from '@hpke/chacha20poly1305';
import { generateTestVectors, publishedVectors, type TestVectors } from '../../src/protocol/test-vectors.js';
import {
  ResponseOpener,
  fromHex,
  fromUtf8,
  loadSodium,
  openRequest,
  parseEnvelope,
  exportResponseSecret,
  verifyAttestation,
  fromBase64Url,
} from '../../src/protocol/index.js';

const doc = readFileSync(new URL('../../docs/PROTOCOL.md', import.meta.url), 'utf8');
let published: TestVectors;

beforeAll(async () => {
  await loadSodium();
  published = publishedVectors(doc) as TestVectors;
});

const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer as ArrayBuffer;

describe('published test vectors (docs/PROTOCOL.md)', () => {
  it('match what the code generates, byte for byte', async () => {
    expect(published).toBeDefined();
    expect(JSON.parse(JSON.stringify(await generateTestVectors()))).toEqual(published);
  });

  it('the published envelope opens with the published recipient key and binding', () => {
    const r = published.request;
    const envelope = parseEnvelope(fromHex(r.envelope));
    expect(envelope.header).toMatchObject({ keyId: r.keyId, requestId: r.binding.requestId, timestampMs: r.binding.timestampMs, model: r.binding.model });
    const recipient = { privateKey: fromHex(r.recipientPrivateKey), publicKey: fromHex(r.recipientPublicKey) };
    const { plaintext, context } = openRequest(envelope, recipient, { tenant: r.binding.tenant, route: r.binding.route });
    expect(fromUtf8(plaintext)).toBe(r.plaintext);
    // The published response decrypts with the secret exported from that context.
    const opener = new ResponseOpener(exportResponseSecret(context), envelope.enc);
    expect(opener.push(fromHex(published.response.wire)).map(fromUtf8)).toEqual(published.response.frames);
    expect(opener.head).toEqual({ status: published.response.status, kind: published.response.kind });
    opener.end();
  });

  it('an independent HPKE implementation (@hpke/core) opens the published envelope and exports the same response secret', async () => {
    const r = published.request;
    const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Chacha20Poly1305() });
    const recipientKey = await suite.kem.deserializePrivateKey(toArrayBuffer(fromHex(r.recipientPrivateKey)));
    const recipientPublic = await suite.kem.deserializePublicKey(toArrayBuffer(fromHex(r.recipientPublicKey)));
    const envelope = parseEnvelope(fromHex(r.envelope));
    const context = await suite.createRecipientContext({
      recipientKey: { privateKey: recipientKey, publicKey: recipientPublic },
      enc: toArrayBuffer(envelope.enc),
      info: toArrayBuffer(fromHex(r.info)),
    });
    const plaintext = await context.open(toArrayBuffer(envelope.ciphertext), toArrayBuffer(fromHex(r.aad)));
    expect(new TextDecoder().decode(plaintext)).toBe(r.plaintext);
    const secret = new Uint8Array(await context.export(toArrayBuffer(new TextEncoder().encode(published.response.exporterContext)), 32));
    expect(Buffer.from(secret).toString('hex')).toBe(published.response.responseSecret);
  });

  it('the published attestation verifies under the published root key', async () => {
    const a = published.attestation;
    const document = await verifyAttestation(
      { payload: a.payloadBase64Url, signature: a.signatureBase64Url },
      { rootPublicKey: fromBase64Url(a.rootPublicKeyBase64Url), allowedMeasurements: [a.document.measurement], nonce: a.document.nonce, nowMs: a.document.issuedAt + 1 },
    );
    expect(document).toEqual(a.document);
    expect(Buffer.from(fromBase64Url(a.payloadBase64Url)).toString()).toBe(a.canonicalPayload);
  });
});
