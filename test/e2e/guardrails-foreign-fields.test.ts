/**
 * Top-level fields that are not the endpoint's parameters but are prompt text on some upstream — Anthropic's
 * `system` (LiteLLM in front of Anthropic reads it), another surface's text field (`prompt` / `input` on chat,
 * `messages` on responses), `extra_body` (merged by proxies that accept it) — went to the upstream unread while
 * every other unknown field is relayed as a vendor parameter (found by QA round 5). Refused now with 400
 * `unguardable_input` naming the field when they hold text; the same fields without text, and ordinary vendor
 * parameters, still pass.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';
import { PAYLOAD } from '../fixtures/guard-payloads.js';

type Json = Record<string, unknown>;
let fake: FakeUpstream;
let gw: TestGateway;

beforeAll(async () => {
  fake = await startFakeUpstream();
  gw = await startGateway({ upstream: { providers: [fakeProvider(fake)] }, audit: { enabled: false } });
});
afterAll(async () => {
  await gw?.close();
  await fake?.close();
});
beforeEach(() => fake.reset());

async function post(path: string, body: Json) {
  const res = await fetch(`${gw.baseURL}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'fake-model', ...body }),
  });
  return { status: res.status, json: (await res.json()) as { error?: { code?: string; param?: string; message?: string } } };
}

const messages = [{ role: 'user', content: 'hi' }];

describe('prompt text in fields the endpoint does not have', () => {
  const cases: Array<[string, string, Json, string]> = [
    ["Anthropic's top-level system on chat", '/chat/completions', { messages, system: PAYLOAD }, 'system'],
    ['Anthropic system blocks on chat', '/chat/completions', { messages, system: [{ type: 'text', text: PAYLOAD }] }, 'system'],
    ['a completions prompt on chat', '/chat/completions', { messages, prompt: PAYLOAD }, 'prompt'],
    ['a Responses input on chat', '/chat/completions', { messages, input: PAYLOAD }, 'input'],
    ['extra_body holding text on chat', '/chat/completions', { messages, extra_body: { system: PAYLOAD } }, 'extra_body'],
    ['chat messages on responses', '/responses', { input: 'hi', messages: [{ role: 'system', content: PAYLOAD }] }, 'messages'],
    ['chat messages on completions', '/completions', { prompt: 'hi', messages: [{ role: 'user', content: PAYLOAD }] }, 'messages'],
    ['instructions on embeddings', '/embeddings', { input: 'hi', instructions: PAYLOAD }, 'instructions'],
  ];
  for (const [name, path, body, param] of cases) {
    it(`${name}: 400 unguardable_input at ${param}, nothing sent upstream`, async () => {
      const r = await post(path, body);
      expect(r.status).toBe(400);
      expect(r.json.error).toMatchObject({ code: 'unguardable_input', param });
      expect(fake.requests).toHaveLength(0);
    });
  }

  it('vendor parameters and text-free extras still pass', async () => {
    for (const [path, body] of [
      ['/chat/completions', { messages, top_k: 20, extra_body: { top_k: 20 }, repetition_penalty: 1.1 }],
      ['/chat/completions', { messages, system: null }],
      ['/responses', { input: 'hi', prompt: { id: 'pmpt_1', version: '2' } }],
      ['/embeddings', { input: 'hi', dimensions: 8 }],
    ] as const) {
      const r = await post(path, body);
      expect(r.status, JSON.stringify(body)).toBe(200);
    }
    expect(fake.requests).toHaveLength(4);
  });
});
