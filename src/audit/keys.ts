/**
 * The audit key: one Ed25519 key. It signs checkpoints and receipts (anyone holding the public key
 * can verify), and a separate HMAC key for content digests is derived from its seed with HKDF, so
 * an operator manages one secret. Accepted encodings: 32-byte seed as hex / base64 / base64url, or
 * a PKCS#8 PEM. Public keys: 32 raw bytes (hex / base64 / base64url) or an SPKI PEM.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, hkdfSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface AuditKeys {
  signingKey: KeyObject;
  publicKey: KeyObject;
  /** Raw 32-byte public key, base64url: what verifiers are given. */
  publicKeyRaw: string;
  /** Key id: first 16 hex chars of SHA-256 of the raw public key. */
  kid: string;
  /** HMAC-SHA256 key for content digests (derived, never stored). */
  digestKey: Buffer;
  /** 32-byte seed: what the enclave worker receives to sign receipts and compute digests in confidential mode. */
  seed: Buffer;
}

/** Decode a 32-byte secret/public value given as hex, base64 or base64url. */
export function decode32(text: string, what: string): Buffer {
  const t = text.trim();
  const buf = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, t.includes('-') || t.includes('_') ? 'base64url' : 'base64');
  if (buf.length !== 32) throw new Error(`${what} must be 32 bytes (hex, base64 or base64url); got ${buf.length} bytes`);
  return buf;
}

export function keysFromSeed(seed: Buffer): AuditKeys {
  if (seed.length !== 32) throw new Error('audit key seed must be 32 bytes');
  const signingKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(signingKey);
  const raw = rawPublicKey(publicKey);
  const digestKey = Buffer.from(hkdfSync('sha256', seed, Buffer.alloc(0), 'sealgate audit digest v1', 32));
  return { signingKey, publicKey, publicKeyRaw: raw.toString('base64url'), kid: kidOf(raw), digestKey, seed: Buffer.from(seed) };
}

export function parseAuditKey(text: string): AuditKeys {
  if (text.includes('BEGIN')) {
    const key = createPrivateKey(text);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`audit key must be Ed25519, got ${key.asymmetricKeyType}`);
    const der = key.export({ format: 'der', type: 'pkcs8' });
    return keysFromSeed(der.subarray(der.length - 32));
  }
  return keysFromSeed(decode32(text, 'audit key'));
}

export function parsePublicKey(text: string): KeyObject {
  if (text.includes('BEGIN')) return createPublicKey(text);
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, decode32(text, 'audit public key')]), format: 'der', type: 'spki' });
}

export function rawPublicKey(publicKey: KeyObject): Buffer {
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return der.subarray(der.length - 32);
}

export function kidOf(rawPublic: Buffer): string {
  return createHash('sha256').update(rawPublic).digest('hex').slice(0, 16);
}

export function generateAuditKey(): AuditKeys {
  const { privateKey } = generateKeyPairSync('ed25519');
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  return keysFromSeed(der.subarray(der.length - 32));
}

/** Where a secret comes from: a file path or an environment variable (never a literal in the config file). */
export interface SecretSource {
  file?: string;
  env?: string;
}

/** Read a secret from its file or env var; undefined when neither is set/present. */
export function readSecret(source: SecretSource, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (source.file) {
    try {
      return readFileSync(source.file, 'utf8');
    } catch (err) {
      throw new Error(`cannot read key file ${source.file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
  }
  if (source.env) return env[source.env] || undefined;
  return undefined;
}
