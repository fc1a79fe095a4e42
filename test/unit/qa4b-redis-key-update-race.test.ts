/**
 * QA round 4: RedisKeyStore.update read the record and SET it back, so concurrent updates (a `keys
 * revoke` beside `keys rotate` writing expiresAt, from other processes) overwrote each other and a
 * revoked key could come back active. Every patch must survive, a revocation above all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../../src/auth/api-keys.js';
import { RedisKeyStore } from '../../src/store/key-store/redis.js';
import type { KeyRecord } from '../../src/store/key-store/types.js';
import { redisEnabled, requireRedisUrl } from '../redis-env.js';

function newRecord(): KeyRecord {
  const { id, hash } = generateApiKey();
  return { id, tenantId: 'acme', hash, createdAt: new Date().toISOString(), allowedCidrs: [], models: '*' };
}

/** A second URL for the same server, so the "other process" has its own connection. */
function otherUrl(url: string): string {
  const u = new URL(url);
  u.hostname = u.hostname === 'localhost' ? '127.0.0.1' : u.hostname === '127.0.0.1' ? 'localhost' : u.hostname;
  u.searchParams.set('qa4b', '1');
  return u.toString();
}

describe.runIf(redisEnabled)('Redis key store: concurrent updates', () => {
  let a: RedisKeyStore;
  let b: RedisKeyStore;
  beforeAll(async () => {
    const url = requireRedisUrl();
    a = await RedisKeyStore.connect(url);
    b = await RedisKeyStore.connect(otherUrl(url));
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('a revoke issued among many concurrent expiry updates is never lost', async () => {
    const rounds = 20;
    let lost = 0;
    for (let round = 0; round < rounds; round++) {
      const record = newRecord();
      await a.create(record);
      const revokedAt = new Date().toISOString();
      const updates: Promise<unknown>[] = [a.update(record.id, { revokedAt })];
      for (let i = 0; i < 8; i++) {
        const store = i % 2 === 0 ? b : a;
        updates.push(store.update(record.id, { expiresAt: new Date(Date.now() + (i + 1) * 60_000).toISOString() }));
      }
      updates.push(b.recordUse(record.id, new Date(), '10.0.0.1'));
      await Promise.all(updates);
      const after = await b.update(record.id, {}); // uncached read
      if (after?.revokedAt !== revokedAt) lost++;
      expect(after?.expiresAt).toBeDefined();
    }
    expect(lost).toBe(0);
  });

  it('every one of many concurrent patches to different fields lands', async () => {
    const record = newRecord();
    await a.create(record);
    const at = new Date().toISOString();
    await Promise.all([
      a.update(record.id, { revokedAt: at }),
      b.update(record.id, { disabledAt: at }),
      a.update(record.id, { name: 'renamed' }),
      b.update(record.id, { expiresAt: at }),
      a.update(record.id, { enabledAt: at }),
    ]);
    const after = await a.update(record.id, {});
    expect(after).toMatchObject({ revokedAt: at, disabledAt: at, name: 'renamed', expiresAt: at, enabledAt: at, allowedCidrs: [] });
    expect(await a.update('knotthere000', { revokedAt: at })).toBeUndefined();
  });
});
