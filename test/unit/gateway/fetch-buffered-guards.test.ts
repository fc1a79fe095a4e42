/**
 * fetchBuffered (src/upstream/node-fetch.ts) sets up its deadline and abort listener on the tick after the
 * request is written and takes them down after the exchange: an abort or a deadline still ends the exchange
 * wherever it falls, and nothing stays on the caller's signal afterwards.
 */
import { createServer, type Server } from 'node:http';
import { getEventListeners } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeTransport } from '../../../src/upstream/node-fetch.js';
import { closeLocal, listenLocal } from '../../fixtures/local-server.js';

let server: Server;
let base: string;
const post = { method: 'POST', body: '{}' };

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const answer = () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      };
      if (req.url === '/v1/slow') setTimeout(answer, 300);
      else answer();
    });
  });
  base = await listenLocal(server);
});
afterAll(() => closeLocal(server));

const nextCheckPhase = () => new Promise((resolve) => setImmediate(resolve));

describe('fetchBuffered guards', () => {
  it('leaves no listener on a signal it has used, after answers and after failures', async () => {
    const transport = createNodeTransport();
    const controller = new AbortController();
    for (let i = 0; i < 12; i++) expect((await transport.fetchBuffered(`${base}/ok`, { ...post, signal: controller.signal }, 5_000)).status).toBe(200);
    await expect(transport.fetchBuffered(`${base}/slow`, { ...post, signal: controller.signal }, 50)).rejects.toThrow(/timed out/);
    await nextCheckPhase();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('an abort in the same tick as the call, before the guards are set up, still cancels', async () => {
    const transport = createNodeTransport();
    const controller = new AbortController();
    const pending = transport.fetchBuffered(`${base}/slow`, { ...post, signal: controller.signal }, 5_000);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('an abort while the upstream works cancels, and the deadline still covers the exchange', async () => {
    const transport = createNodeTransport();
    const controller = new AbortController();
    const pending = transport.fetchBuffered(`${base}/slow`, { ...post, signal: controller.signal }, 5_000);
    setTimeout(() => controller.abort(), 30);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    const started = performance.now();
    await expect(transport.fetchBuffered(`${base}/slow`, post, 80)).rejects.toThrow(/timed out/);
    expect(performance.now() - started).toBeLessThan(280);
  });
});

describe('fetchWithDeadline guards (the streamed path)', () => {
  it('leaves no listener on a signal it has used once each response is read', async () => {
    const transport = createNodeTransport();
    const controller = new AbortController();
    for (let i = 0; i < 12; i++) {
      const response = await transport.fetchWithDeadline(`${base}/ok`, { ...post, signal: controller.signal }, 5_000);
      expect(await response.json()).toEqual({ ok: true });
    }
    await expect(transport.fetchWithDeadline(`${base}/slow`, { ...post, signal: controller.signal }, 50)).rejects.toThrow(/timed out/);
    await new Promise((resolve) => setTimeout(resolve, 20)); // the requests' 'close', then the check phase
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('an abort in the same tick as the call, before the guards are set up, still cancels', async () => {
    const transport = createNodeTransport();
    const early = new AbortController();
    const pending = transport.fetchWithDeadline(`${base}/slow`, { ...post, signal: early.signal }, 5_000);
    early.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
