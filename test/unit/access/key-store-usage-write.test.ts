/**
 * The gateway writes key usage (last use, source IPs) beside the keys file from a timer. A keys
 * directory it cannot write — a read-only mounted secret, a full disk — must not take it down:
 * the write failed inside the timer, an uncaught exception ended the process 2 s after the first
 * request with a real key (found by the QA pass: `sealgate serve` over a read-only keys dir).
 * Here the write fails because the keys directory was replaced by a file (as root, as these tests
 * may run, a chmod would not stop the write).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../../../src/auth/api-keys.js';
import { FileKeyStore } from '../../../src/store/key-store/file.js';

const dir = mkdtempSync(join(tmpdir(), 'sealgate-keys-usage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function record() {
  const { id, hash } = generateApiKey();
  return { id, tenantId: 'acme', hash, createdAt: new Date().toISOString(), allowedCidrs: [], models: '*' as const };
}

/** A store whose keys directory turns into a file after the key was created: every later write fails. */
async function storeThatCannotWrite(name: string, onError?: (message: string) => void) {
  const keysDir = join(dir, name, 'keys');
  const store = new FileKeyStore(join(keysDir, 'keys.json'), onError);
  const rec = record();
  await store.create(rec);
  rmSync(keysDir, { recursive: true });
  writeFileSync(keysDir, 'not a directory');
  return { store, rec };
}

describe('file key store: usage that cannot be written', () => {
  it('keeps usage in memory and reports the failure once (no key material)', async () => {
    const messages: string[] = [];
    const { store, rec } = await storeThatCannotWrite('inproc', (m) => messages.push(m));
    await store.recordUse(rec.id, new Date('2026-03-01T00:00:00Z'), '10.0.0.7');
    await expect(store.close()).resolves.toBeUndefined();
    await store.recordUse(rec.id, new Date('2026-03-01T00:00:05Z'), '10.0.0.8');
    await store.close();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/keys\.usage\.json \((ENOTDIR|EEXIST)\); .*in memory only/);
    expect(messages[0]).not.toContain(rec.hash);
  });

  it('does not end the process when the timed flush fails', () => {
    mkdirSync(join(dir, 'child'), { recursive: true });
    const script = join(dir, 'child', 'flush.ts');
    const storeModule = resolve('src/store/key-store/file.ts');
    const apiKeys = resolve('src/auth/api-keys.ts');
    writeFileSync(
      script,
      `import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { FileKeyStore } from ${JSON.stringify(storeModule)};
import { generateApiKey } from ${JSON.stringify(apiKeys)};
const keysDir = ${JSON.stringify(join(dir, 'child', 'keys'))};
mkdirSync(keysDir, { recursive: true });
const store = new FileKeyStore(keysDir + '/keys.json', () => console.log('reported'));
const { id, hash } = generateApiKey();
await store.create({ id, tenantId: 'acme', hash, createdAt: new Date().toISOString(), allowedCidrs: [], models: '*' });
rmSync(keysDir, { recursive: true });
writeFileSync(keysDir, 'not a directory');
await store.recordUse(id, new Date(), '10.0.0.7');
// The flush timer is unref'd: keep the process up past it (USAGE_FLUSH_MS is 2 s).
await new Promise((r) => setTimeout(r, 2600));
console.log('alive');
`,
    );
    const run = spawnSync(process.execPath, ['--import', resolve('bin/register.mjs'), script], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.stdout).toBe('reported\nalive\n');
    expect(run.status).toBe(0);
  }, 40_000);
});
