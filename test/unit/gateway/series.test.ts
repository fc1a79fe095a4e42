import { describe, expect, it } from 'vitest';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { AddressInfo } from 'node:net';
import { series } from '../../../src/gateway/middleware/series.js';

/** A real express app: `/v1` runs the series, then a route answers with what ran; errors answer 500 with their message. */
async function serve(handlers: RequestHandler[]): Promise<{ get(path: string): Promise<{ status: number; body: string }>; close(): Promise<void> }> {
  const app = express();
  app.use((_req, res, next) => {
    res.locals.ran = [];
    next();
  });
  app.use('/v1', series(handlers));
  app.get('/v1/x', (_req, res) => {
    res.json({ ran: res.locals.ran as string[] });
  });
  const onError: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
    res.status(500).json({ error: err instanceof Error ? err.message : String(err), ran: res.locals.ran as string[] });
  };
  app.use(onError);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    async get(path) {
      const res = await fetch(`http://127.0.0.1:${port}${path}`);
      return { status: res.status, body: await res.text() };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const step =
  (name: string): RequestHandler =>
  (_req, res, next) => {
    (res.locals.ran as string[]).push(name);
    next();
  };

describe('series (several middlewares as one express layer)', () => {
  it('runs the handlers in order, async ones included, then the routes', async () => {
    const asyncStep: RequestHandler = async (_req, res, next) => {
      await Promise.resolve();
      (res.locals.ran as string[]).push('async');
      next();
    };
    const app = await serve([step('a'), asyncStep, step('c')]);
    try {
      expect(await app.get('/v1/x')).toEqual({ status: 200, body: JSON.stringify({ ran: ['a', 'async', 'c'] }) });
    } finally {
      await app.close();
    }
  });

  it('passes thrown errors, rejections and next(err) to the error handler and stops the series', async () => {
    const cases: [RequestHandler, string][] = [
      [() => { throw new Error('thrown'); }, 'thrown'],
      [async () => { throw new Error('rejected'); }, 'rejected'],
      [(_req, _res, next) => next(new Error('passed')), 'passed'],
      // express's wording for a rejection without a reason
      [() => Promise.reject(undefined), 'Rejected promise'],
    ];
    for (const [failing, message] of cases) {
      const app = await serve([step('a'), failing, step('never')]);
      try {
        expect(await app.get('/v1/x')).toEqual({ status: 500, body: JSON.stringify({ error: message, ran: ['a'] }) });
      } finally {
        await app.close();
      }
    }
  });

  it('is not entered outside its mount path', async () => {
    const app = await serve([() => { throw new Error('entered'); }]);
    try {
      expect((await app.get('/other')).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});
