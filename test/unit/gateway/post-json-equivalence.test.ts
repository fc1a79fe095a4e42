/**
 * DeadlineOpenAI.postJson reads a non-streamed answer itself (the node transport's fetchBuffered: status,
 * headers and the whole body in the response callback) instead of the openai SDK's response machinery.
 * Property: on random upstream answers — statuses, media types, JSON values, OpenAI error bodies, non-JSON
 * and invalid UTF-8 bodies, byte-order marks, empty bodies, repeated headers, content-length or chunked
 * framing cut at random bytes (inside multi-byte characters too) and sent with pauses — it answers or
 * throws exactly what the stock SDK does: `new OpenAI(...).post()` on Node's own fetch, and `post()` of the
 * same client on the node transport.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { createNodeTransport } from '../../../src/upstream/node-fetch.js';
import { DeadlineOpenAI } from '../../../src/upstream/openai-compatible.js';
import { createRng } from '../../../datasets/lib/rng.js';
import { closeLocal, listenLocal } from '../../fixtures/local-server.js';

interface Case {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
  /** Byte offsets where the body is cut into separate writes (chunked framing unless `contentLength`). */
  cuts: number[];
  contentLength: boolean;
  pauseMs: number;
}


const STATUSES = [200, 200, 200, 201, 202, 204, 400, 401, 403, 404, 408, 409, 422, 429, 500, 502, 503, 504];
const MEDIA = ['application/json', 'application/json; charset=utf-8', 'application/problem+json', 'application/vnd.api+json', 'text/plain', 'text/html; charset=utf-8', 'application/octet-stream', undefined];
const WORDS = ['hello', '你好', 'héllo', '🙂 emoji', 'line\nbreak', 'quote "x"', 'back\\slash', '', 'ü', '\u2028'];

function makeCase(random: () => number): Case {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const text = (): string => Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(WORDS)).join(' ');
  const value = (depth: number): unknown => {
    const r = random();
    if (depth > 2 || r < 0.3) return pick([text(), Math.floor(random() * 1e6) / 100, true, false, null]);
    if (r < 0.5) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
    return Object.fromEntries(Array.from({ length: Math.floor(random() * 5) }, (_, i) => [`${pick(['id', 'choices', 'text', 'usage', '_request_id', 'x'])}${i}`, value(depth + 1)]));
  };
  const status = pick(STATUSES);
  let body: Buffer;
  const kind = random();
  if (kind < 0.3) body = Buffer.from(JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: text() } }], extra: value(0) }));
  else if (kind < 0.45) body = Buffer.from(JSON.stringify({ error: { message: text(), type: pick(['invalid_request_error', 'rate_limit', undefined]), code: pick(['c1', null, 7]), param: pick(['messages', null]) } }));
  else if (kind < 0.6) body = Buffer.from(JSON.stringify(value(0)) ?? 'null');
  else if (kind < 0.7) body = Buffer.from(`<html>${text()}</html>`);
  else if (kind < 0.75) body = Buffer.alloc(0);
  else if (kind < 0.82) body = Buffer.from(JSON.stringify({ id: 'x', text: text() }).slice(0, -1 - Math.floor(random() * 5))); // invalid JSON
  else if (kind < 0.9) body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ bom: text() }))]);
  else body = Buffer.from(Array.from({ length: 1 + Math.floor(random() * 40) }, () => Math.floor(random() * 256))); // bytes, often not UTF-8
  if (status === 204) body = Buffer.alloc(0);
  const headers: Record<string, string | string[]> = {};
  const media = pick(MEDIA);
  if (media !== undefined) headers['content-type'] = media;
  const requestId = random();
  if (requestId < 0.4) headers['x-request-id'] = `req_${Math.floor(random() * 1e6)}`;
  else if (requestId < 0.5) headers['x-request-id'] = ['req_a', 'req_b'];
  if (random() < 0.3) headers['retry-after-ms'] = String(Math.floor(random() * 2000));
  if (random() < 0.2) headers['retry-after'] = String(Math.floor(random() * 5));
  const cuts = Array.from({ length: Math.floor(random() * 4) }, () => Math.floor(random() * (body.length + 1))).sort((a, b) => a - b);
  return { status, headers, body, cuts, contentLength: random() < 0.5 || body.length === 0, pauseMs: random() < 0.3 ? Math.floor(random() * 3) : 0 };
}

const random = createRng(20261129);
const CASES: Case[] = Array.from({ length: 240 }, () => makeCase(random));
// Edge cases the generator may miss: an empty JSON answer with content-length 0, and without it.
CASES.push({ status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.alloc(0), cuts: [], contentLength: true, pauseMs: 0 });
CASES.push({ status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.alloc(0), cuts: [], contentLength: false, pauseMs: 0 });
CASES.push({ status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from('{"a":"你好"}'), cuts: [7, 8], contentLength: false, pauseMs: 2 });

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const c = CASES[Number(req.url!.split('/').pop())]!;
      const headers: Record<string, string | string[]> = { ...c.headers };
      if (c.contentLength) headers['content-length'] = String(c.body.length);
      res.writeHead(c.status, headers);
      if (c.status === 204) return res.end();
      const pieces: Buffer[] = [];
      let from = 0;
      for (const cut of [...c.cuts, c.body.length]) {
        pieces.push(c.body.subarray(from, cut));
        from = cut;
      }
      const next = (i: number): void => {
        if (i === pieces.length - 1) return void res.end(pieces[i]);
        if (pieces[i]!.length > 0) res.write(pieces[i]);
        if (c.pauseMs > 0) setTimeout(() => next(i + 1), c.pauseMs);
        else setImmediate(() => next(i + 1));
      };
      next(0);
    });
  });
  base = await listenLocal(server);
});

afterAll(async () => {
  await closeLocal(server);
});

/** The answer or the error, with everything the provider and the gateway read of either. */
async function settle(call: () => Promise<unknown>) {
  try {
    const value = await call();
    const object = value !== null && typeof value === 'object';
    return { ok: true, value, requestId: object ? (value as { _request_id?: unknown })._request_id : undefined, keys: object ? Object.keys(value) : undefined };
  } catch (err) {
    const e = err as InstanceType<typeof OpenAI.APIError>;
    return {
      ok: false,
      class: e.constructor.name,
      message: e.message,
      status: e.status,
      error: e.error,
      requestID: e.requestID,
      headers: e.headers ? [...(e.headers as Headers).entries()].filter(([name]) => name !== 'date' && name !== 'connection' && name !== 'keep-alive') : undefined,
    };
  }
}

describe('DeadlineOpenAI.postJson equals the SDK on random upstream answers', () => {
  it(`${CASES.length} answers: same value, _request_id and keys, or the same error class, status, body, message and headers`, async () => {
    const transport = createNodeTransport();
    const options = { apiKey: 'sk-eq', baseURL: base, maxRetries: 0 };
    const lean = new DeadlineOpenAI({ ...options, fetch: transport.fetch }, transport);
    const stock = new OpenAI(options); // Node's own fetch (undici): the SDK exactly as shipped
    const body = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };
    let answered = 0;
    let failed = 0;
    for (let i = 0; i < CASES.length; i++) {
      const path = `/case/${i}`;
      const got = await settle(() => lean.postJson(path, body, new AbortController().signal, 5_000));
      expect(got, `case ${i} vs stock SDK: ${JSON.stringify({ ...CASES[i], body: CASES[i]!.body.toString('hex') })}`).toEqual(await settle(() => stock.post(path, { body, timeout: 5_000 })));
      expect(got, `case ${i} vs post() on the node transport`).toEqual(await settle(() => lean.post(path, { body, signal: new AbortController().signal, timeout: 5_000 })));
      if (got.ok) answered++;
      else failed++;
    }
    // The generator reaches both sides, and parse failures among the answers.
    expect(answered).toBeGreaterThan(40);
    expect(failed).toBeGreaterThan(40);
  }, 60_000);
});
