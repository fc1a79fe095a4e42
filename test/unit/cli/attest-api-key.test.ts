/**
 * `sealgate attest` without an API key: /v1/attestation is authenticated like every /v1 route, yet the help
 * called the key optional ("so the document names your tenant") and docs/PROTOCOL.md's example passed none, so
 * the command went to the gateway and failed with its 401 (exit 1, as if verification had failed; found by QA
 * round 6). Now it says what is missing, before any request, with the bad-arguments exit code 2.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = join(process.cwd(), 'bin/sealgate.mjs');
const env: NodeJS.ProcessEnv = { ...process.env, SEALGATE_CONFIG: '' };
delete env.SEALGATE_API_KEY;

describe('sealgate attest needs an API key', () => {
  it('refuses to run without one (exit 2, no request made)', async () => {
    // Port 9 (discard) is never a gateway here: an attempted request would fail with "fetch failed" instead.
    const err = (await run(process.execPath, [bin, 'attest', '-u', 'http://127.0.0.1:9'], { env }).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(err.code).toBe(2);
    expect(err.stderr).toMatch(/sealgate attest: no API key: pass --api-key or set SEALGATE_API_KEY/);
  }, 60_000);

  it('the help says the key is needed', async () => {
    const { stdout } = await run(process.execPath, [bin, 'attest', '--help'], { env });
    expect(stdout.replace(/\s+/g, ' ')).toMatch(/--api-key <key> API key \(or env SEALGATE_API_KEY\); required: \/v1\/attestation is authenticated/);
  }, 60_000);
});
