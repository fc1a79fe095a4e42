/**
 * HPKE (RFC 9180), base mode, one suite: DHKEM(X25519, HKDF-SHA256) + HKDF-SHA256 + ChaCha20-Poly1305.
 *
 * X25519 and HMAC run in node:crypto (OpenSSL) where the runtime has it (native-crypto.ts, found at
 * run time, no static import) and in libsodium / JavaScript elsewhere (a browser bundle of the client):
 * the same functions, so the same bytes either way.
 *
 * Why our own ~150 lines instead of `@hpke/core`: measured on this machine a full seal+open+export
 * round trip costs ~5 ms with @hpke/core (pure-JS X25519) against ~0.3 ms here (libsodium's X25519 and
 * AEAD, node:crypto HMAC), and every call here is synchronous. Interoperability with @hpke/core is
 * checked both ways in test/unit/protocol-hpke.test.ts, so this is the standard, not a variant.
 */
import type { KeyObject } from 'node:crypto';
import { bytesEqual, concatBytes, i2osp, randomBytes, toHex, utf8 } from './bytes.js';
import { ProtocolError } from './errors.js';
import { hmacSha256, nativeCrypto, type NodeCryptoModule } from './native-crypto.js';
import { sodiumSync, wipe } from './sodium.js';

export const KEM_ID = 0x0020; // DHKEM(X25519, HKDF-SHA256)
export const KDF_ID = 0x0001; // HKDF-SHA256
export const AEAD_ID = 0x0003; // ChaCha20Poly1305

const N_SECRET = 32;
const N_K = 32;
const N_N = 12;
const N_H = 32;
export const N_ENC = 32;
export const N_TAG = 16;

const MODE_BASE = 0x00;
const HPKE_V1 = utf8('HPKE-v1');
const KEM_SUITE_ID = concatBytes(utf8('KEM'), i2osp(KEM_ID, 2));
export const HPKE_SUITE_ID = concatBytes(utf8('HPKE'), i2osp(KEM_ID, 2), i2osp(KDF_ID, 2), i2osp(AEAD_ID, 2));
const EMPTY = new Uint8Array(0);

/** HKDF-Extract (RFC 5869); an empty salt is HMAC's zero key, as the RFC specifies. */
export function hkdfExtract(salt: Uint8Array, ikm: Uint8Array): Uint8Array {
  return hmacSha256(salt.length === 0 ? ZERO_SALT : salt, ikm);
}

const ZERO_SALT = new Uint8Array(N_H);
const COUNTER_BYTES = Array.from({ length: 256 }, (_, i) => Uint8Array.of(i));

/** HKDF-Expand (RFC 5869). */
export function hkdfExpand(prk: Uint8Array, info: Uint8Array, length: number): Uint8Array {
  if (length > 255 * N_H) throw new RangeError('HKDF-Expand length too large');
  // One block (every length this protocol asks for): T(1) = HMAC(prk, info || 0x01).
  if (length <= N_H) return firstBlock(hmacSha256(prk, info, COUNTER_BYTES[1]!), length);
  const out = new Uint8Array(length);
  let previous: Uint8Array = EMPTY;
  for (let filled = 0, counter = 1; filled < length; counter++) {
    previous = hmacSha256(prk, previous, info, COUNTER_BYTES[counter]!);
    out.set(previous.subarray(0, Math.min(N_H, length - filled)), filled);
    filled += N_H;
  }
  return out;
}

/** The first `length` bytes of an HKDF block, as their own buffer; the rest of the block is wiped. */
function firstBlock(block: Uint8Array, length: number): Uint8Array {
  if (length === block.length) return block;
  const out = block.slice(0, length);
  wipe(block);
  return out;
}

/** "HPKE-v1" || suite_id || label, built once per (suite, label): every request uses the same few. */
const labelPrefixes = new Map<string, Uint8Array>();
function labelPrefix(suiteId: Uint8Array, label: string): Uint8Array {
  const key = `${suiteId === KEM_SUITE_ID ? 'k' : suiteId === HPKE_SUITE_ID ? 'h' : toHex(suiteId)}:${label}`;
  let prefix = labelPrefixes.get(key);
  if (!prefix) {
    prefix = concatBytes(HPKE_V1, suiteId, utf8(label));
    if (labelPrefixes.size < 64) labelPrefixes.set(key, prefix);
  }
  return prefix;
}

function labeledExtract(suiteId: Uint8Array, salt: Uint8Array, label: string, ikm: Uint8Array): Uint8Array {
  return hmacSha256(salt.length === 0 ? ZERO_SALT : salt, labelPrefix(suiteId, label), ikm);
}

function labeledExpand(suiteId: Uint8Array, prk: Uint8Array, label: string, info: Uint8Array, length: number): Uint8Array {
  const labeledInfo = [i2osp(length, 2), labelPrefix(suiteId, label), info];
  if (length <= N_H) return firstBlock(hmacSha256(prk, ...labeledInfo, COUNTER_BYTES[1]!), length);
  return hkdfExpand(prk, concatBytes(...labeledInfo), length);
}

export interface X25519KeyPair {
  publicKey: Uint8Array;
  privateKey: Uint8Array;
  /**
   * The same private key as an OpenSSL key (node:crypto), for long-lived keys that decapsulate many
   * requests (the enclave's): X25519 there costs ~30 µs against ~70 µs in libsodium's WebAssembly.
   * Same function (RFC 7748), same bytes. Made by `withX25519Handle` where node:crypto exists.
   */
  handle?: KeyObject;
}

const PKCS8_X25519_PREFIX = Uint8Array.from([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22, 0x04, 0x20]);

/**
 * Adds the OpenSSL handle to a key pair that will decapsulate many requests. The DER copy of the
 * private key is wiped here; the KeyObject's copy lives in OpenSSL, which clears it when freed.
 */
export function withX25519Handle(pair: X25519KeyPair): X25519KeyPair {
  const native = nativeCrypto();
  if (!native) return pair; // no OpenSSL here: libsodium decapsulates with the raw key
  const der = concatBytes(PKCS8_X25519_PREFIX, pair.privateKey);
  try {
    pair.handle = native.createPrivateKey({ key: Buffer.from(der.buffer, der.byteOffset, der.byteLength), format: 'der', type: 'pkcs8' });
  } finally {
    wipe(der);
  }
  return pair;
}

export function generateX25519KeyPair(): X25519KeyPair {
  // 32 random bytes are a valid X25519 private key (the scalar is clamped by the multiplication).
  const privateKey = randomBytes(32);
  return { publicKey: sodiumSync().crypto_scalarmult_base(privateKey), privateKey };
}

/** DeriveKeyPair (RFC 9180 §7.1.3), used for deterministic test vectors. */
export function deriveX25519KeyPair(ikm: Uint8Array): X25519KeyPair {
  const prk = labeledExtract(KEM_SUITE_ID, EMPTY, 'dkp_prk', ikm);
  const privateKey = labeledExpand(KEM_SUITE_ID, prk, 'sk', EMPTY, 32);
  wipe(prk);
  return { publicKey: sodiumSync().crypto_scalarmult_base(privateKey), privateKey };
}

function dh(pair: X25519KeyPair, publicKey: Uint8Array): Uint8Array {
  let shared: Uint8Array;
  const native = pair.handle ? nativeCrypto() : undefined;
  try {
    if (pair.handle && native) {
      // OpenSSL refuses an all-zero result (low-order point) too: EVP_PKEY_derive fails and this throws.
      shared = native.diffieHellman({ privateKey: pair.handle, publicKey: x25519PublicKeyObject(native, publicKey) });
    } else {
      shared = sodiumSync().crypto_scalarmult(pair.privateKey, publicKey);
    }
  } catch {
    // libsodium refuses low-order points (all-zero output), as RFC 9180 §7.1.4 requires.
    throw new ProtocolError('decryption_failed', 'invalid encapsulated key');
  }
  return shared;
}

function extractAndExpand(dhSecret: Uint8Array, kemContext: Uint8Array): Uint8Array {
  const prk = labeledExtract(KEM_SUITE_ID, EMPTY, 'eae_prk', dhSecret);
  const sharedSecret = labeledExpand(KEM_SUITE_ID, prk, 'shared_secret', kemContext, N_SECRET);
  wipe(prk, dhSecret);
  return sharedSecret;
}

/** An HPKE context for one request: seal/open with a sequence number, and Export. */
export class HpkeContext {
  private sequence = 0;
  constructor(
    private readonly key: Uint8Array,
    private readonly baseNonce: Uint8Array,
    private readonly exporterSecret: Uint8Array,
  ) {}

  private nextNonce(): Uint8Array {
    const nonce = computeNonce(this.baseNonce, this.sequence);
    this.sequence++;
    return nonce;
  }

  seal(aad: Uint8Array, plaintext: Uint8Array): Uint8Array {
    return sodiumSync().crypto_aead_chacha20poly1305_ietf_encrypt(plaintext, aad, null, this.nextNonce(), this.key);
  }

  open(aad: Uint8Array, ciphertext: Uint8Array): Uint8Array {
    try {
      return sodiumSync().crypto_aead_chacha20poly1305_ietf_decrypt(null, ciphertext, aad, this.nextNonce(), this.key);
    } catch {
      throw new ProtocolError('decryption_failed', 'request could not be decrypted');
    }
  }

  /** RFC 9180 §5.3: secrets for other uses (here: the response key), bound to this context. */
  export(exporterContext: Uint8Array, length: number): Uint8Array {
    return labeledExpand(HPKE_SUITE_ID, this.exporterSecret, 'sec', exporterContext, length);
  }

  /** Wipe the context's secrets once the request is done. */
  destroy(): void {
    wipe(this.key, this.baseNonce, this.exporterSecret);
  }
}

/** base_nonce XOR I2OSP(seq, Nn), shared with the response framing's counter nonces. */
export function computeNonce(baseNonce: Uint8Array, sequence: number): Uint8Array {
  if (!Number.isSafeInteger(sequence) || sequence < 0) throw new RangeError('sequence number out of range');
  const nonce = baseNonce.slice();
  let remaining = sequence;
  for (let i = nonce.length - 1; i >= nonce.length - 8 && remaining > 0; i--) {
    nonce[i]! ^= remaining % 256;
    remaining = Math.floor(remaining / 256);
  }
  return nonce;
}

/**
 * key_schedule_context = mode || psk_id_hash || info_hash depends only on `info` (protocol version,
 * suite, key id) in base mode, so a client or an enclave sees the same few over and over: they are
 * kept (a handful; a key rotation adds one) instead of hashed again for every request. Public values.
 */
const scheduleContexts = new Map<string, Uint8Array>();
function keyScheduleContextOf(info: Uint8Array): Uint8Array {
  const key = toHex(info);
  let context = scheduleContexts.get(key);
  if (!context) {
    const pskIdHash = labeledExtract(HPKE_SUITE_ID, EMPTY, 'psk_id_hash', EMPTY);
    const infoHash = labeledExtract(HPKE_SUITE_ID, EMPTY, 'info_hash', info);
    context = concatBytes(Uint8Array.of(MODE_BASE), pskIdHash, infoHash);
    if (scheduleContexts.size >= 16) scheduleContexts.clear();
    scheduleContexts.set(key, context);
  }
  return context;
}

function keySchedule(sharedSecret: Uint8Array, info: Uint8Array): HpkeContext {
  const keyScheduleContext = keyScheduleContextOf(info);
  const secret = labeledExtract(HPKE_SUITE_ID, sharedSecret, 'secret', EMPTY);
  const key = labeledExpand(HPKE_SUITE_ID, secret, 'key', keyScheduleContext, N_K);
  const baseNonce = labeledExpand(HPKE_SUITE_ID, secret, 'base_nonce', keyScheduleContext, N_N);
  const exporterSecret = labeledExpand(HPKE_SUITE_ID, secret, 'exp', keyScheduleContext, N_H);
  wipe(secret, sharedSecret);
  return new HpkeContext(key, baseNonce, exporterSecret);
}

/**
 * The recipient's public key as an OpenSSL key, kept for the next requests to the same key: a client
 * encapsulates to one attested key many times. One entry; a new attested key replaces it.
 */
let recipientKeyCache: { bytes: Uint8Array; key: KeyObject } | undefined;

function recipientKeyObject(native: NodeCryptoModule, publicKey: Uint8Array): KeyObject {
  const cached = recipientKeyCache;
  if (cached && bytesEqual(cached.bytes, publicKey)) return cached.key;
  const key = x25519PublicKeyObject(native, publicKey);
  recipientKeyCache = { bytes: publicKey.slice(), key };
  return key;
}

function x25519PublicKeyObject(native: NodeCryptoModule, publicKey: Uint8Array): KeyObject {
  // JWK import: ~7 µs against ~90 µs for OpenSSL's DER decoder.
  return native.createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: Buffer.from(publicKey.buffer, publicKey.byteOffset, publicKey.byteLength).toString('base64url') }, format: 'jwk' });
}

/**
 * Encap with a fresh OpenSSL ephemeral key (RFC 9180 §4.1, same function and bytes as libsodium's):
 * key generation + public-key export + DH ~90 µs against ~210 µs in libsodium's WebAssembly, paid
 * once per request by every confidential client. The ephemeral private key lives only in the
 * KeyObject, which OpenSSL clears when it is freed (we cannot wipe it from JavaScript).
 */
function encapsulateWithOpenSsl(native: NodeCryptoModule, recipientPublicKey: Uint8Array): { enc: Uint8Array; dhSecret: Uint8Array } {
  const ephemeral = native.generateKeyPairSync('x25519');
  const x = ephemeral.publicKey.export({ format: 'jwk' }).x;
  if (typeof x !== 'string') throw new Error('X25519 public key export failed');
  const enc = new Uint8Array(Buffer.from(x, 'base64url'));
  let dhSecret: Uint8Array;
  try {
    dhSecret = native.diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipientKeyObject(native, recipientPublicKey) });
  } catch {
    // OpenSSL refuses a low-order recipient key (all-zero shared secret), as RFC 9180 §7.1.4 requires.
    throw new ProtocolError('attestation_invalid', 'invalid recipient key');
  }
  return { enc, dhSecret };
}

/** SetupBaseS: encapsulate to the recipient; `ephemeral` is only for deterministic test vectors. */
export function setupBaseSender(
  recipientPublicKey: Uint8Array,
  info: Uint8Array,
  ephemeral?: X25519KeyPair,
): { enc: Uint8Array; context: HpkeContext } {
  if (recipientPublicKey.length !== 32) throw new ProtocolError('attestation_invalid', 'recipient key must be 32 bytes');
  let enc: Uint8Array;
  let dhSecret: Uint8Array;
  const native = ephemeral ? undefined : nativeCrypto();
  if (native) {
    ({ enc, dhSecret } = encapsulateWithOpenSsl(native, recipientPublicKey));
  } else {
    // Test vectors (a fixed ephemeral key), or a runtime without node:crypto: libsodium.
    const pair = ephemeral ?? generateX25519KeyPair();
    enc = pair.publicKey;
    try {
      dhSecret = dh(pair, recipientPublicKey);
    } catch (error) {
      // A low-order recipient key gives an all-zero secret, which libsodium refuses (RFC 9180 §7.1.4).
      if (!ephemeral) throw new ProtocolError('attestation_invalid', 'invalid recipient key');
      throw error;
    } finally {
      wipe(pair.privateKey);
    }
  }
  const sharedSecret = extractAndExpand(dhSecret, concatBytes(enc, recipientPublicKey));
  return { enc, context: keySchedule(sharedSecret, info) };
}

/** SetupBaseR: decapsulate with the recipient's key pair. */
export function setupBaseRecipient(enc: Uint8Array, recipient: X25519KeyPair, info: Uint8Array): HpkeContext {
  if (enc.length !== N_ENC) throw new ProtocolError('malformed_envelope', 'encapsulated key must be 32 bytes');
  const sharedSecret = extractAndExpand(dh(recipient, enc), concatBytes(enc, recipient.publicKey));
  return keySchedule(sharedSecret, info);
}
