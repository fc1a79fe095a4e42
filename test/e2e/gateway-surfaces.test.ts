/**
 * The gateway as an app sees it: the official openai SDK against a real SealGate on port 0, proxying
 * to a real fake upstream. Every surface, streaming and not, tools, pass-through and ops endpoints.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type OpenAI from 'openai';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { CORE_ONLY, fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';
import { readResponsesStream } from '../fixtures/streams.js';

const UPSTREAM_KEY = 'sk-upstream-secret-value-1234567890';

let fake: FakeUpstream;
let gw: TestGateway;
let client: OpenAI;

beforeAll(async () => {
  fake = await startFakeUpstream({ apiKey: UPSTREAM_KEY, models: ['fake-model', 'fake-embed'] });
  process.env.G1_TEST_UPSTREAM_KEY = UPSTREAM_KEY;
  gw = await startGateway({ ...CORE_ONLY,
    upstream: {
      providers: [fakeProvider(fake, { models: ['fake-model', 'fake-embed'], apiKeyEnv: 'G1_TEST_UPSTREAM_KEY' }), { name: 'local', type: 'local', models: ['sealgate-demo'] }],
      models: { smart: ['fake/fake-model'] },
    },
  });
  client = gw.client();
});

afterAll(async () => {
  await gw?.close();
  await fake?.close();
});

beforeEach(() => fake.reset());

describe('chat completions', () => {
  it('answers non-streaming requests through the upstream, with its key and the caller body', async () => {
    const completion = await client.chat.completions.create({
      model: 'fake-model',
      messages: [{ role: 'user', content: 'Hello upstream' }],
      temperature: 0.2,
      user: 'end-user-7',
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]!.message.content).toBe('Hello upstream');
    expect(completion.usage?.total_tokens).toBeGreaterThan(0);
    expect(fake.requests).toHaveLength(1);
    const seen = fake.requests[0]!;
    expect(seen.path).toBe('/v1/chat/completions');
    expect(seen.headers.authorization).toBe(`Bearer ${UPSTREAM_KEY}`);
    // The end-user id goes upstream as a keyed digest by default (privacy.endUserIds; test/e2e/privacy-end-user-ids.test.ts).
    expect(seen.body).toMatchObject({ model: 'fake-model', temperature: 0.2, user: expect.stringMatching(/^sg-/) });
  });

  it('streams chunks the SDK assembles, ending with [DONE] and no usage unless asked', async () => {
    const stream = await client.chat.completions.create({ model: 'fake-model', stream: true, messages: [{ role: 'user', content: 'one two three' }] });
    let text = '';
    let finish: string | null = null;
    for await (const chunk of stream) {
      expect(chunk.object).toBe('chat.completion.chunk');
      expect('usage' in chunk).toBe(false);
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(text).toBe('one two three');
    expect(finish).toBe('stop');

    // Byte level: every event is `data: {json}\n\n`, the last is `data: [DONE]\n\n`.
    const res = await fetch(`${gw.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'fake-model', stream: true, messages: [{ role: 'user', content: 'a b' }] }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    const raw = await res.text();
    const events = raw.split('\n\n').filter(Boolean);
    expect(events.at(-1)).toBe('data: [DONE]');
    for (const event of events.slice(0, -1)) expect(() => JSON.parse(event.replace(/^data: /, ''))).not.toThrow();
    expect(raw.endsWith('data: [DONE]\n\n')).toBe(true);
  });

  it('relays the usage chunk when the client asks for it', async () => {
    const stream = await client.chat.completions.create({
      model: 'fake-model',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'count me' }],
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(last.usage?.completion_tokens).toBe(2);
  });

  it('passes tools, tool_choice and response_format through and returns tool calls (non-streaming and streaming)', async () => {
    const tools: OpenAI.Chat.Completions.ChatCompletionTool[] = [
      { type: 'function', function: { name: 'get_weather', description: 'weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } },
    ];
    fake.script({ kind: 'tool_call', name: 'get_weather', arguments: '{"city":"Paris"}' });
    const completion = await client.chat.completions.create({
      model: 'fake-model',
      messages: [{ role: 'user', content: 'weather?' }],
      tools,
      tool_choice: 'auto',
      response_format: { type: 'json_object' },
    });
    const call = completion.choices[0]!.message.tool_calls![0]!;
    expect(call.type === 'function' && call.function).toMatchObject({ name: 'get_weather', arguments: '{"city":"Paris"}' });
    expect(completion.choices[0]!.finish_reason).toBe('tool_calls');
    expect(fake.requests[0]!.body).toMatchObject({ tools, tool_choice: 'auto', response_format: { type: 'json_object' } });

    fake.script({ kind: 'tool_call', name: 'get_weather', arguments: '{"city":"Paris, France"}' });
    const stream = client.chat.completions.stream({ model: 'fake-model', messages: [{ role: 'user', content: 'weather?' }], tools });
    const final = await stream.finalChatCompletion();
    const streamed = final.choices[0]!.message.tool_calls![0]!;
    expect(streamed.type === 'function' && JSON.parse(streamed.function.arguments)).toEqual({ city: 'Paris, France' });
  });

  it('routes model aliases and provider/model names', async () => {
    const viaAlias = await client.chat.completions.create({ model: 'smart', messages: [{ role: 'user', content: 'alias' }] });
    expect(viaAlias.choices[0]!.message.content).toBe('alias');
    expect(fake.requests[0]!.body.model).toBe('fake-model');
    const local = await client.chat.completions.create({ model: 'local/sealgate-demo', messages: [{ role: 'user', content: '[[emit: from local]]' }] });
    expect(local.choices[0]!.message.content).toBe('from local');
    expect(fake.requests).toHaveLength(1);
  });
});

describe('responses API', () => {
  it('answers non-streaming', async () => {
    const response = await client.responses.create({ model: 'fake-model', input: 'Say hi', instructions: 'be brief' });
    expect(response.object).toBe('response');
    expect(response.output_text).toBe('Say hi');
    expect(fake.requests[0]!.path).toBe('/v1/responses');
    expect(fake.requests[0]!.body).toMatchObject({ instructions: 'be brief', input: 'Say hi' });
  });

  it('streams events with `event:` lines and a final response.completed', async () => {
    const stream = await client.responses.create({ model: 'fake-model', input: 'stream me please', stream: true });
    const { types, text } = await readResponsesStream(stream);
    expect(text).toBe('stream me please');
    expect(types[0]).toBe('response.created');
    expect(types.at(-1)).toBe('response.completed');

    const res = await fetch(`${gw.baseURL}/responses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'fake-model', input: 'x', stream: true }),
    });
    const raw = await res.text();
    expect(raw.startsWith('event: response.created\ndata: {')).toBe(true);
    expect(raw).not.toContain('[DONE]');
  });

  it('returns function calls', async () => {
    fake.script({ kind: 'tool_call', name: 'lookup', arguments: '{"id":42}' });
    const response = await client.responses.create({ model: 'fake-model', input: 'call it', tools: [{ type: 'function', name: 'lookup', parameters: {}, strict: false }] });
    const item = response.output[0]!;
    expect(item.type).toBe('function_call');
    expect(item.type === 'function_call' && item.arguments).toBe('{"id":42}');
  });
});

describe('completions and embeddings', () => {
  it('serves legacy completions, streaming and not', async () => {
    const completion = await client.completions.create({ model: 'fake-model', prompt: 'complete this' });
    expect(completion.choices[0]!.text).toBe('complete this');
    const stream = await client.completions.create({ model: 'fake-model', prompt: 'and this', stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.text ?? '';
    expect(text).toBe('and this');
  });

  it('serves embeddings in float and base64 (the SDK default), passing encoding_format through', async () => {
    const floats = await client.embeddings.create({ model: 'fake-embed', input: ['a', 'bb'], encoding_format: 'float', dimensions: 4 });
    expect(floats.data).toHaveLength(2);
    expect(floats.data[0]!.embedding).toHaveLength(4);
    const decoded = await client.embeddings.create({ model: 'fake-embed', input: 'hello', dimensions: 8 });
    expect(decoded.data[0]!.embedding).toHaveLength(8);
    expect(fake.requests[1]!.body.encoding_format).toBe('base64');
  });
});

describe('models and ops endpoints', () => {
  it('lists models and retrieves one', async () => {
    const ids = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toEqual(expect.arrayContaining(['smart', 'fake-model', 'fake-embed', 'sealgate-demo']));
    const one = await client.models.retrieve('fake-model');
    expect(one).toMatchObject({ id: 'fake-model', object: 'model', owned_by: 'fake' });
  });

  it('answers /healthz, /readyz (upstreams + stores) and /metrics', async () => {
    const health = await fetch(`${gw.url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${gw.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { 'upstream:fake': true, 'upstream:local': true, access: true } });
    await client.chat.completions.create({ model: 'fake-model', messages: [{ role: 'user', content: 'count' }] });
    const metrics = await (await fetch(`${gw.url}/metrics`)).text();
    expect(metrics).toMatch(/sealgate_requests_total\{route="\/v1\/chat\/completions",status="200",tenant="dev",model="fake-model"\} \d+/);
    expect(metrics).toMatch(/sealgate_stage_duration_seconds_count\{stage="upstream"\} \d+/);
    expect(metrics).toContain('sealgate_request_duration_seconds_bucket');
  });

  it('puts x-request-id on every response and keeps a sane incoming one', async () => {
    for (const path of ['/healthz', '/v1/models', '/nope']) {
      const res = await fetch(`${gw.url}${path}`);
      expect(res.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
    }
    const res = await fetch(`${gw.url}/healthz`, { headers: { 'x-request-id': 'trace-abc.123' } });
    expect(res.headers.get('x-request-id')).toBe('trace-abc.123');
    const bad = await fetch(`${gw.url}/healthz`, { headers: { 'x-request-id': 'no spaces <script>' } });
    expect(bad.headers.get('x-request-id')).toMatch(/^req_/);
  });

  it('never shows the upstream key in responses or errors', async () => {
    fake.script({ kind: 'status', status: 401, message: `Incorrect API key provided: ${UPSTREAM_KEY}` });
    const res = await fetch(`${gw.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'fake-model', messages: [{ role: 'user', content: 'x' }] }),
    });
    expect(res.status).toBe(502);
    const text = await res.text();
    expect(text).not.toContain(UPSTREAM_KEY);
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'upstream_error', type: 'api_error' } });
  });
});
