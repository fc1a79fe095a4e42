/**
 * Access control for every /v1 route: who is calling (API key, short-lived token, client
 * certificate or the dev key), what they may use (models), and how fast (rate limits per tenant,
 * key and token: requests/minute, tokens/minute, concurrent requests).
 *
 *   const access = await createAccessControl(config, logger);
 *   app.use('/v1', access.authenticate, access.rateLimit);   // sets res.locals.auth
 *   access.mountRoutes(router);                               // POST /v1/tokens
 *
 * Nothing here logs a key, a token, a source address or message content.
 */
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { SealGateConfig } from '../../config/schema.js';
import { DEV_API_KEY, DEV_TENANT_ID, type Limits, type ModelScope, type TenantConfig } from '../../config/sections/access.js';
import { keyIdOf, secretMatcher, verifyApiKey } from '../../auth/api-keys.js';
import { normalizeIp } from '../../auth/cidr.js';
import { STATUS_MESSAGES, keyStatus, sourceAllowed } from '../../auth/key-policy.js';
import { identifyClientCertificate } from '../../auth/mtls.js';
import { intersectModels, limitsWithin, modelAllowed, modelsWithin, tighterLimits } from '../../auth/scope.js';
import { TokenSigner, looksLikeToken, type TokenCheck, type TokenClaims } from '../../auth/tokens.js';
import { createStores, type Stores } from '../../store/index.js';
import type { AcquireResult, BucketSpec, Lease } from '../../store/rate-limiter/types.js';
import type { StoredKey } from '../../store/key-store/types.js';
import type { RequestContext } from '../../pipeline/types.js';
import type { AuthContext } from '../auth-context.js';
import { ApiError, modelNotFound } from '../errors.js';
import { traceMark } from '../../observability/stage-trace.js';
import { requestIp } from '../request-ip.js';
import { decodedBodyBytes } from './json-body.js';
import { routedPath } from '../routed-path.js';

export interface AccessControl {
  /** Sets `res.locals.auth` or throws ApiError 401/403. Idempotent. */
  authenticate: RequestHandler;
  /** Throws ApiError 429 (with Retry-After and x-ratelimit-*) or 503 when the limiter store is down. */
  rateLimit: RequestHandler;
  /** Adds `POST /v1/tokens`. */
  mountRoutes(router: Router): void;
  /** Rejects when a store is unreachable (for /readyz). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** What authentication decided, beyond the public AuthContext: the buckets to charge. */
interface Grant {
  auth: AuthContext;
  buckets: BucketSpec[];
  /** Limits a token minted from this credential may not exceed. */
  limits: Limits;
}

const grants = new WeakMap<Response, Grant>();
const isDevKey = secretMatcher(DEV_API_KEY);

/**
 * node keeps the first of several Authorization headers and drops the rest (`req.headers.authorization`), so
 * a request carrying two credentials was authenticated by whichever came first. Ambiguous credentials are
 * refused instead of picking one (neither value is echoed). Called only when there is one at all.
 */
export function refuseRepeatedAuthorization(req: Request): void {
  const raw = req.rawHeaders;
  let seen = 0;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    if (name.length === 13 && name.toLowerCase() === 'authorization' && ++seen > 1) {
      throw new ApiError(400, 'The request has more than one Authorization header; send exactly one.', { code: 'multiple_authorization_headers' });
    }
  }
}

/** Throws OpenAI's 404 `model_not_found` when the caller may not use `model` (errors.ts modelNotFound). */
export function assertModelAllowed(auth: AuthContext, model: string): void {
  if (!modelAllowed(auth.allowedModels, model)) throw modelNotFound(model, 'model_not_allowed');
}

const tokenRequestSchema = z
  .object({
    ttl_minutes: z.number().positive().optional(),
    models: z.array(z.string().min(1)).min(1).optional(),
    limits: z
      .object({
        requests_per_minute: z.number().int().positive().optional(),
        tokens_per_minute: z.number().int().positive().optional(),
        concurrent_requests: z.number().int().positive().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export async function createAccessControl(config: SealGateConfig, logger: Logger): Promise<AccessControl> {
  const access = config.access;
  const log = logger.child({ component: 'access' });
  const stores: Stores = await createStores(config);

  const secret = process.env[access.tokens.signingKeyEnv];
  const signer = secret ? new TokenSigner(secret) : TokenSigner.random();
  if (!secret && stores.backend === 'redis')
    log.warn({ env: access.tokens.signingKeyEnv }, 'no token signing secret set: tokens are valid on this instance only');

  const tenantOf = (tenantId: string): TenantConfig => access.tenants[tenantId] ?? { models: '*' };
  const tenantLimits = (tenantId: string): Limits => ({ ...access.defaultTenantLimits, ...access.tenants[tenantId]?.limits });
  const keyLimits = (tenantId: string, own: Limits | undefined): Limits =>
    own ?? access.tenants[tenantId]?.keyLimits ?? access.defaultKeyLimits;

  function grantFor(method: AuthContext['method'], tenantId: string, keyId: string, models: ModelScope | undefined, ownLimits: Limits | undefined, extra?: BucketSpec): Grant {
    const tLimits = tenantLimits(tenantId);
    const kLimits = keyLimits(tenantId, ownLimits);
    const buckets: BucketSpec[] = [];
    if (hasLimit(tLimits)) buckets.push({ id: `t:${tenantId}`, ...tLimits });
    if (hasLimit(kLimits)) buckets.push({ id: `k:${keyId}`, ...kLimits });
    if (extra && hasLimit(extra)) buckets.push(extra);
    return {
      auth: { tenantId, keyId, method, allowedModels: intersectModels(tenantOf(tenantId).models, models) },
      buckets,
      limits: tighterLimits(tLimits, kLimits),
    };
  }

  // Last use is worth recording once a second per key and source, not on every request (hot path).
  const lastRecorded = new Map<string, { at: number; ip: string | undefined }>();
  function recordUse(keyId: string, sourceIp: string | undefined): void {
    const now = Date.now();
    const last = lastRecorded.get(keyId);
    if (last && last.ip === sourceIp && now - last.at < 1000) return;
    if (lastRecorded.size > 100_000) lastRecorded.clear();
    lastRecorded.set(keyId, { at: now, ip: sourceIp });
    stores.keyStore.recordUse(keyId, new Date(now), sourceIp).catch((err: unknown) => log.warn({ err: errMessage(err) }, 'recording key use failed'));
  }

  // Verified token claims by token string: skips HMAC + JSON + schema work on repeat use. Expiry is re-checked every time.
  const verifiedTokens = new Map<string, TokenClaims>();
  function verifyToken(token: string): TokenCheck {
    const cached = verifiedTokens.get(token);
    if (cached) return cached.exp * 1000 > Date.now() ? { ok: true, claims: cached } : { ok: false, reason: 'expired' };
    const check = signer.verify(token);
    if (check.ok) {
      if (verifiedTokens.size >= 10_000) verifiedTokens.delete(verifiedTokens.keys().next().value!);
      verifiedTokens.set(token, check.claims);
    }
    return check;
  }

  /** A key store outage is a 503 (retryable), never a 500 and never a pass. */
  async function lookupKey(keyId: string): Promise<StoredKey | undefined> {
    try {
      return await stores.keyStore.get(keyId);
    } catch (err) {
      log.error({ err: errMessage(err) }, 'key store unavailable');
      throw new ApiError(503, 'Key store unavailable; retry shortly.', { code: 'key_store_unavailable', headers: { 'retry-after': '1' } });
    }
  }

  /** Loads and checks the key record; returns it or throws 401/403. */
  async function usableKey(keyId: string, sourceIp: string | undefined): Promise<StoredKey> {
    const key = await lookupKey(keyId);
    if (!key) throw invalidKey();
    const status = keyStatus(key, new Date(), access.disableUnusedAfterDays);
    if (status !== 'active') {
      log.info({ keyId, reason: status }, 'rejected key');
      throw new ApiError(401, STATUS_MESSAGES[status].replace('<id>', keyId), { code: STATUS_CODES[status] });
    }
    if (!sourceAllowed(key, sourceIp)) {
      log.info({ keyId, reason: 'source_not_allowed' }, 'rejected key');
      throw new ApiError(403, 'This API key may not be used from this network address.', { code: 'source_not_allowed' });
    }
    return key;
  }

  async function authenticateCredential(credential: string, req: Request): Promise<Grant> {
    if (credential.startsWith('sg-dev') && isDevKey(credential)) {
      if (!access.devMode) throw new ApiError(401, 'The dev key only works while access.devMode is true.', { code: 'invalid_api_key' });
      return grantFor('api_key', DEV_TENANT_ID, 'dev', '*', undefined);
    }
    // Only key records restrict source addresses; the dev key has none.
    const sourceIp = sourceIpOf(req);
    if (looksLikeToken(credential)) {
      const check = verifyToken(credential);
      if (!check.ok) {
        log.info({ reason: check.reason }, 'rejected token');
        throw new ApiError(401, check.reason === 'expired' ? 'This token has expired; request a new one.' : 'Invalid token.', {
          code: check.reason === 'expired' ? 'token_expired' : 'invalid_token',
        });
      }
      const { claims } = check;
      // Revoking (or disabling, or moving) the parent key revokes its tokens; the dev key is not in the store.
      let parentModels: ModelScope = '*';
      let parentLimits: Limits | undefined;
      if (claims.sub !== 'dev') {
        const key = await usableKey(claims.sub, sourceIp);
        if (key.tenantId !== claims.tid) throw new ApiError(401, 'Invalid token.', { code: 'invalid_token' });
        parentModels = key.models;
        parentLimits = key.limits;
        recordUse(key.id, sourceIp);
      } else if (!access.devMode) {
        throw new ApiError(401, 'Invalid token.', { code: 'invalid_token' });
      }
      const grant = grantFor('token', claims.tid, claims.sub, intersectModels(parentModels, claims.models), parentLimits, { id: `j:${claims.jti}`, ...claims.limits });
      grant.limits = tighterLimits(grant.limits, claims.limits);
      return grant;
    }
    const keyId = keyIdOf(credential);
    if (!keyId) throw invalidKey();
    const key = await lookupKey(keyId);
    // Same answer for unknown ids and wrong secrets (ids are public; secrets compare in constant time).
    if (!key || !verifyApiKey(credential, key.hash)) throw invalidKey();
    await usableKey(keyId, sourceIp);
    recordUse(keyId, sourceIp);
    return grantFor('api_key', key.tenantId, key.id, key.models, key.limits);
  }

  const authenticate: RequestHandler = async (req, res, next) => {
    if (grants.has(res)) return next();
    const header = req.headers.authorization;
    let grant: Grant | undefined;
    if (header !== undefined) refuseRepeatedAuthorization(req);
    if (header) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!match) throw new ApiError(401, "Malformed Authorization header; expected 'Authorization: Bearer <key>'.", { code: 'invalid_api_key' });
      grant = await authenticateCredential(match[1]!, req);
    } else {
      const identity = identifyClientCertificate(req.socket, access.mtls.clients);
      if (identity) {
        const keyId = `mtls:${identity.fingerprint256.slice(0, 16)}`;
        grant = grantFor('mtls', identity.mapping.tenant, keyId, identity.mapping.models, undefined);
      }
    }
    if (!grant)
      throw new ApiError(401, "You didn't provide an API key. Send it as 'Authorization: Bearer <key>'.", { code: 'missing_api_key' });
    grants.set(res, grant);
    res.locals.auth = grant.auth;
    // When the body is already parsed we can refuse a disallowed model before any further work.
    const model = (req.body as { model?: unknown } | undefined)?.model;
    if (typeof model === 'string') assertModelAllowed(grant.auth, model);
    traceMark('authenticate');
    next();
  };

  const rateLimit: RequestHandler = async (req, res, next) => {
    const grant = grants.get(res);
    if (!grant || grant.buckets.length === 0) return next();
    const estimate = estimateTokens(req);
    refuseTooLarge(grant.buckets, estimate);
    let result: AcquireResult;
    try {
      result = await stores.rateLimiter.acquire(grant.buckets, estimate);
    } catch (err) {
      // Fail closed: an unreachable limiter must not turn into unlimited access.
      log.error({ err: errMessage(err) }, 'rate limiter unavailable');
      throw new ApiError(503, 'Rate limiter unavailable; retry shortly.', { code: 'rate_limiter_unavailable', headers: { 'retry-after': '1' } });
    }
    const headers = rateLimitHeaders(result);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (!result.allowed) {
      const seconds = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
      const retry = { 'retry-after': String(seconds), 'retry-after-ms': String(result.retryAfterMs) };
      for (const [name, value] of Object.entries(retry)) res.setHeader(name, value);
      const scope = scopeOf(result.reason?.bucketId);
      const what = result.reason?.axis === 'tokens' ? 'tokens per minute' : result.reason?.axis === 'concurrency' ? 'concurrent requests' : 'requests per minute';
      throw new ApiError(429, `Rate limit reached for ${what} on this ${scope}. Retry after ${seconds}s.`, {
        code: 'rate_limit_exceeded',
        headers: { ...headers, ...retry },
      });
    }
    releaseWhenDone(res, result.lease!, estimate);
    // The client left while the limiter answered (a Redis round trip): its 'close' has already been
    // emitted, so the slot is freed now and no model is called for nobody.
    if (res.closed) return;
    traceMark('rate limit');
    next();
  };

  function releaseWhenDone(res: Response, lease: Lease, estimate: number): void {
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const ctx = res.locals.requestContext as RequestContext | undefined;
      const usage = ctx?.usage;
      // Real usage when known; nothing for requests refused before reaching a model; the estimate otherwise.
      const actual = usage ? usage.promptTokens + usage.completionTokens : res.statusCode >= 400 ? 0 : estimate;
      stores.rateLimiter.release(lease, actual).catch((err: unknown) => log.warn({ err: errMessage(err) }, 'releasing rate-limit lease failed'));
    };
    res.once('finish', release);
    res.once('close', release);
    if (res.closed) return release();
    // A request pipelined behind another on its connection has done its work when its response ends, but
    // reaches 'finish' only once the responses ahead of it are sent (node queues it): the slot is freed at the end.
    const end = res.end;
    res.end = function endAndRelease(this: Response, ...args: Parameters<Response['end']>) {
      const out = end.apply(this, args);
      release();
      return out;
    } as Response['end'];
  }

  function mountRoutes(router: Router): void {
    const tokenBody = express.json({ limit: '16kb' });
    // The /v1 JSON body reader has usually parsed it already (and may have taken it before the stream's end).
    const parseTokenBody: RequestHandler = (req, res, next) => (req.body !== undefined ? next() : tokenBody(req, res, next));
    router.post('/v1/tokens', parseTokenBody, authenticate, async (req, res) => {
      const grant = grants.get(res)!;
      if (grant.auth.method === 'token')
        throw new ApiError(403, 'A token cannot mint further tokens; use an API key.', { code: 'token_cannot_mint' });
      // A token must be traceable to a revocable key record; a certificate identity has none.
      if (grant.auth.method === 'mtls')
        throw new ApiError(403, 'Tokens are minted from API keys, not client certificates.', { code: 'token_requires_api_key' });
      const parsed = tokenRequestSchema.safeParse(req.body ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new ApiError(400, `Invalid token request: ${issue.path.join('.') || 'body'}: ${issue.message}`, {
          code: 'invalid_request',
          param: issue.path.join('.') || null,
        });
      }
      const body = parsed.data;
      const ttlMinutes = body.ttl_minutes ?? access.tokens.defaultTtlMinutes;
      if (ttlMinutes > access.tokens.maxTtlMinutes)
        throw new ApiError(400, `ttl_minutes may be at most ${access.tokens.maxTtlMinutes}.`, { code: 'invalid_request', param: 'ttl_minutes' });
      // The lifetime is whole seconds: under half a second it rounded to 0 and the token was minted already expired.
      if (Math.round(ttlMinutes * 60) < 1)
        throw new ApiError(400, 'ttl_minutes must be at least one second (1/60).', { code: 'invalid_request', param: 'ttl_minutes' });
      const keyModels: ModelScope = grant.auth.allowedModels === '*' ? '*' : [...grant.auth.allowedModels];
      const models: ModelScope = body.models ?? keyModels;
      if (!modelsWithin(models, keyModels))
        throw new ApiError(403, 'Requested models are wider than this key allows.', { code: 'scope_exceeds_key', param: 'models' });
      const requested: Limits = {};
      if (body.limits?.requests_per_minute !== undefined) requested.requestsPerMinute = body.limits.requests_per_minute;
      if (body.limits?.tokens_per_minute !== undefined) requested.tokensPerMinute = body.limits.tokens_per_minute;
      if (body.limits?.concurrent_requests !== undefined) requested.concurrentRequests = body.limits.concurrent_requests;
      const limits = tighterLimits(grant.limits, requested);
      if (!limitsWithin(requested, grant.limits))
        throw new ApiError(403, 'Requested limits are higher than this key allows.', { code: 'scope_exceeds_key', param: 'limits' });
      const { token, claims } = signer.sign(
        { sub: grant.auth.keyId, tid: grant.auth.tenantId, models, limits },
        ttlMinutes * 60,
      );
      log.info({ tenantId: claims.tid, keyId: claims.sub, ttlMinutes }, 'minted token');
      res.status(200).json({
        object: 'token',
        token,
        token_type: 'bearer',
        expires_at: claims.exp,
        expires_in: claims.exp - claims.iat,
        tenant: claims.tid,
        key_id: claims.sub,
        models: claims.models,
        limits: {
          requests_per_minute: limits.requestsPerMinute ?? null,
          tokens_per_minute: limits.tokensPerMinute ?? null,
          concurrent_requests: limits.concurrentRequests ?? null,
        },
      });
    });
  }

  return {
    authenticate,
    rateLimit,
    mountRoutes,
    async ready() {
      await stores.rateLimiter.ping();
      await stores.keyStore.get('kreadiness00');
    },
    close: () => stores.close(),
  };
}

const STATUS_CODES = { revoked: 'key_revoked', expired: 'key_expired', disabled: 'key_disabled', disabled_unused: 'key_disabled' } as const;

function invalidKey(): ApiError {
  return new ApiError(401, 'Incorrect API key provided.', { code: 'invalid_api_key' });
}

function hasLimit(limits: Limits): boolean {
  return limits.requestsPerMinute !== undefined || limits.tokensPerMinute !== undefined || limits.concurrentRequests !== undefined;
}

function sourceIpOf(req: Request): string | undefined {
  const ip = requestIp(req) ?? req.socket.remoteAddress;
  return ip ? normalizeIp(ip) : undefined;
}

function scopeOf(bucketId: string | undefined): string {
  return bucketId?.startsWith('t:') ? 'tenant' : bucketId?.startsWith('j:') ? 'token' : 'API key';
}

/**
 * A request that needs more tokens than a whole minute's budget can never fit: refused as OpenAI does ("Request
 * too large"), with no Retry-After. The bucket would otherwise let it in whenever it is full and charge the excess
 * only down to minus one minute's budget, so a big enough max_tokens passed the limit.
 */
function refuseTooLarge(buckets: readonly BucketSpec[], estimate: number): void {
  for (const bucket of buckets) {
    const limit = bucket.tokensPerMinute;
    if (limit === undefined || estimate <= limit) continue;
    throw new ApiError(429, `Request too large for tokens per minute on this ${scopeOf(bucket.id)}: limit ${limit}, requested ${estimate}. Reduce the prompt or max_tokens.`, {
      code: 'rate_limit_exceeded',
    });
  }
}

/** Routes whose body's max_tokens / max_completion_tokens / max_output_tokens a model spends. */
const COMPLETION_PATHS = new Set(['/v1/chat/completions', '/v1/completions', '/v1/responses']);

/**
 * Tokens a request may use, before it runs: ~4 bytes of JSON per prompt token plus the completion
 * budget the client asked for. Corrected at finish from the real usage.
 */
export function estimateTokens(req: Request): number {
  // The decoded size when the body reader saw a chunked or compressed body, else Content-Length.
  const length = decodedBodyBytes.get(req) ?? Number(req.headers['content-length']);
  const body = req.body as Record<string, unknown> | undefined;
  const promptTokens = Number.isFinite(length) && length > 0 ? Math.ceil(length / 4) : 0;
  // Only a model call has a completion budget. Elsewhere (moderations, guardrails/check, tokens) nothing
  // reads it and no usage comes back to correct the estimate at release: a `max_tokens: 1e308` there
  // drained the tenant's whole tokens-per-minute bucket for two minutes with one request.
  if (!COMPLETION_PATHS.has(routedPath(req.originalUrl.split('?', 1)[0]!))) return promptTokens;
  // The largest valid budget of the three spellings: the first one present may be of the wrong type (an
  // endpoint relays the others' spellings unread) and would hide one the upstream honours.
  const budget = Math.max(tokenCount(body?.max_completion_tokens), tokenCount(body?.max_tokens), tokenCount(body?.max_output_tokens));
  if (budget === 0) return promptTokens;
  // Each generated choice may use the whole budget (n; legacy completions' best_of candidates), as OpenAI
  // counts it. Bounded like the schemas (n <= 128) and kept finite for the Redis limiter's arguments.
  const choices = Math.min(128, Math.max(1, wholeNumber(body?.n), wholeNumber(body?.best_of)));
  return promptTokens + Math.min(Number.MAX_SAFE_INTEGER, budget * choices);
}

/**
 * A budget the schemas accept (a positive safe integer), else 0. The limiter runs before the route validates the
 * body: an invalid one (1e400 parses as Infinity) is left to the route's 400, not reserved as 2^53 tokens and
 * refused as "Request too large".
 */
function tokenCount(value: unknown): number {
  return Number.isSafeInteger(value) && (value as number) > 0 ? (value as number) : 0;
}

function wholeNumber(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.floor(value) : 1;
}

/** OpenAI's header set; durations in its `1m30s` / `250ms` style. */
export function rateLimitHeaders(result: AcquireResult): Record<string, string> {
  const headers: Record<string, string> = {};
  if (result.requests) {
    headers['x-ratelimit-limit-requests'] = String(result.requests.limit);
    headers['x-ratelimit-remaining-requests'] = String(result.requests.remaining);
    headers['x-ratelimit-reset-requests'] = formatDuration(result.requests.resetMs);
  }
  if (result.tokens) {
    headers['x-ratelimit-limit-tokens'] = String(result.tokens.limit);
    headers['x-ratelimit-remaining-tokens'] = String(result.tokens.remaining);
    headers['x-ratelimit-reset-tokens'] = formatDuration(result.tokens.resetMs);
  }
  return headers;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.ceil(ms))}ms`;
  const totalSeconds = ms / 1000;
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds - minutes * 60;
  const secText = Number.isInteger(seconds) ? String(seconds) : seconds.toFixed(3).replace(/\.?0+$/, '');
  return minutes > 0 ? `${minutes}m${secText}s` : `${secText}s`;
}

function errMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
