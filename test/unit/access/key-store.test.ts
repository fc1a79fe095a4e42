import { mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../../../src/auth/api-keys.js';
import { FileKeyStore } from '../../../src/store/key-store/file.js';
import { MAX_CACHED_LOOKUPS, RedisKeyStore } from '../../../src/store/key-store/redis.js';
import type { KeyRecord, KeyStore } from '../../../src/store/key-store/types.js';
import { redisEnabled, requireRedisUrl } from '../../redis-env.js';

function newRecord(tenantId = 'acme'): { record: KeyRecord; key: string } {
  const { id, key, hash } = generateApiKey();
  return { key, record: { id, tenantId, hash, createdAt: new Date().toISOString(), allowedCidrs: [], models: '*' } };
}

function contract(name: string, make: () => Promise<KeyStore>) {
  describe(`${name} key store`, () => {
    let store: KeyStore;
    beforeAll(async () => {
      store = await make();
    });
    afterAll(async () => {
      await store.close();
    });

    it('creates, gets and lists records (hash only)', async () => {
      const { record, key } = newRecord();
      await store.create(record);
      const got = await store.get(record.id);
      expect(got).toMatchObject({ id: record.id, tenantId: 'acme', hash: record.hash, usage: { lastSourceIps: [] } });
      expect(JSON.stringify(got)).not.toContain(key);
      expect((await store.list()).map((k) => k.id)).toContain(record.id);
      expect(await store.get('knotthere000')).toBeUndefined();
    });

    it('refuses a duplicate id', async () => {
      const { record } = newRecord();
      await store.create(record);
      await expect(store.create(record)).rejects.toThrow(/already exists/);
    });

    it('updates and clears fields', async () => {
      const { record } = newRecord();
      await store.create(record);
      const revokedAt = new Date().toISOString();
      expect(await store.update(record.id, { revokedAt })).toMatchObject({ revokedAt });
      expect((await store.get(record.id))?.revokedAt).toBe(revokedAt);
      expect((await store.update(record.id, { revokedAt: null }))?.revokedAt).toBeUndefined();
      expect(await store.update('knotthere000', { revokedAt })).toBeUndefined();
    });

    it('records last use and the latest distinct source IPs', async () => {
      const { record } = newRecord();
      await store.create(record);
      const t = new Date('2026-03-01T00:00:00Z');
      await store.recordUse(record.id, t, '10.0.0.1');
      await store.recordUse(record.id, new Date(t.getTime() + 10_000), '10.0.0.2');
      await store.recordUse(record.id, new Date(t.getTime() + 20_000), '10.0.0.1');
      const listed = (await store.list()).find((k) => k.id === record.id)!;
      expect(listed.usage.lastUsedAt).toBe(new Date(t.getTime() + 20_000).toISOString());
      expect(listed.usage.lastSourceIps).toEqual(['10.0.0.1', '10.0.0.2']);
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'sealgate-keys-'));
contract('file', async () => new FileKeyStore(join(dir, 'contract', 'keys.json')));

describe('file key store', () => {
  it('writes 0600 files and keeps usage apart from the records', async () => {
    const path = join(dir, 'perm', 'keys.json');
    const store = new FileKeyStore(path);
    const { record } = newRecord();
    await store.create(record);
    await store.recordUse(record.id, new Date(), '127.0.0.1');
    await store.close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path, 'utf8')).keys[0].id).toBe(record.id);
    expect(JSON.parse(readFileSync(join(dir, 'perm', 'keys.usage.json'), 'utf8'))[record.id].lastSourceIps).toEqual(['127.0.0.1']);
  });

  it('sees keys created and revoked by another process (the CLI) without restarting', async () => {
    const path = join(dir, 'shared', 'keys.json');
    const gateway = new FileKeyStore(path);
    const cli = new FileKeyStore(path);
    const { record } = newRecord();
    await cli.create(record);
    await new Promise((r) => setTimeout(r, 600));
    expect(await gateway.get(record.id)).toBeDefined();
    await cli.update(record.id, { revokedAt: new Date().toISOString() });
    await new Promise((r) => setTimeout(r, 600));
    expect((await gateway.get(record.id))?.revokedAt).toBeDefined();
  });

  it('sees a revocation written in the same file-clock tick as its last read (mtime unchanged)', async () => {
    const path = join(dir, 'same-tick', 'keys.json');
    const cli = new FileKeyStore(path);
    const { record } = newRecord();
    await cli.create(record);
    // File timestamps come from a coarse clock: pin both writes to one instant, as two writes in one tick get.
    const tick = Math.floor(Date.now() / 1000) - 5;
    utimesSync(path, tick, tick);
    const gateway = new FileKeyStore(path);
    expect((await gateway.get(record.id))?.revokedAt).toBeUndefined();
    await cli.update(record.id, { revokedAt: new Date().toISOString() });
    utimesSync(path, tick, tick);
    expect(statSync(path).mtimeMs).toBe(tick * 1000);
    expect((await gateway.list()).find((k) => k.id === record.id)?.revokedAt).toBeDefined();
  });

  it('reports a corrupt keys file clearly', () => {
    const path = join(dir, 'corrupt.json');
    writeFileSync(path, '{nope');
    expect(() => new FileKeyStore(path)).toThrow(/corrupt\.json: invalid JSON/);
  });
});

describe.runIf(redisEnabled)('redis', () => {
  contract('redis', async () => RedisKeyStore.connect(requireRedisUrl()));

  it('keeps a bounded lookup cache however many unknown ids clients make up', async () => {
    // The id is read from the bearer key before anything is verified: each made-up id was cached for good.
    const store = await RedisKeyStore.connect(requireRedisUrl());
    try {
      const { record } = newRecord(`t-${randomUUID()}`);
      await store.create(record);
      expect((await store.get(record.id))?.id).toBe(record.id);
      for (let i = 0; i < MAX_CACHED_LOOKUPS + 500; i++) await store.get(`kqa${String(i).padStart(8, '0')}`);
      expect(store.cachedLookups).toBe(MAX_CACHED_LOOKUPS);
      // Evicted entries are looked up again, not lost.
      expect((await store.get(record.id))?.id).toBe(record.id);
    } finally {
      await store.close();
    }
  });

  it('shares records between instances', async () => {
    const a = await RedisKeyStore.connect(requireRedisUrl());
    const b = await RedisKeyStore.connect(requireRedisUrl());
    try {
      const { record } = newRecord(`t-${randomUUID()}`);
      await a.create(record);
      expect((await b.get(record.id))?.tenantId).toBe(record.tenantId);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
