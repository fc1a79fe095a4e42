/**
 * `sealgate keys enable|disable|revoke` on a key that cannot change that way. `enable` of a revoked key printed
 * "Enabled <id>" and exited 0 while the key stayed revoked (docs/access.md: a revoked or expired key id exits 1);
 * a second `revoke` moved the recorded revocation time to now. Now enable/disable of a revoked key and enable of an
 * expired one exit 1 saying why, and revoking a revoked key keeps the first time and says when that was.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileKeyStore } from '../../../src/store/key-store/file.js';

const bin = join(process.cwd(), 'bin/sealgate.mjs');

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'sg-keys-state-'));
  const config = join(dir, 'cfg.yaml');
  const keysFile = join(dir, 'keys.json');
  writeFileSync(config, `access:\n  keysFile: ${JSON.stringify(keysFile)}\n`);
  const keys = (...args: string[]) => spawnSync(process.execPath, [bin, 'keys', '-c', config, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, SEALGATE_CONFIG: '', REDIS_URL: '' } });
  const created = keys('create', '-t', 'acme', '--json');
  expect(created.status, created.stderr).toBe(0);
  const id = (JSON.parse(created.stdout) as { id: string }).id;
  return { keys, id, store: () => new FileKeyStore(keysFile) };
}

describe('sealgate keys state changes', () => {
  it('enable or disable of a revoked key exits 1 and says it is revoked', async () => {
    const { keys, id, store } = setup();
    expect(keys('revoke', id).status).toBe(0);
    for (const command of ['enable', 'disable']) {
      const run = keys(command, id);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`sealgate keys: key ${id} is revoked`));
      expect(run.stdout).toBe('');
    }
    const key = await store().get(id);
    expect(key?.enabledAt).toBeUndefined();
    expect(key?.disabledAt).toBeUndefined();
  }, 60_000);

  it('a second revoke keeps the first revocation time', async () => {
    const { keys, id, store } = setup();
    expect(keys('revoke', id).status).toBe(0);
    const first = (await store().get(id))?.revokedAt;
    await new Promise((r) => setTimeout(r, 20));
    const again = keys('revoke', id);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`${id} was already revoked at ${first}`));
    expect((await store().get(id))?.revokedAt).toBe(first);
  }, 60_000);

  it('enable of an expired key exits 1 (enabling does not extend it)', async () => {
    const { keys, id, store } = setup();
    await store().update(id, { expiresAt: '2020-01-01T00:00:00.000Z' });
    const run = keys('enable', id);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`key ${id} has expired`));
  }, 60_000);

  it('disable then enable of a live key still works', () => {
    const { keys, id } = setup();
    expect(keys('disable', id).stdout).toBe(`Disabled ${id}\n`);
    expect(keys('enable', id).stdout).toBe(`Enabled ${id}\n`);
    expect(keys('list', '--json').stdout).toMatch(/"status": "active"/);
  }, 60_000);

  // `keys list --tenant other` printed "No keys." while the store held keys of other tenants.
  it('list --tenant with no match names the tenant, not an empty store', () => {
    const { keys } = setup();
    expect(keys('list', '--tenant', 'globex').stdout).toBe('No keys for tenant globex. Create one with `sealgate keys create --tenant globex`.\n');
    expect(keys('list').stdout).toMatch(/acme/);
  }, 60_000);
});
