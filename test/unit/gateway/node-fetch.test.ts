/**
 * The node:http transport handed to the openai SDK (src/upstream/node-fetch.ts), against a real
 * local HTTP server: lean responses for successes, real `Response`s for errors, aborts, and no
 * crash when a stream is stopped after its body has fully arrived.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { createNodeFetch, createNodeTransport, ResponseTooLargeError } from '../../../src/upstream/node-fetch.js';
import { createOpenAICompatibleProvider, DeadlineOpenAI } from '../../../src/upstream/openai-compatible.js';
import { UpstreamError } from '../../../src/upstream/types.js';
import { closeLocal, listenLocal } from '../../fixtures/local-server.js';

let server: Server;
let base: string;
const seen: { method?: string; url?: string; headers?: Record<string, unknown>; body?: string }[] = [];
/** Requests to the never-answering paths whose connection the client closed. */
let hangsClosed = 0;
let connections = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    if (req.url?.startsWith('/v1/hang')) req.socket.once('close', () => hangsClosed++);
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      const path = req.url?.split('?')[0];
      if (path === '/v1/slowbody/chat/completions') {
        // The head at once, the end of the body after 150 ms: a head deadline must not cut it.
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"id":"slow",');
        setTimeout(() => res.end('"text":"late but whole"}'), 150);
      } else if (path === '/v1/cutbody/chat/completions') {
        // Part of the body, then the connection drops.
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"id":"cut",');
        setTimeout(() => res.destroy(), 20);
      } else if (path === '/v1/chat/completions' && body.includes('"stream":true')) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        // Whole stream in one write: the body is complete before the client reads it.
        res.end('data: {"n":1}\n\ndata: {"n":2}\n\ndata: {"n":3}\n\ndata: [DONE]\n\n');
      } else if (path === '/v1/chat/completions') {
        res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_up_1', 'set-cookie': ['a=1', 'b=2'] });
        res.end(JSON.stringify({ id: 'x', text: 'héllo 你好' }));
      } else if (req.url === '/v1/limited') {
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after-ms': '250' });
        res.end(JSON.stringify({ error: { message: 'slow down', type: 'rate_limit', code: 'rl', param: null } }));
      } else if (req.url === '/v1/plain') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('just text');
      } else if (req.url === '/v1/badtext') {
        res.writeHead(502, { 'content-type': 'text/html' });
        res.end('<html>bad gateway</html>');
      } else if (req.url === '/v1/empty') {
        res.writeHead(204);
        res.end();
      } else if (req.url?.startsWith('/v1/hang')) {
        // Never answers: only an abort ends this request.
      } else {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end('{"error":{"message":"nope"}}');
      }
    });
  });
  server.on('connection', () => connections++);
  base = await listenLocal(server);
});

afterAll(async () => {
  await closeLocal(server);
});

describe('createNodeFetch', () => {
  const nodeFetch = createNodeFetch();

  it('sends method, headers and body; a success reads as JSON with its headers', async () => {
    const res = await nodeFetch(`${base}/chat/completions?x=1`, { method: 'POST', headers: new Headers({ 'x-test': 'yes', 'content-type': 'application/json' }), body: '{"a":1}' });
    expect(res.ok).toBe(true);
    expect(res.status).toBe(200);
    expect(res.headers.get('X-Request-Id')).toBe('req_up_1');
    expect(res.headers.get('set-cookie')).toBe('a=1, b=2');
    expect(res.headers.has('content-type')).toBe(true);
    expect([...res.headers.entries()].map(([name]) => name)).toEqual(expect.arrayContaining(['content-type', 'x-request-id']));
    expect(await res.json()).toEqual({ id: 'x', text: 'héllo 你好' });
    expect(res.bodyUsed).toBe(true);
    await expect(res.text()).rejects.toThrow(/already been read/);
    expect(seen.at(-1)).toMatchObject({ method: 'POST', url: '/v1/chat/completions?x=1', body: '{"a":1}', headers: { 'x-test': 'yes' } });
  });

  it('an error status is a real Response the SDK can read', async () => {
    const res = await nodeFetch(`${base}/limited`, { method: 'GET' });
    expect(res).toBeInstanceOf(Response);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after-ms')).toBe('250');
    expect(await res.json()).toMatchObject({ error: { message: 'slow down' } });
  });

  it('a null-body status has no body', async () => {
    const res = await nodeFetch(`${base}/empty`, { method: 'GET' });
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
    expect(await res.text()).toBe('');
  });

  it('an abort before the answer rejects with an AbortError', async () => {
    const controller = new AbortController();
    const pending = nodeFetch(`${base}/hang`, { method: 'GET', signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(nodeFetch(`${base}/hang`, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects body types it cannot send', async () => {
    await expect(nodeFetch(`${base}/chat/completions`, { method: 'POST', body: new Blob(['x']) })).rejects.toThrow(/unsupported request body/);
  });

  it('drives the openai SDK: JSON, SSE, errors with headers, and an early stop after the whole body arrived', async () => {
    const client = new OpenAI({ apiKey: 'k', baseURL: base, maxRetries: 0, fetch: createNodeFetch() });
    const json = await client.post<{ text: string }>('/chat/completions', { body: { model: 'm' } });
    expect(json.text).toBe('héllo 你好');

    const events = (await client.post('/chat/completions', { body: { model: 'm', stream: true }, stream: true })) as unknown as AsyncIterable<{ n: number }>;
    const all: number[] = [];
    for await (const event of events) all.push(event.n);
    expect(all).toEqual([1, 2, 3]);

    // Stop after the first event as the router does (abort, then return) while the whole body has
    // already arrived: the abort destroys a socket node no longer listens to. That must not crash.
    const crashes: unknown[] = [];
    const onUncaught = (err: unknown) => crashes.push(err);
    process.on('uncaughtException', onUncaught);
    try {
      const controller = new AbortController();
      const again = (await client.post('/chat/completions', { body: { model: 'm', stream: true }, stream: true, signal: controller.signal })) as unknown as AsyncIterable<{ n: number }>;
      const iterator = again[Symbol.asyncIterator]();
      expect((await iterator.next()).value).toEqual({ n: 1 });
      controller.abort();
      await iterator.return?.();
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    expect(crashes).toEqual([]);

    const error = await client.post('/limited', { body: {} }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect((error as InstanceType<typeof OpenAI.APIError>).headers?.get('retry-after-ms')).toBe('250');
  });
});

describe('createNodeTransport: maxResponseBytes', () => {
  const post = { method: 'POST', body: '{"model":"m"}', headers: { 'content-type': 'application/json' } };

  it('a body (2xx or error) past the cap rejects, also when only its Content-Length is over; at the cap it arrives whole', async () => {
    const small = createNodeTransport({ maxResponseBytes: 16 });
    await expect(small.fetchBuffered(`${base}/chat/completions`, post, 2_000)).rejects.toBeInstanceOf(ResponseTooLargeError);
    // Declared 100 bytes, sends 12 then hangs up: refused from the head, before any body read.
    await expect(createNodeTransport({ maxResponseBytes: 50 }).fetchBuffered(`${base}/cutbody/chat/completions`, post, 2_000)).rejects.toBeInstanceOf(ResponseTooLargeError);
    await expect(small.fetch(`${base}/limited`, post)).rejects.toBeInstanceOf(ResponseTooLargeError);
    const whole = JSON.stringify({ id: 'x', text: 'héllo 你好' });
    const exact = await createNodeTransport({ maxResponseBytes: Buffer.byteLength(whole) }).fetchBuffered(`${base}/chat/completions`, post, 2_000);
    expect(exact.body.toString()).toBe(whole);
  });

  it("the SDK's own stream path (iterating the response) stops at the cap too", async () => {
    const client = new OpenAI({ apiKey: 'k', baseURL: base, maxRetries: 0, fetch: createNodeTransport({ maxResponseBytes: 20 }).fetch });
    const events = (await client.post('/chat/completions', { body: { model: 'm', stream: true }, stream: true })) as unknown as AsyncIterable<{ n: number }>;
    const seenEvents: number[] = [];
    const failure = await (async () => {
      for await (const event of events) seenEvents.push(event.n);
    })().catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(ResponseTooLargeError);
    expect(seenEvents.length).toBeLessThan(3);
  });
});

describe('createNodeTransport: deadline for the response head', () => {
  const transport = createNodeTransport();

  it('destroys a request with no answer by the deadline, as an AbortError that says it timed out', async () => {
    const closedBefore = hangsClosed;
    const error = await transport.fetchWithDeadline(`${base}/hang`, { method: 'POST', body: '{}' }, 80).catch((err: unknown) => err);
    expect(error).toMatchObject({ name: 'AbortError', message: expect.stringMatching(/timed out/) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hangsClosed).toBe(closedBefore + 1);
  });

  it('a head in time clears the deadline: a body that ends after it still arrives whole', async () => {
    const res = await transport.fetchWithDeadline(`${base}/slowbody/chat/completions`, { method: 'POST', body: '{}' }, 50);
    expect(await res.json()).toEqual({ id: 'slow', text: 'late but whole' });
  });
});

describe('openai-compatible provider (non-streamed calls through the deadline transport)', () => {
  const body = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };

  it('answers with the SDK headers and the bearer key on every call, over one keep-alive connection', async () => {
    const provider = createOpenAICompatibleProvider({ name: 'up', baseUrl: base, apiKey: 'sk-test-key', models: ['m'] });
    const from = seen.length;
    const connectionsBefore = connections;
    for (let i = 0; i < 3; i++) {
      const result = await provider.call({ surface: 'chat.completions', body, signal: new AbortController().signal, timeoutMs: 5_000 });
      expect(result).toEqual({ kind: 'json', body: { id: 'x', text: 'héllo 你好' } });
    }
    // A body read whole at once still ends its stream, which hands the socket back to the pool.
    expect(connections - connectionsBefore).toBe(1);
    const sent = seen.slice(from);
    expect(sent).toHaveLength(3);
    for (const request of sent) {
      expect(request.headers).toMatchObject({ authorization: 'Bearer sk-test-key', 'content-type': 'application/json', 'x-stainless-timeout': '5' });
      expect(JSON.parse(request.body ?? '')).toEqual(body);
    }
  });

  it('maps a missed deadline to a timeout and a cancelled request to aborted, closing the connection', async () => {
    const provider = createOpenAICompatibleProvider({ name: 'up', baseUrl: `${base}/hang`, models: ['m'] });
    const closedBefore = hangsClosed;
    const timedOut = await provider.call({ surface: 'chat.completions', body, signal: new AbortController().signal, timeoutMs: 80 }).catch((err: unknown) => err);
    expect(timedOut).toBeInstanceOf(UpstreamError);
    expect((timedOut as UpstreamError).kind).toBe('timeout');

    const controller = new AbortController();
    setTimeout(() => controller.abort(), 40);
    const cancelled = await provider.call({ surface: 'chat.completions', body, signal: controller.signal, timeoutMs: 5_000 }).catch((err: unknown) => err);
    expect((cancelled as UpstreamError).kind).toBe('aborted');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hangsClosed).toBe(closedBefore + 2);
  });
});

describe('openai-compatible provider: failures after the response head of a non-streamed answer', () => {
  const body = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };
  const call = (baseUrl: string, signal: AbortSignal, timeoutMs: number) =>
    createOpenAICompatibleProvider({ name: 'up', baseUrl, models: ['m'] })
      .call({ surface: 'chat.completions', body, signal, timeoutMs })
      .catch((err: unknown) => err);

  it('the deadline covers the body: a body still incomplete at the deadline is a timeout, one in time arrives whole', async () => {
    const late = await call(`${base}/slowbody`, new AbortController().signal, 60);
    expect(late).toBeInstanceOf(UpstreamError);
    expect(late).toMatchObject({ kind: 'timeout', message: 'upstream timed out' });
    expect(await call(`${base}/slowbody`, new AbortController().signal, 1_000)).toEqual({ kind: 'json', body: { id: 'slow', text: 'late but whole' } });
  });

  it('a cancel during the body is aborted; a connection lost during the body is a connection failure, never a partial answer', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect(await call(`${base}/slowbody`, controller.signal, 5_000)).toMatchObject({ kind: 'aborted', message: 'request cancelled' });
    const cut = await call(`${base}/cutbody`, new AbortController().signal, 5_000);
    expect(cut).toBeInstanceOf(UpstreamError);
    expect(cut).toMatchObject({ kind: 'connection', message: 'upstream connection failed' });
  });
});

describe('DeadlineOpenAI.buildRequest: the lean path builds what the SDK builds', () => {
  const transport = createNodeTransport();
  const client = new DeadlineOpenAI({ apiKey: 'sk-equal', baseURL: 'http://127.0.0.1:9/v1', maxRetries: 0, defaultHeaders: { 'x-custom': 'c1' }, fetch: transport.fetch }, transport);
  const sdkBuild = (options: Parameters<OpenAI['buildRequest']>[0]) => OpenAI.prototype.buildRequest.call(client, options);
  const asEntries = (headers: unknown) => [...new Headers(headers as HeadersInit).entries()].sort();

  it('same URL, method, headers, body, signal and timeout as the SDK for the gateway’s JSON POSTs', async () => {
    const signal = new AbortController().signal;
    for (const [path, timeout] of [['/chat/completions', 30_000], ['/responses', 1_500], ['/embeddings', 600_000], ['/completions', 999]] as const) {
      const body = { model: 'm', messages: [{ role: 'user', content: 'héllo 你好' }], tools: [{ type: 'function' }], n: 2 };
      const options = { method: 'post' as const, path, body, timeout, signal };
      const lean = await client.buildRequest({ ...options });
      const sdk = await sdkBuild({ ...options });
      expect(lean.url).toBe(sdk.url);
      expect(lean.timeout).toBe(sdk.timeout);
      expect(lean.req.method).toBe(sdk.req.method);
      expect(lean.req.signal).toBe(signal);
      expect(lean.req.body).toBe(sdk.req.body);
      expect(asEntries(lean.req.headers)).toEqual(asEntries(sdk.req.headers));
      expect(asEntries(lean.req.headers)).toContainEqual(['authorization', 'Bearer sk-equal']);
      expect(asEntries(lean.req.headers)).toContainEqual(['x-custom', 'c1']);
    }
    // A streamed call (the stream client is the same class without the deadline transport) builds the same too.
    const streamed = { method: 'post' as const, path: '/chat/completions', body: { model: 'm', stream: true }, timeout: 30_000, signal, stream: true };
    const lean = await client.buildRequest({ ...streamed });
    const sdk = await sdkBuild({ ...streamed });
    expect([lean.url, lean.req.body, asEntries(lean.req.headers)]).toEqual([sdk.url, sdk.req.body, asEntries(sdk.req.headers)]);
  });

  it('leaves every other shape to the SDK (query, per-call headers, retries, non-object bodies)', async () => {
    const base = { method: 'post' as const, path: '/chat/completions', body: { a: 1 }, timeout: 5_000 };
    for (const options of [{ ...base, query: { x: '1' } }, { ...base, headers: { 'x-per-call': 'p' } }, { ...base, body: 'raw text' }, { ...base, method: 'get' as const, body: undefined }]) {
      const lean = await client.buildRequest({ ...options });
      const sdk = await sdkBuild({ ...options });
      expect(lean.url).toBe(sdk.url);
      expect(asEntries(lean.req.headers)).toEqual(asEntries(sdk.req.headers));
      expect(lean.req.headers).toBeInstanceOf(Headers); // the SDK's own object: this shape was not taken over
    }
    const retried = await client.buildRequest({ ...base }, { retryCount: 1 });
    expect(asEntries(retried.req.headers)).toContainEqual(['x-stainless-retry-count', '1']);
  });
});

describe('DeadlineOpenAI.postJson: what post() answers or throws, without its per-call machinery', () => {
  const transport = createNodeTransport();
  let client: DeadlineOpenAI;
  beforeAll(() => {
    // `base` is known once the server listens.
    client = new DeadlineOpenAI({ apiKey: 'sk-same', baseURL: base, maxRetries: 0, fetch: transport.fetch }, transport);
  });
  const body = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };
  /** The answer or the error, with what the provider and the gateway read of them. */
  const settle = async (call: () => Promise<unknown>) => {
    try {
      const value = await call();
      const requestId = value && typeof value === 'object' ? (value as { _request_id?: unknown })._request_id : undefined;
      return { ok: true, value, requestId, keys: value && typeof value === 'object' ? Object.keys(value) : undefined };
    } catch (err) {
      const e = err as InstanceType<typeof OpenAI.APIError>;
      return { ok: false, class: e.constructor.name, status: e.status, error: e.error, message: e.message, retryAfter: e.headers?.get?.('retry-after-ms') };
    }
  };

  it('answers, and fails, as post() does for every kind of upstream answer', async () => {
    for (const path of ['/chat/completions', '/plain', '/empty', '/limited', '/badtext', '/nowhere']) {
      const viaPost = await settle(() => client.post(path, { body, signal: new AbortController().signal, timeout: 5_000 }));
      const lean = await settle(() => client.postJson(path, body, new AbortController().signal, 5_000));
      expect(lean, path).toEqual(viaPost);
    }
    expect(await client.postJson('/chat/completions', body, undefined, 5_000)).toEqual({ id: 'x', text: 'héllo 你好' });
  });

  it('times out, is cancelled and fails to connect as post() does', async () => {
    const hang = await settle(() => client.postJson('/hang', body, new AbortController().signal, 60));
    expect(hang).toEqual(await settle(() => client.post('/hang', { body, signal: new AbortController().signal, timeout: 60 })));
    expect(hang.class).toBe('APIConnectionTimeoutError');

    const cancel = (ms: number) => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), ms);
      return controller.signal;
    };
    const cancelled = await settle(() => client.postJson('/hang', body, cancel(30), 5_000));
    expect(cancelled).toEqual(await settle(() => client.post('/hang', { body, signal: cancel(30), timeout: 5_000 })));
    expect(cancelled.class).toBe('APIUserAbortError');
    expect(await settle(() => client.postJson('/chat/completions', body, AbortSignal.abort(), 5_000))).toMatchObject({ class: 'APIUserAbortError' });

    const closed = new DeadlineOpenAI({ apiKey: 'k', baseURL: 'http://127.0.0.1:9/v1', maxRetries: 0, fetch: transport.fetch }, transport);
    const refused = await settle(() => closed.postJson('/chat/completions', body, undefined, 5_000));
    expect(refused).toMatchObject({ class: 'APIConnectionError' });
    expect(refused.class).toBe((await settle(() => closed.post('/chat/completions', { body, timeout: 5_000 }))).class);
  });
});
