/**
 * QA round 4: /readyz is unauthenticated, and every probe ran its own readiness checks, each calling
 * every upstream (GET /models with the gateway's upstream key). 30 concurrent probes from anyone were
 * 30 upstream calls on the operator's account. Probes that arrive while a run is going now share it;
 * a probe after it has finished starts a fresh one (changes still show at once).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORE_ONLY, startGateway, type TestGateway } from '../fixtures/gateway.js';

let upstream: Server;
let gw: TestGateway;
let modelsCalls = 0;

beforeAll(async () => {
  // An upstream whose GET /models takes 300 ms, as a remote provider's would take a while.
  upstream = createServer((req, res) => {
    req.resume();
    if (req.url?.endsWith('/models')) modelsCalls++;
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ object: 'list', data: [{ id: 'fake-model', object: 'model', created: 1, owned_by: 'x' }] }));
    }, 300);
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const port = (upstream.address() as AddressInfo).port;
  gw = await startGateway({ ...CORE_ONLY, upstream: { providers: [{ name: 'slow', type: 'openai', baseUrl: `http://127.0.0.1:${port}/v1`, models: ['fake-model'] }] } });
});

afterAll(async () => {
  await gw?.close();
  upstream?.closeAllConnections();
  await new Promise((resolve) => upstream?.close(resolve));
});

describe('/readyz fan-out to the upstream', () => {
  it('concurrent probes share one readiness run', async () => {
    modelsCalls = 0;
    const answers = await Promise.all(Array.from({ length: 30 }, () => fetch(`${gw.url}/readyz`)));
    expect(answers.map((a) => a.status)).toEqual(Array(30).fill(200));
    for (const a of answers) expect(await a.json()).toMatchObject({ status: 'ready', checks: { 'upstream:slow': true, access: true } });
    expect(modelsCalls).toBeLessThanOrEqual(2);
  });

  it('a probe after a run has finished checks again', async () => {
    modelsCalls = 0;
    await fetch(`${gw.url}/readyz`);
    await fetch(`${gw.url}/readyz`);
    expect(modelsCalls).toBe(2);
  });
});
