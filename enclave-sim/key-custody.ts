/**
 * Key custody inside the worker: the HPKE key pairs (current + previous during its grace period) and
 * the enclave's Ed25519 signing key. Private keys live only in this isolate and are wiped when retired.
 */
import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { concatBytes, generateX25519KeyPair, keyIdFor, loadSodium, wipe, withX25519Handle, type X25519KeyPair } from '../src/protocol/index.js';

const PKCS8_ED25519_PREFIX = Uint8Array.from([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]);

export interface HpkeKeyEntry {
  keyId: string;
  keyPair: X25519KeyPair;
  createdAt: number;
  /** Set when a newer key replaced this one: accepted until then. */
  retiresAt?: number;
}

export class KeyRing {
  private current!: HpkeKeyEntry;
  private readonly previous = new Map<string, HpkeKeyEntry>();
  private signing!: { publicKey: Uint8Array; privateKey: Uint8Array; handle: KeyObject };

  private constructor(private readonly now: () => number) {}

  static async create(now: () => number = Date.now): Promise<KeyRing> {
    const sodium = await loadSodium();
    const ring = new KeyRing(now);
    const { publicKey, privateKey } = sodium.crypto_sign_keypair();
    // Signing goes through OpenSSL (node:crypto): ~25 µs a receipt against ~35 µs in libsodium's
    // WebAssembly, same Ed25519 signatures (deterministic, RFC 8032). libsodium's private key is
    // seed || public key; the DER copy of the seed is wiped as soon as OpenSSL holds it.
    const der = concatBytes(PKCS8_ED25519_PREFIX, privateKey.subarray(0, 32));
    let handle: KeyObject;
    try {
      handle = createPrivateKey({ key: Buffer.from(der.buffer, der.byteOffset, der.byteLength), format: 'der', type: 'pkcs8' });
    } finally {
      wipe(der);
    }
    ring.signing = { publicKey, privateKey, handle };
    ring.current = ring.newEntry();
    return ring;
  }

  private newEntry(): HpkeKeyEntry {
    const keyPair = withX25519Handle(generateX25519KeyPair());
    return { keyId: keyIdFor(keyPair.publicKey), keyPair, createdAt: this.now() };
  }

  get currentKey(): Readonly<HpkeKeyEntry> {
    return this.current;
  }

  get signingPublicKey(): Uint8Array {
    return this.signing.publicKey;
  }

  /** New current key; the old one stays usable for `graceMs`. */
  rotate(graceMs: number): HpkeKeyEntry {
    this.expire();
    const old = this.current;
    old.retiresAt = this.now() + graceMs;
    if (graceMs > 0) this.previous.set(old.keyId, old);
    else retire(old.keyPair);
    this.current = this.newEntry();
    return this.current;
  }

  /** The key pair for an envelope's key id, if it is current or still in its grace period. */
  lookup(keyId: string): X25519KeyPair | undefined {
    this.expire();
    if (keyId === this.current.keyId) return this.current.keyPair;
    return this.previous.get(keyId)?.keyPair;
  }

  acceptedKeyIds(): string[] {
    this.expire();
    return [this.current.keyId, ...this.previous.keys()];
  }

  sign(message: Uint8Array): Uint8Array {
    return new Uint8Array(sign(null, message, this.signing.handle));
  }

  /** The signing key as OpenSSL holds it (receipt issuing inside the enclave). */
  get signingKey(): KeyObject {
    return this.signing.handle;
  }

  private expire(): void {
    const now = this.now();
    for (const [keyId, entry] of this.previous) {
      if ((entry.retiresAt ?? 0) <= now) {
        retire(entry.keyPair);
        this.previous.delete(keyId);
      }
    }
  }

  destroy(): void {
    retire(this.current.keyPair);
    wipe(this.signing.privateKey);
    for (const entry of this.previous.values()) retire(entry.keyPair);
    this.previous.clear();
  }
}

/** Wipe a retired key pair's bytes and drop its OpenSSL handle (freed, and cleared, when collected). */
function retire(pair: X25519KeyPair): void {
  wipe(pair.privateKey);
  delete pair.handle;
}
