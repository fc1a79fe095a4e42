/**
 * QA round 4: the tokens-per-minute estimate added the body's max_tokens (or max_completion_tokens /
 * max_output_tokens) on every /v1 route. On routes that call no model (moderations, guardrails/check)
 * nothing reads it and no usage comes back to correct the charge, so one moderation request with
 * `max_tokens: 1e308` took the tenant's bucket to -limit: every key of the tenant got 429 for about
 * two minutes. The completion budget now counts on the model routes only.
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
    upstream: { providers: [fakeProvider(fake)] },
    access: { tenants: { dev: { limits: { requestsPerMinute: 1000, tokensPerMinute: 10_000 } } } },
  });
});

afterAll(async () => {
  await gw?.close();
  await fake?.close();
});

const post = (path: string, body: Record<string, unknown>) =>
  fetch(`${gw.baseURL}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('the completion budget in the tokens-per-minute estimate', () => {
  it('is not charged on /moderations, which calls no model', async () => {
    const res = await post('/moderations', { input: 'hello there', max_tokens: 1e308, max_completion_tokens: 1e9 });
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('x-ratelimit-remaining-tokens'))).toBeGreaterThan(9_000);
    const chat = await post('/chat/completions', { model: 'fake-model', messages: [{ role: 'user', content: 'hi' }] });
    expect(chat.status).toBe(200);
  });

  it('is still charged (and then corrected from usage) on a model route', async () => {
    const res = await post('/chat/completions', { model: 'fake-model', max_tokens: 5_000, messages: [{ role: 'user', content: 'hi' }] });
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('x-ratelimit-remaining-tokens'))).toBeLessThan(5_100);
  });
});
