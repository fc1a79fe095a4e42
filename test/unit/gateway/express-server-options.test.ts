import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { expressServerOptions } from '../../../src/gateway/express-server-options.js';

describe('expressServerOptions', () => {
  const servers: ReturnType<typeof createServer>[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  });

  async function listen(app: express.Express, observe: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
    const server = createServer(expressServerOptions(app), (req, res) => {
      observe(req, res);
      app(req, res);
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('creates requests and responses with the app prototypes before express sees them, and express works on them', async () => {
    const app = express();
    const seen: { req?: unknown; res?: unknown } = {};
    app.post('/echo', express.json(), (req, res) => {
      res.status(201).json({ body: req.body as unknown, header: req.get('x-test'), sameApp: req.app === app, path: req.path });
    });
    const url = await listen(app, (req, res) => {
      seen.req = Object.getPrototypeOf(req);
      seen.res = Object.getPrototypeOf(res);
    });
    const r = await fetch(`${url}/echo?q=1`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-test': 'yes' }, body: '{"a":1}' });
    expect(r.status).toBe(201);
    expect(await r.json()).toEqual({ body: { a: 1 }, header: 'yes', sameApp: true, path: '/echo' });
    // Born with express's prototypes: express's own setPrototypeOf is then a no-op.
    expect(seen.req).toBe(app.request);
    expect(seen.res).toBe(app.response);
  });

  it('keeps node behaviour: streamed responses and the 404s of express', async () => {
    const app = express();
    app.get('/stream', (_req, res) => {
      res.setHeader('content-type', 'text/event-stream');
      res.write('data: 1\n\n');
      res.end('data: [DONE]\n\n');
    });
    const url = await listen(app, () => undefined);
    const s = await fetch(`${url}/stream`);
    expect(await s.text()).toBe('data: 1\n\ndata: [DONE]\n\n');
    const missing = await fetch(`${url}/nope`);
    expect(missing.status).toBe(404);
  });
});
