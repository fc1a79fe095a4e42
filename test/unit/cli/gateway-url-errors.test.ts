/**
 * `sealgate attest` and `sealgate eval` against a gateway URL they cannot use (and eval with an empty SEALGATE_API_KEY).
 * - Unreachable: attest said only "fetch failed" (no address, no reason), eval "Connection error.". Both now name the
 *   address and the reason (ECONNREFUSED, ENOTFOUND, a TLS error …).
 * - A user name or password in the URL: fetch refuses such a URL, so every request failed, and the error printed the
 *   URL, password included (attest exit 1 as a failed verification). Both now refuse it as a bad argument, exit 2,
 *   without echoing it.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closedPort } from '../../fixtures/local-server.js';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(process.cwd(), 'bin/sealgate.mjs');
const baseEnv: NodeJS.ProcessEnv = { ...process.env, SEALGATE_CONFIG: '' };
delete baseEnv.SEALGATE_API_KEY;
const cliWith = (env: NodeJS.ProcessEnv, ...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000, env });
const cli = (...args: string[]) => cliWith(baseEnv, ...args);
const rootKey = randomBytes(32).toString('base64url');

describe('attest and eval name why a gateway cannot be reached', () => {
  it('attest: the address and the reason, exit 1', async () => {
    const port = await closedPort();
    const run = cli('attest', '--url', `http://127.0.0.1:${port}`, '--api-key', 'sg-test', '--root-key', rootKey);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr.trim()).toBe(`sealgate attest: cannot reach the gateway at http://127.0.0.1:${port} (ECONNREFUSED)`);
  }, 60_000);

  it('eval: the address and the reason, exit 2 before any prompt', async () => {
    const port = await closedPort();
    const run = cli('eval', '--gateway', `http://127.0.0.1:${port}`, '-q');
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr.trim()).toBe(`sealgate eval: cannot reach the gateway at http://127.0.0.1:${port}/v1 (ECONNREFUSED)`);
  }, 60_000);
});

describe('eval with SEALGATE_API_KEY set but empty', () => {
  // It reached the SDK as no key at all: "Missing credentials. Please pass an `apiKey` … or set the OPENAI_API_KEY …".
  it('names the variable, exit 2', async () => {
    const port = await closedPort();
    const run = cliWith({ ...baseEnv, SEALGATE_API_KEY: '' }, 'eval', '--gateway', `http://127.0.0.1:${port}`, '-q');
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr.trim()).toBe('sealgate eval: SEALGATE_API_KEY is set but empty: pass --key, or unset it to use the dev key');
  }, 60_000);
});

describe('a password in the gateway URL is refused, never printed', () => {
  it('attest --url http://user:password@…: exit 2, the password nowhere in the output', async () => {
    const port = await closedPort();
    const run = cli('attest', '--url', `http://ops:hunter2-secret@127.0.0.1:${port}`, '--api-key', 'sg-test', '--root-key', rootKey);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^sealgate attest: --url: a user name or password in the URL is not supported/);
    expect(run.stdout + run.stderr).not.toContain('hunter2-secret');
  }, 60_000);

  it('eval --gateway http://user:password@…: exit 2, the password nowhere in the output', async () => {
    const port = await closedPort();
    const run = cli('eval', '--gateway', `http://ops:hunter2-secret@127.0.0.1:${port}`, '-q');
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/--gateway: a user name or password in the URL is not supported/);
    expect(run.stdout + run.stderr).not.toContain('hunter2-secret');
  }, 60_000);
});
