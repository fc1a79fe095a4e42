/** Key material and plaintext buffers we own are zeroed once used (sodium.memzero). */
import { beforeAll, describe, expect, it } from 'vitest';
import { ResponseSealer, generateX25519KeyPair, loadSodium, sealRequest, utf8 } from '../../src/protocol/index.js';
import { KeyRing } from '../../enclave-sim/key-custody.js';

const zeroed = (bytes: Uint8Array) => bytes.every((b) => b === 0);

beforeAll(async () => {
  await loadSodium();
});

describe('wiping', () => {
  it('a sealed response frame wipes its plaintext buffer', () => {
    const recipient = generateX25519KeyPair();
    const sealed = sealRequest({
      recipientPublicKey: recipient.publicKey,
      keyId: 'k',
      binding: { tenant: 't', route: '/v1/chat/completions', model: 'm', timestampMs: 1, requestId: 'wipe_test_request_01' },
      plaintext: utf8('{}'),
    });
    const sealer = new ResponseSealer(new Uint8Array(32).fill(7), sealed.enc);
    sealer.begin({ status: 200, kind: 'json' });
    const plaintext = utf8('data: secret\n\n');
    sealer.seal(plaintext, true);
    expect(zeroed(plaintext)).toBe(true);
    expect(() => sealer.seal(utf8('more'), false)).toThrow(/already finished/);
  });

  it('the sender ephemeral key is wiped after encapsulation', () => {
    const recipient = generateX25519KeyPair();
    const ephemeral = generateX25519KeyPair();
    sealRequest({
      recipientPublicKey: recipient.publicKey,
      keyId: 'k',
      binding: { tenant: 't', route: '/v1/chat/completions', model: 'm', timestampMs: 1, requestId: 'wipe_test_request_02' },
      plaintext: utf8('{}'),
      ephemeral,
    });
    expect(zeroed(ephemeral.privateKey)).toBe(true);
  });

  it('a retired enclave key is wiped when its grace period ends, and every key on destroy', async () => {
    let now = 1_000;
    const ring = await KeyRing.create(() => now);
    const first = ring.currentKey;
    const firstPrivate = first.keyPair.privateKey;
    ring.rotate(500);
    expect(ring.lookup(first.keyId)).toBeDefined();
    expect(zeroed(firstPrivate)).toBe(false);
    now += 501;
    expect(ring.lookup(first.keyId)).toBeUndefined();
    expect(zeroed(firstPrivate)).toBe(true);
    const current = ring.currentKey.keyPair.privateKey;
    ring.destroy();
    expect(zeroed(current)).toBe(true);
  });
});
