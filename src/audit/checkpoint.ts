/** Ed25519 signatures over checkpoint hashes. The signed message is domain-separated from receipts. */
import { sign, verify, type KeyObject } from 'node:crypto';

function message(hash: string): Buffer {
  return Buffer.from(`sealgate-audit-checkpoint-v1:${hash}`, 'utf8');
}

export function signCheckpoint(signingKey: KeyObject, hash: string): string {
  return sign(null, message(hash), signingKey).toString('base64url');
}

export function verifyCheckpoint(publicKey: KeyObject, hash: string, sig: string): boolean {
  try {
    return verify(null, message(hash), publicKey, Buffer.from(sig, 'base64url'));
  } catch {
    return false;
  }
}
