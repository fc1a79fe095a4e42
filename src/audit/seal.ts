/**
 * At-rest encryption with the operator's own key (BYOK): each stored line is sealed with
 * AES-256-GCM under a random 96-bit nonce. The hash chain is computed over the plaintext line,
 * so verify needs the key; without it, verify and query fail with a message naming the key id.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { dirname, relative, resolve, isAbsolute } from 'node:path';
import { decode32, readSecret, type SecretSource } from './keys.js';

const AAD = Buffer.from('sealgate-audit-line-v1');
const SEALED_PREFIX = '{"sealed":"aes-256-gcm"';

export interface SealKey {
  key: Buffer;
  /** First 16 hex chars of SHA-256(key): names the key without revealing it. */
  kid: string;
}

export function sealKeyFrom(raw: Buffer): SealKey {
  if (raw.length !== 32) throw new Error('audit encryption key must be 32 bytes');
  return { key: raw, kid: createHash('sha256').update(raw).digest('hex').slice(0, 16) };
}

export function parseSealKey(text: string): SealKey {
  return sealKeyFrom(decode32(text, 'audit encryption key'));
}

/** Load the BYOK key; refuses a key file inside the log directory (a key beside the log protects nothing). */
export function loadSealKey(source: SecretSource, logDir?: string, env: NodeJS.ProcessEnv = process.env): SealKey | undefined {
  if (source.file && logDir) {
    const rel = relative(resolve(logDir), resolve(dirname(source.file)));
    if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
      throw new Error(`audit encryption key file ${source.file} is inside the audit log directory ${logDir}; keep the key elsewhere`);
    }
  }
  const text = readSecret(source, env);
  if (text === undefined) {
    if (source.file || source.env) throw new Error(`audit encryption key not found (${source.file ? `file ${source.file}` : `env ${source.env}`})`);
    return undefined;
  }
  return parseSealKey(text);
}

export function isSealed(line: string): boolean {
  return line.startsWith(SEALED_PREFIX);
}

export function sealRecordLine(key: SealKey, line: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(AAD);
  const ct = Buffer.concat([cipher.update(line, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${SEALED_PREFIX},"kid":"${key.kid}","iv":"${iv.toString('base64url')}","ct":"${ct.toString('base64url')}"}`;
}

export class SealError extends Error {
  override name = 'SealError';
}

/** Open a sealed line; plain lines pass through. Throws SealError with a clear reason. */
export function openRecordLine(line: string, key: SealKey | undefined): string {
  if (!isSealed(line)) return line;
  let env: { kid?: string; iv?: string; ct?: string };
  try {
    env = JSON.parse(line) as typeof env;
  } catch {
    throw new SealError('sealed record is not valid JSON (torn or modified)');
  }
  if (!key) throw new SealError(`audit records are encrypted (key id ${env.kid}); provide the key with --key-file or --key-env`);
  if (env.kid !== key.kid) throw new SealError(`record sealed with key id ${env.kid}, but the given key has id ${key.kid}`);
  const iv = Buffer.from(env.iv ?? '', 'base64url');
  const ct = Buffer.from(env.ct ?? '', 'base64url');
  if (iv.length !== 12 || ct.length < 16) throw new SealError('sealed record is malformed');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, iv);
    decipher.setAAD(AAD);
    decipher.setAuthTag(ct.subarray(ct.length - 16));
    return Buffer.concat([decipher.update(ct.subarray(0, ct.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    throw new SealError('sealed record failed authentication (modified ciphertext)');
  }
}
