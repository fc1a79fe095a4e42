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

/**
 * A Redis writer signs its chain's registration in `<stream>:open`, so recovery signs only chains a
 * holder of the audit key started: someone who can write to Redis but has no key cannot register a
 * forged chain of their own for the next boot to sign as recovered.
 */
function registrationMessage(chain: string): Buffer {
  return Buffer.from(`sealgate-audit-chain-open-v1:${chain}`, 'utf8');
}

export function signChainRegistration(signingKey: KeyObject, chain: string): string {
  return sign(null, registrationMessage(chain), signingKey).toString('base64url');
}

export function verifyChainRegistration(publicKey: KeyObject, chain: string, sig: string): boolean {
  try {
    return verify(null, registrationMessage(chain), publicKey, Buffer.from(sig, 'base64url'));
  } catch {
    return false;
  }
}
