/**
 * First middleware on every request: assigns `x-request-id`, runs header hooks just before headers
 * go out, and when the response is over (finished or aborted) emits one RequestOutcome to every
 * observer and one log line (ids, status, timings; never content).
 */
import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { requestLogger, type Logger } from '../../observability/logger.js';
import type { OutcomeObserver, RequestOutcome } from '../outcome.js';
import type { RequestContext } from '../../pipeline/types.js';
import type { AuthContext } from '../auth-context.js';
import type { HeaderHook } from '../hooks.js';
import { stageTraceEnabled, traceMark } from '../../observability/stage-trace.js';
import { requestIp } from '../request-ip.js';
import { routedPath } from '../routed-path.js';
import { ApiError } from '../errors.js';

const KNOWN_PATHS = new Set(['/v1/chat/completions', '/v1/responses', '/v1/completions', '/v1/embeddings', '/v1/models', '/v1/tokens']);
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** node's own test (_http_server.js): an HTTP/1.1 `Expect` matching this continues, any other reaches us via 'checkExpectation'. */
const CONTINUE_EXPECTATION = /(?:^|\W)100-continue(?:$|\W)/i;
/**
 * A relayed upstream 4xx keeps the upstream's own `code`, which some servers fill with the prompt: the
 * log line prints only identifier-shaped codes, as audit records do (the client gets the code unchanged).
 */
const SAFE_ERROR_CODE = /^[A-Za-z0-9._:-]{1,128}$/;
const loggedErrorCode = (code: string | undefined) => (code === undefined || SAFE_ERROR_CODE.test(code) ? code : '[unrecognised]');

/** What routes and middleware leave on res.locals for the outcome. */
export interface OutcomeLocals {
  requestId: string;
  requestContext?: RequestContext;
  auth?: AuthContext;
  /** Low-cardinality route label, e.g. `/v1/chat/completions`. */
  route?: string;
  model?: string;
  stream?: boolean;
  errorCode?: string;
  confidential?: boolean;
  measurement?: string;
}

export interface LifecycleOptions {
  logger: Logger;
  observers: readonly OutcomeObserver[];
  headerHooks: readonly HeaderHook[];
  /** True while draining for shutdown: responses ask clients to close the connection. */
  isDraining: () => boolean;
  /** True once shutdown closes the connections left after the grace period: an unfinished response was cut by us. */
  isCutting?: () => boolean;
  onStart?: (res: Response) => void;
  onEnd?: (res: Response) => void;
}

export function requestLifecycle(opts: LifecycleOptions): RequestHandler {
  const { logger, observers, headerHooks } = opts;
  const requestLog = requestLogger(logger);
  /**
   * Client-chosen request ids now in flight. Audit, receipts and header hooks key their per-request state by
   * request id, so two concurrent requests sharing one (an app reusing a trace id, or a retry sent before the
   * first attempt ended) would read each other's state; the second gets a fresh id instead, which the
   * x-request-id response header reports. Generated ids are unique and never enter the set.
   */
  const clientIdsInFlight = new Set<string>();
  return (req, res, next) => {
    traceMark('express app → request lifecycle');
    const startedAt = new Date();
    const t0 = performance.now();
    const incoming = req.headers['x-request-id'];
    const clientId = typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) && !clientIdsInFlight.has(incoming) ? incoming : undefined;
    const requestId = clientId ?? `req_${randomUUID().replace(/-/g, '')}`;
    if (clientId) clientIdsInFlight.add(clientId);
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    if (opts.isDraining()) res.setHeader('connection', 'close');
    opts.onStart?.(res);

    if (headerHooks.length) patchWriteHead(req, res, headerHooks, logger);

    let reported = false;
    if (stageTraceEnabled) res.once('finish', () => traceMark("'finish' event"));
    res.once('close', () => {
      traceMark("'close' event");
      if (reported) return;
      reported = true;
      if (clientId) clientIdsInFlight.delete(clientId);
      opts.onEnd?.(res);
      const outcome = buildOutcome(req, res, startedAt, performance.now() - t0, opts.isCutting?.() === true);
      for (const observer of observers) {
        try {
          const pending = observer(outcome);
          if (pending && typeof (pending as Promise<void>).catch === 'function')
            (pending as Promise<void>).catch((err: unknown) => logger.warn({ requestId, err: errorName(err) }, 'outcome observer failed'));
        } catch (err) {
          logger.warn({ requestId, err: errorName(err) }, 'outcome observer failed');
        }
      }
      traceMark('observers (metrics, guardrails, audit)');
      // Once per request: the names of answer fields the output guard dropped (a provider's new field), never their text.
      if (outcome.droppedFields?.length) logger.warn({ requestId, route: outcome.route, fields: outcome.droppedFields }, 'output guardrails dropped answer fields they do not read');
      const level = outcome.status >= 500 ? 'warn' : 'info';
      requestLog[level](
        {
          requestId,
          method: outcome.method,
          route: outcome.route,
          status: outcome.status,
          errorCode: loggedErrorCode(outcome.errorCode),
          tenantId: outcome.tenantId,
          keyId: outcome.keyId,
          // A model nobody serves is client text (any length, up to the body limit): not logged, as audit records drop it.
          model: outcome.errorCode === 'model_not_found' ? undefined : outcome.model,
          provider: outcome.provider,
          stream: outcome.stream,
          latencyMs: Math.round(outcome.latencyMs * 100) / 100,
          timings: outcome.timings,
          usage: outcome.usage,
          verdicts: outcome.verdicts.length ? outcome.verdicts : undefined,
          completed: res.writableFinished,
        },
        'request',
      );
      traceMark('request log line');
    });
    traceMark('request lifecycle');
    const expectation = req.headers.expect;
    if (expectation !== undefined && req.httpVersion === '1.1' && !CONTINUE_EXPECTATION.test(expectation)) {
      // RFC 9110 §10.1.1: an expectation the server cannot meet is a 417 (the value is not echoed).
      return next(new ApiError(417, "Unsupported 'Expect' header; only 'Expect: 100-continue' is supported.", { code: 'expectation_failed' }));
    }
    next();
  };
}

/** A context for header hooks only (not stored, so the outcome reports what really ran). */
function refusedRequestContext(req: Request, res: Response): RequestContext {
  const auth = res.locals.auth as AuthContext | undefined;
  return {
    requestId: res.locals.requestId as string,
    tenantId: auth?.tenantId ?? 'anonymous',
    keyId: auth?.keyId ?? 'none',
    sourceIp: requestIp(req),
    signal: AbortSignal.abort(),
    timings: {},
    verdicts: [],
  };
}

function patchWriteHead(req: Request, res: Response, hooks: readonly HeaderHook[], logger: Logger): void {
  const original = res.writeHead;
  let ran = false;
  // writeHead is how Node sends headers, whether called directly or implicitly by write()/end().
  res.writeHead = function (this: Response, ...args: unknown[]) {
    if (!ran) {
      ran = true;
      // API responses refused before a route made a context (401, 400/413 bodies, 429, unknown model)
      // still get one, so every /v1 response carries its receipt. Ops probes get none.
      const ctx = (res.locals.requestContext as RequestContext | undefined) ?? (routedPath(req.path).startsWith('/v1/') ? refusedRequestContext(req, res) : undefined);
      if (ctx) {
        for (const hook of hooks) {
          try {
            for (const [name, value] of Object.entries(hook(ctx))) res.setHeader(name, value);
          } catch (err) {
            logger.warn({ requestId: res.locals.requestId, err: errorName(err) }, 'header hook failed');
          }
        }
      }
      traceMark('header hooks (verdict summary, receipt)');
    }
    return (original as (...a: unknown[]) => Response).apply(this, args);
  } as Response['writeHead'];
}

function buildOutcome(req: Request, res: Response, startedAt: Date, latencyMs: number, cutByShutdown: boolean): RequestOutcome {
  const locals = res.locals as OutcomeLocals;
  const ctx = locals.requestContext;
  const auth = locals.auth;
  // A response cut before it finished is reported as such even if headers said 200: by the client, or by
  // the shutdown once its grace period is over (a failure, not the client's choice).
  const errorCode = locals.errorCode ?? (res.writableFinished ? undefined : cutByShutdown ? 'server_shutdown' : 'client_closed_request');
  return {
    requestId: locals.requestId,
    startedAt,
    route: locals.route ?? routeLabel(req),
    method: req.method,
    status: res.headersSent ? res.statusCode : 499,
    errorCode,
    tenantId: auth?.tenantId ?? ctx?.tenantId,
    keyId: auth?.keyId ?? ctx?.keyId,
    sourceIp: ctx?.sourceIp ?? requestIp(req),
    model: locals.model,
    provider: ctx?.provider,
    stream: locals.stream ?? false,
    confidential: locals.confidential ?? false,
    latencyMs,
    timings: ctx?.timings ?? {},
    usage: ctx?.usage,
    verdicts: ctx?.verdicts ?? [],
    digests: ctx?.digests,
    policyVersion: ctx?.policyVersion,
    droppedFields: ctx?.droppedFields,
    measurement: locals.measurement,
  };
}

function routeLabel(req: Request): string {
  // Matched express route path when there is one; never the raw URL (unbounded label values).
  const path = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof path === 'string') return `${req.baseUrl}${path}`;
  // Rejected before routing (401, 413, 429 …): label known API paths, lump the rest together.
  const apiPath = routedPath(req.path);
  return KNOWN_PATHS.has(apiPath) ? apiPath : 'unmatched';
}

function errorName(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : 'unknown error';
}
