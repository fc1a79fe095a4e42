/**
 * `sealgate keys rotate <id> --grace <duration>`: a bad --grace was reported as an --expires error (or, with an
 * unknown id, not at all: the id was looked up first), exit 1. Now a bad --grace is one line naming --grace and
 * the accepted format, exit 2 (the CLI's bad-arguments code), before any key is touched; an unknown id says
 * where the ids are listed, exit 1 (as revoke, disable and enable).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKey, parseGrace, rotateKey, UsageError } from '../../../src/cli/keys.js';
import { FileKeyStore } from '../../../src/store/key-store/file.js';

const BIN = new URL('../../../bin/sealgate.mjs', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'sealgate-rotate-'));
const configFile = join(dir, 'sealgate.config.json');
writeFileSync(configFile, JSON.stringify({ access: { keysFile: join(dir, 'keys.json') } }));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, 'keys', '-c', configFile, ...args], {
    encoding: 'utf8',
    cwd: dir,
    env: { ...process.env, REDIS_URL: '', SEALGATE_CONFIG: '' },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('keys rotate --grace', () => {
  it.each(['xyz', '2x', '-1h', '1.5h', 'tomorrow', '2030-01-01', '99999999999d'])('parseGrace(%s): a usage error naming --grace and the format', (grace) => {
    expect(() => parseGrace(grace)).toThrow(UsageError);
    expect(() => parseGrace(grace)).toThrow(/^--grace: .*(30m, 24h, 7d|too far)/);
  });

  it.each([['xyz', ['nope', 'KEY']], ['2030-01-01', ['KEY']]])('the CLI with --grace %s: one line naming --grace, exit 2, nothing rotated', async (grace, ids) => {
    const store = new FileKeyStore(join(dir, 'keys.json'));
    const { record } = await createKey(store, { tenant: 'acme' });
    for (const id of ids.map((i) => (i === 'KEY' ? record.id : i))) {
      const run = cli('rotate', id, '--grace', grace);
      expect(run.status, `${id} ${grace}`).toBe(2);
      expect(run.stderr).toMatch(/^sealgate keys: --grace: .*(30m, 24h, 7d|too far)/);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).not.toContain('--expires');
      expect(run.stdout).toBe('');
    }
    expect((await store.get(record.id))?.expiresAt).toBeUndefined();
  }, 60_000);

  it('an unknown key id: a clear message, exit 1', () => {
    const run = cli('rotate', 'knope', '--grace', '1h');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^sealgate keys: no key with id knope \(`sealgate keys list` shows the ids\)$/m);
  }, 60_000);

  it('good values still rotate: 0, 0h, 30m, 24h, 7d', async () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(parseGrace('0', now).toISOString()).toBe(now.toISOString());
    expect(parseGrace('0h', now).toISOString()).toBe(now.toISOString());
    expect(parseGrace('30m', now).toISOString()).toBe('2026-06-01T00:30:00.000Z');
    expect(parseGrace('7d', now).toISOString()).toBe('2026-06-08T00:00:00.000Z');
    expect(() => parseGrace('xyz', now)).toThrow(UsageError);
    const store = new FileKeyStore(join(mkdtempSync(join(tmpdir(), 'sealgate-rotate-')), 'keys.json'));
    const { record } = await createKey(store, { tenant: 'acme' }, now);
    expect((await rotateKey(store, record.id, '24h', now)).oldExpiresAt).toBe('2026-06-02T00:00:00.000Z');
  });
});
