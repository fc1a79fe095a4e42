/** Receipt signatures by the enclave's attested Ed25519 key, domain-separated from attestations. */
import { concatBytes, utf8 } from './bytes.js';
import { LABEL_RECEIPT } from './constants.js';
import { loadSodium } from './sodium.js';

export function receiptSignedBytes(payload: Uint8Array): Uint8Array {
  return concatBytes(utf8(LABEL_RECEIPT), Uint8Array.of(0), payload);
}

/** What receiptSignedBytes puts before the payload: the label and a zero byte. */
const SIGNED_PREFIX = utf8(`${LABEL_RECEIPT}\0`);
export const RECEIPT_SIGNED_PREFIX_LENGTH = SIGNED_PREFIX.length;

/**
 * receiptSignedBytes(utf8(json)) in one buffer (the payload written once, behind the label), for receipts issued on
 * a response's path; the payload is at RECEIPT_SIGNED_PREFIX_LENGTH.
 */
export function receiptSignedBytesOfJson(json: string): Buffer {
  // Server side only (receipts are issued on Node): Buffer is there.
  const bytes = Buffer.allocUnsafe(SIGNED_PREFIX.length + Buffer.byteLength(json, 'utf8'));
  bytes.set(SIGNED_PREFIX, 0);
  bytes.write(json, SIGNED_PREFIX.length, 'utf8');
  return bytes;
}

export async function verifyReceiptSignature(payload: Uint8Array, signature: Uint8Array, signingPublicKey: Uint8Array): Promise<boolean> {
  const sodium = await loadSodium();
  if (signature.length !== 64 || signingPublicKey.length !== 32) return false;
  return sodium.crypto_sign_verify_detached(signature, receiptSignedBytes(payload), signingPublicKey);
}
