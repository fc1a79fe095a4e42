/**
 * Two Authorization headers: node keeps the first and drops the rest (`req.headers.authorization`), so the
 * gateway authenticated whichever credential came first, silently. Ambiguous credentials are refused: a 400
 * in OpenAI's shape, whichever order and whether or not either credential is valid, and without echoing them.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { CORE_ONLY, fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';
import { FileKeyStore } from '../../src/store/key-store/file.js';
import { createKey } from '../../src/cli/keys.js';

let fake: FakeUpstream;
let gw: TestGateway;
let acmeKey: string;
beforeAll(async () => {
  fake = await startFakeUpstream();
  gw = await startGateway({ ...CORE_ONLY, upstream: { providers: [fakeProvider(fake)] } });
  acmeKey = (await createKey(new FileKeyStore(gw.config.access.keysFile), { tenant: 'acme' })).key;
});
afterAll(async () => {
  await gw?.close();
  await fake?.close();
});

function raw(authorizations: string[], path = '/v1/models'): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const head = [`GET ${path} HTTP/1.1`, 'Host: x', ...authorizations.map((a) => `Authorization: ${a}`), 'Connection: close', '', ''].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket = connect(gw.running.port, '127.0.0.1', () => socket.write(head));
    let out = '';
    socket.on('data', (d: Buffer) => (out += d.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => {
      const [headText = '', body = ''] = out.split('\r\n\r\n');
      const [statusLine, ...lines] = headText.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine?.split(' ')[1]), headers, body });
    });
  });
}

describe('two Authorization headers', () => {
  it.each([
    ['valid then invalid', () => [`Bearer ${gw.apiKey}`, 'Bearer sk-wrong-credential']],
    ['invalid then valid', () => ['Bearer sk-wrong-credential', `Bearer ${gw.apiKey}`]],
    ['two valid keys of different tenants', () => [`Bearer ${gw.apiKey}`, `Bearer ${acmeKey}`]],
    ['the same key twice', () => [`Bearer ${gw.apiKey}`, `Bearer ${gw.apiKey}`]],
  ])('%s: refused 400 in OpenAI shape, credentials not echoed', async (_name, auths) => {
    const answer = await raw(auths());
    expect(answer.status).toBe(400);
    expect(answer.headers['x-request-id']).toMatch(/^req_/);
    const body = JSON.parse(answer.body) as { error: Record<string, unknown> };
    expect(body).toEqual({ error: { message: expect.stringContaining('Authorization'), type: 'invalid_request_error', code: 'multiple_authorization_headers', param: null } });
    expect(answer.body).not.toContain(gw.apiKey);
    expect(answer.body).not.toContain('sk-wrong-credential');
  });

  it('one Authorization header is served as before', async () => {
    expect((await raw([`Bearer ${gw.apiKey}`])).status).toBe(200);
    expect((await raw([`Bearer ${acmeKey}`])).status).toBe(200);
  });
});
