/**
 * Signed receipts: the wire format shared by the gateway (signs), the enclave (signs in
 * confidential mode), the client SDK and `sealgate audit verify-receipt` (verify).
 *
 *   token = "sgr1." + base64url(JSON payload) + "." + base64url(Ed25519 signature)
 *
 * The signature is Ed25519 over receiptSignedBytes(payload JSON bytes) from ./receipt.ts (the
 * domain-separated form the enclave uses), so a receipt signed by the gateway's audit key (plain
 * mode) and one signed by the enclave's attested key (confidential mode) verify the same way, with
 * different public keys. Verifiers need only the public keys (32 raw bytes, base64url), published
 * at GET /v1/receipts/keys. Node's crypto only: an app bundles this with the client, no server.
 */
import { createPublicKey, createHash, sign, verify, type KeyObject } from 'node:crypto';
import { RECEIPT_SIGNED_PREFIX_LENGTH, receiptSignedBytes } from './receipt.js';

export const RECEIPT_PREFIX = 'sgr1';
export const RECEIPT_HEADER = 'x-sealgate-receipt';

export interface ReceiptVerdict {
  /** Stage: `input` or `output`. */
  st: 'input' | 'output';
  det: string;
  cat: string;
  sc: number;
  act: string;
}

export interface ReceiptPayload {
  v: 1;
  /** Signing key id (first 16 hex of SHA-256 of the raw public key). */
  kid: string;
  /** Request id. */
  rid: string;
  /** Issued at, Unix seconds. */
  iat: number;
  /** Tenant id. */
  ten?: string;
  /** Keyed content digests (`hmac-sha256:…`) of input and output. */
  dig?: { in?: string; out?: string };
  /** Policy version that decided. */
  pv?: string;
  vd: ReceiptVerdict[];
  /** Enclave measurement (confidential mode): who computed the digests and verdicts. */
  m?: string;
  /** HTTP status the request ended with, when known at signing time. */
  st?: number;
  /** False for the header receipt of a stream (output not known yet); GET /v1/receipts/{id} has the final one. */
  fin: boolean;
}

/** Signs the bytes given (already domain-separated); returns the 64-byte Ed25519 signature. */
export type ReceiptSigner = (signedBytes: Uint8Array) => Uint8Array;

export function encodeReceipt(payload: ReceiptPayload, signData: ReceiptSigner): string {
  const json = Buffer.from(JSON.stringify(payload), 'utf8');
  const sig = Buffer.from(signData(receiptSignedBytes(json)));
  return `${RECEIPT_PREFIX}.${json.toString('base64url')}.${sig.toString('base64url')}`;
}

/** Token from payload bytes and a signature made elsewhere (the enclave signs over receiptSignedBytes(payload)). */
export function assembleReceipt(payloadJson: Uint8Array, signature: Uint8Array): string {
  return `${RECEIPT_PREFIX}.${Buffer.from(payloadJson).toString('base64url')}.${Buffer.from(signature).toString('base64url')}`;
}

/** assembleReceipt for the payload inside receiptSignedBytesOfJson's buffer (no copy of the payload). */
export function assembleReceiptFromSigned(signed: Buffer, signature: Uint8Array): string {
  const sig = Buffer.isBuffer(signature) ? signature : Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength);
  return `${RECEIPT_PREFIX}.${signed.toString('base64url', RECEIPT_SIGNED_PREFIX_LENGTH)}.${sig.toString('base64url')}`;
}

/** Decode without verifying (for display). Throws on a malformed token. */
export function decodeReceipt(token: string): ReceiptPayload {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || parts[0] !== RECEIPT_PREFIX) throw new Error('not a SealGate receipt (expected sgr1.<payload>.<signature>)');
  const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as ReceiptPayload;
  if (payload.v !== 1 || typeof payload.rid !== 'string' || typeof payload.kid !== 'string' || !Array.isArray(payload.vd)) {
    throw new Error('receipt payload is not version 1');
  }
  return payload;
}

const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/**
 * Parsed keys by their text form. Why: the gateway resolves the same few keys (the enclave's, the
 * audit key) for every confidential receipt, and createPublicKey + export cost ~70 µs each time.
 * Public keys only, so caching them holds nothing secret; bounded so odd inputs cannot grow it.
 */
const parsedKeys = new Map<string, KeyObject>();
const PARSED_KEYS_MAX = 64;
const keyIds = new WeakMap<KeyObject, string>();

/** A public key given as a KeyObject, a PEM, or 32 raw bytes (base64url / base64 / hex). */
export function receiptPublicKey(key: KeyObject | string): KeyObject {
  if (typeof key !== 'string') return key;
  const cached = parsedKeys.get(key);
  if (cached) return cached;
  const parsed = parseReceiptPublicKey(key);
  if (parsedKeys.size >= PARSED_KEYS_MAX) parsedKeys.delete(parsedKeys.keys().next().value!);
  parsedKeys.set(key, parsed);
  return parsed;
}

function parseReceiptPublicKey(key: string): KeyObject {
  if (key.includes('BEGIN')) return createPublicKey(key);
  const t = key.trim();
  const raw = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64url');
  if (raw.length !== 32) throw new Error('receipt public key must be 32 bytes');
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
}

export function receiptKeyId(key: KeyObject): string {
  const cached = keyIds.get(key);
  if (cached) return cached;
  const der = key.export({ format: 'der', type: 'spki' });
  const id = createHash('sha256').update(der.subarray(der.length - 32)).digest('hex').slice(0, 16);
  keyIds.set(key, id);
  return id;
}

export interface ReceiptExpectations {
  requestId?: string;
  /** Digests the app computed itself (with the audit key) or received earlier. */
  digests?: { in?: string; out?: string };
  policyVersion?: string;
  /** Measurement the client attested; a receipt from another enclave build fails. */
  measurement?: string;
  /** Require the final receipt (not the header receipt of a stream). */
  final?: boolean;
}

export type ReceiptVerification = { valid: true; payload: ReceiptPayload } | { valid: false; reason: string; payload?: ReceiptPayload };

/** Check signature and, optionally, that the receipt is about what the caller expects. */
export function verifyReceipt(
  token: string,
  publicKeys: KeyObject | string | ReadonlyArray<KeyObject | string>,
  expect: ReceiptExpectations = {},
): ReceiptVerification {
  let payload: ReceiptPayload;
  try {
    payload = decodeReceipt(token);
  } catch (err) {
    return { valid: false, reason: (err as Error).message };
  }
  const keys = (Array.isArray(publicKeys) ? publicKeys : [publicKeys]).map((k) => receiptPublicKey(k as KeyObject | string));
  const key = keys.find((k) => receiptKeyId(k) === payload.kid);
  if (!key) return { valid: false, reason: `receipt signed with unknown key id ${payload.kid}`, payload };
  const [, body, sig] = token.trim().split('.');
  const ok = verify(null, receiptSignedBytes(Buffer.from(body!, 'base64url')), key, Buffer.from(sig!, 'base64url'));
  if (!ok) return { valid: false, reason: 'receipt signature is invalid (token modified or signed by another key)', payload };
  if (expect.requestId !== undefined && payload.rid !== expect.requestId) return { valid: false, reason: `receipt is for request ${payload.rid}, not ${expect.requestId}`, payload };
  if (expect.digests?.in !== undefined && payload.dig?.in !== expect.digests.in) return { valid: false, reason: 'input digest does not match', payload };
  if (expect.digests?.out !== undefined && payload.dig?.out !== expect.digests.out) return { valid: false, reason: 'output digest does not match', payload };
  if (expect.policyVersion !== undefined && payload.pv !== expect.policyVersion) return { valid: false, reason: `policy version ${payload.pv ?? '(none)'} is not ${expect.policyVersion}`, payload };
  if (expect.measurement !== undefined && payload.m !== expect.measurement) return { valid: false, reason: 'enclave measurement does not match', payload };
  if (expect.final && !payload.fin) return { valid: false, reason: 'this is the provisional header receipt of a stream; fetch the final one', payload };
  return { valid: true, payload };
}
