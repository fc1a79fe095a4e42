/**
 * A request with an `Expect` header other than 100-continue: node answered a bare 417 with no body and no
 * x-request-id. It is now a 417 in OpenAI's error shape with an x-request-id, and 100-continue (which curl and
 * the SDK's HTTP stacks send for large bodies) still gets its interim 100 and the real answer.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORE_ONLY, fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';

let fake: FakeUpstream;
let gw: TestGateway;
beforeAll(async () => {
  fake = await startFakeUpstream();
  gw = await startGateway({ ...CORE_ONLY, upstream: { providers: [fakeProvider(fake)] } });
});
afterAll(async () => {
  await gw?.close();
  await fake?.close();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  continued: boolean;
}

function post(expectHeader: string): Promise<Answer> {
  const body = JSON.stringify({ model: 'fake-model', messages: [{ role: 'user', content: 'hello' }] });
  return new Promise((resolve, reject) => {
    let continued = false;
    const req = request(
      `${gw.baseURL}/chat/completions`,
      { method: 'POST', headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: expectHeader } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, continued }));
      },
    );
    req.on('error', reject);
    if (expectHeader.toLowerCase() === '100-continue') {
      req.on('continue', () => {
        continued = true;
        req.end(body);
      });
    } else {
      req.end(body);
    }
  });
}

describe('the Expect header', () => {
  it('an unsupported expectation is a 417 in OpenAI shape with an x-request-id', async () => {
    const answer = await post('foo');
    expect(answer.status).toBe(417);
    expect(answer.headers['x-request-id']).toMatch(/^req_[0-9a-f]{32}$/);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(answer.body)).toEqual({
      error: { message: expect.stringContaining('Expect'), type: 'invalid_request_error', code: 'expectation_failed', param: null },
    });
  });

  it('the unsupported value is not echoed', async () => {
    const answer = await post('secret-value-xyz');
    expect(answer.status).toBe(417);
    expect(answer.body).not.toContain('secret-value-xyz');
  });

  it('100-continue gets the interim 100 and the completion', async () => {
    const answer = await post('100-continue');
    expect(answer.continued).toBe(true);
    expect(answer.status).toBe(200);
    expect(answer.headers['x-request-id']).toMatch(/^req_/);
    expect(JSON.parse(answer.body)).toMatchObject({ object: 'chat.completion' });
  });

  it('100-Continue in another case still continues', async () => {
    const answer = await post('100-Continue');
    expect(answer.continued).toBe(true);
    expect(answer.status).toBe(200);
  });
});
