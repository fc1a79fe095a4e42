/**
 * Idle upstream connections close before the upstream closes them (src/upstream/node-fetch.ts,
 * withIdleTimeout). The fake upstream announces `keep-alive: timeout=2` and, like a server whose idle
 * close races a request, drops a request that arrives on a connection idle for longer than that, before
 * any answer. Node's agent without a `timeout` ignores the hint and reuses such a connection.
 */
import { Agent, createServer, request, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeTransport } from '../../../src/upstream/node-fetch.js';
import { createOpenAICompatibleProvider } from '../../../src/upstream/openai-compatible.js';
import { closeLocal, listenLocal } from '../../fixtures/local-server.js';

const ANNOUNCED_S = 2;
let server: Server;
let base: string;
let connections = 0;
let dropped = 0;
/** Per connection: when its last answer ended. */
const idleSince = new WeakMap<Socket, number>();
/** Whether answers carry the keep-alive hint. */
let announce = true;

beforeAll(async () => {
  server = createServer((req, res) => {
    const since = idleSince.get(req.socket);
    if (since !== undefined && Date.now() - since > ANNOUNCED_S * 1000) {
      dropped++;
      req.socket.destroy();
      return;
    }
    req.resume();
    req.on('end', () => {
      const wait = req.url?.includes('/slow/') ? 1_500 : 0;
      setTimeout(() => {
        const headers: Record<string, string> = { 'content-type': 'application/json', connection: 'keep-alive' };
        if (announce) headers['keep-alive'] = `timeout=${ANNOUNCED_S}`;
        res.writeHead(200, headers);
        res.end('{"id":"ok"}', () => idleSince.set(req.socket, Date.now()));
      }, wait);
    });
  });
  // The server's own idle close is far away: the drop above is the only close the client meets.
  server.keepAliveTimeout = 0;
  server.on('connection', () => connections++);
  base = await listenLocal(server);
});

afterAll(async () => {
  await closeLocal(server);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const body = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };
const signal = new AbortController().signal;

describe('upstream keep-alive: idle sockets close before the upstream closes them', () => {
  it('control: node’s keep-alive agent without a timeout reuses the connection past the hint and the request fails', async () => {
    announce = true;
    const agent = new Agent({ keepAlive: true });
    const get = () =>
      new Promise<number>((resolve, reject) => {
        const req = request(`${base}/chat/completions`, { method: 'POST', agent }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end('{}');
      });
    expect(await get()).toBe(200);
    await sleep(ANNOUNCED_S * 1000 + 200);
    const droppedBefore = dropped;
    await expect(get()).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(dropped).toBe(droppedBefore + 1);
    agent.destroy();
  });

  it('a request after a gap longer than the announced keep-alive gets a fresh connection and succeeds at once', async () => {
    announce = true;
    const provider = createOpenAICompatibleProvider({ name: 'up', baseUrl: base, models: ['m'] });
    const call = () => provider.call({ surface: 'chat.completions', body, signal, timeoutMs: 5_000 });
    const before = connections;
    expect(await call()).toEqual({ kind: 'json', body: { id: 'ok' } });
    expect(await call()).toEqual({ kind: 'json', body: { id: 'ok' } }); // reused while fresh
    expect(connections).toBe(before + 1);
    await sleep(ANNOUNCED_S * 1000 + 200);
    const droppedBefore = dropped;
    expect(await call()).toEqual({ kind: 'json', body: { id: 'ok' } });
    expect(dropped).toBe(droppedBefore);
    expect(connections).toBe(before + 2);
  });

  it('an answer slower than the idle timeout on a reused connection is not cut (the timeout acts on idle sockets only)', async () => {
    announce = true;
    const transport = createNodeTransport();
    const before = connections;
    expect((await transport.fetchBuffered(`${base}/chat/completions`, { method: 'POST', body: '{}' }, 5_000)).status).toBe(200);
    // Idle timeout here: 2 s announced − 1 s = 1 s; the model answers after 1.5 s on the same connection.
    const slow = await transport.fetchBuffered(`${base}/slow/chat/completions`, { method: 'POST', body: '{}' }, 5_000);
    expect(slow.status).toBe(200);
    expect(slow.body.toString()).toBe('{"id":"ok"}');
    expect(connections).toBe(before + 1);
  });

  it('without a hint, idle sockets close after the transport’s default', async () => {
    announce = false;
    const transport = createNodeTransport({ idleSocketMs: 300 });
    const before = connections;
    const post = () => transport.fetchBuffered(`${base}/chat/completions`, { method: 'POST', body: '{}' }, 5_000);
    expect((await post()).status).toBe(200);
    await sleep(100);
    expect((await post()).status).toBe(200);
    expect(connections).toBe(before + 1);
    await sleep(600);
    expect((await post()).status).toBe(200);
    expect(connections).toBe(before + 2);
    announce = true;
  });
});
