/**
 * The /v1 JSON body reader (src/gateway/middleware/json-body.ts) on a real express app and socket:
 * the fast path and the body-parser fallback give the same bodies and the same OpenAI-shaped errors.
 */
import { Agent, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import express from 'express';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonBody } from '../../../src/gateway/middleware/json-body.js';
import { errorHandler } from '../../../src/gateway/middleware/errors.js';

let server: Server;
let port: number;

beforeAll(async () => {
  const app = express();
  app.use(jsonBody({ limit: 1024, shouldParse: (req) => !String(req.headers['content-type'] ?? '').startsWith('application/sealed') }));
  app.post('/echo', (req, res) => void res.json({ body: req.body === undefined ? '(none)' : req.body }));
  app.use(errorHandler(pino({ level: 'silent' }), 1024));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Sends the body in the given pieces (to split multi-byte characters across reads). */
// `any`: response bodies are parsed JSON whose shape each assertion checks.
function post(pieces: Buffer[], headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
  const length = pieces.reduce((n, p) => n + p.length, 0);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/echo', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(length), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    (async () => {
      for (const piece of pieces) {
        req.write(piece);
        await new Promise((r) => setTimeout(r, 5));
      }
      req.end();
    })();
  });
}

/** Whole bodies in one write each (head and body arrive together), one after another on one keep-alive connection. */
async function postAllOnOneConnection(bodies: string[]): Promise<{ status: number; text: string; socketReused: boolean }[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const out: { status: number; text: string; socketReused: boolean }[] = [];
  try {
    for (const body of bodies) {
      out.push(
        await new Promise((resolve, reject) => {
          const req = request({ host: '127.0.0.1', port, path: '/echo', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (text += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text, socketReused: req.reusedSocket }));
          });
          req.on('error', reject);
          req.end(body);
        }),
      );
    }
  } finally {
    agent.destroy();
  }
  return out;
}

describe('jsonBody', () => {
  it('takes a body that arrived with the head at once, and the connection serves the next requests', async () => {
    const answers = await postAllOnOneConnection(['{"n":1,"t":"你好"}', '{"n":', '{"n":3}', '[4]']);
    expect(answers.map((a) => a.status)).toEqual([200, 400, 200, 200]);
    expect(JSON.parse(answers[0]!.text)).toEqual({ body: { n: 1, t: '你好' } });
    expect(JSON.parse(answers[1]!.text).error.code).toBe('invalid_json');
    expect(JSON.parse(answers[2]!.text)).toEqual({ body: { n: 3 } });
    expect(JSON.parse(answers[3]!.text)).toEqual({ body: [4] });
    expect(answers.slice(1).every((a) => a.socketReused)).toBe(true);
  });

  it('parses JSON, including a multi-byte character split across reads and a leading BOM', async () => {
    const bytes = Buffer.from(JSON.stringify({ model: 'm', text: '你好 héllo' }));
    const cut = bytes.indexOf(Buffer.from('你')) + 1; // inside the first CJK character
    expect(await post([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual({ status: 200, json: { body: { model: 'm', text: '你好 héllo' } } });
    expect(await post([Buffer.from('\uFEFF{"a":[1,2]}')])).toEqual({ status: 200, json: { body: { a: [1, 2] } } });
    expect(await post([Buffer.from('  [1]')], { 'content-type': 'application/json; charset=UTF-8' })).toEqual({ status: 200, json: { body: [1] } });
  });

  it('answers malformed and non-object JSON with 400 invalid_json', async () => {
    for (const text of ['{"a":', '123', '"text"', 'null']) {
      const res = await post([Buffer.from(text)]);
      expect(res.status).toBe(400);
      expect(res.json.error).toMatchObject({ code: 'invalid_json', type: 'invalid_request_error' });
    }
  });

  it('answers a compressed body that does not decompress with 400 invalid_content_encoding naming the encoding', async () => {
    const json = Buffer.from('{"zipped":true}');
    const gzipped = gzipSync(json);
    const corrupt: Array<[string, Buffer]> = [
      ['gzip', Buffer.from('not compressed at all {}')],
      ['gzip', gzipped.subarray(0, gzipped.length - 6)], // truncated
      ['deflate', Buffer.from('not compressed at all {}')],
      ['br', Buffer.from('not compressed at all {}')],
    ];
    for (const [encoding, body] of corrupt) {
      const res = await post([body], { 'content-encoding': encoding });
      expect(res.status).toBe(400);
      expect(res.json.error).toEqual({
        message: `The request body is not valid ${encoding} data: it could not be decompressed as its Content-Encoding says.`,
        type: 'invalid_request_error',
        code: 'invalid_content_encoding',
        param: null,
      });
    }
    // The same bodies compressed properly still parse; an encoding the gateway does not read is still 415.
    expect(await post([deflateSync(json)], { 'content-encoding': 'deflate' })).toEqual({ status: 200, json: { body: { zipped: true } } });
    expect(await post([brotliCompressSync(json)], { 'content-encoding': 'br' })).toEqual({ status: 200, json: { body: { zipped: true } } });
    const unknown = await post([json], { 'content-encoding': 'compress' });
    expect(unknown.status).toBe(415);
    expect(unknown.json.error.code).toBe('unsupported_encoding');
  });

  it('leaves the edges to body-parser: empty body, over the limit, gzip, other charsets, unparsed types', async () => {
    expect(await post([])).toEqual({ status: 200, json: { body: {} } });
    const big = await post([Buffer.from(JSON.stringify({ text: 'x'.repeat(2000) }))]);
    expect(big.status).toBe(413);
    expect(big.json.error.code).toBe('request_too_large');
    expect(await post([gzipSync(Buffer.from('{"zipped":true}'))], { 'content-encoding': 'gzip' })).toEqual({ status: 200, json: { body: { zipped: true } } });
    const latin = await post([Buffer.from('{"a":1}')], { 'content-type': 'application/json; charset=latin1' });
    expect(latin.status).toBe(415);
    expect(await post([Buffer.from('sealed bytes')], { 'content-type': 'application/sealed+octet' })).toEqual({ status: 200, json: { body: '(none)' } });
  });
});
