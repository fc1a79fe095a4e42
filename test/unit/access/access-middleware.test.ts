/**
 * The access middleware over real HTTP: a minimal express app (the real gateway wiring is tested
 * in test/e2e) with the real file key store, memory limiter, token endpoint and error middleware.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema, type SealGateConfigInput } from '../../../src/config/schema.js';
import { createAccessControl, formatDuration, type AccessControl } from '../../../src/gateway/middleware/access.js';
import { errorHandler } from '../../../src/gateway/middleware/errors.js';
import { generateApiKey } from '../../../src/auth/api-keys.js';
import { FileKeyStore } from '../../../src/store/key-store/file.js';
import type { KeyRecord } from '../../../src/store/key-store/types.js';

const logger = pino({ level: 'silent' });

interface Harness {
  url: string;
  keysFile: string;
  access: AccessControl;
  addKey(overrides?: Partial<KeyRecord>): Promise<{ key: string; id: string }>;
  close(): Promise<void>;
}

async function start(accessConfig: SealGateConfigInput['access'] = {}): Promise<Harness> {
  const keysFile = join(mkdtempSync(join(tmpdir(), 'sealgate-access-')), 'keys.json');
  const config = configSchema.parse({ access: { keysFile, ...accessConfig } });
  const access = await createAccessControl(config, logger);
  const app = express();
  app.use(express.json());
  const router = express.Router();
  access.mountRoutes(router);
  app.use(router);
  app.use('/v1', access.authenticate, access.rateLimit);
  app.post('/v1/chat/completions', async (req, res) => {
    const body = req.body as { usage?: number; delayMs?: number };
    // Stand-in for a route: it records real usage on the request context, as the pipeline does.
    res.locals.requestContext = { usage: body.usage !== undefined ? { promptTokens: body.usage, completionTokens: 0 } : undefined };
    if (body.delayMs) await new Promise((r) => setTimeout(r, body.delayMs));
    res.json({ auth: res.locals.auth });
  });
  app.use(errorHandler(logger, 1 << 20));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const admin = new FileKeyStore(keysFile);
  return {
    url,
    keysFile,
    access,
    async addKey(overrides = {}) {
      const { id, key, hash } = generateApiKey();
      await admin.create({ id, hash, tenantId: 'acme', createdAt: new Date().toISOString(), allowedCidrs: [], models: '*', ...overrides });
      return { key, id };
    },
    async close() {
      await new Promise((r) => server.close(r));
      await access.close();
    },
  };
}

async function chat(h: Harness, credential: string | undefined, body: Record<string, unknown> = { model: 'm' }) {
  const res = await fetch(`${h.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(credential ? { authorization: `Bearer ${credential}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

async function mint(h: Harness, credential: string, body: Record<string, unknown>) {
  const res = await fetch(`${h.url}/v1/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('authentication', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start({ tenants: { acme: { models: ['m', 'n'] } } });
  });
  afterAll(() => h.close());

  it('401s a missing, malformed or unknown credential in OpenAI error shape', async () => {
    const missing = await chat(h, undefined);
    expect(missing.status).toBe(401);
    expect(missing.body.error).toMatchObject({ type: 'authentication_error', code: 'missing_api_key', param: null });
    expect((await chat(h, 'sg-kzzzzzzzzzzz_nope')).body.error.code).toBe('invalid_api_key');
    expect((await chat(h, 'sk-openai-style')).status).toBe(401);
    const res = await fetch(`${h.url}/v1/chat/completions`, { method: 'POST', headers: { authorization: 'Basic abc' } });
    expect(res.status).toBe(401);
  });

  it('accepts a stored key, never echoes it, and records last use and source IP', async () => {
    const { key, id } = await h.addKey();
    const ok = await chat(h, key);
    expect(ok.status).toBe(200);
    expect(ok.body.auth).toEqual({ tenantId: 'acme', keyId: id, method: 'api_key', allowedModels: ['m', 'n'] });
    const wrongSecret = await chat(h, key.slice(0, -2) + (key.endsWith('AA') ? 'BB' : 'AA'));
    expect(wrongSecret.status).toBe(401);
    expect(JSON.stringify(wrongSecret.body)).not.toContain(key.slice(16));
    await new Promise((r) => setTimeout(r, 50));
    // The gateway's own store instance holds usage until its periodic flush; read it through a fresh look-up.
    await h.access.close();
    const stored = (await new FileKeyStore(h.keysFile).list()).find((k) => k.id === id)!;
    expect(stored.usage.lastSourceIps).toEqual(['127.0.0.1']);
    expect(Date.now() - Date.parse(stored.usage.lastUsedAt!)).toBeLessThan(60_000);
  });

  it('refuses revoked, expired and disabled keys, and keys used from outside their CIDRs', async () => {
    const past = new Date(Date.now() - 1000).toISOString();
    expect((await chat(h, (await h.addKey({ revokedAt: past })).key)).body.error.code).toBe('key_revoked');
    expect((await chat(h, (await h.addKey({ expiresAt: past })).key)).body.error.code).toBe('key_expired');
    expect((await chat(h, (await h.addKey({ disabledAt: past })).key)).body.error.code).toBe('key_disabled');
    const old = new Date(Date.now() - 200 * 86_400_000).toISOString();
    const unused = await chat(h, (await h.addKey({ createdAt: old })).key);
    expect(unused.status).toBe(401);
    expect(unused.body.error.message).toMatch(/without use/);
    const outside = await chat(h, (await h.addKey({ allowedCidrs: ['10.0.0.0/8', '2001:db8::/32'] })).key);
    expect(outside.status).toBe(403);
    expect(outside.body.error.code).toBe('source_not_allowed');
    expect((await chat(h, (await h.addKey({ allowedCidrs: ['127.0.0.0/8'] })).key)).status).toBe(200);
  });

  it('enforces the tenant and key model allow-lists (intersection)', async () => {
    const { key } = await h.addKey({ models: ['n', 'x'] });
    expect((await chat(h, key, { model: 'n' })).status).toBe(200);
    const tenantDenied = await chat(h, key, { model: 'x' });
    // Answered like a model nobody serves, so a tenant cannot enumerate the models of others.
    expect(tenantDenied.status).toBe(404);
    expect(tenantDenied.body.error).toMatchObject({ code: 'model_not_found', param: 'model' });
    expect((await chat(h, key, { model: 'm' })).status).toBe(404);
  });

  it('accepts the dev key in dev mode only', async () => {
    const dev = await chat(h, 'sg-dev-local-only-key');
    expect(dev.status).toBe(200);
    expect(dev.body.auth).toMatchObject({ tenantId: 'dev', keyId: 'dev' });
    const prod = await start({ devMode: false });
    try {
      const refused = await chat(prod, 'sg-dev-local-only-key');
      expect(refused.status).toBe(401);
      expect(refused.body.error.message).toMatch(/devMode/);
    } finally {
      await prod.close();
    }
  });
});

describe('rate limiting', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start({
      tenants: {
        small: { limits: { requestsPerMinute: 2 } },
        slow: { limits: { concurrentRequests: 1 } },
        thrifty: { limits: { tokensPerMinute: 100 } },
        wide: { limits: { requestsPerMinute: 1000 }, keyLimits: { requestsPerMinute: 1 } },
      },
    });
  });
  afterAll(() => h.close());

  it('429s past requests/minute with Retry-After and OpenAI x-ratelimit headers', async () => {
    const { key } = await h.addKey({ tenantId: 'small' });
    const first = await chat(h, key);
    expect(first.headers.get('x-ratelimit-limit-requests')).toBe('2');
    expect(first.headers.get('x-ratelimit-remaining-requests')).toBe('1');
    expect(first.headers.get('x-ratelimit-reset-requests')).toMatch(/^\d+(\.\d+)?s$|^\d+ms$/);
    expect((await chat(h, key)).status).toBe(200);
    const limited = await chat(h, key);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ type: 'rate_limit_error', code: 'rate_limit_exceeded' });
    expect(limited.body.error.message).toMatch(/requests per minute on this tenant/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(30);
    expect(limited.headers.get('x-ratelimit-remaining-requests')).toBe('0');
  });

  it('limits each tenant separately: one tenant exhausting its budget does not affect another', async () => {
    const other = await h.addKey({ tenantId: 'wide' });
    expect((await chat(h, other.key)).status).toBe(200);
    // ... and per key within a tenant.
    expect((await chat(h, other.key)).status).toBe(429);
    expect((await chat(h, (await h.addKey({ tenantId: 'wide' })).key)).status).toBe(200);
  });

  it('caps concurrent requests and frees the slot when the response finishes', async () => {
    const { key } = await h.addKey({ tenantId: 'slow' });
    const held = chat(h, key, { model: 'm', delayMs: 300 });
    await new Promise((r) => setTimeout(r, 100));
    const blocked = await chat(h, key);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.message).toMatch(/concurrent requests/);
    expect((await held).status).toBe(200);
    expect((await chat(h, key)).status).toBe(200);
  });

  it('charges real token usage at the end of the request', async () => {
    const { key } = await h.addKey({ tenantId: 'thrifty' });
    const first = await chat(h, key, { model: 'm', usage: 150 });
    expect(first.status).toBe(200);
    const after = await chat(h, key, { model: 'm' });
    expect(after.status).toBe(429);
    expect(after.body.error.message).toMatch(/tokens per minute/);
    expect(after.headers.get('x-ratelimit-remaining-tokens')).toBe('0');
  });

  it('formats reset durations like OpenAI', () => {
    expect(formatDuration(250)).toBe('250ms');
    expect(formatDuration(1000)).toBe('1s');
    expect(formatDuration(90_000)).toBe('1m30s');
    expect(formatDuration(1500)).toBe('1.5s');
  });
});

describe('short-lived tokens (POST /v1/tokens)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start({ tenants: { acme: { models: ['m', 'n'], keyLimits: { requestsPerMinute: 100, tokensPerMinute: 10_000 } } } });
  });
  afterAll(() => h.close());

  it('mints a token no wider than the key and accepts it as a Bearer credential', async () => {
    const { key, id } = await h.addKey();
    const minted = await mint(h, key, { ttl_minutes: 5, models: ['m'], limits: { requests_per_minute: 2 } });
    expect(minted.status).toBe(200);
    expect(minted.body).toMatchObject({ object: 'token', token_type: 'bearer', tenant: 'acme', key_id: id, models: ['m'], expires_in: 300 });
    expect(minted.body.limits).toEqual({ requests_per_minute: 2, tokens_per_minute: 10_000, concurrent_requests: 64 });
    const token = minted.body.token as string;
    const ok = await chat(h, token, { model: 'm' });
    expect(ok.status).toBe(200);
    expect(ok.body.auth).toMatchObject({ tenantId: 'acme', keyId: id, method: 'token', allowedModels: ['m'] });
    expect((await chat(h, token, { model: 'n' })).status).toBe(404);
    expect((await chat(h, token, { model: 'm' })).status).toBe(200);
    // The token's own rate (2/min) is tighter than the key's (100/min).
    expect((await chat(h, token, { model: 'm' })).status).toBe(429);
    expect((await chat(h, key, { model: 'm' })).status).toBe(200);
  });

  it('refuses scopes wider than the key, over-long TTLs, bad bodies and tokens minting tokens', async () => {
    const { key } = await h.addKey({ models: ['m'] });
    expect((await mint(h, key, { models: ['n'] })).body.error).toMatchObject({ code: 'scope_exceeds_key', param: 'models' });
    expect((await mint(h, key, { limits: { requests_per_minute: 101 } })).body.error).toMatchObject({ code: 'scope_exceeds_key', param: 'limits' });
    expect((await mint(h, key, { ttl_minutes: 61 })).body.error).toMatchObject({ code: 'invalid_request', param: 'ttl_minutes' });
    const bad = await mint(h, key, { ttl_minutes: 'soon' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.param).toBe('ttl_minutes');
    expect((await mint(h, key, { unknown: 1 })).status).toBe(400);
    const token = (await mint(h, key, {})).body.token as string;
    const again = await mint(h, token, {});
    expect(again.status).toBe(403);
    expect(again.body.error.code).toBe('token_cannot_mint');
  });

  it('rejects expired and forged tokens, and tokens of a revoked key', async () => {
    const { key, id } = await h.addKey();
    const shortLived = (await mint(h, key, { ttl_minutes: 0.02 })).body.token as string; // 1.2 s
    await new Promise((r) => setTimeout(r, 1300));
    const expired = await chat(h, shortLived);
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('token_expired');

    const token = (await mint(h, key, {})).body.token as string;
    const [header, payload] = token.split('.');
    expect((await chat(h, `${header}.${payload}.AAAA`)).body.error.code).toBe('invalid_token');

    expect((await chat(h, token)).status).toBe(200);
    await new FileKeyStore(h.keysFile).update(id, { revokedAt: new Date().toISOString() });
    await new Promise((r) => setTimeout(r, 600));
    expect((await chat(h, token)).status).toBe(401);
  });
});
