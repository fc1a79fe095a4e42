/**
 * QA round 5: a browser app using the official openai SDK through CORS. The SDK's helpers add request
 * headers of their own (`chat.completions.parse()`, `.stream()`, `runTools()` and `responses.stream()` send
 * X-Stainless-Helper-Method) and it always sets User-Agent, which Firefox sends and therefore lists in the
 * preflight. A browser refuses the request when the preflight's Access-Control-Allow-Headers misses any
 * header it asked for, so every header the SDK really sends (recorded here through its fetch) must be allowed.
 */
import OpenAI from 'openai';
import { z } from 'zod';
import { zodResponseFormat } from 'openai/helpers/zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORE_ONLY, startGateway, type TestGateway } from '../fixtures/gateway.js';

const ORIGIN = 'https://app.example.com';
// Headers a page may send without a preflight (Fetch standard, CORS-safelisted request-headers).
const SAFELISTED = new Set(['accept', 'accept-language', 'content-language', 'content-type']);

let gw: TestGateway;
beforeAll(async () => {
  gw = await startGateway({ ...CORE_ONLY, server: { cors: { allowedOrigins: [ORIGIN] } } });
});
afterAll(async () => {
  await gw?.close();
});

/** Runs `use` with an SDK client and returns the names of the non-safelisted headers its requests carried. */
async function headersSentBy(use: (client: OpenAI) => Promise<unknown>): Promise<string[]> {
  const names = new Set<string>();
  const client = new OpenAI({
    apiKey: gw.apiKey,
    baseURL: gw.baseURL,
    maxRetries: 0,
    fetch: (url, init) => {
      for (const name of new Headers(init?.headers).keys()) if (!SAFELISTED.has(name)) names.add(name);
      return fetch(url, init);
    },
  });
  await use(client);
  return [...names].sort();
}

async function allowedByPreflight(requested: string[]): Promise<string[]> {
  const res = await fetch(`${gw.baseURL}/chat/completions`, {
    method: 'OPTIONS',
    headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': requested.join(', ') },
  });
  expect(res.status).toBe(204);
  return (res.headers.get('access-control-allow-headers') ?? '').split(',').map((h) => h.trim().toLowerCase());
}

const messages = [{ role: 'user' as const, content: '[[emit: {"answer":42}]]' }];

describe('CORS preflight allows every header the openai SDK sends', () => {
  const cases: [string, (client: OpenAI) => Promise<unknown>][] = [
    ['chat.completions.create', (c) => c.chat.completions.create({ model: 'sealgate-demo', messages })],
    ['chat.completions.parse', (c) => c.chat.completions.parse({ model: 'sealgate-demo', messages, response_format: zodResponseFormat(z.object({ answer: z.number() }), 'answer') })],
    ['chat.completions.stream', (c) => c.chat.completions.stream({ model: 'sealgate-demo', messages }).finalChatCompletion()],
    ['responses.stream', (c) => c.responses.stream({ model: 'sealgate-demo', input: 'hi' }).finalResponse()],
  ];
  for (const [name, use] of cases) {
    it(name, async () => {
      const sent = await headersSentBy(use);
      expect(sent).toContain('authorization');
      const allowed = await allowedByPreflight(sent);
      expect(sent.filter((h) => !allowed.includes(h))).toEqual([]);
    });
  }
});

describe('CORS preflight allows the configured end-user header', () => {
  // guardrails.repeatOffenders.endUserHeader names the header a browser app sends its end user in; only
  // the default name was allowed, so an app using another one failed every preflight.
  it('names guardrails.repeatOffenders.endUserHeader', async () => {
    const custom = await startGateway({ ...CORE_ONLY, server: { cors: { allowedOrigins: [ORIGIN] } }, guardrails: { enabled: false, repeatOffenders: { endUserHeader: 'X-App-User' } } });
    try {
      const res = await fetch(`${custom.baseURL}/chat/completions`, {
        method: 'OPTIONS',
        headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, x-app-user' },
      });
      expect(res.status).toBe(204);
      const allowed = (res.headers.get('access-control-allow-headers') ?? '').split(',').map((h) => h.trim().toLowerCase());
      expect(allowed).toContain('x-app-user');
      expect(allowed).toContain('x-sealgate-end-user');
    } finally {
      await custom.close();
    }
  });
});
