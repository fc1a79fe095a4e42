/**
 * The Ed25519 signer behind every receipt the gateway or the enclave signs (one per response, on the
 * answer's path for a lone request). libsodium's native signer (the optional `sodium-native` package)
 * takes about half the time of node:crypto's one-shot `sign`, whose per-call OpenSSL set-up costs more
 * than the signature itself. Ed25519 is deterministic (RFC 8032), so both produce the same bytes for the
 * same key and message; without the native package (not installed, or no prebuilt binary for the
 * platform) node:crypto signs.
 */
import { createRequire } from 'node:module';
import { sign, type KeyObject } from 'node:crypto';
import type { ReceiptSigner } from '../protocol/receipt-token.js';

/** The part of sodium-native's API used here (the package ships no type declarations). */
interface SodiumNative {
  crypto_sign_SECRETKEYBYTES: number;
  crypto_sign_PUBLICKEYBYTES: number;
  crypto_sign_BYTES: number;
  crypto_sign_seed_keypair(publicKey: Buffer, secretKey: Buffer, seed: Buffer): void;
  crypto_sign_detached(signature: Buffer, message: Uint8Array, secretKey: Buffer): void;
  sodium_malloc(size: number): Buffer;
  sodium_memzero(buffer: Buffer): void;
}

let native: SodiumNative | null | undefined;

function loadNative(): SodiumNative | null {
  if (native === undefined) {
    try {
      native = createRequire(import.meta.url)('sodium-native') as SodiumNative;
    } catch {
      native = null;
    }
  }
  return native;
}

export type Ed25519Backend = 'sodium-native' | 'node:crypto';

export function ed25519Backend(opts: { preferNative?: boolean } = {}): Ed25519Backend {
  return opts.preferNative !== false && loadNative() ? 'sodium-native' : 'node:crypto';
}

/** A signer for `privateKey` (an Ed25519 KeyObject); `preferNative: false` forces node:crypto. */
export function createEd25519Signer(privateKey: KeyObject, opts: { preferNative?: boolean } = {}): ReceiptSigner {
  const sodium = opts.preferNative === false ? null : loadNative();
  if (!sodium) return (data) => sign(null, data, privateKey);

  const jwk = privateKey.export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.d !== 'string') throw new Error('receipt signing key must be an Ed25519 private key');
  const seed = Buffer.from(jwk.d, 'base64url');
  // Guarded memory for the expanded secret key; the seed copy is wiped once it is expanded.
  const secretKey = sodium.sodium_malloc(sodium.crypto_sign_SECRETKEYBYTES);
  sodium.crypto_sign_seed_keypair(Buffer.alloc(sodium.crypto_sign_PUBLICKEYBYTES), secretKey, seed);
  sodium.sodium_memzero(seed);
  return (data) => {
    const signature = Buffer.allocUnsafe(sodium.crypto_sign_BYTES);
    sodium.crypto_sign_detached(signature, data, secretKey);
    return signature;
  };
}
