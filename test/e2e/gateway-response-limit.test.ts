/**
 * upstream.maxResponseBytes: an upstream answer is read only up to the cap. A non-streamed body over it
 * (chunked, or with a Content-Length over it) fails as a 502 upstream error in the OpenAI format and the
 * upstream connection is dropped; a stream whose bytes pass it ends with an in-stream error, as a
 * mid-stream reset does. Before the cap, a 64 MiB answer was read whole into memory (or streamed on).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import OpenAI, { type APIError } from 'openai';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { CORE_ONLY, fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';
import { readChatStream } from '../fixtures/streams.js';

const LIMIT = 256 * 1024;
const HUGE = 64 * 1024 * 1024;

let fake: FakeUpstream;
let gw: TestGateway;
let guarded: TestGateway;

beforeAll(async () => {
  fake = await startFakeUpstream();
  const upstream = { providers: [fakeProvider(fake)], maxResponseBytes: LIMIT, retries: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 } };
  gw = await startGateway({ ...CORE_ONLY, upstream });
  guarded = await startGateway({ upstream, audit: { enabled: false } });
});

afterAll(async () => {
  await gw?.close();
  await guarded?.close();
  await fake?.close();
});

beforeEach(() => fake.reset());

async function postChat(target: TestGateway, extra: Record<string, unknown> = {}) {
  const res = await fetch(`${target.baseURL}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${target.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'fake-model', messages: [{ role: 'user', content: 'hello there' }], ...extra }),
  });
  return { status: res.status, text: await res.text() };
}

describe('upstream.maxResponseBytes', () => {
  it('a non-streamed body over the cap (chunked or declared) is a 502 upstream error; the upstream connection is dropped', async () => {
    for (const declareLength of [false, true]) {
      fake.reset();
      fake.script({ kind: 'flood', bytes: HUGE, declareLength });
      const res = await postChat(gw);
      expect(res.status).toBe(502);
      const error = JSON.parse(res.text).error;
      expect(error).toMatchObject({ type: 'api_error', code: 'upstream_error' });
      expect(error.message).toContain('size limit');
      expect(res.text).not.toContain('xxxx');
      // Not retried (the same upstream would send the same answer), and the upstream saw the gateway hang up.
      expect(fake.requests).toHaveLength(1);
      await expect.poll(() => fake.requests[0]!.clientClosed, { timeout: 5_000 }).toBe(true);
      expect(fake.requests[0]!.bytesSent!).toBeLessThan(HUGE / 4);
    }
  });

  it('a stream whose bytes pass the cap ends with an in-stream upstream error after what arrived', async () => {
    for (const target of [gw, guarded]) {
      fake.reset();
      fake.script({ kind: 'flood', bytes: HUGE });
      const client = target.client();
      const stream = await client.chat.completions.create({ model: 'fake-model', stream: true, messages: [{ role: 'user', content: 'hello' }] });
      const { text, error } = await readChatStream(stream);
      expect(error).toBeInstanceOf(OpenAI.APIError);
      expect((error as APIError).error).toMatchObject({ code: 'upstream_error' });
      expect(text.length).toBeLessThanOrEqual(LIMIT);
      await expect.poll(() => fake.requests[0]!.clientClosed, { timeout: 5_000 }).toBe(true);
      expect(fake.requests[0]!.bytesSent!).toBeLessThan(HUGE / 4);
    }
  });

  it('answers under the cap pass as before (plain, streamed, an upstream body just under it)', async () => {
    const plain = await postChat(gw);
    expect(plain.status).toBe(200);
    expect(JSON.parse(plain.text).choices[0].message.content).toBe('hello there');
    const { text, error } = await readChatStream(await gw.client().chat.completions.create({ model: 'fake-model', stream: true, messages: [{ role: 'user', content: 'one two three' }] }));
    expect(error).toBeUndefined();
    expect(text).toBe('one two three');
    fake.script({ kind: 'flood', bytes: LIMIT, declareLength: true });
    const atLimit = await postChat(gw);
    expect(atLimit.status).toBe(200);
    expect(JSON.parse(atLimit.text).pad).toHaveLength(LIMIT - '{"pad":""}'.length);
  });
});
