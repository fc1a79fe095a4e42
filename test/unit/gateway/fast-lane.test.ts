import { afterEach, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { createFastLane } from '../../../src/gateway/fast-lane.js';

/**
 * The fast lane must run exactly what express would: the same handlers in the same order, with the
 * same error routing. Each app below logs the handlers a request went through; the same request is
 * sent once on the lane (exact path) and once through express (same path plus a query string, which
 * the lane leaves to express), and both must agree.
 */
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

interface Built {
  app: Express;
  lanePaths: () => string[];
}

function build(register: (app: Express, trail: (name: string) => RequestHandler) => void): Built {
  const app = express();
  app.use((req, res, next) => {
    res.locals.trail = [] as string[];
    next();
  });
  const lane = createFastLane();
  app.use(lane.middleware);
  const recorded = lane.record(app);
  const trail =
    (name: string): RequestHandler =>
    (req, res, next) => {
      (res.locals.trail as string[]).push(name);
      next();
    };
  register(recorded, trail);
  recorded.use((_req, res) => {
    (res.locals.trail as string[]).push('404');
    res.status(404).json({ trail: res.locals.trail });
  });
  const onError: ErrorRequestHandler = (err: Error, _req, res, _next) => {
    (res.locals.trail as string[]).push(`error:${err.message}`);
    res.status(500).json({ trail: res.locals.trail });
  };
  app.use(onError);
  return { app, lanePaths: lane.paths };
}

async function listen(app: Express): Promise<string> {
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((r) => server.once('listening', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function both(url: string, path: string, init: RequestInit = { method: 'POST' }): Promise<{ lane: unknown; express: unknown; status: number[] }> {
  const a = await fetch(`${url}${path}`, init);
  const b = await fetch(`${url}${path}?via=express`, init);
  return { lane: await a.json(), express: await b.json(), status: [a.status, b.status] };
}

describe('fast lane', () => {
  it('runs mount-path middleware, the route and later middleware in registration order, as express does', async () => {
    let sawUrl = '';
    const mountUrls: string[] = [];
    const { app, lanePaths } = build((app, trail) => {
      app.use('/v1', (req, _res, next) => {
        mountUrls.push(req.url);
        next();
      });
      app.use('/v1', trail('v1-a'), trail('v1-b'));
      app.use('/other', trail('other'));
      app.post('/v1/tokens', trail('tokens'), (_req, res) => res.json({ trail: res.locals.trail }));
      app.use('/v1', trail('v1-late'));
      app.use(trail('everywhere'));
      app.post('/v1/chat', trail('chat-1'), (req, res) => {
        sawUrl = req.originalUrl;
        (res.locals.trail as string[]).push('chat-2');
        res.json({ trail: res.locals.trail, route: (req.route as { path: string }).path });
      });
      app.get('/v1/chat', trail('get-only'));
    });
    expect(lanePaths().sort()).toEqual(['/v1/chat', '/v1/tokens']);
    const url = await listen(app);

    const chat = await both(url, '/v1/chat');
    expect(chat.lane).toEqual({ trail: ['v1-a', 'v1-b', 'v1-late', 'everywhere', 'chat-1', 'chat-2'], route: '/v1/chat' });
    expect(chat.express).toEqual(chat.lane);
    expect(sawUrl).toBe('/v1/chat?via=express');
    // The lane really served the first one: express trims the mount path inside `/v1` middleware, the lane does not.
    expect(mountUrls).toEqual(['/v1/chat', '/chat?via=express']);

    const tokens = await both(url, '/v1/tokens');
    expect(tokens.lane).toEqual({ trail: ['v1-a', 'v1-b', 'tokens'] });
    expect(tokens.express).toEqual(tokens.lane);

    // No route: the catch-all 404 runs after every middleware that covers the path.
    const missing = await fetch(`${url}/v1/nothing`, { method: 'POST' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ trail: ['v1-a', 'v1-b', 'v1-late', 'everywhere', '404'] });
  });

  it('sends thrown errors, rejected promises and next(err) to the error handler; next("route") skips the rest of a route', async () => {
    const { app } = build((app, trail) => {
      app.use('/v1', trail('mw'));
      app.post('/v1/throws', () => {
        throw new Error('sync');
      });
      app.post('/v1/rejects', async () => {
        await Promise.resolve();
        throw new Error('async');
      });
      app.post('/v1/next-error', (_req, _res, next) => next(new Error('passed')));
      app.post('/v1/skip', (_req, _res, next) => next('route'), trail('skipped'));
      app.post('/v1/skip', (_req, res) => res.json({ trail: [...(res.locals.trail as string[]), 'second-route'] }));
    });
    const url = await listen(app);
    for (const [path, message] of [
      ['/v1/throws', 'sync'],
      ['/v1/rejects', 'async'],
      ['/v1/next-error', 'passed'],
    ] as const) {
      const r = await both(url, path);
      expect(r.status).toEqual([500, 500]);
      expect(r.lane).toEqual({ trail: ['mw', `error:${message}`] });
      expect(r.express).toEqual(r.lane);
    }
    const skip = await both(url, '/v1/skip');
    expect(skip.lane).toEqual({ trail: ['mw', 'second-route'] });
    expect(skip.express).toEqual(skip.lane);
  });

  it('leaves everything to express when a POST route uses a pattern, or a router is mounted', async () => {
    const pattern = build((app) => {
      app.post('/v1/chat', (_req, res) => res.json({}));
      app.post('/v1/:name', (_req, res) => res.json({}));
    });
    expect(pattern.lanePaths()).toEqual([]);
    const mounted = build((app) => {
      app.post('/v1/chat', (_req, res) => res.json({}));
      app.use('/v1', express.Router());
    });
    expect(mounted.lanePaths()).toEqual([]);
  });
});
