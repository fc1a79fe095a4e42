/**
 * A small `fetch` on node:http/https with keep-alive agents, handed to the openai SDK. The SDK stays
 * the client (request building, errors, SSE parsing); this only swaps the transport, because
 * undici's fetch costs several hundred microseconds of CPU per call and the gateway's budget is
 * under a millisecond. TLS is always verified (Node's defaults: system CAs, rejectUnauthorized).
 *
 * Successful responses are a lean Response look-alike (see `NodeResponse`): its body is the node
 * stream itself, which the SDK iterates directly for SSE, and `json()`/`text()` read it without
 * web streams; `Readable.toWeb` + undici's `Response`/`Headers` were a third of the upstream call's
 * CPU. Error responses (rare) are buffered into a real `Response`, so the SDK's error handling sees
 * exactly what it expects. Non-streamed calls (DeadlineOpenAI.postJson) take neither: `fetchBuffered`
 * hands back the status, node's headers and the whole body, read from the response callback on.
 */
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingHttpHeaders, type IncomingMessage, type RequestOptions } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import { stageTraceEnabled, traceMark, traceWindow } from '../observability/stage-trace.js';

const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);
/** Parsed request targets by URL string: a provider calls the same few URLs over and over. */
const MAX_CACHED_TARGETS = 256;

interface Target {
  secure: boolean;
  options: Pick<RequestOptions, 'protocol' | 'hostname' | 'port' | 'path'>;
}

export interface NodeTransport {
  fetch: typeof fetch;
  /**
   * `fetch` with a deadline for the response head: past `timeoutMs` the request is destroyed and the
   * promise rejects with an `AbortError` whose message says it timed out (how the openai SDK tells a
   * timeout from a cancellation: the caller's own signal is not aborted).
   */
  fetchWithDeadline(input: string | URL | Request, init: RequestInit, timeoutMs: number): Promise<Response>;
  /**
   * The whole answer, read in the response callback: status, node's parsed headers and the body bytes,
   * without a Response look-alike or a second read after the head. The deadline covers the whole exchange
   * (head and body): past `timeoutMs` the request is destroyed and the promise rejects with the same
   * timed-out `AbortError`; an abort of `init.signal` rejects with an `AbortError`; a connection lost before
   * the body's end rejects with the error (never a partial body).
   */
  fetchBuffered(url: string, init: RequestInit, timeoutMs: number): Promise<BufferedAnswer>;
}

/** A whole upstream answer: status, node's parsed response headers (lower-case names) and the body. */
export interface BufferedAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export function createNodeFetch(opts: { maxSockets?: number } = {}): typeof fetch {
  return createNodeTransport(opts).fetch;
}

/**
 * How long an idle keep-alive socket is kept when the upstream's answer announces no `keep-alive: timeout=N`
 * (undici's default, the keep-alive of Node's own fetch).
 */
export const DEFAULT_IDLE_SOCKET_MS = 4_000;

/**
 * An upstream answer past the transport's `maxResponseBytes` (a body, or a stream's bytes in all). The read
 * stops there and the connection is destroyed; the message carries no body content.
 */
export class ResponseTooLargeError extends Error {
  readonly code = 'ERR_UPSTREAM_RESPONSE_TOO_LARGE';
  constructor(readonly limit: number) {
    super(`upstream response exceeded ${limit} bytes`);
    this.name = 'ResponseTooLargeError';
  }
}

export function createNodeTransport(opts: { maxSockets?: number; idleSocketMs?: number; maxResponseBytes?: number } = {}): NodeTransport {
  const maxBytes = opts.maxResponseBytes ?? Infinity;
  const agentOptions = { keepAlive: true, maxSockets: opts.maxSockets ?? 256, scheduling: 'lifo' as const };
  const idleMs = opts.idleSocketMs ?? DEFAULT_IDLE_SOCKET_MS;
  const httpAgent = withIdleTimeout(withQuietSockets(new HttpAgent(agentOptions)), idleMs);
  const httpsAgent = withIdleTimeout(withQuietSockets(new HttpsAgent(agentOptions)), idleMs);
  const targets = new Map<string, Target>();

  const targetOf = (href: string): Target => {
    let target = targets.get(href);
    if (!target) {
      const url = new URL(href);
      target = {
        secure: url.protocol === 'https:',
        // IPv6 literals come bracketed in URL.hostname; http.request wants them bare.
        options: { protocol: url.protocol, hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'), port: url.port || undefined, path: `${url.pathname}${url.search}` },
      };
      if (targets.size >= MAX_CACHED_TARGETS) targets.clear();
      targets.set(href, target);
    }
    return target;
  };

  const nodeFetch = (input: string | URL | Request, init: RequestInit = {}, timeoutMs?: number): Promise<Response> =>
    new Promise<Response>((resolve, reject) => {
      const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const { secure, options } = targetOf(href);
      const signal = init.signal ?? undefined;
      if (signal?.aborted) return reject(abortError(signal));
      const method = (init.method ?? 'GET').toUpperCase();

      const req = (secure ? httpsRequest : httpRequest)(
        { ...options, method, headers: headersToObject(init.headers), agent: secure ? httpsAgent : httpAgent },
        (res) => {
          traceMark('upstream response head');
          clearTimeout(deadline);
          const status = res.statusCode ?? 502;
          if (NULL_BODY_STATUS.has(status) || method === 'HEAD') {
            res.resume();
            return resolve(new NodeResponse(null, res, href, maxBytes) as unknown as Response);
          }
          if (status >= 200 && status < 300) return resolve(new NodeResponse(res, res, href, maxBytes) as unknown as Response);
          readAll(res, maxBytes).then(
            (bytes) => resolve(new Response(new Uint8Array(bytes), { status, statusText: res.statusMessage, headers: toHeaders(res.headers) })),
            (err: unknown) => reject(signal?.aborted ? abortError(signal) : err),
          );
        },
      );
      const deadline = timeoutMs === undefined ? undefined : setTimeout(() => req.destroy(timeoutError()), timeoutMs);
      req.on('error', (err) => {
        clearTimeout(deadline);
        reject(signal?.aborted ? abortError(signal) : err);
      });
      if (signal) {
        // One abort listener, removed when the exchange is over (node's `signal` option wires a
        // stream-finished watcher with several listeners into every request).
        const onAbort = (): void => void req.destroy(abortError(signal));
        signal.addEventListener('abort', onAbort, { once: true });
        req.once('close', () => signal.removeEventListener('abort', onAbort));
      }
      const body = init.body;
      if (body === undefined || body === null) req.end();
      else if (typeof body === 'string' || body instanceof Uint8Array) {
        traceMark('SDK request built → upstream req.end');
        if (stageTraceEnabled) traceUpstreamWrite(req);
        req.end(body);
        traceMark('upstream request written');
      }
      else if (body instanceof ArrayBuffer) req.end(Buffer.from(body));
      else {
        clearTimeout(deadline);
        req.destroy();
        reject(new TypeError('node-fetch: unsupported request body type'));
      }
    });
  const fetchBuffered = (href: string, init: RequestInit, timeoutMs: number): Promise<BufferedAnswer> =>
    new Promise<BufferedAnswer>((resolve, reject) => {
      const { secure, options } = targetOf(href);
      const signal = init.signal ?? undefined;
      if (signal?.aborted) return reject(abortError(signal));
      const body = init.body;
      if (!(body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array))
        return reject(new TypeError('node-fetch: unsupported request body type'));
      // The deadline's timer and the abort listener are set up on the tick after req.end, once node has written the
      // request (the tick req.end queued, with a free keep-alive socket), and taken down on the check phase after the
      // exchange is over, after the answer has been handed on. After a model's wait both are cold (an AbortSignal
      // listener added and removed, a timer set and cleared: tens of µs); this keeps them off the request's way to the
      // upstream and off the answer's way back. No I/O runs before that tick, so nothing answers, fails or aborts
      // unseen in between; `settled` makes a late timer or abort a no-op until the cleanup runs.
      let settled = false;
      let timedOut = false;
      let deadline: NodeJS.Timeout | undefined;
      let onAbort: (() => void) | undefined;
      const release = (): void => {
        clearTimeout(deadline);
        if (onAbort) signal!.removeEventListener('abort', onAbort);
      };
      const settle = (): void => {
        settled = true;
        setImmediate(release);
      };
      const fail = (err: unknown): void => {
        if (settled) return;
        settle();
        reject(timedOut ? timeoutError() : signal?.aborted ? abortError(signal) : err);
      };
      const req = (secure ? httpsRequest : httpRequest)(
        { ...options, method: (init.method ?? 'GET').toUpperCase(), headers: headersToObject(init.headers), agent: secure ? httpsAgent : httpAgent },
        (res) => {
          traceMark('upstream response head');
          const status = res.statusCode ?? 502;
          if (NULL_BODY_STATUS.has(status)) {
            res.resume();
            if (settled) return;
            settle();
            return resolve({ status, headers: res.headers, body: EMPTY });
          }
          readAll(res, maxBytes).then((bytes) => {
            if (settled) return;
            settle();
            resolve({ status, headers: res.headers, body: bytes });
          }, fail);
        },
      );
      req.on('error', fail);
      const arm = (): void => {
        if (settled) return;
        deadline = setTimeout(() => {
          if (settled) return;
          timedOut = true;
          req.destroy(timeoutError());
        }, timeoutMs);
        if (!signal) return;
        if (signal.aborted) return void req.destroy(abortError(signal));
        const listener = (): void => {
          if (!settled) req.destroy(abortError(signal));
        };
        onAbort = listener;
        signal.addEventListener('abort', listener, { once: true });
      };
      if (body === undefined || body === null) req.end();
      else {
        traceMark('SDK request built → upstream req.end');
        if (stageTraceEnabled) traceUpstreamWrite(req);
        req.end(body);
        traceMark('upstream request written');
      }
      process.nextTick(arm);
    });
  return {
    fetch: nodeFetch as typeof fetch,
    fetchWithDeadline: (input, init, timeoutMs) => nodeFetch(input, init, timeoutMs),
    fetchBuffered,
  };
}

const EMPTY = Buffer.alloc(0);

/**
 * SEALGATE_STAGE_TRACE only: splits the wait between `req.end` and the answer's head. node hands the request
 * its keep-alive socket on the next tick and writes it there ('socket' → 'finish' holds the write syscall, in
 * which the kernel may switch this process out for the upstream it wakes); the check phase after the write
 * shows what this process still did before it could read an answer (docs/gateway.md, "the upstream write").
 */
function traceUpstreamWrite(req: ClientRequest): void {
  let closeWindow: (() => void) | undefined;
  req.once('socket', () => {
    traceMark('upstream socket assigned');
    closeWindow = traceWindow('upstream socket assigned → request flushed (the write)');
  });
  req.once('finish', () => {
    closeWindow?.();
    traceMark('upstream request flushed');
    setImmediate(() => traceMark('check phase after the upstream write'));
  });
}

/**
 * The parts of a fetch `Response` the openai SDK uses on a successful call: status/ok/headers/url,
 * `json()`/`text()` for plain answers, and `body` for SSE — the node stream, which the SDK iterates
 * as an async iterable of byte chunks (and cancels through its iterator's `return()`).
 */
export class NodeResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly headers: NodeHeaders;
  readonly redirected = false;
  readonly type = 'basic';
  private used = false;

  constructor(
    readonly body: IncomingMessage | null,
    head: IncomingMessage,
    readonly url: string,
    private readonly maxBytes = Infinity,
  ) {
    this.status = head.statusCode ?? 502;
    this.ok = this.status >= 200 && this.status < 300;
    this.statusText = head.statusMessage ?? '';
    this.headers = new NodeHeaders(head.headers);
    // Readers (json/text, the SDK's stream iterator) get errors through their own listeners; this one
    // keeps an abort that lands after the reader has gone (a stream stopped early) from crashing the process.
    body?.on('error', ignoreError);
    if (body && Number.isFinite(maxBytes)) capIteration(body, maxBytes);
  }

  get bodyUsed(): boolean {
    return this.used;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = await this.consume();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  async text(): Promise<string> {
    return decodeUtf8(await this.consume());
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  private consume(): Promise<Buffer> {
    if (this.used) return Promise.reject(new TypeError('Body is unusable: body has already been read'));
    this.used = true;
    return this.body ? readAll(this.body, this.maxBytes) : Promise.resolve(Buffer.alloc(0));
  }
}

/** Read-only `Headers` over node's parsed response headers (names are already lower-case). */
export class NodeHeaders {
  constructor(private readonly raw: IncomingHttpHeaders) {}

  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }

  getSetCookie(): string[] {
    return this.raw['set-cookie'] ?? [];
  }

  *entries(): IterableIterator<[string, string]> {
    for (const name of Object.keys(this.raw).sort()) {
      const value = this.get(name);
      if (value !== null) yield [name, value];
    }
  }

  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name;
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  forEach(callback: (value: string, name: string, headers: NodeHeaders) => void): void {
    for (const [name, value] of this.entries()) callback(value, name, this);
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}

function ignoreError(): void {}

/** Bytes as fetch's `text()` decodes them: UTF-8, a leading byte-order mark dropped, invalid bytes as U+FFFD. */
export function decodeUtf8(bytes: Buffer): string {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.toString('utf8', 3) : bytes.toString('utf8');
}

/**
 * Once a response has been fully received, node detaches its error listener from the socket; an
 * abort after that (the SDK aborts when a consumer stops a stream early) destroys the socket with an
 * error nobody listens to, which would crash the process. While a request owns the socket node's own
 * listener still forwards errors to it, so a socket-level listener only catches those orphans.
 */
function withQuietSockets<T extends HttpAgent>(agent: T): T {
  type CreateConnection = (options: object, onCreate: (err: Error | null, socket?: Socket) => void) => Socket | undefined;
  const agentWithCreate = agent as unknown as { createConnection: CreateConnection };
  const create = agentWithCreate.createConnection.bind(agent);
  agentWithCreate.createConnection = (options, onCreate) => {
    const socket = create(options, onCreate);
    socket?.on('error', ignoreError);
    return socket;
  };
  return agent;
}

/**
 * Idle keep-alive sockets close before the upstream closes them. Node's agent applies an upstream's
 * `keep-alive: timeout=N` hint only when the agent itself has a `timeout` (with none, the hint is ignored
 * and a socket idle past the upstream's limit is reused just as the upstream closes it: the request fails
 * before its first byte). The agent's `timeout` option would also arm every request's socket timeout, so
 * this replaces `keepSocketAlive` instead: as node's (TCP keep-alive, unref; a hint of 1 s or less means
 * the socket is not kept), with the socket's idle timeout at the hint less node's 1 s margin, else
 * `defaultMs`. Node's agent destroys a free socket on its timeout; a socket handed to a request keeps
 * the timer, whose event nothing acts on while the socket is in use (node destroys only free sockets on it).
 */
function withIdleTimeout<T extends HttpAgent>(agent: T, defaultMs: number): T {
  const keepAliveMsecs = (agent as unknown as { keepAliveMsecs: number }).keepAliveMsecs;
  agent.keepSocketAlive = (socket: Socket): boolean => {
    let idleMs = defaultMs;
    const hint = (socket as Socket & { _httpMessage?: { res?: IncomingMessage } })._httpMessage?.res?.headers['keep-alive'];
    if (typeof hint === 'string') {
      const seconds = /^timeout=(\d+)/.exec(hint)?.[1];
      if (seconds !== undefined) {
        idleMs = Number(seconds) * 1000 - 1000;
        if (idleMs <= 0) return false;
      }
    }
    socket.setKeepAlive(true, keepAliveMsecs);
    socket.unref();
    if (socket.timeout !== idleMs) socket.setTimeout(idleMs);
    return true;
  };
  return agent;
}

/**
 * The SDK's own stream path iterates the node response (`for await`); counted there, so a stream read
 * that way stops at `maxBytes` too. The gateway's direct path (sse-reader) counts its own reads instead.
 */
function capIteration(body: IncomingMessage, maxBytes: number): void {
  const iterate = body[Symbol.asyncIterator].bind(body);
  body[Symbol.asyncIterator] = async function* capped(): AsyncGenerator<Buffer> {
    let bytes = 0;
    for await (const chunk of iterate() as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        body.destroy();
        throw new ResponseTooLargeError(maxBytes);
      }
      yield chunk;
    }
  } as unknown as IncomingMessage[typeof Symbol.asyncIterator];
}

/**
 * The whole body; rejects if the stream errors or closes before its end (connection lost, aborted), or
 * when it passes `maxBytes` (a declared Content-Length over it fails before any read): then the response
 * (and its socket) is destroyed and nothing more is buffered.
 */
function readAll(stream: IncomingMessage, maxBytes = Infinity): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(stream.headers['content-length']);
    if (declared > maxBytes) {
      stream.destroy();
      return reject(new ResponseTooLargeError(maxBytes));
    }
    const chunks: Buffer[] = [];
    let bytes = 0;
    const onData = (chunk: Buffer): void => {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        cleanup();
        chunks.length = 0;
        stream.destroy();
        reject(new ResponseTooLargeError(maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      traceMark('upstream body read');
      cleanup();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    };
    const onError = (err: Error): void => {
      cleanup();
      reject(err);
    };
    const onClose = (): void => {
      cleanup();
      reject(Object.assign(new Error('upstream response ended before its body was complete'), { code: 'ECONNRESET' }));
    };
    const cleanup = (): void => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      stream.off('close', onClose);
    };
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
    stream.on('close', onClose);
  });
}

/**
 * The request's headers for node:http, asking for the answer uncoded: this transport decodes no content coding,
 * and without an Accept-Encoding "any content coding is considered acceptable" (RFC 9110 §12.5.3), so an upstream
 * (or its proxy) that compresses sent gzip and every call failed. A caller's own Accept-Encoding is kept.
 */
function headersToObject(headers: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = { 'accept-encoding': 'identity' };
  if (!headers) return out;
  if (headers instanceof Headers) {
    headers.forEach((value, name) => (out[name] = value));
    return out;
  }
  const entries = Array.isArray(headers) ? headers : Object.entries(headers as Record<string, string>);
  for (const [name, value] of entries) out[name.toLowerCase() === 'accept-encoding' ? 'accept-encoding' : name] = value!;
  return out;
}

export function toHeaders(raw: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  return headers;
}

function timeoutError(): Error {
  return new DOMException('The upstream request timed out.', 'AbortError');
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  return new DOMException('This operation was aborted', 'AbortError');
}
