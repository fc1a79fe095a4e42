/**
 * CORS for browser clients (which should hold short-lived tokens from POST /v1/tokens, not keys).
 * Off unless `server.cors.allowedOrigins` lists origins; answers preflights before authentication
 * (browsers send them without credentials) and exposes the headers apps read (request id, limits).
 */
import type { RequestHandler } from 'express';

export interface CorsOptions {
  /** Exact origins (`https://app.example.com`) or `*`. Empty = CORS off. */
  allowedOrigins: readonly string[];
  maxAgeSeconds: number;
  /** Headers of the gateway's own config an app may send (the repeat-offender end-user header). */
  extraAllowedHeaders?: readonly string[];
}

// Every header the openai SDK sends: its helpers (parse(), stream(), runTools(), pollers) add their own, and
// it always sets User-Agent, which Firefox sends and so lists in the preflight. One missing name fails the request.
const ALLOWED_HEADERS =
  'authorization, content-type, user-agent, x-request-id, openai-organization, openai-project, openai-beta, x-stainless-arch, x-stainless-lang, x-stainless-os, x-stainless-package-version, x-stainless-retry-count, x-stainless-runtime, x-stainless-runtime-version, x-stainless-timeout, x-stainless-helper-method, x-stainless-poll-helper, x-stainless-custom-poll-interval, x-sealgate-end-user';
const EXPOSED_HEADERS = 'x-request-id, retry-after, retry-after-ms, x-ratelimit-limit-requests, x-ratelimit-remaining-requests, x-ratelimit-reset-requests, x-ratelimit-limit-tokens, x-ratelimit-remaining-tokens, x-ratelimit-reset-tokens, x-sealgate-verdict, x-sealgate-receipt';

export function cors(opts: CorsOptions): RequestHandler | undefined {
  if (opts.allowedOrigins.length === 0) return undefined;
  const any = opts.allowedOrigins.includes('*');
  const allowed = new Set(opts.allowedOrigins);
  const extra = (opts.extraAllowedHeaders ?? []).map((h) => h.toLowerCase()).filter((h) => !ALLOWED_HEADERS.split(', ').includes(h));
  const allowHeaders = [ALLOWED_HEADERS, ...extra].join(', ');
  return (req, res, next) => {
    // With a list of origins every answer depends on Origin (allowed ones get the header, others and requests
    // without one do not), so a shared cache must key on it for all of them.
    if (!any) res.append('vary', 'Origin');
    const origin = req.headers.origin;
    if (!origin || (!any && !allowed.has(origin))) return next();
    res.setHeader('access-control-allow-origin', any ? '*' : origin);
    res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
      res.setHeader('access-control-allow-headers', allowHeaders);
      res.setHeader('access-control-max-age', String(opts.maxAgeSeconds));
      res.locals.route = 'preflight';
      res.status(204).end();
      return;
    }
    next();
  };
}
