/**
 * QA round 4: two `sealgate keys` commands changing the keys file at once. Each read the file, changed
 * its copy and wrote the whole file back, so the later write dropped the earlier change: 12 concurrent
 * `sealgate keys create` left 7 keys in keys.json (5 keys printed to their administrators never worked),
 * and a revoke beside a create could be undone. Changes now hold an exclusive lock file.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { FileKeyStore } from '../../src/store/key-store/file.js';
import { createKey } from '../../src/cli/keys.js';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');
let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A separate process doing `count` creates (and optionally revoking `revoke` first) on the keys file. */
function writer(keysFile: string, tenant: string, count: number, revoke?: string) {
  const script = `
    import { FileKeyStore } from ${JSON.stringify(join(ROOT, 'src/store/key-store/file.ts'))};
    import { createKey } from ${JSON.stringify(join(ROOT, 'src/cli/keys.ts'))};
    const store = new FileKeyStore(${JSON.stringify(keysFile)});
    ${revoke ? `await store.update(${JSON.stringify(revoke)}, { revokedAt: new Date().toISOString() });` : ''}
    for (let i = 0; i < ${count}; i++) await createKey(store, { tenant: ${JSON.stringify(tenant)} });
    await store.close();
  `;
  return run(process.execPath, ['--import', join(ROOT, 'bin/register.mjs'), '--input-type=module', '-e', script], { cwd: ROOT });
}

const idsIn = (keysFile: string): { id: string; revokedAt?: string }[] => (JSON.parse(readFileSync(keysFile, 'utf8')) as { keys: { id: string; revokedAt?: string }[] }).keys;

describe('keys file written by several processes at once', () => {
  it('keeps every created key and a revocation made meanwhile', async () => {
    dir = mkdtempSync(join(tmpdir(), 'qa4-keys-'));
    const keysFile = join(dir, 'keys.json');
    const { record: victim } = await createKey(new FileKeyStore(keysFile), { tenant: 'acme' });
    await Promise.all([writer(keysFile, 'a', 30), writer(keysFile, 'b', 30), writer(keysFile, 'c', 30, victim.id), writer(keysFile, 'd', 30)]);
    const keys = idsIn(keysFile);
    expect(keys).toHaveLength(1 + 4 * 30);
    expect(keys.find((k) => k.id === victim.id)?.revokedAt).toBeDefined();
    expect(existsSync(`${keysFile}.lock`)).toBe(false);
  }, 60_000);

  it('a lock left by a process that died is taken over once stale; a fresh one makes a change wait', async () => {
    dir = mkdtempSync(join(tmpdir(), 'qa4-keys-'));
    const keysFile = join(dir, 'keys.json');
    const store = new FileKeyStore(keysFile);
    writeFileSync(`${keysFile}.lock`, '12345\n');
    const old = new Date(Date.now() - 120_000);
    utimesSync(`${keysFile}.lock`, old, old);
    await createKey(store, { tenant: 'acme' });
    expect(idsIn(keysFile)).toHaveLength(1);
    expect(existsSync(`${keysFile}.lock`)).toBe(false);

    writeFileSync(`${keysFile}.lock`, '12345\n');
    let done = false;
    const pending = createKey(store, { tenant: 'acme' }).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 150));
    expect(done).toBe(false);
    rmSync(`${keysFile}.lock`);
    await pending;
    expect(idsIn(keysFile)).toHaveLength(2);
  });
});
