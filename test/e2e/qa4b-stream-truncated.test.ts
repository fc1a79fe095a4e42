/**
 * QA round 4b: 47a3ce4 made a chat/completions stream cut short by a clean close (no [DONE], no
 * finish_reason) end with an in-stream upstream error, but only on the transport's direct path. The SDK
 * path (taken when the SDK's own logging is on, OPENAI_LOG=info|debug) and Responses streams (no
 * response.completed / response.incomplete / response.failed) still looked complete to the client.
 * Every streamed surface, on both paths, with guardrails on and off, now ends such a stream with an
 * in-stream upstream error; complete streams (with or without the upstream's [DONE]) are unchanged.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CORE_ONLY, fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';
import { startFakeUpstream, type FakeBehaviour, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { startConfidentialGateway, type ConfidentialSetup } from './confidential-fixture.js';

let fake: FakeUpstream;
const gateways: Record<string, TestGateway> = {};
const variants = [
  { name: 'direct path, guardrails off', sdk: false, guard: false },
  { name: 'direct path, guardrails on', sdk: false, guard: true },
  { name: 'SDK path, guardrails off', sdk: true, guard: false },
  { name: 'SDK path, guardrails on', sdk: true, guard: true },
] as const;

beforeAll(async () => {
  fake = await startFakeUpstream();
  const saved = process.env.OPENAI_LOG;
  try {
    for (const v of variants) {
      // The openai SDK reads OPENAI_LOG when a client is built: at 'info' the provider takes the SDK's own stream path.
      if (v.sdk) process.env.OPENAI_LOG = 'info';
      else delete process.env.OPENAI_LOG;
      gateways[v.name] = await startGateway({
        ...(v.guard ? { audit: { enabled: false } } : CORE_ONLY),
        upstream: { providers: [fakeProvider(fake)], retries: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 5 } },
      });
    }
  } finally {
    if (saved === undefined) delete process.env.OPENAI_LOG;
    else process.env.OPENAI_LOG = saved;
  }
});

afterAll(async () => {
  for (const gw of Object.values(gateways)) await gw.close();
  await fake?.close();
});

const surfaces = {
  chat: { path: '/chat/completions', body: { messages: [{ role: 'user', content: 'What is the capital of France?' }] } },
  completions: { path: '/completions', body: { prompt: 'What is the capital of France?' } },
  responses: { path: '/responses', body: { input: 'What is the capital of France?' } },
} as const;

/** A streamed request on `surface` with the fake upstream scripted to `behaviour`: the status and the raw text. */
async function streamed(gw: TestGateway, surface: keyof typeof surfaces, behaviour: FakeBehaviour): Promise<{ status: number; text: string }> {
  fake.script(behaviour);
  const res = await fetch(`${gw.baseURL}${surfaces[surface].path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'fake-model', stream: true, ...surfaces[surface].body }),
  });
  return { status: res.status, text: await res.text() };
}

async function stream(gw: TestGateway, surface: keyof typeof surfaces, behaviour: FakeBehaviour): Promise<string> {
  const { status, text } = await streamed(gw, surface, behaviour);
  expect(status, text).toBe(200);
  return text;
}

/**
 * A cut-short stream as the client sees it: an in-stream upstream error after what was relayed or, when
 * nothing was relayed yet (an output guard holding text back), a 502 JSON upstream error. Never [DONE].
 */
async function cutShort(gw: TestGateway, surface: keyof typeof surfaces, behaviour: FakeBehaviour): Promise<string> {
  const { status, text } = await streamed(gw, surface, behaviour);
  expect([200, 502], text).toContain(status);
  expect(text).toContain('"code":"upstream_error"');
  expect(text).not.toContain('[DONE]');
  expect(text).not.toContain('response.completed');
  if (status === 200 && surface === 'responses') expect(text).toMatch(/event: error\ndata: \{[^\n]*"code":"upstream_error"/);
  return text;
}

describe.each(variants)('$name', (v) => {
  const gw = (): TestGateway => gateways[v.name]!;
  beforeEach(() => fake.reset());

  it.each(['chat', 'completions', 'responses'] as const)('%s cut short after a few events: an upstream error, never a complete end', async (surface) => {
    const text = await cutShort(gw(), surface, { kind: 'truncate', afterChunks: surface === 'responses' ? 5 : 3 });
    if (!v.guard) expect(text).toMatch(surface === 'responses' ? /^event: response\.created/ : /^data: \{/);
  });

  it('responses cut short just before response.completed: an upstream error', async () => {
    const whole = await stream(gw(), 'responses', { kind: 'ok' });
    const events = whole.split('\n\n').filter((frame) => frame.startsWith('event: ')).length;
    expect(whole.trimEnd().split('\n\n').at(-1)).toMatch(/^event: response\.completed/);
    fake.reset();
    await cutShort(gw(), 'responses', { kind: 'truncate', afterChunks: events - 1 });
    expect(fake.requests[0]?.completed).toBe(true);
  });

  it.each(['chat', 'completions'] as const)('%s complete, with or without the upstream [DONE]: unchanged', async (surface) => {
    for (const behaviour of [{ kind: 'ok' }, { kind: 'ok_without_done' }] as const) {
      const text = await stream(gw(), surface, behaviour);
      expect(text).not.toContain('error');
      expect(text).toContain('"finish_reason":"stop"');
      expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
    }
  });

  it('responses complete: unchanged', async () => {
    const text = await stream(gw(), 'responses', { kind: 'ok' });
    expect(text).not.toContain('event: error');
    expect(text.trimEnd().split('\n\n').at(-1)).toMatch(/^event: response\.completed/);
  });

  it('a stream cut short before its first event is a failed attempt (JSON 502)', async () => {
    fake.script({ kind: 'truncate', afterChunks: 0 });
    const res = await fetch(`${gw().baseURL}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gw().apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'fake-model', stream: true, ...surfaces.chat.body }),
    });
    expect(res.status).toBe(502);
  });

  it("the OpenAI SDK's stream helpers surface the cut", async () => {
    const client = gw().client();
    fake.script({ kind: 'truncate', afterChunks: 3 });
    const chat = client.chat.completions.stream({ model: 'fake-model', messages: [{ role: 'user', content: 'What is the capital of France?' }] });
    await expect(chat.finalChatCompletion()).rejects.toThrow();

    fake.script({ kind: 'truncate', afterChunks: 5 });
    const types: string[] = [];
    for await (const event of await client.responses.create({ model: 'fake-model', input: surfaces.responses.body.input, stream: true })) types.push(event.type);
    expect(types.at(-1)).toBe('error');
  });
});

describe('confidential mode (the enclave worker calls the upstream itself)', () => {
  let setup: ConfidentialSetup;
  beforeAll(async () => {
    setup = await startConfidentialGateway({ audit: { enabled: false }, upstream: { retries: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 5 } } });
  });
  afterAll(async () => {
    await setup?.close();
  });

  it('chat cut short: the SDK stream throws; complete: it ends normally', async () => {
    const { openai } = setup.client();
    setup.fake.script({ kind: 'truncate', afterChunks: 3 });
    const pieces: string[] = [];
    const read = async (): Promise<void> => {
      const stream = await openai.chat.completions.create({ model: 'fake-model', messages: [{ role: 'user', content: 'What is the capital of France?' }], stream: true });
      for await (const chunk of stream) pieces.push(chunk.choices[0]?.delta?.content ?? '');
    };
    await expect(read()).rejects.toThrow();
    setup.fake.script({ kind: 'ok_without_done' });
    pieces.length = 0;
    await read();
    expect(pieces.join('')).toBe('What is the capital of France?');
  });

  it('responses cut short: the stream ends on an upstream error event', async () => {
    const { openai } = setup.client();
    setup.fake.script({ kind: 'truncate', afterChunks: 5 });
    const events: { type: string; code?: unknown }[] = [];
    for await (const event of await openai.responses.create({ model: 'fake-model', input: 'What is the capital of France?', stream: true })) events.push(event as { type: string });
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'upstream_error' });
    expect(events.some((e) => e.type === 'response.completed')).toBe(false);
  });
});
