/**
 * `sealgate serve` on a port already in use built the whole gateway first: it claimed the audit chain (a second
 * instance beside a running one took a per-process chain, "audit chain id in use by another writer") and left an
 * audit segment and head file behind, then failed with a JSON log line `listen EADDRINUSE …`. The port is now bound
 * before anything else: one plain line naming the address and the way out, exit 1, and nothing in the audit directory.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const bin = join(process.cwd(), 'bin/sealgate.mjs');
const dir = mkdtempSync(join(tmpdir(), 'serve-port-in-use-'));
const auditDir = join(dir, 'audit');
const config = join(dir, 'audit.yaml');
writeFileSync(
  config,
  [
    'server: { host: 127.0.0.1, logLevel: info }',
    'upstream: { providers: [{ name: local, type: local, models: [sealgate-demo] }] }',
    "access: { devMode: true, tenants: { dev: { models: '*' } } }",
    `audit: { enabled: true, key: { env: SG_TEST_AUDIT_KEY }, instanceId: gw1, sink: file, file: { dir: ${JSON.stringify(auditDir)} } }`,
  ].join('\n'),
);

const busy = createServer();
afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

describe('sealgate serve on a port in use', () => {
  it('says so in one line, exits 1, and claims and writes nothing', async () => {
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as AddressInfo).port;
    const run = spawnSync(process.execPath, [bin, 'serve', '-c', config, '--port', String(port)], {
      encoding: 'utf8',
      cwd: dir,
      timeout: 60_000,
      env: { ...process.env, SEALGATE_CONFIG: '', SEALGATE_PORT: '', SEALGATE_HOST: '', SG_TEST_AUDIT_KEY: randomBytes(32).toString('hex') },
    });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain(`sealgate serve: 127.0.0.1:${port} is already in use (another sealgate or another program listens there): stop it, or pick another port with --port or SEALGATE_PORT\n`);
    expect(run.stdout).not.toContain('sealgate listening');
    expect(run.stdout).not.toContain('audit chain started');
    // No chain claimed (lock), no segment, no head file.
    expect(existsSync(auditDir) ? readdirSync(auditDir) : []).toEqual([]);
  }, 60_000);
});
