/**
 * How the confidential client puts one sealed request on the wire and reads the sealed answer.
 *
 * Two transports, same contract (never follow a redirect: a sealed body goes to the URL it was
 * sealed for or nowhere):
 *  - `fetchTransport`: any WHATWG fetch (browsers, Deno, a fetch the app passes in, Node's undici).
 *  - `nodeTransport`: node:http/https with keep-alive agents, the default on Node. Undici's fetch
 *    builds web streams, a Request clone and Headers objects per call, which cost a Node client more
 *    CPU than sealing and opening together; the answer here is read straight off the socket. It is
 *    loaded with a computed `import()`, so browser bundles never see node:http.
 *
 * An app whose requests must go through its own fetch (an undici proxy dispatcher, a test double
 * of the network) passes `fetch` to createConfidentialFetch and gets `fetchTransport`.
 */

import { concatBytes } from '../protocol/bytes.js';
import { ProtocolError } from '../protocol/errors.js';

/** The sealed answer, read once: chunk by chunk (streams) or whole. */
export interface SealedReply {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  header(name: string): string | null;
  /** Response headers, lower-case names. */
  headerEntries(): Iterable<[string, string]>;
  /** The next body chunk, or undefined at the end. */
  read(): Promise<Uint8Array | undefined>;
  /** The rest of the body; over `limit` bytes, the body is cancelled and a ProtocolError `answer_too_large` thrown. */
  bytes(limit?: number): Promise<Uint8Array>;
  cancel(reason?: unknown): Promise<void>;
}

export interface SealedPost {
  url: string;
  headers: Headers;
  body: Uint8Array<ArrayBuffer>;
  signal?: AbortSignal;
}

export type SealedTransport = (request: SealedPost) => Promise<SealedReply>;

export function fetchTransport(fetchImpl: typeof globalThis.fetch): SealedTransport {
  return async ({ url, headers, body, signal }) => {
    const response = await fetchImpl(url, {
      method: 'POST',
      headers,
      body,
      signal,
      redirect: 'error',
      // With redirects off and no window, undici also skips cloning the request, which would tee the
      // body into two more web streams on every call.
      window: null,
    });
    const next = bodyReader(response.body);
    return {
      status: response.status,
      statusText: response.statusText,
      ok: response.ok,
      header: (name) => response.headers.get(name),
      headerEntries: () => response.headers,
      read: next.read,
      bytes: (limit) => readRest(next.read, next.cancel, limit),
      cancel: next.cancel,
    };
  };
}

/**
 * Reads a fetch body: a web ReadableStream, or the Node stream that fetch look-alikes return
 * (node-fetch v2 and the like), which is an async iterable of chunks.
 */
function bodyReader(body: unknown): { read: () => Promise<Uint8Array | undefined>; cancel: (reason?: unknown) => Promise<void> } {
  if (body && typeof (body as ReadableStream<Uint8Array>).getReader === 'function') {
    const reader = (body as ReadableStream<Uint8Array>).getReader();
    return {
      read: async () => {
        const { done, value } = await reader.read();
        return done ? undefined : value;
      },
      cancel: (reason) => reader.cancel(reason),
    };
  }
  if (body && typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function') {
    const iterator = (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
    return {
      read: async () => {
        const { done, value } = await iterator.next();
        return done ? undefined : value;
      },
      cancel: async () => {
        await iterator.return?.();
      },
    };
  }
  return { read: async () => undefined, cancel: async () => {} };
}

/** Reads a whole body; past `limit` bytes it cancels the body and throws (before anything is decrypted). */
async function readRest(read: () => Promise<Uint8Array | undefined>, cancel: () => Promise<void>, limit = Infinity): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (let chunk = await read(); chunk; chunk = await read()) {
    total += chunk.byteLength;
    if (total > limit) {
      await cancel().catch(() => {});
      throw new ProtocolError('answer_too_large', `the gateway's answer is over ${limit} bytes (maxAnswerBytes)`);
    }
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0]! : concatBytes(...chunks);
}

type NodeHttp = typeof import('node:http');
type NodeHttps = typeof import('node:https');
type IncomingMessage = import('node:http').IncomingMessage;

export async function nodeTransport(): Promise<SealedTransport> {
  // Computed specifiers: bundlers leave these alone, and only Node ever evaluates them.
  const [http, https] = (await Promise.all(['node:http', 'node:https'].map((specifier) => import(specifier)))) as [NodeHttp, NodeHttps];
  const agentOptions = { keepAlive: true, scheduling: 'lifo' as const };
  const httpAgent = quietSockets(new http.Agent(agentOptions));
  const httpsAgent = quietSockets(new https.Agent(agentOptions));

  // A client posts to the same few URLs over and over: parse each once.
  type Target = { secure: boolean; options: { protocol: string; hostname: string; port: string | undefined; path: string } };
  const targets = new Map<string, Target>();
  const targetOf = (url: string): Target => {
    let target = targets.get(url);
    if (!target) {
      const parsed = new URL(url);
      target = {
        secure: parsed.protocol === 'https:',
        // IPv6 literals come bracketed in URL.hostname; http.request wants them bare.
        options: { protocol: parsed.protocol, hostname: parsed.hostname.replace(/^\[(.*)\]$/, '$1'), port: parsed.port || undefined, path: `${parsed.pathname}${parsed.search}` },
      };
      if (targets.size >= 64) targets.clear();
      targets.set(url, target);
    }
    return target;
  };

  return ({ url, headers, body, signal }) =>
    new Promise<SealedReply>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const { secure, options } = targetOf(url);
      const requestHeaders: Record<string, string> = {};
      for (const [name, value] of headers) requestHeaders[name] = value;
      const req = (secure ? https : http).request(
        { ...options, method: 'POST', headers: requestHeaders, agent: secure ? httpsAgent : httpAgent },
        (res) => {
          const status = res.statusCode ?? 0;
          if (status >= 300 && status < 400) {
            res.resume();
            return reject(new TypeError(`confidential request was redirected (HTTP ${status}); a sealed body is never re-sent elsewhere`));
          }
          resolve(nodeReply(res, status));
        },
      );
      const onAbort = () => req.destroy(signal?.reason instanceof Error ? signal.reason : new DOMException('This operation was aborted', 'AbortError'));
      signal?.addEventListener('abort', onAbort, { once: true });
      req.once('close', () => signal?.removeEventListener('abort', onAbort));
      req.once('error', reject);
      req.end(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    });
}

/**
 * The socket's chunks, queued as they arrive ('data' events: Readable's async iterator costs a
 * promise chain per chunk). The socket is paused while a few chunks wait unread, so a slow reader
 * gets backpressure instead of an unbounded buffer.
 */
function nodeReply(res: IncomingMessage, status: number): SealedReply {
  const queue: Buffer[] = [];
  let ended = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  res.on('data', (chunk: Buffer) => {
    queue.push(chunk);
    if (queue.length >= 16) res.pause();
    notify();
  });
  res.once('end', () => {
    ended = true;
    notify();
  });
  res.once('error', (error) => {
    failure = error;
    notify();
  });
  // Cut off before its end (peer reset, request aborted): a reader must not wait forever.
  res.once('close', () => {
    if (!ended && !failure) failure = new Error('the connection closed before the answer ended');
    notify();
  });
  const read = async (): Promise<Uint8Array | undefined> => {
    for (;;) {
      const chunk = queue.shift();
      if (chunk) {
        if (res.isPaused() && queue.length < 4) res.resume();
        return chunk;
      }
      if (failure) throw failure;
      if (ended) return undefined;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
  return {
    status,
    statusText: res.statusMessage ?? '',
    ok: status >= 200 && status < 300,
    header(name) {
      const value = res.headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
    *headerEntries() {
      for (const [name, value] of Object.entries(res.headers)) {
        // Repeated headers (set-cookie) stay separate entries, as in a fetch Response.
        if (Array.isArray(value)) for (const one of value) yield [name, one];
        else if (value !== undefined) yield [name, value];
      }
    },
    read,
    bytes: (limit) => readRest(read, async () => void res.destroy(), limit),
    async cancel() {
      res.destroy();
    },
  };
}

/**
 * Node detaches its error listener from a socket once a response is fully received; an error after
 * that (a stream cancelled late, a peer reset while the socket idles in the pool) would have no
 * listener and crash the app. While a request owns the socket, node still forwards errors to it.
 */
function quietSockets<T extends import('node:http').Agent>(agent: T): T {
  type CreateConnection = (options: object, onCreate: (err: Error | null, socket?: import('node:net').Socket) => void) => import('node:net').Socket | undefined;
  const withCreate = agent as unknown as { createConnection: CreateConnection };
  const create = withCreate.createConnection.bind(agent);
  withCreate.createConnection = (options, onCreate) => {
    const socket = create(options, onCreate);
    socket?.on('error', () => {});
    return socket;
  };
  return agent;
}

/** node:http(s) on Node, the global fetch elsewhere. */
export function defaultTransport(): Promise<SealedTransport> {
  const onNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';
  return onNode ? nodeTransport() : Promise.resolve(fetchTransport(globalThis.fetch.bind(globalThis)));
}
