/**
 * Key custody inside the worker: the HPKE key pairs (current + previous during its grace period) and
 * the enclave's Ed25519 signing key. Private keys live only in this isolate and are wiped when retired.
 */
import { generateX25519KeyPair, keyIdFor, loadSodium, wipe, type X25519KeyPair } from '../src/protocol/index.js';

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
  private signing!: { publicKey: Uint8Array; privateKey: Uint8Array };

  private constructor(private readonly now: () => number) {}

  static async create(now: () => number = Date.now): Promise<KeyRing> {
    const sodium = await loadSodium();
    const ring = new KeyRing(now);
    const { publicKey, privateKey } = sodium.crypto_sign_keypair();
    ring.signing = { publicKey, privateKey };
    ring.current = ring.newEntry();
    return ring;
  }

  private newEntry(): HpkeKeyEntry {
    const keyPair = generateX25519KeyPair();
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
    else wipe(old.keyPair.privateKey);
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

  sign(message: Uint8Array, sodium: Awaited<ReturnType<typeof loadSodium>>): Uint8Array {
    return sodium.crypto_sign_detached(message, this.signing.privateKey);
  }

  private expire(): void {
    const now = this.now();
    for (const [keyId, entry] of this.previous) {
      if ((entry.retiresAt ?? 0) <= now) {
        wipe(entry.keyPair.privateKey);
        this.previous.delete(keyId);
      }
    }
  }

  destroy(): void {
    wipe(this.current.keyPair.privateKey, this.signing.privateKey);
    for (const entry of this.previous.values()) wipe(entry.keyPair.privateKey);
    this.previous.clear();
  }
}
