/**
 * A CONNECT request (a client whose HTTPS_PROXY points at the gateway) never reached express: node closes such a
 * connection without a word when nobody listens for 'connect', so the client saw "socket hang up". It now gets a
 * 405 in OpenAI's error shape with an x-request-id, saying the gateway is not a proxy, and the connection closes.
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

describe('CONNECT', () => {
  it('is a 405 in OpenAI shape with an x-request-id, and the connection closes', async () => {
    const answer = await raw('CONNECT api.openai.com:443 HTTP/1.1\r\nHost: api.openai.com:443\r\n\r\n');
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    const [statusLine, ...lines] = head.split('\r\n');
    const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
    expect(statusLine).toBe('HTTP/1.1 405 Method Not Allowed');
    expect(headers['x-request-id']).toMatch(/^req_[0-9a-f]{32}$/);
    expect(headers.connection).toBe('close');
    expect(JSON.parse(body)).toEqual({ error: { message: expect.stringContaining('proxy'), type: 'invalid_request_error', code: 'method_not_allowed', param: null } });
  });

  it('the server still serves the next connection', async () => {
    expect(await raw('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1.1 200/);
  });
});
