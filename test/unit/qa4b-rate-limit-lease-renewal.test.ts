/**
 * QA round 4: a concurrency lease expired LEASE_TTL_MS (10 minutes) after it was taken even while
 * its request was still in flight, so a stream longer than that stopped counting against the
 * tenant's concurrent-requests cap. Leases held by this process are now renewed until released.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from 'redis';
import { MemoryRateLimiter } from '../../src/store/rate-limiter/memory.js';
import { RedisRateLimiter } from '../../src/store/rate-limiter/redis.js';
import { LEASE_TTL_MS } from '../../src/store/rate-limiter/types.js';
import { redisEnabled, requireRedisUrl } from '../redis-env.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('memory rate limiter: leases in flight are renewed', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a request running longer than the lease TTL still holds its slot (default TTL)', async () => {
    vi.useFakeTimers();
    const limiter = new MemoryRateLimiter(() => Date.now());
    const bucket = { id: 'tenant:long-stream', concurrentRequests: 1 };
    const held = await limiter.acquire([bucket], 0);
    expect(held.allowed).toBe(true);
    await vi.advanceTimersByTimeAsync(LEASE_TTL_MS + 60_000); // an 11-minute stream
    expect((await limiter.acquire([bucket], 0)).allowed).toBe(false);
    await vi.advanceTimersByTimeAsync(2 * LEASE_TTL_MS);
    expect((await limiter.acquire([bucket], 0)).allowed).toBe(false);
    await limiter.release(held.lease!, 0);
    expect(limiter.activeLeases).toBe(0);
    const next = await limiter.acquire([bucket], 0);
    expect(next.allowed).toBe(true);
    await limiter.release(next.lease!, 0);
    await limiter.close();
  });

  it('with a short TTL: renewed while in flight, freed by release, no renewal once released', async () => {
    const limiter = new MemoryRateLimiter(Date.now, { leaseTtlMs: 150 });
    const bucket = { id: 'tenant:short-ttl', concurrentRequests: 1 };
    const held = await limiter.acquire([bucket], 0);
    await sleep(600); // four TTLs
    expect((await limiter.acquire([bucket], 0)).allowed).toBe(false);
    await limiter.release(held.lease!, 0);
    const again = await limiter.acquire([bucket], 0);
    expect(again.allowed).toBe(true);
    await limiter.close();
  });

  it('tracks (renews) only leases that hold a concurrency slot', async () => {
    const limiter = new MemoryRateLimiter(Date.now, { leaseTtlMs: 150 });
    const bucket = { id: 'tenant:tracked', concurrentRequests: 1 };
    expect((await limiter.acquire([bucket], 0)).allowed).toBe(true);
    expect(limiter.activeLeases).toBe(1);
    // Leases without a concurrency cap are not tracked at all.
    await limiter.acquire([{ id: 'tenant:rpm-only', requestsPerMinute: 100 }], 0);
    expect(limiter.activeLeases).toBe(1);
    await limiter.close();
    expect(limiter.activeLeases).toBe(0);
  });
});

describe.runIf(redisEnabled)('redis rate limiter: leases in flight are renewed', () => {
  it('with a short TTL: renewed while in flight (its expiry moves on), freed by release', async () => {
    const url = requireRedisUrl();
    const ttl = 300;
    const limiter = await RedisRateLimiter.connect(url, { leaseTtlMs: ttl });
    const probe = createClient({ url });
    await probe.connect();
    try {
      const id = `tenant:qa4b-renew-${process.pid}-${Date.now()}`;
      const bucket = { id, concurrentRequests: 1 };
      const held = await limiter.acquire([bucket], 0);
      expect(held.allowed).toBe(true);
      const first = await probe.zScore(`sealgate:cc:${id}`, held.lease!.id);
      expect(first).not.toBeNull();
      await sleep(4 * ttl);
      const later = await probe.zScore(`sealgate:cc:${id}`, held.lease!.id);
      expect(later).not.toBeNull();
      expect(later!).toBeGreaterThan(first! + 2 * ttl);
      expect((await limiter.acquire([bucket], 0)).allowed).toBe(false);
      await limiter.release(held.lease!, 0);
      expect(limiter.activeLeases).toBe(0);
      await sleep(ttl); // a renewal tick after the release must not bring the lease back
      expect(await probe.zScore(`sealgate:cc:${id}`, held.lease!.id)).toBeNull();
      const next = await limiter.acquire([bucket], 0);
      expect(next.allowed).toBe(true);
      await limiter.release(next.lease!, 0);
    } finally {
      await probe.close();
      await limiter.close();
    }
  });
});
