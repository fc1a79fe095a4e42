/**
 * The upstream transport sent no Accept-Encoding and decodes no content coding. Without the header, "any
 * content coding is considered acceptable" (RFC 9110 §12.5.3): an upstream (or the proxy in front of it) that
 * compresses its answers then sent gzip, and every call was a 502 "upstream failed (connection)", streamed or
 * not, where the stock SDK (fetch asks for gzip and decodes it) worked. The transport now asks for `identity`.
 * The upstream here behaves as such a server does: gzip unless the request says it accepts only identity.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORE_ONLY, startGateway, type TestGateway } from '../fixtures/gateway.js';

let upstream: Server;
let gw: TestGateway;
const seen: (string | undefined)[] = [];

const completion = { id: 'chatcmpl-1', object: 'chat.completion', created: 1, model: 'fake-model', choices: [{ index: 0, message: { role: 'assistant', content: 'plain answer' }, finish_reason: 'stop' }] };
const chunk = (delta: Record<string, unknown>, finish: string | null) =>
  `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'fake-model', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

function answer(req: IncomingMessage, res: ServerResponse, contentType: string, body: string): void {
  const accepted = req.headers['accept-encoding'];
  seen.push(accepted);
  // Compress unless the client accepts only identity (a missing header accepts any coding).
  const compress = !(accepted && /^\s*identity\s*$/i.test(accepted));
  res.writeHead(200, { 'content-type': contentType, ...(compress ? { 'content-encoding': 'gzip' } : {}) });
  res.end(compress ? gzipSync(body) : body);
}

beforeAll(async () => {
  upstream = createServer((req, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString('utf8')));
    req.on('end', () => {
      if (req.url?.endsWith('/models')) return answer(req, res, 'application/json', JSON.stringify({ object: 'list', data: [] }));
      const body = JSON.parse(raw) as { stream?: boolean };
      if (body.stream) return answer(req, res, 'text/event-stream', chunk({ role: 'assistant', content: 'streamed ' }, null) + chunk({ content: 'answer' }, null) + chunk({}, 'stop') + 'data: [DONE]\n\n');
      answer(req, res, 'application/json', JSON.stringify(completion));
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const port = (upstream.address() as AddressInfo).port;
  gw = await startGateway({
    ...CORE_ONLY,
    upstream: { providers: [{ name: 'zip', type: 'openai', baseUrl: `http://127.0.0.1:${port}/v1`, models: ['fake-model'] }], retries: { maxAttempts: 1 } },
  });
});
afterAll(async () => {
  await gw?.close();
  upstream?.closeAllConnections();
  await new Promise((resolve) => upstream?.close(resolve));
});

describe('an upstream that compresses unless asked not to', () => {
  it('a non-streamed answer arrives', async () => {
    const out = await gw.client().chat.completions.create({ model: 'fake-model', messages: [{ role: 'user', content: 'hi' }] });
    expect(out.choices[0]!.message.content).toBe('plain answer');
    expect(seen.at(-1)).toBe('identity');
  });

  it('a streamed answer arrives', async () => {
    const stream = await gw.client().chat.completions.create({ model: 'fake-model', stream: true, messages: [{ role: 'user', content: 'hi' }] });
    let text = '';
    for await (const c of stream) text += c.choices[0]?.delta.content ?? '';
    expect(text).toBe('streamed answer');
    expect(seen.at(-1)).toBe('identity');
  });
});
