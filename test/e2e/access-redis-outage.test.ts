/**
 * Redis going away under a running gateway: limits fail CLOSED (503, retryable), readiness reports
 * it, and the gateway recovers by itself when Redis comes back. Redis is cut off with a real TCP
 * relay in front of the real server.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';
import { redisEnabled, requireRedisUrl } from '../redis-env.js';

function startRelay(target: URL, port = 0): Promise<{ server: Server; port: number; cut(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 6379), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => s.destroy());
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () =>
      resolve({
        server,
        port: (server.address() as { port: number }).port,
        cut: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      }),
    ),
  );
}

describe.runIf(redisEnabled)('Redis outage', () => {
  let fake: FakeUpstream;
  let gw: TestGateway;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  const target = () => new URL(requireRedisUrl());

  beforeAll(async () => {
    relay = await startRelay(target());
    fake = await startFakeUpstream();
    gw = await startGateway({ redisUrl: `redis://127.0.0.1:${relay.port}`, upstream: { providers: [fakeProvider(fake)] } });
  });
  afterAll(async () => {
    await gw?.close();
    await fake?.close();
    await relay?.cut().catch(() => {});
  });

  const chat = () =>
    fetch(`${gw.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'fake-model', messages: [{ role: 'user', content: 'hi' }] }),
    });

  it('fails closed with a retryable 503 while Redis is unreachable, then recovers', async () => {
    expect((await chat()).status).toBe(200);
    await relay.cut();
    const down = await chat();
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('1');
    expect(((await down.json()) as { error: { code: string } }).error.code).toBe('rate_limiter_unavailable');
    expect((await fetch(`${gw.url}/readyz`)).status).toBe(503);

    relay = await startRelay(target(), relay.port);
    const deadline = Date.now() + 10_000;
    let status = 0;
    while (Date.now() < deadline && status !== 200) {
      await new Promise((r) => setTimeout(r, 200));
      status = (await chat()).status;
    }
    expect(status).toBe(200);
  }, 30_000);
});
