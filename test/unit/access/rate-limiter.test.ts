import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryRateLimiter } from '../../../src/store/rate-limiter/memory.js';
import { RedisRateLimiter } from '../../../src/store/rate-limiter/redis.js';
import type { RateLimiter } from '../../../src/store/rate-limiter/types.js';
import { redisEnabled, requireRedisUrl } from '../../redis-env.js';

/** The same behaviour is required of every backend. */
function contract(name: string, make: () => Promise<RateLimiter>) {
  describe(`${name} rate limiter`, () => {
    let limiter: RateLimiter;
    beforeAll(async () => {
      limiter = await make();
    });
    afterAll(async () => {
      await limiter.close();
    });
    const id = (label: string) => `test:${label}:${randomUUID()}`;

    it('allows requests/minute then refuses with a retry-after near one refill interval', async () => {
      const bucket = { id: id('rpm'), requestsPerMinute: 3 };
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await limiter.acquire([bucket], 0));
      expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
      expect(results[2]!.requests).toMatchObject({ limit: 3, remaining: 0 });
      const refused = results[3]!;
      expect(refused.reason).toEqual({ bucketId: bucket.id, axis: 'requests' });
      // One request refills every 20 s at 3/min.
      expect(refused.retryAfterMs).toBeGreaterThan(19_000);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(20_000);
    });

    it('charges estimated tokens up front and settles the real usage at release', async () => {
      const bucket = { id: id('tpm'), tokensPerMinute: 100 };
      const first = await limiter.acquire([bucket], 60);
      expect(first.allowed).toBe(true);
      expect(first.tokens).toMatchObject({ limit: 100, remaining: 40 });
      const second = await limiter.acquire([bucket], 60);
      expect(second.allowed).toBe(false);
      expect(second.reason?.axis).toBe('tokens');
      // The request really used only 10 tokens: 50 come back.
      await limiter.release(first.lease!, 10);
      const third = await limiter.acquire([bucket], 60);
      expect(third.allowed).toBe(true);
      expect(third.tokens!.remaining).toBeGreaterThanOrEqual(30);
      expect(third.tokens!.remaining).toBeLessThanOrEqual(31);
      // Using more than estimated puts the bucket in debt.
      await limiter.release(third.lease!, 200);
      const fourth = await limiter.acquire([bucket], 1);
      expect(fourth.allowed).toBe(false);
      expect(fourth.tokens!.remaining).toBe(0);
    });

    it('never lets an estimate larger than the whole bucket block forever', async () => {
      const bucket = { id: id('big'), tokensPerMinute: 50 };
      expect((await limiter.acquire([bucket], 10_000)).allowed).toBe(true);
    });

    it('caps concurrent requests until a lease is released', async () => {
      const bucket = { id: id('conc'), concurrentRequests: 2 };
      const a = await limiter.acquire([bucket], 0);
      const b = await limiter.acquire([bucket], 0);
      const c = await limiter.acquire([bucket], 0);
      expect([a.allowed, b.allowed, c.allowed]).toEqual([true, true, false]);
      expect(c.reason?.axis).toBe('concurrency');
      expect(c.retryAfterMs).toBeGreaterThan(0);
      await limiter.release(a.lease!, 0);
      expect((await limiter.acquire([bucket], 0)).allowed).toBe(true);
    });

    it('is all-or-nothing across buckets: a refusal by one takes nothing from the others', async () => {
      const tenant = { id: id('tenant'), requestsPerMinute: 5 };
      const key = { id: id('key'), requestsPerMinute: 1 };
      expect((await limiter.acquire([tenant, key], 0)).allowed).toBe(true);
      const refused = await limiter.acquire([tenant, key], 0);
      expect(refused.allowed).toBe(false);
      expect(refused.reason?.bucketId).toBe(key.id);
      // The tenant lost only the one request that was allowed.
      const other = await limiter.acquire([tenant], 0);
      expect(other.requests).toMatchObject({ limit: 5, remaining: 3 });
    });

    it('reports the most constrained bucket in the headers state', async () => {
      const tenant = { id: id('t'), requestsPerMinute: 100 };
      const key = { id: id('k'), requestsPerMinute: 10 };
      const result = await limiter.acquire([tenant, key], 0);
      expect(result.requests).toMatchObject({ limit: 10, remaining: 9 });
      expect(result.tokens).toBeUndefined();
    });

    it('is atomic under concurrent callers', async () => {
      const bucket = { id: id('race'), requestsPerMinute: 10 };
      const results = await Promise.all(Array.from({ length: 40 }, () => limiter.acquire([bucket], 0)));
      expect(results.filter((r) => r.allowed)).toHaveLength(10);
    });
  });
}

contract('memory', async () => new MemoryRateLimiter());

describe('memory rate limiter refill', () => {
  it('refills continuously with the clock', async () => {
    let now = 1_000_000;
    const limiter = new MemoryRateLimiter(() => now);
    const bucket = { id: 'refill', requestsPerMinute: 60, tokensPerMinute: 600 };
    for (let i = 0; i < 60; i++) expect((await limiter.acquire([bucket], 0)).allowed).toBe(true);
    expect((await limiter.acquire([bucket], 0)).allowed).toBe(false);
    now += 1000; // one request per second
    expect((await limiter.acquire([bucket], 0)).allowed).toBe(true);
    expect((await limiter.acquire([bucket], 0)).allowed).toBe(false);
    now += 120_000; // never above capacity
    const full = await limiter.acquire([bucket], 0);
    expect(full.requests).toMatchObject({ limit: 60, remaining: 59 });
  });

  it('forgets idle buckets (they would be full again) so memory stays bounded', async () => {
    let now = 0;
    const limiter = new MemoryRateLimiter(() => now);
    for (let i = 0; i < 100; i++) await limiter.acquire([{ id: `token:${i}`, requestsPerMinute: 1 }], 0);
    const held = await limiter.acquire([{ id: 'busy', concurrentRequests: 1 }], 0);
    expect(limiter.size).toBe(101);
    now += 3 * 60_000;
    await limiter.acquire([{ id: 'fresh', requestsPerMinute: 1 }], 0);
    expect(limiter.size).toBe(1 + 1 + 0); // 'busy' still holds a lease; 'fresh' is new
    await limiter.release(held.lease!, 0);
    // A forgotten bucket behaves exactly like a full one.
    expect((await limiter.acquire([{ id: 'token:1', requestsPerMinute: 1 }], 0)).allowed).toBe(true);
  });

  it('reclaims concurrency slots whose holder never released them', async () => {
    let now = 0;
    const limiter = new MemoryRateLimiter(() => now);
    const bucket = { id: 'stale', concurrentRequests: 1 };
    expect((await limiter.acquire([bucket], 0)).allowed).toBe(true);
    expect((await limiter.acquire([bucket], 0)).allowed).toBe(false);
    now += 11 * 60_000;
    expect((await limiter.acquire([bucket], 0)).allowed).toBe(true);
  });
});

describe.runIf(redisEnabled)('redis', () => {
  contract('redis', async () => RedisRateLimiter.connect(requireRedisUrl()));

  it('shares one limit between separate limiter instances (as between gateways)', async () => {
    const url = requireRedisUrl();
    const a = await RedisRateLimiter.connect(url);
    const b = await RedisRateLimiter.connect(url);
    try {
      const bucket = { id: `test:shared:${randomUUID()}`, requestsPerMinute: 2 };
      expect((await a.acquire([bucket], 0)).allowed).toBe(true);
      expect((await b.acquire([bucket], 0)).allowed).toBe(true);
      expect((await a.acquire([bucket], 0)).allowed).toBe(false);
      expect((await b.acquire([bucket], 0)).allowed).toBe(false);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
