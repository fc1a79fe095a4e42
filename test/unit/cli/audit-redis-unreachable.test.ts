/**
 * `sealgate audit verify --redis`, `query --redis` and `recover --redis` against a Redis that cannot be reached hung
 * with no output (node-redis reconnects forever by default; recover's sink keeps reconnecting, as a gateway must).
 * Now each fails within seconds: one line naming host and port, never the URL's password, exit 2.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { closedPort } from '../../fixtures/local-server.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('audit --redis with Redis unreachable', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sg-audit-redis-down-'));
  const signingKey = join(dir, 'audit-signing.key');
  writeFileSync(signingKey, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600 });
  const config = join(dir, 'config.yaml');
  writeFileSync(config, `audit:\n  key:\n    file: ${signingKey}\n`);
  const publicKey = randomBytes(32).toString('base64url');

  it.each([
    ['verify', ['--public-key', publicKey]],
    ['query', ['--public-key', publicKey]],
    ['recover', ['--all']],
  ])('%s: one line naming host and port, exit 2, no hang', async (command, extra) => {
    const port = await closedPort();
    const started = Date.now();
    const run = spawnSync(process.execPath, [join(process.cwd(), 'bin/sealgate.mjs'), 'audit', command, '-c', config, '--redis', `redis://ops:hunter2-secret@127.0.0.1:${port}`, ...extra], {
      encoding: 'utf8',
      timeout: 25_000,
    });
    expect(run.signal, 'killed by the timeout: it hung').toBeNull();
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr.trim()).toBe(`sealgate audit: cannot connect to Redis at 127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}`);
    expect(run.stdout + run.stderr).not.toContain('hunter2-secret');
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 30_000);
});
