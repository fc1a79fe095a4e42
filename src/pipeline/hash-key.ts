/**
 * The gateway's HMAC key for keyed digests of personal data (the `hash` PII operator, hashed end-user
 * ids), from the env var `privacy.hashKeyEnv` names. Without it a random key per process: hashes cannot
 * be brute-forced offline (phone numbers are a small space) but change on restart and between instances.
 */
import { randomBytes } from 'node:crypto';
import type { PrivacyConfig } from '../config/sections/privacy.js';

export const MIN_HASH_KEY_LENGTH = 16;

const processKey = randomBytes(32);

export function hashKeyFor(privacy: PrivacyConfig | undefined, env: NodeJS.ProcessEnv = process.env): Buffer {
  const text = privacy ? env[privacy.hashKeyEnv] : undefined;
  if (!text) return processKey;
  if (text.length < MIN_HASH_KEY_LENGTH)
    // A plain Error: the enclave worker imports this file and must not load the config loader (not measured).
    throw new Error(`privacy.hashKeyEnv: ${privacy!.hashKeyEnv} must be at least ${MIN_HASH_KEY_LENGTH} characters (it keys the HMAC of hashed personal data)`);
  return Buffer.from(text, 'utf8');
}
