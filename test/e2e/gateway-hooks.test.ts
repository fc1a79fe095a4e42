/**
 * The seams other rooms plug into: guard stages in the pipeline (input stop/rewrite, output rewrite,
 * stream wrapping, StreamError), outcome observers (once per request, no text), header hooks (before
 * headers, for streams before the first byte), and /readyz reporting an unreachable upstream.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import OpenAI, { type APIError } from 'openai';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { CORE_ONLY, fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';
import type { GuardStage } from '../../src/pipeline/pipeline.js';
import { StreamError } from '../../src/pipeline/stream-error.js';
import type { RequestOutcome } from '../../src/gateway/outcome.js';
import type { Chunk } from '../../src/upstream/types.js';
import { readChatStream } from '../fixtures/streams.js';

let fake: FakeUpstream;
let gw: TestGateway;
let client: OpenAI;
const outcomes: RequestOutcome[] = [];

// A toy guard: blocks "forbidden", rewrites "secret" to "[hidden]" on the way in, upper-cases
// non-streamed answers, and stops a stream that would emit "stop-here".
const toyGuard: GuardStage = {
  name: 'toy_guard',
  input({ body, ctx }) {
    const text = JSON.stringify(body.messages);
    if (text.includes('forbidden')) {
      ctx.verdicts.push({ stage: 'input', detector: 'toy', category: 'toy.forbidden', score: 1, action: 'block' });
      return { action: 'stop', result: { kind: 'error', status: 400, error: { message: 'Blocked by policy.', type: 'invalid_request_error', code: 'content_policy_violation', param: null } } };
    }
    if (text.includes('secret')) {
      ctx.verdicts.push({ stage: 'input', detector: 'toy', category: 'toy.secret', score: 1, action: 'redact', count: 1 });
      return { action: 'continue', body: JSON.parse(JSON.stringify(body).replaceAll('secret', '[hidden]')) as Record<string, unknown> };
    }
    return { action: 'continue' };
  },
  output({ response }) {
    const r = response as { choices?: { message: { content: string } }[] };
    if (r.choices?.[0]?.message.content) r.choices[0].message.content = r.choices[0].message.content.toUpperCase();
    return r;
  },
  // Like a sliding-window guard: holds chunks back until it has seen some text, so a block on the
  // first words happens before anything reached the client.
  async *outputStream({ chunks }) {
    const held: Chunk[] = [];
    for await (const chunk of chunks) {
      const delta = (chunk as { choices?: { delta?: { content?: string } }[] }).choices?.[0]?.delta?.content;
      if (delta?.includes('stop-here')) throw new StreamError(400, { message: 'Output blocked by policy.', type: 'invalid_request_error', code: 'content_policy_violation', param: null });
      held.push(chunk);
      if (delta) yield* held.splice(0);
    }
    yield* held;
  },
};

beforeAll(async () => {
  fake = await startFakeUpstream();
  gw = await startGateway(
    { ...CORE_ONLY, upstream: { providers: [fakeProvider(fake)], timeoutMs: 1_000 } },
    {
      stages: [toyGuard],
      observers: [(o) => void outcomes.push(o)],
      headerHooks: [(ctx) => ({ 'x-sealgate-verdicts': String(ctx.verdicts.length), 'x-seen-provider': ctx.provider ?? 'none' })],
    },
  );
  client = gw.client();
});

afterAll(async () => {
  await gw?.close();
  await fake?.close();
});

beforeEach(() => {
  fake.reset();
  outcomes.length = 0;
});

const waitForOutcomes = (n: number) => expect.poll(() => outcomes.length).toBe(n);

describe('guard stages', () => {
  it('an input stage can stop a request before the upstream', async () => {
    await expect(client.chat.completions.create({ model: 'fake-model', messages: [{ role: 'user', content: 'something forbidden' }] })).rejects.toMatchObject({
      status: 400,
      code: 'content_policy_violation',
    });
    expect(fake.requests).toHaveLength(0);
    await waitForOutcomes(1);
    expect(outcomes[0]).toMatchObject({ status: 400, errorCode: 'content_policy_violation', verdicts: [{ category: 'toy.forbidden', action: 'block' }] });
  });

  it('an input stage can rewrite what the upstream sees; an output stage rewrites the answer', async () => {
    const { data, response } = await client.chat.completions.create({ model: 'fake-model', messages: [{ role: 'user', content: 'my secret is 42' }] }).withResponse();
    expect(fake.requests[0]!.raw).not.toContain('secret');
    expect(data.choices[0]!.message.content).toBe('MY [HIDDEN] IS 42');
    expect(response.headers.get('x-sealgate-verdicts')).toBe('1');
    expect(response.headers.get('x-seen-provider')).toBe('fake');
  });

  it('a stream stage can end a stream with an error: JSON before the first chunk, in-stream after', async () => {
    fake.script({ kind: 'ok', text: 'stop-here at once' });
    await expect(client.chat.completions.create({ model: 'fake-model', stream: true, messages: [{ role: 'user', content: 'x' }] }).then(async (s) => {
      for await (const _ of s);
    })).rejects.toMatchObject({ status: 400, code: 'content_policy_violation' });

    fake.script({ kind: 'ok', text: 'fine words then stop-here' });
    const stream = await client.chat.completions.create({ model: 'fake-model', stream: true, messages: [{ role: 'user', content: 'x' }] });
    const { text, error: err } = await readChatStream(stream);
    expect(text).toBe('fine words then');
    expect((err as APIError).error).toMatchObject({ code: 'content_policy_violation' });
  });
});

describe('observers and header hooks', () => {
  it('report every request exactly once, with timings and usage but no text', async () => {
    await client.chat.completions.create({ model: 'fake-model', messages: [{ role: 'user', content: 'private words' }] });
    await fetch(`${gw.url}/healthz`);
    await fetch(`${gw.baseURL}/models`); // 401
    await waitForOutcomes(3);
    await new Promise((r) => setTimeout(r, 50));
    expect(outcomes).toHaveLength(3);
    const chat = outcomes.find((o) => o.route === '/v1/chat/completions')!;
    expect(chat).toMatchObject({ status: 200, tenantId: 'dev', keyId: 'dev', model: 'fake-model', provider: 'fake', stream: false, confidential: false });
    expect(chat.timings.upstream).toBeGreaterThan(0);
    expect(chat.timings.toy_guard).toBeGreaterThanOrEqual(0);
    expect(chat.usage?.promptTokens).toBeGreaterThan(0);
    expect(JSON.stringify(outcomes)).not.toContain('private words');
    expect(outcomes.find((o) => o.route === '/v1/models')).toMatchObject({ status: 401, errorCode: 'missing_api_key' });
  });

  it('run before the first byte of a stream', async () => {
    const res = await fetch(`${gw.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'fake-model', stream: true, messages: [{ role: 'user', content: 'a secret' }] }),
    });
    expect(res.headers.get('x-sealgate-verdicts')).toBe('1');
    expect(res.headers.get('x-seen-provider')).toBe('fake');
    expect(await res.text()).toContain('[hidden]');
    await waitForOutcomes(1);
    expect(outcomes[0]).toMatchObject({ stream: true, status: 200 });
    expect(outcomes[0]!.usage?.completionTokens).toBe(2);
  });
});

describe('readiness', () => {
  it('/readyz is 503 naming the upstream that does not answer', async () => {
    const down = await startFakeUpstream();
    const gw2 = await startGateway({ ...CORE_ONLY, upstream: { providers: [fakeProvider(down, { name: 'flaky' })] } });
    try {
      expect((await fetch(`${gw2.url}/readyz`)).status).toBe(200);
      await down.close();
      const res = await fetch(`${gw2.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'unavailable', checks: { 'upstream:flaky': false, access: true } });
    } finally {
      await gw2.close();
    }
  });
});
