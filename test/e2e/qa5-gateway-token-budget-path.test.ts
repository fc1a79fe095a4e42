/**
 * QA round 5: express routes paths case-insensitively and with an optional trailing slash, so
 * POST /v1/chat/completions/ and /V1/CHAT/COMPLETIONS reach the chat route and call the model. The
 * tokens-per-minute estimate only added the body's completion budget (max_tokens …) for the exact paths,
 * so on those spellings any number of concurrent requests with a budget over the tenant's limit were let
 * in (probe: 5 concurrent max_tokens 900 under 1000 tokens/minute: 1 x 200 + 4 x 429 on the exact path,
 * 5 x 200 with a trailing slash or in capitals).
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

const budgeted = (surface: 'chat' | 'responses') =>
  surface === 'chat'
    ? { model: 'fake-model', max_tokens: 900, messages: [{ role: 'user', content: 'hi' }] }
    : { model: 'fake-model', max_output_tokens: 900, input: 'hi' };

describe('the completion budget counts on every spelling of a model route', () => {
  const spellings: [string, 'chat' | 'responses'][] = [
    ['/v1/chat/completions/', 'chat'],
    ['/V1/CHAT/COMPLETIONS', 'chat'],
    ['/v1/Responses/', 'responses'],
  ];
  for (const [path, surface] of spellings) {
    it(`${path}: a second request while the first holds its budget is refused`, async () => {
      fake.reset();
      fake.script({ kind: 'hang' });
      const token = await limitedToken();
      const first = new AbortController();
      const held = post(path, token, budgeted(surface), first.signal).catch(() => undefined);
      // The first request is at the model (admitted, its budget reserved) once the upstream has it.
      while (fake.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
      const second = await post(path, token, budgeted(surface));
      expect(second.status).toBe(429);
      expect((await second.json()).error.code).toBe('rate_limit_exceeded');
      first.abort();
      await held;
    });
  }
});
