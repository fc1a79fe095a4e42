/**
 * The receipt signer: libsodium's native Ed25519 (the optional sodium-native package) and node:crypto
 * must give the same signature bytes for the same key and message (RFC 8032 is deterministic), so a
 * receipt verifies the same whichever backend signed it.
 */
import { generateKeyPairSync, randomBytes, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createEd25519Signer, ed25519Backend } from '../../../src/audit/ed25519-signer.js';

describe('createEd25519Signer', () => {
  it('loads the native backend on this platform (an optional dependency the lockfile installs)', () => {
    expect(ed25519Backend()).toBe('sodium-native');
    expect(ed25519Backend({ preferNative: false })).toBe('node:crypto');
  });

  it('signs byte-for-byte like node:crypto, and the signatures verify', () => {
    for (let k = 0; k < 4; k++) {
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      const fast = createEd25519Signer(privateKey);
      const plain = createEd25519Signer(privateKey, { preferNative: false });
      for (const size of [0, 1, 63, 64, 65, 400, 5000]) {
        const message = randomBytes(size);
        const signature = fast(message);
        expect(Buffer.from(signature).equals(sign(null, message, privateKey))).toBe(true);
        expect(Buffer.from(plain(message)).equals(Buffer.from(signature))).toBe(true);
        expect(verify(null, message, publicKey, signature)).toBe(true);
        const tampered = Buffer.from(message.length ? message : Buffer.from([0]));
        tampered[0]! ^= 1;
        expect(verify(null, tampered, publicKey, signature)).toBe(false);
      }
    }
  });

  it('refuses a key that is not an Ed25519 private key', () => {
    const { privateKey } = generateKeyPairSync('x25519');
    expect(() => createEd25519Signer(privateKey)).toThrow(/Ed25519 private key/);
  });
});
