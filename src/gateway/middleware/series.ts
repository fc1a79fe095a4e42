/**
 * Several middlewares as one express layer, run in order with express 5's contract: a handler that
 * throws, or returns a promise that rejects, passes the error on (a rejection without a reason as
 * `Error('Rejected promise')`, as express does); `next(err)` leaves the series with that error; after
 * the last handler, `next()` goes on to the router's next layer.
 *
 * Why: every layer mounted at a path costs the router a match, a cut of `req.url` and its restore, and
 * a fresh parse of the URL; the /v1 chain (audit guard, authenticate, JSON body, rate limit) runs on
 * every API request.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';

export function series(handlers: readonly RequestHandler[]): RequestHandler {
  if (handlers.length === 1) return handlers[0]!;
  return (req: Request, res: Response, done: NextFunction): void => {
    let index = 0;
    const next = (err?: unknown): void => {
      if (err) return done(err);
      const handler = handlers[index++];
      if (!handler) return done();
      try {
        const returned: unknown = handler(req, res, next);
        if (isPromise(returned)) returned.then(undefined, (reason: unknown) => next(reason || new Error('Rejected promise')));
      } catch (thrown) {
        next(thrown);
      }
    };
    next();
  };
}

/** express's own test (router/lib/layer.js). */
function isPromise(value: unknown): value is PromiseLike<unknown> {
  return value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function';
}
