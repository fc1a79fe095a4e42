/**
 * QA round 4: a 2xx upstream answer that is not a JSON object (a text/HTML body, a JSON string, array or
 * null, a 204, an SSE stream of non-object events, a stream with no event at all) is a failed attempt
 * (502), never relayed. The output guards read answers by their fields, so such a body went to the client
 * unread: an sk- key in a text/plain or array answer came back verbatim with guardrails on (200), and a
 * stream answered with JSON came back as an empty 200 stream.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../fixtures/gateway.js';

const SECRET = 'sk-proj-A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0';
const answers: ((res: ServerResponse) => void)[] = [];
let upstream: Server;
let gw: TestGateway;
let upstreamCalls = 0;

const chat = (content: string) => ({
  id: 'chatcmpl-1', object: 'chat.completion', created: 1, model: 'fake-model',
  choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
});
const chunk = (content: string) => ({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'fake-model', choices: [{ index: 0, delta: { content }, finish_reason: null }] });

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
  // Guardrails on (the default): the point is that these bodies passed them unread.
  gw = await startGateway({
    audit: { enabled: false },
    upstream: {
      providers: [{ name: 'raw', type: 'openai', baseUrl: `http://127.0.0.1:${port}/v1`, models: ['fake-model'] }],
      retries: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 5 },
    },
  });
});

afterAll(async () => {
  await gw?.close();
  upstream?.closeAllConnections();
  await new Promise((resolve) => upstream?.close(resolve));
});

async function ask(stream: boolean, answer: (res: ServerResponse) => void): Promise<{ status: number; text: string }> {
  answers.push(answer);
  const res = await fetch(`${gw.baseURL}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'fake-model', stream, messages: [{ role: 'user', content: 'hi' }] }),
  });
  return { status: res.status, text: await res.text() };
}

const send = (type: string | undefined, body: string, status = 200) => (res: ServerResponse) => {
  res.writeHead(status, type ? { 'content-type': type } : {});
  res.end(body);
};

describe('upstream answers that are not JSON objects', () => {
  it('the guard still redacts a proper answer (control)', async () => {
    const res = await ask(false, send('application/json', JSON.stringify(chat(`key ${SECRET}`))));
    expect(res.status).toBe(200);
    expect(res.text).not.toContain(SECRET);
  });

  it.each([
    ['a text/plain body', 'text/plain', JSON.stringify(chat(`key ${SECRET}`))],
    ['an HTML body', 'text/html', `<html>key ${SECRET}</html>`],
    ['a JSON string', 'application/json', JSON.stringify(`key ${SECRET}`)],
    ['a JSON array', 'application/json', JSON.stringify([chat(`key ${SECRET}`)])],
    ['JSON null', 'application/json', 'null'],
  ])('non-streamed: %s is a 502, not relayed', async (_name, type, body) => {
    const res = await ask(false, send(type, body));
    expect(res.status).toBe(502);
    expect(res.text).not.toContain(SECRET);
    expect(JSON.parse(res.text)).toMatchObject({ error: { code: 'upstream_error', type: 'api_error' } });
  });

  it('non-streamed: a 204 is a 502, not a 200 null', async () => {
    const res = await ask(false, send(undefined, '', 204));
    expect(res.status).toBe(502);
  });

  it.each([
    ['an array event', `data: ${JSON.stringify([chunk(SECRET)])}\n\ndata: [DONE]\n\n`],
    ['a string event', `data: ${JSON.stringify(`key ${SECRET}`)}\n\ndata: [DONE]\n\n`],
  ])('streamed: %s first is a 502 before any byte', async (_name, body) => {
    const res = await ask(true, send('text/event-stream', body));
    expect(res.status).toBe(502);
    expect(res.text).not.toContain(SECRET);
  });

  it('streamed: an array event after a good chunk fails the stream, unrelayed', async () => {
    const res = await ask(true, send('text/event-stream', `data: ${JSON.stringify(chunk('Hello'))}\n\ndata: ${JSON.stringify([chunk(SECRET)])}\n\ndata: [DONE]\n\n`));
    // The stream guard may still hold 'Hello' back, so the failure can come before the head (502) or in the stream.
    expect([200, 502]).toContain(res.status);
    expect(res.text).not.toContain(SECRET);
    expect(res.text).toContain('"code":"upstream_error"');
    expect(res.text).not.toContain('[DONE]');
  });

  it('streamed: a JSON answer where SSE was due is a 502, not an empty 200 stream', async () => {
    const before = upstreamCalls;
    const res = await ask(true, send('application/json', JSON.stringify(chat('the whole answer'))));
    expect(upstreamCalls).toBe(before + 1);
    expect(res.status).toBe(502);
    expect(res.text).not.toContain('[DONE]');
  });
});
