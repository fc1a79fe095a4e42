/**
 * Every error an app can meet, in OpenAI's shape with the right status, as the official SDK sees it:
 * 400 (malformed JSON, schema with the field named), 401, 404 model (unknown or not allowed), 404 URL, 413, 429, 502, 504.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import OpenAI, { type APIError } from 'openai';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { CORE_ONLY, fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';
import { readChatStream } from '../fixtures/streams.js';

let fake: FakeUpstream;
let gw: TestGateway;
let client: OpenAI;

beforeAll(async () => {
  fake = await startFakeUpstream({ models: ['fake-model', 'other-model'] });
  gw = await startGateway({ ...CORE_ONLY,
    server: { bodyLimit: '4kb' },
    upstream: {
      providers: [fakeProvider(fake, { models: ['fake-model', 'other-model'] })],
      timeoutMs: 300,
      retries: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
    },
    access: { tenants: { dev: { models: ['fake-model'] } } },
  });
  client = gw.client();
});

afterAll(async () => {
  await gw?.close();
  await fake?.close();
});

beforeEach(() => fake.reset());

const ask = (model = 'fake-model') => client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }] });

async function rawPost(path: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${gw.baseURL}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: res.status, headers: res.headers, json: (await res.json()) as { error: Record<string, unknown> } };
}

function expectOpenAIError(json: { error: Record<string, unknown> }) {
  expect(Object.keys(json.error).sort()).toEqual(['code', 'message', 'param', 'type']);
  expect(typeof json.error.message).toBe('string');
}

describe('client errors', () => {
  it('400 on malformed JSON', async () => {
    const res = await rawPost('/chat/completions', '{"model": "fake-model", ');
    expect(res.status).toBe(400);
    expectOpenAIError(res.json);
    expect(res.json.error).toMatchObject({ code: 'invalid_json', type: 'invalid_request_error' });
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
  });

  it('400 naming the field on schema violations', async () => {
    await expect(client.chat.completions.create({ model: 'fake-model', messages: [{ role: 'robot', content: 'x' } as never] })).rejects.toMatchObject({
      status: 400,
      param: 'messages.0.role',
      code: 'invalid_value',
    });
    await expect(client.chat.completions.create({ model: 'fake-model', messages: [] })).rejects.toMatchObject({ status: 400, param: 'messages' });
    const missing = await rawPost('/chat/completions', JSON.stringify({ messages: [{ role: 'user', content: 'x' }] }));
    expect(missing.status).toBe(400);
    expect(missing.json.error).toMatchObject({ param: 'model', code: 'missing_required_parameter', message: "Missing required parameter: 'model'." });
    const notObject = await rawPost('/embeddings', '[1,2]');
    expect(notObject.json.error).toMatchObject({ code: 'invalid_request_body' });
    await expect(client.embeddings.create({ model: 'fake-model', input: 'x', encoding_format: 'hex' as never })).rejects.toMatchObject({ status: 400, param: 'encoding_format' });
    expect(fake.requests).toHaveLength(0);
  });

  it('400 missing_required_parameter for a required field left out, also where the field takes several forms', async () => {
    // completions `prompt`, embeddings and moderations `input` are unions (string, strings, token ids): zod reported
    // an absent one as "Invalid value for 'prompt': Invalid input." (invalid_value), unlike an absent `model`.
    for (const [path, body, param] of [
      ['/completions', { model: 'fake-model' }, 'prompt'],
      ['/embeddings', { model: 'fake-model' }, 'input'],
      ['/moderations', {}, 'input'],
      ['/chat/completions', { model: 'fake-model', messages: [{ content: 'x' }] }, 'messages.0.role'],
    ] as const) {
      const res = await rawPost(path, JSON.stringify(body));
      expect(res.status).toBe(400);
      expectOpenAIError(res.json);
      expect(res.json.error).toMatchObject({ code: 'missing_required_parameter', param, message: `Missing required parameter: '${param}'.` });
    }
    // A value of the wrong form is still an invalid value.
    const wrong = await rawPost('/completions', JSON.stringify({ model: 'fake-model', prompt: 5 }));
    expect(wrong.json.error).toMatchObject({ code: 'invalid_value', param: 'prompt' });
    expect(fake.requests).toHaveLength(0);
  });

  it('401 without a key and with a bad key', async () => {
    const anonymous = await fetch(`${gw.baseURL}/chat/completions`, { method: 'POST', body: '{}' });
    expect(anonymous.status).toBe(401);
    expectOpenAIError((await anonymous.json()) as { error: Record<string, unknown> });
    await expect(gw.client({ apiKey: 'sk-not-a-real-key' }).chat.completions.create({ model: 'fake-model', messages: [{ role: 'user', content: 'x' }] })).rejects.toBeInstanceOf(
      OpenAI.AuthenticationError,
    );
  });

  it('404 model_not_found for a model the caller may not use, as for a model nobody serves (no enumeration)', async () => {
    await expect(ask('other-model')).rejects.toMatchObject({ status: 404, code: 'model_not_found', param: 'model' });
    await expect(ask('no-such-model')).rejects.toMatchObject({ status: 404, code: 'model_not_found', param: 'model' });
    const ids = [];
    for await (const m of client.models.list()) ids.push(m.id);
    expect(ids).toEqual(['fake-model']); // the list is filtered by what the caller may use
    await expect(client.models.retrieve('other-model')).rejects.toMatchObject({ status: 404 });
    expect(fake.requests).toHaveLength(0);
  });

  it('404 in OpenAI shape for unknown URLs', async () => {
    const res = await rawPost('/nothing/here', '{}');
    expect(res.status).toBe(404);
    expect(res.json.error).toMatchObject({ code: 'unknown_url' });
  });

  it('413 for a body over the limit', async () => {
    const err = await client.chat.completions.create({ model: 'fake-model', messages: [{ role: 'user', content: 'x'.repeat(8_000) }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.APIError);
    expect(err).toMatchObject({ status: 413, code: 'request_too_large' });
    expect(fake.requests).toHaveLength(0);
  });
});

describe('upstream errors', () => {
  it('502 when the upstream keeps failing (after retrying)', async () => {
    fake.script({ kind: 'status', status: 500 }, { kind: 'status', status: 503 });
    const err = await ask().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.InternalServerError);
    expect(err).toMatchObject({ status: 502, code: 'upstream_error', type: 'api_error' });
    expect((err as APIError).requestID).toMatch(/^req_/);
    expect(fake.requests).toHaveLength(2);
  });

  it('502 when the upstream resets the connection', async () => {
    fake.script({ kind: 'reset' }, { kind: 'reset' });
    await expect(ask()).rejects.toMatchObject({ status: 502 });
  });

  it('504 when the upstream does not answer in time', async () => {
    fake.script({ kind: 'hang' }, { kind: 'hang' });
    await expect(ask()).rejects.toMatchObject({ status: 504, code: 'upstream_timeout' });
  });

  it('504 for a stream whose first chunk does not come in time; in-stream timeout when it stalls later', async () => {
    fake.script({ kind: 'ok', chunkDelayMs: 1_000 }, { kind: 'ok', chunkDelayMs: 1_000 });
    await expect(client.chat.completions.create({ model: 'fake-model', stream: true, messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({
      status: 504,
      code: 'upstream_timeout',
    });
    fake.reset();
    fake.script({ kind: 'ok', text: 'a b c d', stallAfterChunks: 2 });
    const stream = await client.chat.completions.create({ model: 'fake-model', stream: true, messages: [{ role: 'user', content: 'x' }] });
    const { text, error: err } = await readChatStream(stream);
    expect(text).toBe('a');
    expect((err as APIError).error).toMatchObject({ code: 'upstream_timeout' });
    expect(fake.requests).toHaveLength(1);
  });

  it("relays the upstream's own 4xx about the request (no retry)", async () => {
    fake.script({ kind: 'status', status: 400, message: "Unsupported parameter: 'foo'", code: 'unsupported_parameter' });
    await expect(ask()).rejects.toMatchObject({ status: 400, code: 'unsupported_parameter', message: expect.stringContaining("Unsupported parameter: 'foo'") });
    expect(fake.requests).toHaveLength(1);
  });
});

describe('rate limiting', () => {
  it('429 with Retry-After and x-ratelimit-* headers when the tenant is over its limit', async () => {
    const limited = await startGateway({ ...CORE_ONLY,
      upstream: { providers: [fakeProvider(fake)] },
      access: { tenants: { dev: { limits: { requestsPerMinute: 2 } } } },
    });
    try {
      const c = limited.client();
      const one = await c.chat.completions.create({ model: 'fake-model', messages: [{ role: 'user', content: 'x' }] }).withResponse();
      expect(one.response.headers.get('x-ratelimit-limit-requests')).toBe('2');
      await c.chat.completions.create({ model: 'fake-model', messages: [{ role: 'user', content: 'x' }] });
      const err = (await c.chat.completions.create({ model: 'fake-model', messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e)) as APIError;
      expect(err).toBeInstanceOf(OpenAI.RateLimitError);
      expect(err).toMatchObject({ status: 429, code: 'rate_limit_exceeded' });
      expect(Number(err.headers?.get('retry-after'))).toBeGreaterThan(0);
      expect(err.headers?.get('x-ratelimit-remaining-requests')).toBe('0');
      const metrics = await (await fetch(`${limited.url}/metrics`)).text();
      expect(metrics).toMatch(/sealgate_rate_limit_rejections_total\{tenant="dev"\} 1/);
    } finally {
      await limited.close();
    }
  });
});
