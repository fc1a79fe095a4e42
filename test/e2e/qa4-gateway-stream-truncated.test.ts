/**
 * QA round 4: an upstream chat/completions stream whose connection closed cleanly before any choice
 * finished (no finish_reason, no [DONE]: an upstream that died after a flush) was relayed as a complete
 * stream: the gateway ended it with its own `data: [DONE]`, so a client could not tell the truncated
 * answer from a complete one. It now ends with an in-stream upstream error and no [DONE]; a stream whose
 * choice finished is unchanged even when the upstream leaves out [DONE].
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORE_ONLY, startGateway, type TestGateway } from '../fixtures/gateway.js';

const answers: ((res: ServerResponse) => void)[] = [];
let upstream: Server;
let gw: TestGateway;

const chunk = (content: string, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'fake-model', choices: [{ index: 0, delta: { content }, finish_reason: finish }] })}\n\n`;
const completionChunk = (text: string, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: 'c', object: 'text_completion', created: 1, model: 'fake-model', choices: [{ index: 0, text, finish_reason: finish }] })}\n\n`;

beforeAll(async () => {
  upstream = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      answers.shift()?.(res);
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const port = (upstream.address() as AddressInfo).port;
  gw = await startGateway({
    ...CORE_ONLY,
    upstream: { providers: [{ name: 'raw', type: 'openai', baseUrl: `http://127.0.0.1:${port}/v1`, models: ['fake-model'] }], retries: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 5 } },
  });
});

afterAll(async () => {
  await gw?.close();
  upstream?.closeAllConnections();
  await new Promise((resolve) => upstream?.close(resolve));
});

async function stream(path: string, body: Record<string, unknown>, answer: (res: ServerResponse) => void): Promise<string> {
  answers.push(answer);
  const res = await fetch(`${gw.baseURL}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'fake-model', stream: true, ...body }),
  });
  expect(res.status).toBe(200);
  return res.text();
}

const chat = { messages: [{ role: 'user', content: 'hi' }] };

describe('an upstream stream cut short with a clean close', () => {
  it('chat: ends with an upstream error, not [DONE]', async () => {
    const text = await stream('/chat/completions', chat, (res) => {
      res.write(chunk('The answer is '));
      res.write(chunk('4'));
      res.end();
    });
    expect(text).toContain('The answer is ');
    expect(text).toContain('"code":"upstream_error"');
    expect(text).not.toContain('[DONE]');
  });

  it('legacy completions: the same', async () => {
    const text = await stream('/completions', { prompt: 'hi' }, (res) => {
      res.write(completionChunk('partial'));
      res.end();
    });
    expect(text).toContain('"code":"upstream_error"');
    expect(text).not.toContain('[DONE]');
  });

  it('a finished choice without the upstream [DONE] is still a complete stream', async () => {
    const text = await stream('/chat/completions', chat, (res) => {
      res.write(chunk('Done.'));
      res.write(chunk('', 'stop'));
      res.end();
    });
    expect(text).not.toContain('upstream_error');
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
  });
});
