/**
 * QA round 5: the tokens-per-minute estimate reserves a model request's completion budget (max_tokens,
 * max_completion_tokens, max_output_tokens) before the call. Two ways past it:
 *
 * - Spelling. Express routes case-insensitively with an optional trailing slash, so POST
 *   /v1/chat/completions/ and /V1/CHAT/COMPLETIONS reach the model, but the budget was added for the exact
 *   paths only (probe: 5 concurrent max_tokens 900 under 1000 tokens/minute: 1 x 200 + 4 x 429 on the exact
 *   path, 5 x 200 with a trailing slash or in capitals).
 * - Choices. The budget counted once whatever `n` asked for: n: 4, max_tokens: 300 may generate 1 200 tokens
 *   but reserved 300. OpenAI's estimate counts max_tokens x n; legacy completions generate max(n, best_of).
 *
 * Each case: a first request holds its reservation at a hanging upstream while a second one asks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';

let fake: FakeUpstream;
let gw: TestGateway;

beforeAll(async () => {
  fake = await startFakeUpstream();
  gw = await startGateway({
    audit: { enabled: false },
    guardrails: { enabled: false },
    upstream: { providers: [fakeProvider(fake)], retries: { maxAttempts: 1 } },
  });
});
afterAll(async () => {
  await gw?.close();
  await fake?.close();
});

/** POST to a path from the server root (spelling matters here). */
const post = (path: string, credential: string, body: Record<string, unknown>, signal?: AbortSignal) =>
  fetch(`${gw.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal,
  });

/** A token with its own bucket of 1000 tokens/minute, so each case starts full. */
async function limitedToken(): Promise<string> {
  const res = await post('/v1/tokens', gw.apiKey, { limits: { tokens_per_minute: 1_000 } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

/** Sends `first` to a hanging upstream, then `second` while the first holds its reservation: the second's status. */
async function secondWhileFirstHolds(path: string, first: Record<string, unknown>, second: Record<string, unknown> = first): Promise<number> {
  fake.reset();
  fake.script({ kind: 'hang' });
  const token = await limitedToken();
  const holder = new AbortController();
  const held = post(path, token, first, holder.signal).catch(() => undefined);
  // The first request is at the model (admitted, its budget reserved) once the upstream has it.
  while (fake.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
  const res = await post(path, token, second);
  await res.text();
  holder.abort();
  await held;
  return res.status;
}

const chat = (extra: Record<string, unknown> = {}) => ({ model: 'fake-model', max_tokens: 300, messages: [{ role: 'user', content: 'hi' }], ...extra });

describe('the completion budget counts on every spelling of a model route', () => {
  const spellings: [string, Record<string, unknown>][] = [
    ['/v1/chat/completions/', chat({ max_tokens: 900 })],
    ['/V1/CHAT/COMPLETIONS', chat({ max_tokens: 900 })],
    ['/v1/Responses/', { model: 'fake-model', max_output_tokens: 900, input: 'hi' }],
  ];
  for (const [path, body] of spellings) {
    it(`${path}: a second request while the first holds its budget is refused`, async () => {
      expect(await secondWhileFirstHolds(path, body)).toBe(429);
    });
  }
});

describe('the completion budget counts once per generated choice', () => {
  it('chat: max_tokens x n', async () => {
    expect(await secondWhileFirstHolds('/v1/chat/completions', chat({ n: 3 }), chat())).toBe(429);
  });

  it('legacy completions: max_tokens x max(n, best_of)', async () => {
    const completion = (extra: Record<string, unknown> = {}) => ({ model: 'fake-model', max_tokens: 300, prompt: 'hi', ...extra });
    expect(await secondWhileFirstHolds('/v1/completions', completion({ best_of: 3 }), completion())).toBe(429);
  });

  it('one choice reserves its budget once (the second request still fits)', async () => {
    expect(await secondWhileFirstHolds('/v1/chat/completions', chat())).toBe(200);
  });
});

describe('a request larger than a whole minute of tokens', () => {
  // The bucket took min(estimate, limit) and charged the rest only down to minus one minute's budget, so a
  // max_tokens above the limit was admitted whenever the bucket was full (OpenAI answers "Request too large").
  it('is refused with 429 naming the limit and the request, no Retry-After, and never reaches the model', async () => {
    fake.reset();
    const token = await limitedToken();
    const res = await post('/v1/chat/completions', token, chat({ max_tokens: 5_000 }));
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(res.status).toBe(429);
    expect(body.error.code).toBe('rate_limit_exceeded');
    expect(body.error.message).toMatch(/Request too large .*limit 1000, requested \d+/);
    expect(res.headers.get('retry-after')).toBeNull();
    expect(fake.requests).toHaveLength(0);
    // A request that fits is still served.
    expect((await post('/v1/chat/completions', token, chat())).status).toBe(200);
  });
});

describe('a completion budget that is not a valid token count (QA round 6)', () => {
  // The limiter runs before the route validates the body, and it took the first of max_completion_tokens /
  // max_tokens / max_output_tokens that was present. An out-of-range budget (JSON 1e400 parses as Infinity;
  // 1e20 is past 2^53) was reserved as 2^53 tokens and refused as "Request too large" (429, which the SDK
  // retries) instead of the schema's 400; a budget of the wrong type hid a valid one beside it.
  const raw = (path: string, text: string) =>
    fetch(`${gw.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' }, body: text });

  it.each([
    ['/v1/chat/completions', '{"model":"fake-model","messages":[{"role":"user","content":"hi"}],"max_tokens":1e400}', 'max_tokens'],
    ['/v1/chat/completions', '{"model":"fake-model","messages":[{"role":"user","content":"hi"}],"max_completion_tokens":1e20}', 'max_completion_tokens'],
    ['/v1/responses', '{"model":"fake-model","input":"hi","max_output_tokens":1e400}', 'max_output_tokens'],
    ['/v1/completions', '{"model":"fake-model","prompt":"hi","max_tokens":1e20}', 'max_tokens'],
  ])('%s %s is a 400 naming the field', async (path, text, param) => {
    fake.reset();
    const res = await raw(path, text);
    const body = (await res.json()) as { error: { code: string; param: string } };
    expect(res.status).toBe(400);
    expect(body.error).toMatchObject({ code: 'invalid_value', param });
    expect(fake.requests).toHaveLength(0);
  });

  it('a budget of the wrong type does not hide a valid one (legacy completions relay max_completion_tokens unread)', async () => {
    const completion = { model: 'fake-model', prompt: 'hi', max_tokens: 900 };
    expect(await secondWhileFirstHolds('/v1/completions', completion, { ...completion, max_completion_tokens: 'none' })).toBe(429);
  });
});
