/**
 * The simulated hardware root: an Ed25519 key pair in a file that only the enclave worker reads
 * (mode 0600). In a real TEE this key is fused into the CPU and its certificate chains to the
 * vendor; here `sealgate enclave init` creates it and clients pin its public key.
 */
import { mkdir, readFile, rename, rm, writeFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { fromBase64Url, loadSodium, rootKeyIdFor, toBase64Url } from '../src/protocol/index.js';

const rootKeyFileSchema = z
  .object({
    version: z.literal(1),
    algorithm: z.literal('Ed25519'),
    publicKey: z.string(),
    /** libsodium's 64-byte secret key (seed || public key), base64url. */
    privateKey: z.string(),
    createdAt: z.string(),
  })
  .strict();

export interface RootKeyPair {
  publicKey: Uint8Array;
  privateKey: Uint8Array;
  rootKeyId: string;
}

export async function initRootKey(path: string, opts: { force?: boolean } = {}): Promise<{ publicKey: string; rootKeyId: string }> {
  if (!opts.force && (await exists(path))) throw new Error(`${path} already exists (use --force to replace it; clients pinning the old key will refuse the enclave)`);
  const sodium = await loadSodium();
  const { publicKey, privateKey } = sodium.crypto_sign_keypair();
  const file = {
    version: 1 as const,
    algorithm: 'Ed25519' as const,
    publicKey: toBase64Url(publicKey),
    privateKey: toBase64Url(privateKey),
    createdAt: new Date().toISOString(),
  };
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  // A fresh 0600 file renamed over the old one: writeFile's mode applies only when it creates the file,
  // so --force over an existing, looser file kept its old permissions.
  const tmp = `${path}.${Date.now().toString(36)}${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await rename(tmp, path);
  } catch (error) {
    // A failed rename (the path is a directory …) left the new private key behind in the temp file.
    await rm(tmp, { force: true });
    throw error;
  }
  sodium.memzero(privateKey);
  return { publicKey: file.publicKey, rootKeyId: rootKeyIdFor(publicKey) };
}

/** Enclave loader only. Errors never include the file content. */
export async function loadRootKey(path: string): Promise<RootKeyPair> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch {
    throw new Error(`enclave root key file ${path} is missing: run \`sealgate enclave init\``);
  }
  let parsed: z.infer<typeof rootKeyFileSchema>;
  try {
    parsed = rootKeyFileSchema.parse(JSON.parse(raw));
  } catch {
    throw new Error(`enclave root key file ${path} is not a valid SealGate root key file`);
  }
  const publicKey = fromBase64Url(parsed.publicKey);
  const privateKey = fromBase64Url(parsed.privateKey);
  if (publicKey.length !== 32 || privateKey.length !== 64) throw new Error(`enclave root key file ${path} has keys of the wrong size`);
  return { publicKey, privateKey, rootKeyId: rootKeyIdFor(publicKey) };
}

/** The public half, for `sealgate enclave init` output and for operators to publish. */
export async function readRootPublicKey(path: string): Promise<string> {
  const { publicKey, privateKey } = await loadRootKey(path);
  (await loadSodium()).memzero(privateKey);
  return toBase64Url(publicKey);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
