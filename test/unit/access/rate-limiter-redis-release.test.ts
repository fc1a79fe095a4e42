/**
 * A concurrency slot whose release fails because Redis is briefly unreachable stayed taken until its
 * lease expired (LEASE_TTL_MS, 10 minutes): after a one-second Redis blip, a key with
 * `concurrentRequests: 1` was refused (429 concurrency) for ten minutes although nothing was in
 * flight (found by the QA pass). The limiter now retries a failed release (the slot part, which is
 * idempotent) in the background once Redis is back. Redis is reached through a TCP proxy the test cuts.
 */
import { randomUUID } from 'node:crypto';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { RedisRateLimiter } from '../../../src/store/rate-limiter/redis.js';
import { redisEnabled, requireRedisUrl } from '../../redis-env.js';

/** A TCP proxy to Redis that can be cut (every connection dropped, nothing accepted) and restored on the same port. */
async function cuttableProxy(target: URL) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(Number(target.port || 6379), target.hostname);
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  await open();
  return {
    get url() {
      return `redis://127.0.0.1:${port}`;
    },
    async cut() {
      await new Promise<void>((resolve) => {
        server!.close(() => resolve());
        for (const s of sockets) s.destroy();
        sockets.clear();
      });
    },
    restore: open,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => (server?.listening ? server.close(() => resolve()) : resolve()));
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(redisEnabled)('redis rate limiter: a release that fails while Redis is away', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c().catch(() => {});
  });

  it('frees the concurrency slot once Redis is back, not after the 10-minute lease', async () => {
    const target = new URL(requireRedisUrl());
    const proxy = await cuttableProxy(target);
    cleanup.push(() => proxy.close());
    const limiter = await RedisRateLimiter.connect(proxy.url);
    cleanup.push(() => limiter.close());
    const direct = createClient({ url: requireRedisUrl() });
    await direct.connect();
    cleanup.push(() => direct.close());

    const bucket = { id: `test:release-retry:${randomUUID()}`, concurrentRequests: 1 };
    const first = await limiter.acquire([bucket], 0);
    expect(first.allowed).toBe(true);

    await proxy.cut();
    await expect(limiter.release(first.lease!, 0)).rejects.toThrow();
    await sleep(200);
    await proxy.restore();

    // Redis itself holds the slot until the release is retried.
    let held = 1;
    for (let i = 0; i < 100 && held > 0; i++) {
      await sleep(100);
      held = await direct.zCard(`sealgate:cc:${bucket.id}`);
    }
    expect(held).toBe(0);
    expect((await limiter.acquire([bucket], 0)).allowed).toBe(true);
  }, 30_000);
});
