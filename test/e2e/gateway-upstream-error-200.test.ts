/**
 * A 2xx upstream answer whose body is an error object (`{"error":{...}}`, no completion fields), as some
 * OpenAI-compatible routers and proxies send for an overloaded or failing model: the gateway relayed it as a
 * 200, so the SDK handed the caller a "completion" without choices (a TypeError at `choices[0]`), the router
 * neither retried nor fell back, and the upstream's own error text (which the gateway otherwise never relays
 * for upstream failures) reached the client verbatim, guardrails on or off. It is now a failed attempt: retried,
 * and a 502 upstream_error in OpenAI's shape when every attempt fails.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../fixtures/gateway.js';

const UPSTREAM_TEXT = 'overloaded while answering: secret upstream detail 7f3a';
const answers: ((res: ServerResponse) => void)[] = [];
let upstream: Server;
let gw: TestGateway;
let upstreamCalls = 0;

const chat = (content: string) => ({
  id: 'chatcmpl-1', object: 'chat.completion', created: 1, model: 'fake-model',
  choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
});
const errorBody = (res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { message: UPSTREAM_TEXT, type: 'server_error', code: 503 } }));
};

beforeAll(async () => {
  upstream = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      upstreamCalls++;
      const answer = answers.shift();
      if (answer) return answer(res);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(chat('fine')));
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const port = (upstream.address() as AddressInfo).port;
  gw = await startGateway({
    audit: { enabled: false },
    upstream: {
      providers: [{ name: 'raw', type: 'openai', baseUrl: `http://127.0.0.1:${port}/v1`, models: ['fake-model'] }],
      retries: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
    },
  });
});
afterAll(async () => {
  await gw?.close();
  upstream?.closeAllConnections();
  await new Promise((resolve) => upstream?.close(resolve));
});
beforeEach(() => {
  answers.length = 0;
  upstreamCalls = 0;
});

async function ask(path = '/chat/completions', body: Record<string, unknown> = { messages: [{ role: 'user', content: 'hi' }] }): Promise<{ status: number; text: string }> {
  const res = await fetch(`${gw.baseURL}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'fake-model', ...body }),
  });
  return { status: res.status, text: await res.text() };
}

describe('a 2xx upstream answer that is an error object', () => {
  it('every attempt fails: a 502 upstream_error, the upstream text not relayed', async () => {
    answers.push(errorBody, errorBody);
    const res = await ask();
    expect(res.status).toBe(502);
    expect(JSON.parse(res.text)).toEqual({ error: { message: expect.any(String), type: 'api_error', code: 'upstream_error', param: null } });
    expect(res.text).not.toContain('secret upstream detail');
    expect(upstreamCalls).toBe(2);
  });

  it('is retried: the next attempt answers', async () => {
    answers.push(errorBody);
    const res = await ask();
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).choices[0].message.content).toBe('fine');
    expect(upstreamCalls).toBe(2);
  });

  it('embeddings and legacy completions too', async () => {
    answers.push(errorBody, errorBody);
    expect((await ask('/embeddings', { input: 'hi' })).status).toBe(502);
    answers.push(errorBody, errorBody);
    expect((await ask('/completions', { prompt: 'hi' })).status).toBe(502);
  });

  it('a Responses object that failed (object: response, status: failed) is still an answer, relayed', async () => {
    answers.push((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'resp_1', object: 'response', created_at: 1, status: 'failed', model: 'fake-model', output: [], error: { code: 'server_error', message: 'failed' } }));
    });
    const res = await ask('/responses', { input: 'hi' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ object: 'response', status: 'failed' });
  });

  it('an answer with choices and an error field (null or not) is relayed as an answer', async () => {
    answers.push((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ...chat('fine too'), error: null }));
    });
    const res = await ask();
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).choices[0].message.content).toBe('fine too');
  });
});
