/**
 * QA round 5: the tokens-per-minute estimate counted the completion budget once, whatever `n` asked for.
 * A chat request with n: 4 and max_tokens: 300 may generate 1 200 tokens but reserved 300 (plus its
 * prompt), so concurrent multi-choice requests got past a tenant's limit; OpenAI's own estimate counts
 * max_tokens x n. Legacy completions generate max(n, best_of) candidates.
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

const post = (path: string, credential: string, body: Record<string, unknown>, signal?: AbortSignal) =>
  fetch(`${gw.baseURL}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal,
  });

/** A token with its own bucket of 1000 tokens/minute, so each case starts full. */
async function limitedToken(): Promise<string> {
  const res = await post('/tokens', gw.apiKey, { limits: { tokens_per_minute: 1_000 } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

/** Sends `first` to a hanging upstream, then `second` while the first holds its reservation. */
async function secondWhileFirstHolds(path: string, first: Record<string, unknown>, second: Record<string, unknown>): Promise<number> {
  fake.reset();
  fake.script({ kind: 'hang' });
  const token = await limitedToken();
  const holder = new AbortController();
  const held = post(path, token, first, holder.signal).catch(() => undefined);
  while (fake.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
  const res = await post(path, token, second);
  await res.text();
  holder.abort();
  await held;
  return res.status;
}

describe('the completion budget counts once per generated choice', () => {
  it('chat: max_tokens x n', async () => {
    const first = { model: 'fake-model', n: 4, max_tokens: 300, messages: [{ role: 'user', content: 'hi' }] };
    const second = { model: 'fake-model', max_tokens: 300, messages: [{ role: 'user', content: 'hi' }] };
    expect(await secondWhileFirstHolds('/chat/completions', first, second)).toBe(429);
  });

  it('legacy completions: max_tokens x max(n, best_of)', async () => {
    const first = { model: 'fake-model', best_of: 4, max_tokens: 300, prompt: 'hi' };
    const second = { model: 'fake-model', max_tokens: 300, prompt: 'hi' };
    expect(await secondWhileFirstHolds('/completions', first, second)).toBe(429);
  });

  it('one choice reserves its budget once (the second request still fits)', async () => {
    const one = { model: 'fake-model', max_tokens: 300, messages: [{ role: 'user', content: 'hi' }] };
    expect(await secondWhileFirstHolds('/chat/completions', one, one)).toBe(200);
  });
});
