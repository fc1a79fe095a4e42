import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { MemoryReplayCache, RedisReplayCache, type ReplayCache } from '../../src/store/replay-cache/index.js';
import { redisEnabled, requireRedisUrl } from '../redis-env.js';

function contract(name: string, make: () => Promise<ReplayCache>, wait: (ms: number) => Promise<void>) {
  describe(`${name} replay cache`, () => {
    it('accepts an id once, refuses it again within the TTL, accepts it after', async () => {
      const cache = await make();
      try {
        const id = `t:${randomUUID()}`;
        expect(await cache.claim(id, 200)).toBe(true);
        expect(await cache.claim(id, 200)).toBe(false);
        expect(await cache.claim(`${id}-other`, 200)).toBe(true);
        await wait(250);
        expect(await cache.claim(id, 200)).toBe(true);
      } finally {
        await cache.close();
      }
    });

    it('lets exactly one of many concurrent claims win', async () => {
      const cache = await make();
      try {
        const id = `t:${randomUUID()}`;
        const results = await Promise.all(Array.from({ length: 20 }, () => cache.claim(id, 10_000)));
        expect(results.filter(Boolean)).toHaveLength(1);
      } finally {
        await cache.close();
      }
    });
  });
}

let clock = 0;
contract('memory', async () => new MemoryReplayCache(() => clock), async (ms) => void (clock += ms));

describe.runIf(redisEnabled)('redis', () => {
  contract('redis', async () => RedisReplayCache.connect(requireRedisUrl()), (ms) => new Promise((resolve) => setTimeout(resolve, ms)));

  it('holds across gateway instances (two connections, one cache)', async () => {
    const [a, b] = await Promise.all([RedisReplayCache.connect(requireRedisUrl()), RedisReplayCache.connect(requireRedisUrl())]);
    try {
      const id = `t:${randomUUID()}`;
      expect(await a.claim(id, 10_000)).toBe(true);
      expect(await b.claim(id, 10_000)).toBe(false);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('memory replay cache bounds', () => {
  it('evicts the oldest ids beyond its cap instead of growing without bound', async () => {
    const cache = new MemoryReplayCache(() => 0, 3);
    for (const id of ['a', 'b', 'c', 'd']) expect(await cache.claim(id, 1_000)).toBe(true);
    expect(await cache.claim('a', 1_000)).toBe(true);
    expect(await cache.claim('d', 1_000)).toBe(false);
  });
});
