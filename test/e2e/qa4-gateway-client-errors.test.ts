/**
 * QA round 4: requests node's HTTP parser refuses (a malformed header or request line, headers over
 * the limit) never reach express, and node's own answer was a bare status line followed by a reset (a
 * client usually saw ECONNRESET and no answer): no OpenAI error body, no x-request-id. They now get both.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORE_ONLY, startGateway, type TestGateway } from '../fixtures/gateway.js';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startGateway({ ...CORE_ONLY });
});
afterAll(async () => {
  await gw?.close();
});

function raw(request: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(gw.running.port, '127.0.0.1', () => socket.write(request));
    let out = '';
    socket.on('data', (d: Buffer) => (out += d.toString('latin1')));
    socket.on('close', () => resolve(out));
    socket.on('error', () => undefined);
  });
}

function parse(answer: string) {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  const [statusLine, ...headerLines] = head.split('\r\n');
  const headers = Object.fromEntries(headerLines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine?.split(' ')[1]), headers, body: body ? (JSON.parse(body) as { error: Record<string, unknown> }) : undefined };
}

describe('requests the HTTP parser refuses', () => {
  it.each([
    ['a malformed header', 'POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n', 400, 'invalid_http_request'],
    ['a malformed request line', 'GARBAGE\r\n\r\n', 400, 'invalid_http_request'],
    ['headers over the limit', `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431, 'request_headers_too_large'],
  ])('%s: OpenAI error shape with an x-request-id', async (_name, request, status, code) => {
    const answer = parse(await raw(request));
    expect(answer.status).toBe(status);
    expect(answer.headers['x-request-id']).toMatch(/^req_[0-9a-f]{32}$/);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(answer.body).toEqual({ error: { message: expect.any(String), type: 'invalid_request_error', code, param: null } });
  });

  it('a well-formed request on a fresh connection is still served', async () => {
    expect(parse(await raw('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).status).toBe(200);
  });
});
