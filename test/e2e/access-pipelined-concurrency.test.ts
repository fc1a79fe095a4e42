/**
 * HTTP/1.1 pipelining and the concurrent-requests limit. Node runs the handler of every request pipelined on a
 * connection at once (only the responses leave in order), so each one calls the model while the others do: they
 * are concurrent and count as such. But a pipelined request whose work was done kept its slot until the responses
 * ahead of it on the connection had been sent (the slot was freed on 'finish', which a queued response reaches
 * only then): behind a 1.5 s answer, a request answered in milliseconds held a slot for 1.5 s and other clients
 * got 429. Now the slot is freed when the response ends.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { fakeProvider, postJson, startGateway, type TestGateway } from '../fixtures/gateway.js';

let fake: FakeUpstream;
let gw: TestGateway;
beforeAll(async () => {
  fake = await startFakeUpstream();
  gw = await startGateway({
    upstream: { providers: [fakeProvider(fake)] },
    audit: { enabled: false },
    guardrails: { enabled: false },
    access: { tenants: { dev: { limits: { concurrentRequests: 2, requestsPerMinute: 10_000 } } } },
  });
});
afterAll(async () => {
  await gw?.close();
  await fake?.close();
});
beforeEach(() => fake.reset());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes `count` chat requests on one connection at once; resolves with the statuses as the responses arrive. */
function pipelined(count: number): { socket: Socket; statuses: string[]; done: Promise<void> } {
  const body = JSON.stringify({ model: 'fake-model', messages: [{ role: 'user', content: 'hi' }] });
  const request = `POST /v1/chat/completions HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer ${gw.apiKey}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  const { port } = new URL(gw.url);
  const socket = connect(Number(port), '127.0.0.1');
  const statuses: string[] = [];
  let raw = '';
  const done = new Promise<void>((resolve, reject) => {
    socket.on('data', (data) => {
      raw += data.toString();
      statuses.splice(0, statuses.length, ...[...raw.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => m[1]!));
      if (statuses.length >= count) {
        socket.end();
        resolve();
      }
    });
    socket.on('error', reject);
  });
  socket.write(request.repeat(count));
  return { socket, statuses, done };
}

describe('pipelined requests and the concurrent-requests limit', () => {
  it('count as concurrent while they are served: the model is called for each at once', async () => {
    fake.script({ kind: 'ok', delayMs: 600 }, { kind: 'ok', delayMs: 600 }, { kind: 'ok', delayMs: 600 });
    const three = pipelined(3);
    await three.done;
    // Limit 2: two were served together, the third was over the limit while they ran.
    expect(three.statuses).toEqual(['200', '200', '429']);
    expect(fake.requests).toHaveLength(2);
  });

  it('a pipelined request answered behind a slow one frees its slot when it ends, not when its turn to be sent comes', async () => {
    fake.script({ kind: 'ok', delayMs: 1500 }, { kind: 'ok' });
    const pair = pipelined(2);
    // The second request's answer is ready within milliseconds; it waits on the connection behind the first.
    for (let i = 0; i < 100 && fake.requests.filter((r) => r.completed).length < 1; i++) await sleep(10);
    await sleep(100);
    expect(pair.statuses).toEqual([]);
    // One request is being served: another client gets a slot.
    const other = await postJson(gw, '/chat/completions', { messages: [{ role: 'user', content: 'hi' }] });
    expect(other.status).toBe(200);
    await pair.done;
    expect(pair.statuses).toEqual(['200', '200']);
  });
});
