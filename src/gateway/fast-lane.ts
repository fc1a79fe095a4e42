/**
 * A fast dispatch for the hot API calls (`POST /v1/chat/completions` and the other exact-path POST
 * routes). Express walks its whole layer stack for every request — path matching, URL trimming and
 * parameter processing for each `app.use('/v1', …)` middleware and each route before the right one —
 * which was a measurable slice of the gateway's per-request CPU. The lane records what the app
 * registers (through `record(app)`), and for a request whose method is POST and whose URL is exactly
 * one of the recorded literal route paths, runs the very handlers express would run for it, in the
 * same order: every `use` middleware whose mount path covers the URL, then the route's handlers, then
 * whatever catch-all comes after (the 404 handler). Errors go to express's `next(err)`, so the error
 * handlers are express's own.
 *
 * Anything it cannot reproduce exactly falls back to express: other methods, URLs with a query
 * string, different case or a trailing slash, non-literal paths registered for POST (`:param`, `*`),
 * `app.route()`/`param()`, mounted sub-apps or routers, and requests while express's tracing
 * channel (`express.router.request`) has subscribers.
 *
 * Differences a handler could notice: inside `/v1` middleware `req.url` is the full URL and
 * `req.baseUrl` is '' (express trims the mount path; none of our middleware reads either), and
 * `req.route` is `{ path }` rather than express's Route object (the outcome's route label reads only
 * `path`).
 */
import { tracingChannel } from 'node:diagnostics_channel';
import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';

type Handler = (req: Request, res: Response, next: NextFunction) => unknown;

interface UseLayer {
  kind: 'use';
  prefix: string;
  handlers: Handler[];
}
interface RouteLayer {
  kind: 'route';
  path: string;
  handlers: Handler[];
}
type Layer = UseLayer | RouteLayer;

/** One step of a lane: a handler and the index of the layer it belongs to (for `next('route')`). */
interface Step {
  handler: Handler;
  layer: number;
  /** Route layers set `req.route` before their first handler runs. */
  routePath?: string;
}

const LITERAL_PATH = /^\/[A-Za-z0-9._~\-/]*$/;
const routerTracing = tracingChannel('express.router.request');

export interface FastLane {
  /** Mount first (before whatever `record` will see): the dispatching middleware. */
  middleware: RequestHandler;
  /** The app, with registrations recorded; register everything the lane should know through it. */
  record(app: Express): Express;
  /** Exact paths served by the lane (after registration), for tests and diagnostics. */
  paths(): string[];
}

export function createFastLane(): FastLane {
  const layers: Layer[] = [];
  let disabled = false;
  let lanes: Map<string, Step[]> | undefined;

  const build = (): Map<string, Step[]> => {
    const out = new Map<string, Step[]>();
    if (disabled) return out;
    const paths = new Set<string>();
    for (const layer of layers) if (layer.kind === 'route') paths.add(layer.path);
    for (const path of paths) {
      const key = normalise(path);
      const steps: Step[] = [];
      layers.forEach((layer, index) => {
        // Express matches paths case-insensitively and ignores a trailing slash (non-strict routing).
        const prefix = layer.kind === 'use' ? normalise(layer.prefix) : '';
        const applies = layer.kind === 'route' ? normalise(layer.path) === key : prefix === '' || key === prefix || key.startsWith(`${prefix}/`);
        if (!applies) return;
        layer.handlers.forEach((handler, i) => steps.push({ handler, layer: index, routePath: layer.kind === 'route' && i === 0 ? layer.path : undefined }));
      });
      out.set(path, steps);
    }
    return out;
  };

  const middleware: RequestHandler = (req, res, next) => {
    if (req.method !== 'POST') return next();
    lanes ??= build();
    const steps = lanes.get(req.url);
    if (!steps || routerTracing.hasSubscribers) return next();
    req.params ??= {};
    run(steps, req, res, next);
  };

  const record = (app: Express): Express => {
    const recordUse = (args: unknown[]): void => {
      const first = args[0];
      let prefix = '/';
      if (typeof first === 'string') prefix = args.shift() as string;
      const flat = args.flat(Infinity) as unknown[];
      if ((typeof first !== 'string' && typeof first !== 'function' && !Array.isArray(first)) || flat.some((h) => typeof h !== 'function')) {
        disabled = true; // mount paths given as an array or a pattern
        return;
      }
      const handlers = flat as Handler[];
      // Error handlers (4 arguments) are skipped on the normal path, by express and the lane alike.
      const normal = handlers.filter((h) => h.length <= 3);
      const subRouter = normal.some((h) => typeof (h as { handle?: unknown }).handle === 'function' || Array.isArray((h as { stack?: unknown }).stack));
      if (!LITERAL_PATH.test(prefix) || subRouter) disabled = true;
      else if (normal.length) layers.push({ kind: 'use', prefix, handlers: normal });
    };
    const recordRoute = (method: string, args: unknown[]): void => {
      const [path, ...rest] = args;
      if (method === 'get' && args.length === 1) return; // app.get(setting)
      const matchesPost = method === 'post' || method === 'all';
      if (!matchesPost) return;
      if (typeof path !== 'string' || !LITERAL_PATH.test(path)) {
        disabled = true; // a pattern might cover one of the lane's paths
        return;
      }
      const handlers = (rest.flat(Infinity) as unknown[]).filter((h): h is Handler => typeof h === 'function' && h.length <= 3);
      layers.push({ kind: 'route', path, handlers });
    };
    return new Proxy(app, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        const fn = value as (...a: unknown[]) => unknown;
        switch (prop) {
          case 'use':
            return (...args: unknown[]) => {
              lanes = undefined;
              recordUse([...args]);
              fn.apply(target, args);
              return receiver;
            };
          case 'get':
          case 'post':
          case 'put':
          case 'patch':
          case 'delete':
          case 'all':
            return (...args: unknown[]) => {
              lanes = undefined;
              recordRoute(prop, args);
              const out = fn.apply(target, args);
              return prop === 'get' && args.length === 1 ? out : receiver;
            };
          case 'route':
          case 'param':
            return (...args: unknown[]) => {
              lanes = undefined;
              disabled = true;
              return fn.apply(target, args);
            };
          default:
            return fn.bind(target);
        }
      },
    });
  };

  return { middleware, record, paths: () => [...(lanes ??= build()).keys()] };
}

/** Lower case, no trailing slash ('' for the root). */
function normalise(path: string): string {
  return path.toLowerCase().replace(/\/+$/, '');
}

/** Runs the steps like express's router would: sync throws and rejected promises go to `out(err)`. */
function run(steps: readonly Step[], req: Request, res: Response, out: NextFunction): void {
  let i = 0;
  const next: NextFunction = (err?: unknown) => {
    if (err === 'route') {
      // Skip the rest of the current layer's handlers.
      const layer = steps[i - 1]?.layer;
      while (i < steps.length && steps[i]!.layer === layer) i++;
    } else if (err) {
      return out(err); // an error, or 'router' (leave the router, as express does)
    }
    if (i >= steps.length) return out();
    const step = steps[i++]!;
    if (step.routePath !== undefined) (req as { route?: unknown }).route = { path: step.routePath };
    try {
      const ret = step.handler(req, res, next);
      if (ret instanceof Promise) ret.then(undefined, (error: unknown) => next(error || new Error('Rejected promise')));
    } catch (error) {
      next(error);
    }
  };
  next();
}
