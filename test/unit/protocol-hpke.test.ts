import { describe, expect, it, beforeAll } from 'vitest';
import { CipherSuite, HkdfSha256 } from '@hpke/core';
import { DhkemX25519HkdfSha256 } from '@hpke/dhkem-x25519';
import { Chacha20Poly1305 } from '@hpke/chacha20poly1305';
import {
  deriveX25519KeyPair,
  generateX25519KeyPair,
  loadSodium,
  setupBaseRecipient,
  setupBaseSender,
  utf8,
  fromUtf8,
  toHex,
  withX25519Handle,
} from '../../src/protocol/index.js';

// @hpke/core is an independent RFC 9180 implementation: agreeing with it both ways (ciphertexts and
// exported secrets) shows our libsodium-based HPKE is the standard, not a look-alike.
const reference = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Chacha20Poly1305() });
const info = utf8('sealgate interop info');
const aad = utf8('aad');
const exporterContext = utf8('sealgate/1 response');

const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer as ArrayBuffer;

beforeAll(async () => {
  await loadSodium();
});

describe('HPKE base mode (X25519, HKDF-SHA256, ChaCha20-Poly1305)', () => {
  it('opens what @hpke/core seals, and exports the same secret', async () => {
    const recipient = generateX25519KeyPair();
    const recipientPublic = await reference.kem.deserializePublicKey(toArrayBuffer(recipient.publicKey));
    const sender = await reference.createSenderContext({ recipientPublicKey: recipientPublic, info: toArrayBuffer(info) });
    const ciphertext = new Uint8Array(await sender.seal(toArrayBuffer(utf8('hello 你好')), toArrayBuffer(aad)));
    const theirExport = new Uint8Array(await sender.export(toArrayBuffer(exporterContext), 32));

    const context = setupBaseRecipient(new Uint8Array(sender.enc), recipient, info);
    expect(fromUtf8(context.open(aad, ciphertext))).toBe('hello 你好');
    expect(toHex(context.export(exporterContext, 32))).toBe(toHex(theirExport));
  });

  it('seals what @hpke/core opens, over several sequence numbers', async () => {
    const referenceKeys = await reference.kem.generateKeyPair();
    const publicKey = new Uint8Array(await reference.kem.serializePublicKey(referenceKeys.publicKey));
    const { enc, context } = setupBaseSender(publicKey, info);
    const receiver = await reference.createRecipientContext({ recipientKey: referenceKeys, enc: toArrayBuffer(enc), info: toArrayBuffer(info) });
    for (const message of ['one', 'two', 'three']) {
      const plaintext = new Uint8Array(await receiver.open(toArrayBuffer(context.seal(aad, utf8(message))), toArrayBuffer(aad)));
      expect(fromUtf8(plaintext)).toBe(message);
    }
    expect(toHex(context.export(exporterContext, 32))).toBe(toHex(new Uint8Array(await receiver.export(toArrayBuffer(exporterContext), 32))));
  });

  it('derives the same key pair as @hpke/core from the same IKM', async () => {
    const ikm = new Uint8Array(32).fill(7);
    const ours = deriveX25519KeyPair(ikm);
    const theirs = await reference.kem.deriveKeyPair(toArrayBuffer(ikm));
    expect(toHex(ours.publicKey)).toBe(toHex(new Uint8Array(await reference.kem.serializePublicKey(theirs.publicKey))));
  });

  it('refuses a different info, AAD or a flipped bit', () => {
    const recipient = generateX25519KeyPair();
    const seal = () => setupBaseSender(recipient.publicKey, info);
    const a = seal();
    const ct = a.context.seal(aad, utf8('secret'));
    expect(() => setupBaseRecipient(a.enc, recipient, utf8('other info')).open(aad, ct)).toThrow(/could not be decrypted/);
    expect(() => setupBaseRecipient(a.enc, recipient, info).open(utf8('other aad'), ct)).toThrow(/could not be decrypted/);
    const flipped = ct.slice();
    flipped[0]! ^= 1;
    expect(() => setupBaseRecipient(a.enc, recipient, info).open(aad, flipped)).toThrow(/could not be decrypted/);
  });

  it('rejects a low-order encapsulated key instead of deriving a predictable secret', () => {
    const recipient = generateX25519KeyPair();
    expect(() => setupBaseRecipient(new Uint8Array(32), recipient, info)).toThrow(/invalid encapsulated key/);
  });

  // The enclave decapsulates through OpenSSL (withX25519Handle); test vectors use libsodium.
  it('decapsulates through the OpenSSL key handle exactly as through libsodium, and agrees with @hpke/core', async () => {
    const recipient = generateX25519KeyPair();
    const withHandle = withX25519Handle({ publicKey: recipient.publicKey, privateKey: recipient.privateKey.slice() });
    expect(withHandle.handle).toBeDefined();
    const recipientPublic = await reference.kem.deserializePublicKey(toArrayBuffer(recipient.publicKey));
    const sender = await reference.createSenderContext({ recipientPublicKey: recipientPublic, info: toArrayBuffer(info) });
    const ciphertext = new Uint8Array(await sender.seal(toArrayBuffer(utf8('hello 你好')), toArrayBuffer(aad)));
    const theirExport = toHex(new Uint8Array(await sender.export(toArrayBuffer(exporterContext), 32)));
    for (const pair of [recipient, withHandle]) {
      const context = setupBaseRecipient(new Uint8Array(sender.enc), pair, info);
      expect(fromUtf8(context.open(aad, ciphertext))).toBe('hello 你好');
      expect(toHex(context.export(exporterContext, 32))).toBe(theirExport);
    }
    // Our own sender too, many times (random ephemeral keys), and a wrong recipient key fails.
    for (let i = 0; i < 20; i++) {
      const { enc, context } = setupBaseSender(recipient.publicKey, info);
      const ct = context.seal(aad, utf8(`message ${i}`));
      expect(fromUtf8(setupBaseRecipient(enc, withHandle, info).open(aad, ct))).toBe(`message ${i}`);
      expect(() => setupBaseRecipient(enc, withX25519Handle(generateX25519KeyPair()), info).open(aad, ct)).toThrow(/could not be decrypted/);
    }
  });

  // Senders encapsulate with an OpenSSL ephemeral key and a cached recipient key object.
  it('encapsulates through OpenSSL to whichever recipient key it is given (the cached key object follows a change)', () => {
    const first = generateX25519KeyPair();
    const second = generateX25519KeyPair();
    for (const recipient of [first, second, first]) {
      const { enc, context } = setupBaseSender(recipient.publicKey, info);
      const ct = context.seal(aad, utf8('rotated'));
      expect(fromUtf8(setupBaseRecipient(enc, recipient, info).open(aad, ct))).toBe('rotated');
      const other = recipient === first ? second : first;
      expect(() => setupBaseRecipient(enc, other, info).open(aad, ct)).toThrow(/could not be decrypted/);
    }
  });

  it('refuses to encapsulate to a low-order recipient key', () => {
    const one = new Uint8Array(32);
    one[0] = 1;
    for (const recipientKey of [new Uint8Array(32), one]) {
      expect(() => setupBaseSender(recipientKey, info)).toThrow(/invalid recipient key/);
    }
  });

  it('rejects low-order encapsulated keys through the OpenSSL key handle too', () => {
    const recipient = withX25519Handle(generateX25519KeyPair());
    const one = new Uint8Array(32);
    one[0] = 1;
    for (const enc of [new Uint8Array(32), one]) {
      expect(() => setupBaseRecipient(enc, recipient, info)).toThrow(/invalid encapsulated key/);
    }
  });
});
