/**
 * Access control through the real gateway, driven by the official openai SDK: stored keys, model
 * allow-lists, short-lived tokens, rate limits in memory, and TWO gateway instances sharing one
 * limit through the real Redis.
 */
import { randomUUID } from 'node:crypto';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';
import { FileKeyStore } from '../../src/store/key-store/file.js';
import { RedisKeyStore } from '../../src/store/key-store/redis.js';
import type { KeyStore } from '../../src/store/key-store/types.js';
import { createKey } from '../../src/cli/keys.js';
import { redisEnabled, requireRedisUrl } from '../redis-env.js';

const messages = [{ role: 'user' as const, content: 'hello there' }];

async function rateLimitError(call: Promise<unknown>): Promise<InstanceType<typeof OpenAI.RateLimitError>> {
  const err = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OpenAI.RateLimitError);
  return err as InstanceType<typeof OpenAI.RateLimitError>;
}

describe('access control through the gateway (memory stores)', () => {
  let fake: FakeUpstream;
  let gw: TestGateway;
  let keys: KeyStore;

  beforeAll(async () => {
    fake = await startFakeUpstream({ models: ['fake-model', 'other-model'] });
    gw = await startGateway({
      upstream: { providers: [fakeProvider(fake, { models: ['fake-model', 'other-model'] })] },
      access: {
        tenants: {
          acme: { models: ['fake-model'], limits: { requestsPerMinute: 1000 } },
          tiny: { limits: { requestsPerMinute: 2 } },
          frugal: { limits: { tokensPerMinute: 120 } },
        },
      },
    });
    keys = new FileKeyStore(gw.config.access.keysFile);
  });
  afterAll(async () => {
    await gw?.close();
    await fake?.close();
  });

  it('serves a stored key and refuses a model outside the tenant allow-list as not found (404)', async () => {
    const { key } = await createKey(keys, { tenant: 'acme' });
    const client = gw.client({ apiKey: key });
    const { data, response } = await client.chat.completions.create({ model: 'fake-model', messages }).withResponse();
    expect(data.choices[0]!.message.content).toBe('hello there');
    expect(response.headers.get('x-ratelimit-limit-requests')).toBe('1000');
    await expect(client.chat.completions.create({ model: 'other-model', messages })).rejects.toMatchObject({ status: 404, code: 'model_not_found' });
    const listed = await client.models.list();
    expect(listed.data.map((m) => m.id)).not.toContain('other-model');
  });

  it('401s a wrong key in OpenAI error shape', async () => {
    await expect(gw.client({ apiKey: 'sg-kxxxxxxxxxxx_wrong' }).chat.completions.create({ model: 'fake-model', messages })).rejects.toMatchObject({
      status: 401,
      code: 'invalid_api_key',
    });
  });

  it('rate limits with 429, Retry-After and x-ratelimit headers, streaming included', async () => {
    const { key } = await createKey(keys, { tenant: 'tiny' });
    const client = gw.client({ apiKey: key });
    const stream = await client.chat.completions.create({ model: 'fake-model', messages, stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    expect(text).toBe('hello there');
    await client.chat.completions.create({ model: 'fake-model', messages });
    const err = await rateLimitError(client.chat.completions.create({ model: 'fake-model', messages }));
    expect(err.status).toBe(429);
    expect(err.code).toBe('rate_limit_exceeded');
    expect(Number(err.headers?.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(err.headers?.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(err.headers?.get('x-request-id')).toBeTruthy();
  });

  it('charges the real token usage reported by the upstream', async () => {
    const { key } = await createKey(keys, { tenant: 'frugal' });
    const client = gw.client({ apiKey: key });
    // ~95 tokens by the byte estimate (fits the 120), 153 by the upstream's count: the real usage empties the bucket.
    const long = 'a '.repeat(150);
    await client.chat.completions.create({ model: 'fake-model', messages: [{ role: 'user', content: long }] });
    const err = await rateLimitError(client.chat.completions.create({ model: 'fake-model', messages }));
    expect(err.message).toMatch(/tokens per minute/);
  });

  it('lets a browser-style client use a short-lived token minted from a key, never wider than the key', async () => {
    const { key, record } = await createKey(keys, { tenant: 'acme' });
    const mint = (body: unknown, credential = key) =>
      fetch(`${gw.baseURL}/tokens`, { method: 'POST', headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const res = await mint({ ttl_minutes: 10, limits: { requests_per_minute: 5 } });
    expect(res.status).toBe(200);
    const minted = (await res.json()) as { token: string; models: string[]; expires_in: number };
    expect(minted.models).toEqual(['fake-model']);
    expect(minted.expires_in).toBe(600);

    const browser = gw.client({ apiKey: minted.token });
    const done = await browser.chat.completions.create({ model: 'fake-model', messages });
    expect(done.choices[0]!.message.content).toBe('hello there');
    expect((await mint({ models: ['other-model'] })).status).toBe(403);
    expect((await mint({}, minted.token)).status).toBe(403);

    await keys.update(record.id, { revokedAt: new Date().toISOString() });
    await new Promise((r) => setTimeout(r, 600));
    await expect(browser.chat.completions.create({ model: 'fake-model', messages })).rejects.toMatchObject({ status: 401 });
  });
});

describe.runIf(redisEnabled)('two gateway instances sharing one Redis limit', () => {
  let fake: FakeUpstream;
  let first: TestGateway;
  let second: TestGateway;
  let keys: RedisKeyStore;
  const tenant = `shared-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    const redisUrl = requireRedisUrl();
    fake = await startFakeUpstream();
    const config = {
      redisUrl,
      upstream: { providers: [fakeProvider(fake)] },
      access: { tenants: { [tenant]: { limits: { requestsPerMinute: 3, concurrentRequests: 1 } } } },
    };
    first = await startGateway(config);
    second = await startGateway(config);
    keys = await RedisKeyStore.connect(redisUrl);
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await keys?.close();
    await fake?.close();
  });

  it('a key created once in Redis works on both instances, and the second instance enforces the first one\'s usage', async () => {
    const { key } = await createKey(keys, { tenant });
    const a = first.client({ apiKey: key });
    const b = second.client({ apiKey: key });
    await a.chat.completions.create({ model: 'fake-model', messages });
    await a.chat.completions.create({ model: 'fake-model', messages });
    const { response } = await b.chat.completions.create({ model: 'fake-model', messages }).withResponse();
    expect(response.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    const err = await rateLimitError(b.chat.completions.create({ model: 'fake-model', messages }));
    expect(err.headers?.get('x-ratelimit-limit-requests')).toBe('3');
    await rateLimitError(a.chat.completions.create({ model: 'fake-model', messages }));
  });

  it('shares the concurrency cap: a slow stream on one instance blocks a second request on the other until it ends', async () => {
    // Its own tenant (default limits) and a key capped at one request in flight.
    const { key: concKey } = await createKey(keys, { tenant: `${tenant}-conc`, limits: { concurrentRequests: 1 } });
    fake.script({ kind: 'ok', text: 'slow answer here', chunkDelayMs: 150 });
    const a = first.client({ apiKey: concKey });
    const b = second.client({ apiKey: concKey });
    const stream = await a.chat.completions.create({ model: 'fake-model', messages, stream: true });
    const err = await rateLimitError(b.chat.completions.create({ model: 'fake-model', messages }));
    expect(err.message).toMatch(/concurrent requests/);
    for await (const _ of stream) void _;
    await new Promise((r) => setTimeout(r, 100));
    const ok = await b.chat.completions.create({ model: 'fake-model', messages });
    expect(ok.choices[0]!.message.content).toBe('hello there');
  });
});
