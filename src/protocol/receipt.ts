/** Receipt signatures by the enclave's attested Ed25519 key, domain-separated from attestations. */
import { concatBytes, utf8 } from './bytes.js';
import { LABEL_RECEIPT } from './constants.js';
import { loadSodium } from './sodium.js';

export function receiptSignedBytes(payload: Uint8Array): Uint8Array {
  return concatBytes(utf8(LABEL_RECEIPT), Uint8Array.of(0), payload);
}

export async function verifyReceiptSignature(payload: Uint8Array, signature: Uint8Array, signingPublicKey: Uint8Array): Promise<boolean> {
  const sodium = await loadSodium();
  if (signature.length !== 64 || signingPublicKey.length !== 32) return false;
  return sodium.crypto_sign_verify_detached(signature, receiptSignedBytes(payload), signingPublicKey);
}
