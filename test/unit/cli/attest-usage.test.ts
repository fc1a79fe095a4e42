/**
 * `sealgate attest` exits 1 for "verification failed or gateway unreachable" and 2 for bad arguments. A URL that
 * is not one (`-u gateway:8787`, `-u ftp://…`), a --root-key-file that does not exist, or a --root-key that is not
 * a 32-byte base64url key exited 1 ("Invalid URL", "ENOENT …", or a request then "NOT verified"), as if the gateway
 * had failed verification. Each is now a usage error (exit 2) before any request.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(process.cwd(), 'bin/sealgate.mjs');
// Port 9 (discard) is never a gateway here: an attempted request fails with "cannot reach the gateway at …".
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, 'attest', '--api-key', 'sk-test', ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, SEALGATE_CONFIG: '' } });

describe('sealgate attest bad arguments', () => {
  it.each([
    [['-u', 'gateway:8787'], /--url: "gateway:8787" is not an http\(s\) URL/],
    [['-u', 'ftp://127.0.0.1:9'], /--url: "ftp:\/\/127\.0\.0\.1:9" is not an http\(s\) URL/],
    [['-u', 'http://127.0.0.1:9', '--root-key-file', '/nonexistent/root.key'], /--root-key-file: cannot read \/nonexistent\/root\.key \(ENOENT\)/],
    [['-u', 'http://127.0.0.1:9', '--root-key', 'abc'], /--root-key: not a 32-byte base64url public key/],
  ])('%j exits 2 before any request', (args, message) => {
    const result = run(...args);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/cannot reach the gateway/);
    expect(result.status).toBe(2);
  });

  it('a good URL and key still reach the gateway (unreachable here: exit 1)', () => {
    const result = run('-u', 'http://127.0.0.1:9', '--root-key', 'A'.repeat(43));
    expect(result.stderr).toMatch(/cannot reach the gateway at http:\/\/127\.0\.0\.1:9 /);
    expect(result.status).toBe(1);
  });
});
