/**
 * The attestation document: which code (measurement) holds which HPKE key, until when, for which
 * challenge. Encoded as canonical JSON, signed with Ed25519 by the (simulated) hardware root whose
 * public key clients pin. Verification is all-or-nothing: a client encrypts nothing unless every
 * check passes.
 */
import { z } from 'zod';
import { bytesEqual, concatBytes, fromBase64Url, fromUtf8, toBase64Url, toHex, utf8 } from './bytes.js';
import { canonicalJson } from './canonical-json.js';
import { LABEL_ATTESTATION, PROTOCOL_NAME } from './constants.js';
import { ProtocolError } from './errors.js';
import { AEAD_ID, KDF_ID, KEM_ID } from './hpke.js';
import { loadSodium, sodiumSync } from './sodium.js';
import { sha256 } from './native-crypto.js';

export const ATTESTATION_VERSION = 1;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const b64url = z.string().regex(/^[A-Za-z0-9_-]+$/);

export const attestationDocumentSchema = z
  .object({
    /** Document format version: verifiers refuse versions they do not know. */
    version: z.literal(ATTESTATION_VERSION),
    /** Wire protocol the key is for. */
    protocol: z.literal(PROTOCOL_NAME),
    /** SHA-256 over the parts below: what the client pins. */
    measurement: hex64,
    /** The parts, so an auditor can see which of code, models or policy changed. */
    measurementParts: z.object({ code: hex64, models: hex64, policy: hex64 }).strict(),
    /** HPKE key id the client puts in its envelope (first 16 hex of SHA-256 of the key). */
    keyId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    /** X25519 public key (base64url, 32 bytes) that only the measured code holds. */
    hpkePublicKey: b64url,
    suite: z.object({ kem: z.literal(KEM_ID), kdf: z.literal(KDF_ID), aead: z.literal(AEAD_ID) }).strict(),
    /** Enclave's own Ed25519 key; it signs receipts, and this document vouches for it. */
    signingPublicKey: b64url,
    /** Milliseconds since the epoch. The document is valid in [issuedAt, expiresAt). */
    issuedAt: z.number().int().nonnegative(),
    expiresAt: z.number().int().nonnegative(),
    /** The client's challenge, echoed: proves freshness (no replay of an old document). */
    nonce: b64url,
    /** Which root signed (first 16 hex of SHA-256 of the root public key): diagnostics only. */
    rootKeyId: z.string().regex(/^[0-9a-f]{16}$/),
  })
  .strict();

export type AttestationDocument = z.infer<typeof attestationDocumentSchema>;

/** What `GET /v1/attestation` returns. `tenant` is unsigned: it only feeds the request AAD. */
export const attestationResponseSchema = z.object({
  payload: b64url,
  signature: b64url,
  tenant: z.string().nullable().optional(),
});
export type AttestationResponse = z.infer<typeof attestationResponseSchema>;

export function keyIdFor(publicKey: Uint8Array): string {
  return toHex(sha256(publicKey)).slice(0, 16);
}

export const rootKeyIdFor = keyIdFor;

function signedBytes(payload: Uint8Array): Uint8Array {
  return concatBytes(utf8(LABEL_ATTESTATION), Uint8Array.of(0), payload);
}

export function encodeAttestation(document: AttestationDocument): Uint8Array {
  return utf8(canonicalJson(attestationDocumentSchema.parse(document)));
}

export function signAttestation(document: AttestationDocument, rootPrivateKey: Uint8Array): AttestationResponse {
  const payload = encodeAttestation(document);
  const signature = sodiumSync().crypto_sign_detached(signedBytes(payload), rootPrivateKey);
  return { payload: toBase64Url(payload), signature: toBase64Url(signature) };
}

/** Decode without verifying: for display (`sealgate attest`) and for errors that name what failed. */
export function decodeAttestationPayload(payload: string): unknown {
  return JSON.parse(fromUtf8(fromBase64Url(payload)));
}

export interface VerifyAttestationOptions {
  rootPublicKey: Uint8Array;
  allowedMeasurements: readonly string[];
  /** The nonce the client sent; must be echoed. */
  nonce: string;
  nowMs?: number;
  /** Tolerated clock difference for `issuedAt` in the future. */
  clockSkewMs?: number;
}

export async function verifyAttestation(response: unknown, opts: VerifyAttestationOptions): Promise<AttestationDocument> {
  const sodium = await loadSodium();
  const parsedResponse = attestationResponseSchema.safeParse(response);
  if (!parsedResponse.success) throw new ProtocolError('attestation_invalid', 'attestation response is malformed');
  const payload = fromBase64Url(parsedResponse.data.payload);
  const signature = fromBase64Url(parsedResponse.data.signature);
  if (opts.rootPublicKey.length !== 32) throw new ProtocolError('attestation_root', 'pinned root public key must be 32 bytes');
  if (signature.length !== 64 || !sodium.crypto_sign_verify_detached(signature, signedBytes(payload), opts.rootPublicKey)) {
    throw new ProtocolError('attestation_signature', 'attestation signature does not verify against the pinned root key');
  }
  let decoded: unknown;
  try {
    decoded = JSON.parse(fromUtf8(payload));
  } catch {
    throw new ProtocolError('attestation_invalid', 'attestation payload is not JSON');
  }
  const parsed = attestationDocumentSchema.safeParse(decoded);
  if (!parsed.success) throw new ProtocolError('attestation_invalid', 'attestation document does not match version 1 schema');
  const document = parsed.data;
  // Signed bytes must be the canonical encoding: no second, differently-parsed reading of them.
  if (!bytesEqual(utf8(canonicalJson(document)), payload)) {
    throw new ProtocolError('attestation_invalid', 'attestation payload is not canonically encoded');
  }
  if (document.rootKeyId !== rootKeyIdFor(opts.rootPublicKey)) {
    throw new ProtocolError('attestation_root', 'attestation names a different root key');
  }
  if (document.nonce !== opts.nonce) throw new ProtocolError('attestation_nonce', 'attestation does not echo our challenge nonce');
  const now = opts.nowMs ?? Date.now();
  const skew = opts.clockSkewMs ?? 60_000;
  if (document.issuedAt > now + skew || now >= document.expiresAt) {
    throw new ProtocolError('attestation_expired', 'attestation document is expired or not yet valid');
  }
  const allowed = opts.allowedMeasurements.map((m) => m.toLowerCase());
  if (!allowed.includes(document.measurement)) {
    throw new ProtocolError('attestation_measurement', `enclave measurement ${document.measurement} is not in the allow-list`);
  }
  const hpkePublicKey = fromBase64Url(document.hpkePublicKey);
  if (hpkePublicKey.length !== 32 || keyIdFor(hpkePublicKey) !== document.keyId) {
    throw new ProtocolError('attestation_invalid', 'attested key id does not match the attested public key');
  }
  return document;
}

export function measurementOf(parts: { code: string; models: string; policy: string }): string {
  return toHex(sha256(utf8(`sealgate/1 measurement\0code=${parts.code}\0models=${parts.models}\0policy=${parts.policy}`)));
}
