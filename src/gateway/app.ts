/**
 * The express 5 app, built from a dependency bag so tests, the CLI and the enclave host can wire
 * different pieces. Order of the chain (why): request id + outcome first (every response gets an id
 * and is counted) → ops endpoints (no auth) → /v1: authenticate (401 before we read a body) → JSON
 * body (limit → 413, malformed → 400) → rate limit (it reads the body's token budget) → routes →
 * 404 → OpenAI-shaped errors.
 */
import express, { type Express, type RequestHandler, type Response } from 'express';
import type { SealGateConfig } from '../config/schema.js';
import type { Logger } from '../observability/logger.js';
import type { GatewayMetrics } from '../observability/metrics.js';
import type { Pipeline } from '../pipeline/types.js';
import type { Guardrails } from '../pipeline/guard.js';
import type { UpstreamRouter } from '../upstream/router.js';
import type { AccessControl } from './middleware/access.js';
import type { OutcomeObserver } from './outcome.js';
import type { HeaderHook } from './hooks.js';
import type { ConfidentialRuntime } from './confidential-runtime.js';
import { CONFIDENTIAL_PATH_PREFIX, REQUEST_CONTENT_TYPE } from '../protocol/constants.js';
import { requestLifecycle } from './middleware/request-lifecycle.js';
import type { StreamCut } from './sse.js';
import { jsonBody } from './middleware/json-body.js';
import { series } from './middleware/series.js';
import { errorHandler, notFound } from './middleware/errors.js';
import { cors } from './middleware/cors.js';
import { mountHealthRoutes } from './routes/health.js';
import { routeModules } from './routes/index.js';
import type { AuditRuntime } from '../audit/index.js';

export interface GatewayDeps {
  config: SealGateConfig;
  logger: Logger;
  metrics: GatewayMetrics;
  pipeline: Pipeline;
  router: UpstreamRouter;
  access: AccessControl;
  /** Called once per request when it is over (metrics is always one of them). */
  observers: OutcomeObserver[];
  headerHooks: HeaderHook[];
  /** Extra /readyz checks by name (stores, audit sink …): resolve true/void when reachable. */
  readinessChecks: Record<string, () => Promise<unknown>>;
  /**
   * `cutting`: the shutdown grace period is over and the remaining connections are being closed.
   * `openStreams`: event streams under way (sse.ts), told to end with an error event before they are cut.
   */
  lifecycle: {
    draining: boolean;
    inFlight: number;
    /** Responses in flight, for the shutdown to answer those it cuts before their first byte. */
    open?: Set<Response>;
    cutting?: boolean;
    openStreams?: Set<StreamCut>;
  };
  /** Enclave host + replay cache, when `confidential.enabled` (routes/confidential.ts). */
  confidential?: ConfidentialRuntime;
  /** Audit trail, receipts and the fail-closed guard, when `audit.enabled` (src/audit, routes/receipts.ts). */
  audit?: AuditRuntime;
  /** Detectors, policies and violation store, when `guardrails.enabled` (src/pipeline/guard.ts, routes/guardrails.ts). */
  guardrails?: Guardrails;
}

export function createApp(deps: GatewayDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.set('trust proxy', deps.config.server.trustProxy);

  app.use(
    requestLifecycle({
      logger: deps.logger,
      observers: deps.observers,
      headerHooks: deps.headerHooks,
      isDraining: () => deps.lifecycle.draining,
      isCutting: () => deps.lifecycle.cutting === true,
      onStart: (res) => {
        deps.lifecycle.inFlight++;
        (deps.lifecycle.open ??= new Set()).add(res);
        deps.metrics.inFlight.inc();
      },
      onEnd: (res) => {
        deps.lifecycle.inFlight--;
        deps.lifecycle.open?.delete(res);
        deps.metrics.inFlight.dec();
      },
    }),
  );

  // Before authentication: browser preflights carry no credentials.
  const corsHandler = cors({ ...deps.config.server.cors, extraAllowedHeaders: [deps.config.guardrails.repeatOffenders.endUserHeader] });
  if (corsHandler) app.use(corsHandler);

  mountHealthRoutes(app, deps);

  const parseJson = jsonBody({
    limit: deps.config.server.bodyLimit,
    // Parse whatever the client calls it (curl -d sends form encoding); the schema checks the shape.
    // Sealed confidential bodies are binary: their route reads them raw. So does every sealed route,
    // whatever the body's type (it answers 415 to anything but a sealed body), and the media type is
    // matched case-insensitively (RFC 9110 §8.3.1).
    shouldParse: (req) =>
      !String(req.headers['content-type'] ?? '').trimStart().toLowerCase().startsWith(REQUEST_CONTENT_TYPE) &&
      !((req as { originalUrl?: string }).originalUrl ?? req.url ?? '').startsWith(`${CONFIDENTIAL_PATH_PREFIX}/`),
  });
  // Fail-closed audit: refuse (503) before serving anything while the audit sink is down. One router
  // layer for the four (middleware/series.ts): each layer at a path costs the router a URL cut and re-parse.
  const sizeUnread = declaredSizeOfUnreadBody(deps.confidential ? deps.config.confidential.maxRequestBytes : deps.config.server.bodyLimit);
  app.use('/v1', series([...(deps.audit ? [deps.audit.guard] : []), deps.access.authenticate, parseJson, sizeUnread, deps.access.rateLimit]));
  deps.access.mountRoutes(app);
  for (const mount of routeModules) mount(app, deps);

  app.use(notFound);
  app.use(errorHandler(deps.logger, deps.config.server.bodyLimit));
  return app;
}

/**
 * A body the JSON reader leaves unread (a sealed one: its route reads it raw) is judged by its declared length
 * before the rate limiter estimates tokens from that length: over the route's limit it is the route's 413, not a
 * 429 "request too large" for Content-Length / 4 tokens, which the SDK would retry.
 */
function declaredSizeOfUnreadBody(limit: number): RequestHandler {
  return (req, _res, next) => {
    if (req.body === undefined && Number(req.headers['content-length']) > limit) {
      return next(Object.assign(new Error('request entity too large'), { type: 'entity.too.large', status: 413, limit, expose: true }));
    }
    next();
  };
}
