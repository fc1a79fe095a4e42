/**
 * `sealgate attest --url <gateway>`: fetch an attestation document for a fresh nonce, print it, and
 * verify it (root signature, canonical encoding, nonce, expiry, measurement allow-list). Exit code
 * 0 = verified, 1 = verification failed or unreachable, 2 = printed but not verified (no root key given), no API key or
 * another bad argument (a URL that is not http(s), an unreadable root key file, a root key that is not 32 bytes).
 */
import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import type { RegisterCommand } from './commands.js';
import { readAttestationText } from '../client/attestation-cache.js';
import {
  ProtocolError,
  attestationResponseSchema,
  decodeAttestationPayload,
  fromBase64Url,
  verifyAttestation,
} from '../protocol/index.js';

export interface AttestOptions {
  url: string;
  apiKey?: string;
  /** base64url root public key; without it the document is only printed. */
  rootPublicKey?: string;
  allowedMeasurements?: string[];
  fetch?: typeof globalThis.fetch;
}

export interface AttestResult {
  document: unknown;
  tenant: string | null;
  verified: boolean;
  /** Why verification failed (ProtocolError code and message), if it did. */
  problem?: { code: string; message: string };
}

export async function attestGateway(opts: AttestOptions): Promise<AttestResult> {
  const nonce = randomBytes(32).toString('base64url');
  const url = new URL(`${opts.url.replace(/\/+$/, '')}/v1/attestation`);
  url.searchParams.set('nonce', nonce);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.apiKey) headers.authorization = `Bearer ${opts.apiKey}`;
  const response = await (opts.fetch ?? fetch)(url, { headers });
  const text = await readAttestationText(response);
  if (!response.ok) throw new Error(`GET /v1/attestation answered HTTP ${response.status}: ${text.slice(0, 300)}`);
  const body = attestationResponseSchema.parse(JSON.parse(text));
  const document = decodeAttestationPayload(body.payload);
  const tenant = body.tenant ?? null;
  if (!opts.rootPublicKey) return { document, tenant, verified: false, problem: { code: 'no_root_key', message: 'no --root-key given: not verified' } };
  // With no --measurement the measurement check is skipped by allowing the document's own value, and said so.
  const measurement = (document as { measurement?: string }).measurement ?? '';
  const allowed = opts.allowedMeasurements?.length ? opts.allowedMeasurements : [measurement];
  try {
    await verifyAttestation(body, { rootPublicKey: fromBase64Url(opts.rootPublicKey), allowedMeasurements: allowed, nonce });
    return { document, tenant, verified: true };
  } catch (error) {
    if (error instanceof ProtocolError) return { document, tenant, verified: false, problem: { code: error.code, message: error.message } };
    throw error;
  }
}

/**
 * fetch's own message for a gateway it could not reach is "fetch failed", naming neither the address nor why; the
 * reason (ECONNREFUSED, ENOTFOUND, a TLS error …) is in its cause.
 */
function unreachable(error: unknown, url: string): string | undefined {
  if (!(error instanceof TypeError) || error.message !== 'fetch failed') return undefined;
  const cause = error.cause as (NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException }) | undefined;
  const why = cause?.code ?? cause?.cause?.code ?? cause?.message ?? 'no reason given';
  return `cannot reach the gateway at ${new URL(url).origin} (${why})`;
}

async function rootKeyFrom(flags: { rootKey?: string; rootKeyFile?: string }): Promise<string | undefined> {
  if (flags.rootKey) return flags.rootKey;
  if (!flags.rootKeyFile) return undefined;
  // Accept either the enclave's key file (its public half is read) or a file holding just the key.
  const content = (await readFile(flags.rootKeyFile, 'utf8')).trim();
  if (content.startsWith('{')) return (JSON.parse(content) as { publicKey: string }).publicKey;
  return content;
}

export const registerAttest: RegisterCommand = (command: Command) => {
  command
    .requiredOption('-u, --url <url>', 'gateway URL, e.g. http://127.0.0.1:8787')
    .option('--root-key <base64url>', 'pinned root public key (from `sealgate enclave init`)')
    .option('--root-key-file <path>', 'file holding the root public key (or the root key file)')
    .option('-m, --measurement <hex...>', 'allowed measurement(s); default: print the measurement without pinning it')
    .option('--api-key <key>', 'API key (or env SEALGATE_API_KEY); required: /v1/attestation is authenticated, and the document names your tenant')
    .option('--json', 'machine-readable output')
    .action(async (flags: { url: string; rootKey?: string; rootKeyFile?: string; measurement?: string[]; apiKey?: string; json?: boolean }) => {
      const apiKey = flags.apiKey ?? process.env.SEALGATE_API_KEY;
      // Without a key the gateway answers 401, which would read as a failed verification (exit 1).
      if (!apiKey) {
        process.stderr.write('sealgate attest: no API key: pass --api-key or set SEALGATE_API_KEY (/v1/attestation is authenticated)\n');
        process.exitCode = 2;
        return;
      }
      // Bad arguments exit 2 before any request: exit 1 means the gateway failed verification (or was unreachable).
      const usage = (message: string) => {
        process.stderr.write(`sealgate attest: ${message}\n`);
        process.exitCode = 2;
      };
      if (!URL.canParse(flags.url) || !['http:', 'https:'].includes(new URL(flags.url).protocol)) return usage(`--url: "${flags.url}" is not an http(s) URL`);
      // fetch refuses a URL holding credentials, and its error printed them: refused here without echoing the URL.
      if (new URL(flags.url).username !== '' || new URL(flags.url).password !== '') {
        return usage('--url: a user name or password in the URL is not supported (it is never sent); pass the API key with --api-key');
      }
      let rootPublicKey: string | undefined;
      try {
        rootPublicKey = await rootKeyFrom(flags);
      } catch (error) {
        const e = error as NodeJS.ErrnoException;
        return usage(`--root-key-file: cannot read ${flags.rootKeyFile} (${e.code ?? e.message})`);
      }
      if (rootPublicKey !== undefined) {
        let bytes: Uint8Array | undefined;
        try {
          bytes = fromBase64Url(rootPublicKey);
        } catch {
          bytes = undefined;
        }
        if (bytes?.length !== 32) return usage(`--root-key${flags.rootKey ? '' : '-file'}: not a 32-byte base64url public key (from \`sealgate enclave init\` or \`enclave pubkey\`)`);
      }
      let result: AttestResult;
      try {
        result = await attestGateway({
          url: flags.url,
          apiKey,
          rootPublicKey,
          allowedMeasurements: flags.measurement,
        });
      } catch (error) {
        process.stderr.write(`sealgate attest: ${unreachable(error, flags.url) ?? (error as Error).message}\n`);
        process.exit(1);
      }
      if (flags.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else {
        process.stdout.write(`${JSON.stringify(result.document, null, 2)}\n`);
        if (result.tenant) process.stdout.write(`tenant: ${result.tenant}\n`);
        if (result.verified) {
          const pinned = flags.measurement?.length ? 'measurement in allow-list' : 'measurement NOT pinned (pass --measurement)';
          process.stdout.write(`verified: root signature, canonical encoding, nonce, validity window; ${pinned}\n`);
        } else process.stdout.write(`NOT verified: ${result.problem?.message}\n`);
      }
      process.exitCode = result.verified ? 0 : result.problem?.code === 'no_root_key' ? 2 : 1;
    });
};
