/**
 * A small body nested thousands of levels deep (`{"a":{"a":…}}` inside a message, 30 KB) parsed
 * fine but overflowed the stack wherever the gateway walked it recursively (the audit's input digest
 * JSON.stringify): a 500 "internal error" with an unhandled-error log line, after the request had
 * already gone to the model. Such a body is now a 400 before anything runs, on both body readers
 * (Content-Length and chunked), and no request reaches the upstream. Realistic nesting (a deep tool
 * schema) still passes.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';

let fake: FakeUpstream;
let gw: TestGateway;

beforeAll(async () => {
  fake = await startFakeUpstream();
  gw = await startGateway({ upstream: { providers: [fakeProvider(fake)] } }); // guardrails and audit on
});

afterAll(async () => {
  await gw?.close();
  await fake?.close();
});

beforeEach(() => fake.reset());

const nestedObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const nestedArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const chatWith = (extra: string) => `{"model":"fake-model","messages":[{"role":"user","content":"hi","x":${extra}}]}`;

async function post(body: string, chunked = false) {
  const res = await fetch(`${gw.baseURL}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
    // A stream body has no Content-Length: node sends it chunked, which takes the body-parser path.
    body: chunked ? new Blob([body]).stream() : body,
    ...(chunked ? { duplex: 'half' } : {}),
  } as RequestInit);
  return { status: res.status, json: (await res.json()) as { error?: Record<string, unknown> } };
}

describe('deeply nested JSON bodies', () => {
  it.each([
    ['objects in a message', chatWith(nestedObject(6000))],
    ['arrays in a message', chatWith(nestedArray(20000))],
    ['arrays at the top level', `{"model":"fake-model","messages":[{"role":"user","content":"hi"}],"x":${nestedArray(20000)}}`],
  ])('%s: 400 before the upstream (Content-Length and chunked)', async (_name, body) => {
    for (const chunked of [false, true]) {
      const res = await post(body, chunked);
      expect(res.status).toBe(400);
      expect(res.json.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_json' });
      expect(res.json.error?.message).toMatch(/nested/);
    }
    expect(fake.requests).toHaveLength(0);
  });

  it('a realistically deep tool schema (40 levels) and brackets inside strings pass', async () => {
    // At the top level: an unknown message field holding text is refused by the input guard (unguardable_input).
    const res = await post(`{"model":"fake-model","messages":[{"role":"user","content":"hi"}],"x":{"s":"${'[{'.repeat(3000)}","deep":${nestedObject(40)}}}`);
    expect(res.status).toBe(200);
    expect(fake.requests).toHaveLength(1);
  });
});
