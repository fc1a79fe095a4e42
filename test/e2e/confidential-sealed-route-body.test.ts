/**
 * What a sealed route answers for bodies that are not what it reads (QA of confidential mode):
 *  - a sealed request whose media type is spelled in capitals is still a sealed request (media types
 *    are case-insensitive, RFC 9110 §8.3.1): the /v1 JSON reader parsed it and answered 400 invalid_json;
 *  - a body of another type (text, form, none) is 415 unsupported_media_type, as the route means to
 *    answer: the JSON reader refused it first with 400 invalid_json;
 *  - a sealed body over confidential.maxRequestBytes is 413 naming that limit, not server.bodyLimit;
 *  - and it is 413 with a Content-Length too: the rate limiter (which runs before the route reads the body)
 *    estimated Content-Length / 4 tokens and answered 429 rate_limit_exceeded, which the SDK retries.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, startConfidentialGateway, type ConfidentialSetup } from './confidential-fixture.js';

let setup: ConfidentialSetup;
const MAX_SEALED = 2 * 1024 * 1024;

beforeAll(async () => {
  setup = await startConfidentialGateway({ guardrails: { enabled: false }, confidential: { maxRequestBytes: MAX_SEALED } });
}, 60_000);
afterAll(async () => {
  await setup?.close();
});

const PATH = '/v1/confidential/chat/completions';

/** A POST over node:http (chunked when asked, so no Content-Length lets the rate limiter refuse first). */
function post(headers: Record<string, string>, body: Buffer, chunked = false, declaredOnly = false): Promise<{ status: number; body: { error?: { code?: string; message?: string } } }> {
  return new Promise((resolve, reject) => {
    const url = new URL(setup.gw.url + PATH);
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { authorization: `Bearer ${setup.gw.apiKey}`, ...headers, ...(chunked ? {} : { 'content-length': String(body.length) }) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          if (declaredOnly) req.destroy();
          resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as { error?: { code?: string } } });
        });
      },
    );
    // The gateway may answer (413) and close before a large body is written: the answer still arrives, and a write
    // still under way fails on the closed socket (EPIPE / ECONNRESET, on the request or on its socket after it).
    const closedEarly = (err: NodeJS.ErrnoException) => err.code === 'EPIPE' || err.code === 'ECONNRESET';
    req.on('error', (err: NodeJS.ErrnoException) => (closedEarly(err) ? undefined : reject(err)));
    req.on('socket', (socket) => socket.on('error', () => undefined));
    if (declaredOnly) {
      // Only the head and a first part: the answer must come from the declared length alone.
      req.write(body.subarray(0, 64 * 1024));
    } else if (chunked) {
      for (let at = 0; at < body.length; at += 64 * 1024) req.write(body.subarray(at, at + 64 * 1024));
      req.end();
    } else req.end(body);
  });
}

describe('sealed routes and the bodies they do not read', () => {
  it('a sealed request labelled MESSAGE/SEALGATE-REQUEST is answered like any sealed request', async () => {
    const { openai } = setup.client({
      onRequest: (url, init) => {
        if (!url.includes('/v1/confidential/')) return { url, init };
        const headers = new Headers(init.headers);
        headers.set('content-type', 'MESSAGE/SEALGATE-REQUEST');
        return { url, init: { ...init, headers } };
      },
    });
    const answer = await openai.chat.completions.create(ask('upper-case media type'));
    expect(answer.choices[0]!.message.content).toContain('upper-case media type');
  });

  it.each([
    ['text/plain', 'hello'],
    ['application/x-www-form-urlencoded', 'a=b'],
    ['application/octet-stream', '\u0002\u0000'],
    [undefined, 'hello'],
    ['application/json', '{"model":"fake-model","messages":[{"role":"user","content":"in clear"}]}'],
    ['application/json', '{not json'],
  ])('a %s body is 415 unsupported_media_type', async (type, text) => {
    const reply = await post(type ? { 'content-type': type } : {}, Buffer.from(text));
    expect(reply).toMatchObject({ status: 415, body: { error: { code: 'unsupported_media_type' } } });
    expect(setup.fake.requests.some((r) => JSON.stringify(r.body).includes('in clear'))).toBe(false);
  });

  it('a sealed body over confidential.maxRequestBytes is 413 naming that limit', async () => {
    const reply = await post({ 'content-type': 'message/sealgate-request' }, Buffer.alloc(MAX_SEALED + 1024, 2), true);
    expect(reply.status).toBe(413);
    expect(reply.body.error).toMatchObject({ code: 'request_too_large' });
    expect(reply.body.error?.message).toContain(`limit ${MAX_SEALED} bytes`);
  });

  it('a sealed body over the limit with a Content-Length is 413, not a 429 from the token estimate', async () => {
    const size = 9 * 1024 * 1024;
    const reply = await post({ 'content-type': 'message/sealgate-request' }, Buffer.alloc(size, 2), false, true);
    expect(reply.status).toBe(413);
    expect(reply.body.error).toMatchObject({ code: 'request_too_large' });
    expect(reply.body.error?.message).toContain(`limit ${MAX_SEALED} bytes`);
  });
});
