/**
 * QA round 4: a client that leaves while the Redis rate limiter answers. Its response had emitted
 * 'close' before the limiter resolved, and the release listener was added after: the concurrency slot
 * stayed taken until the lease TTL (10 minutes; with concurrentRequests: 1 every later request got 429),
 * and the request went on to the model for nobody (its abort listener was added too late as well). Redis is reached through a real TCP relay that delays its bytes, so the window is certain.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';
import { redisEnabled, requireRedisUrl } from '../redis-env.js';
import { createKeyStore } from '../../src/store/index.js';
import { createKey } from '../../src/cli/keys.js';
import type { KeyStore } from '../../src/store/key-store/types.js';

describe.runIf(redisEnabled)('a client gone while the Redis limiter answers', () => {
  let delayMs = 0;
  let relay: Server;
  const sockets = new Set<Socket>();
  let fake: FakeUpstream;
  let gw: TestGateway;
  let store: KeyStore;
  let key: string;
  let keyId: string;
  const tenant = `qa4-abort-${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    const target = new URL(requireRedisUrl());
    relay = createServer((client) => {
      const upstream = connect(Number(target.port || 6379), target.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => s.destroy());
        s.on('close', () => sockets.delete(s));
      }
      const forward = (from: Socket, to: Socket) => from.on('data', (d: Buffer) => (delayMs ? setTimeout(() => to.write(d), delayMs) : to.write(d)));
      forward(client, upstream);
      forward(upstream, client);
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    const redisUrl = `redis://127.0.0.1:${(relay.address() as { port: number }).port}`;
    fake = await startFakeUpstream();
    gw = await startGateway({
      redisUrl,
      guardrails: { enabled: false },
      audit: { enabled: false },
      upstream: { providers: [fakeProvider(fake)] },
      access: { tenants: { [tenant]: { models: '*', limits: { concurrentRequests: 1 } } } },
    });
    store = await createKeyStore({ redisUrl: requireRedisUrl(), access: gw.config.access });
    ({ key, record: { id: keyId } } = await createKey(store, { tenant }));
  });

  afterAll(async () => {
    await store?.update(keyId, { revokedAt: new Date().toISOString() }).catch(() => undefined);
    await store?.close();
    await gw?.close();
    await fake?.close();
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => relay?.close(resolve));
  });

  const ask = (signal?: AbortSignal) =>
    fetch(`${gw.baseURL}/chat/completions`, {
      method: 'POST',
      signal,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'fake-model', messages: [{ role: 'user', content: 'hi' }] }),
    });

  it('frees the concurrency slot and never calls the model', async () => {
    expect((await ask()).status).toBe(200);
    fake.reset();
    delayMs = 150; // the key lookup is cached; the limiter's script takes ~300 ms now
    const controller = new AbortController();
    const aborted = ask(controller.signal).catch(() => 'aborted');
    setTimeout(() => controller.abort(), 60);
    expect(await aborted).toBe('aborted');
    await new Promise((r) => setTimeout(r, 700)); // the limiter answered, and a release (if any) went out
    delayMs = 0;
    const next = await ask();
    expect(next.status).toBe(200);
    expect(fake.requests).toHaveLength(1); // the next request only
  });

});
