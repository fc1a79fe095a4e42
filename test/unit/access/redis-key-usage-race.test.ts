/**
 * RedisKeyStore.recordUse read the usage, merged one use in and SET it back: uses recorded at the same
 * time (two gateway instances, or one instance serving the key from several addresses) overwrote each
 * other, and the key's list of last source IPs kept only one of them. The merge now runs in one Lua
 * step: every use lands, the newest time wins, an older use's IP goes after the newer ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../../../src/auth/api-keys.js';
import { acquireRedis, REDIS_PREFIX, type RedisHandle } from '../../../src/store/redis-client.js';
import { RedisKeyStore } from '../../../src/store/key-store/redis.js';
import { MAX_SOURCE_IPS, type KeyRecord } from '../../../src/store/key-store/types.js';
import { redisEnabled, requireRedisUrl } from '../../redis-env.js';

/** A second URL for the same server, so the "other instance" has its own connection. */
function otherUrl(url: string): string {
  const u = new URL(url);
  u.searchParams.set('usage-race', '1');
  return u.toString();
}

describe.runIf(redisEnabled)('Redis key store: concurrent key uses', () => {
  let a: RedisKeyStore;
  let b: RedisKeyStore;
  let raw: RedisHandle;
  const created: string[] = [];

  beforeAll(async () => {
    const url = requireRedisUrl();
    a = await RedisKeyStore.connect(url);
    b = await RedisKeyStore.connect(otherUrl(url));
    raw = await acquireRedis(url);
  });
  afterAll(async () => {
    for (const id of created) {
      await raw.client.del([`${REDIS_PREFIX}key:${id}`, `${REDIS_PREFIX}key-usage:${id}`]);
      await raw.client.sRem(`${REDIS_PREFIX}keys`, id);
    }
    await raw?.release();
    await a?.close();
    await b?.close();
  });

  async function newKey(): Promise<string> {
    const { id, hash } = generateApiKey();
    const record: KeyRecord = { id, tenantId: 'usage-race', hash, createdAt: new Date().toISOString(), allowedCidrs: [], models: '*' };
    await a.create(record);
    created.push(id);
    return id;
  }

  /** The stored usage, read past the stores' lookup cache. */
  async function usage(id: string) {
    return (await a.update(id, {}))!.usage;
  }

  it('uses from different IPs at the same time all land, from one instance or two', async () => {
    for (let round = 0; round < 5; round++) {
      const id = await newKey();
      const ips = Array.from({ length: MAX_SOURCE_IPS }, (_, i) => `10.0.${round}.${i + 1}`);
      const base = Date.parse('2026-11-30T12:00:00.000Z');
      await Promise.all(ips.map((ip, i) => (i % 2 === 0 ? a : b).recordUse(id, new Date(base + i), ip)));
      const after = await usage(id);
      expect([...after.lastSourceIps].sort()).toEqual([...ips].sort());
      expect(after.lastUsedAt).toBe(new Date(base + ips.length - 1).toISOString());
    }
  });

  it('an older use keeps the newer time and goes after the newer IPs; a use without an IP keeps the list', async () => {
    const id = await newKey();
    await a.recordUse(id, new Date('2026-11-30T12:00:00.000Z'), undefined);
    expect(await usage(id)).toEqual({ lastUsedAt: '2026-11-30T12:00:00.000Z', lastSourceIps: [] });
    await a.recordUse(id, new Date('2026-11-30T12:00:05.000Z'), '10.1.0.1');
    await b.recordUse(id, new Date('2026-11-30T12:00:03.000Z'), '10.1.0.2');
    expect(await usage(id)).toEqual({ lastUsedAt: '2026-11-30T12:00:05.000Z', lastSourceIps: ['10.1.0.1', '10.1.0.2'] });
    await b.recordUse(id, new Date('2026-11-30T12:00:09.000Z'), '10.1.0.2');
    expect(await usage(id)).toEqual({ lastUsedAt: '2026-11-30T12:00:09.000Z', lastSourceIps: ['10.1.0.2', '10.1.0.1'] });
  });
});
