/**
 * A provider for any OpenAI-compatible endpoint, called through the official `openai` SDK.
 * We use the SDK's raw `post` so bodies pass through untouched (tools, response_format, unknown
 * fields, encoding_format …) and responses come back exactly as the upstream sent them.
 * SDK retries are off: the router owns retries and fallback. Error messages are ours: an upstream's
 * error text may echo headers or URLs, so only 4xx bodies (about the request itself) are relayed.
 */
import OpenAI, { type ClientOptions } from 'openai';
import type { Surface } from '../pipeline/types.js';
import { UpstreamError, type Chunk, type Provider, type ProviderResult } from './types.js';
import type { IncomingHttpHeaders } from 'node:http';
import { createNodeTransport, decodeUtf8, NodeResponse, ResponseTooLargeError, toHeaders, type BufferedAnswer, type NodeTransport } from './node-fetch.js';
import { isAbortError, requireStreamEnd, sseJsonEvents, streamEndFor, type StreamEnd } from './sse-reader.js';
import { traceMark } from '../observability/stage-trace.js';

const paths: Record<Surface, string> = {
  'chat.completions': '/chat/completions',
  responses: '/responses',
  completions: '/completions',
  embeddings: '/embeddings',
};

export interface OpenAICompatibleOptions {
  name: string;
  baseUrl: string;
  apiKey?: string;
  models: readonly string[];
  headers?: Record<string, string>;
  streamUsage?: boolean;
  /** Largest answer read (body, or a stream's bytes in all); see upstream.maxResponseBytes. Default: no limit. */
  maxResponseBytes?: number;
}

type BuildRequestOptions = Parameters<OpenAI['buildRequest']>[0];
type BuiltRequest = Awaited<ReturnType<OpenAI['buildRequest']>>;

/**
 * The SDK clients, with two per-call costs on the gateway's hot path taken out through the SDK's
 * overridable methods; the SDK stays the client (options, error mapping, response parsing, logging):
 *  - `authHeaders`: the bearer header of a fixed key is built once.
 *  - `buildRequest`: for the one shape the gateway sends (POST, JSON object body, a timeout, no query,
 *    per-call headers or retries) the SDK merges a dozen headers into a fresh `Headers` per call; here
 *    they come from a copy of what the SDK itself built for this client on first use, with the per-call
 *    timeout header set. Anything else goes to the SDK's own `buildRequest`, and a test checks that both
 *    give the same URL, method, headers and body, so an SDK upgrade that changes them fails there.
 * Streamed calls of a client DeadlineOpenAI cannot take directly (see `direct`) use this class as it is: the
 * SDK's Stream cancels the request through the per-call AbortController that the stock `fetchWithTimeout` wires.
 */
export class LeanRequestOpenAI extends OpenAI {
  private auth?: Promise<Awaited<ReturnType<OpenAI['authHeaders']>>>;
  /** Lower-case header name → value, as the SDK built them for this client (timeout header aside). */
  private headerTemplate?: Record<string, string>;
  private readonly urls = new Map<string, string>();

  protected override authHeaders(...args: Parameters<OpenAI['authHeaders']>): ReturnType<OpenAI['authHeaders']> {
    // Only the default scheme (our fixed bearer key) is cached; the SDK never mutates the returned headers.
    const schemes = args[1];
    if (schemes?.bearerAuth !== true || schemes.adminAPIKeyAuth) return super.authHeaders(...args);
    return (this.auth ??= super.authHeaders(...args));
  }

  override async buildRequest(options: BuildRequestOptions, extra?: { retryCount?: number }): Promise<BuiltRequest> {
    const { method, path, body, timeout } = options;
    const plain =
      method === 'post' && (extra?.retryCount ?? 0) === 0 && Number.isInteger(timeout) && (timeout as number) > 0 &&
      isPlainObject(body) && options.query === undefined && options.headers === undefined && options.defaultBaseURL === undefined &&
      options.fetchOptions === undefined && options.idempotencyKey === undefined && options.__metadata === undefined && options.__security === undefined;
    if (!plain) return super.buildRequest(options, extra);
    this.headerTemplate ??= await this.sdkHeaders(path);
    let url = this.urls.get(path);
    if (url === undefined) this.urls.set(path, (url = this.buildURL(path, undefined)));
    const headers = { ...this.headerTemplate, 'x-stainless-timeout': String(Math.trunc((timeout as number) / 1000)) };
    // A plain object where the SDK types a Headers: past buildRequest the SDK only formats it for its debug
    // log (which takes either) and hands it to fetchWithAuth, which is ours and sends plain objects as they are.
    const req: BuiltRequest['req'] = { method, headers: headers as unknown as Headers, body: JSON.stringify(body) };
    if (options.signal) req.signal = options.signal;
    return { req, url, timeout: timeout as number };
  }

  /** The headers the SDK's own buildRequest sends for a JSON POST from this client, as a plain object. */
  private async sdkHeaders(path: string): Promise<Record<string, string>> {
    const { req } = await super.buildRequest({ method: 'post', path, body: {}, timeout: 1_000 });
    const out: Record<string, string> = {};
    new Headers(req.headers as HeadersInit).forEach((value, name) => (out[name] = value));
    return out;
  }
}

/**
 * Non-streamed calls, and streamed ones through `postStream`: also `fetchWithAuth`, since the SDK's `fetchWithTimeout` creates an AbortSignal, a
 * listener and a timer per call to enforce the deadline; the node transport does it with the caller's
 * own signal and one timer.
 */
export class DeadlineOpenAI extends LeanRequestOpenAI {
  constructor(
    options: ClientOptions,
    private readonly transport: NodeTransport,
  ) {
    super(options);
  }

  protected override fetchWithAuth(url: RequestInfo, init: RequestInit, timeout: number): Promise<Response> {
    return this.transport.fetchWithDeadline(url, init, timeout);
  }

  /**
   * `post(path, { body, signal, timeout })` for a non-streamed JSON answer, minus the SDK's per-call
   * machinery around the transport: makeRequest's five awaits, its request-log id, the two debug-detail
   * formattings it does whether or not debug logging is on, an AbortController nobody uses here, a copy of
   * the response's header list, and APIPromise's parse chain. What it does for this shape with no retries,
   * it does the same way: the request from `buildRequest` above; a 2xx parsed as the SDK's
   * `defaultParseResponse` parses it (204 → null, JSON by media type with `_request_id`, else text); a
   * failure raised as the SDK raises it (`makeStatusError` with the upstream's status, parsed body and
   * headers; APIUserAbortError when the caller's signal is aborted; APIConnectionTimeoutError for an
   * AbortError otherwise; APIConnectionError). Retries, SDK logging above `warn`, and client features
   * this gateway does not configure (a request-preparing provider, workload identity) go through `post`.
   * The answer is read whole by the transport (`fetchBuffered`: status, node's headers and the body bytes,
   * read in the response callback, no Response look-alike), decoded as fetch's `text()` decodes (a leading
   * BOM dropped), and its deadline covers head and body — so the router can leave the deadline to this call
   * (Provider.ownsJsonDeadline). A property test compares it with the stock SDK on random answers. A body cut
   * off or failing after the head is an APIConnectionError (the SDK's post() lets the raw read error through;
   * both are a 'connection' failure to the provider).
   */
  async postJson(path: string, body: Record<string, unknown>, signal: AbortSignal | undefined, timeout: number): Promise<unknown> {
    if (!this.direct) return this.post(path, { body, signal, timeout });
    const { req, url } = await this.buildPost(path, body, signal, timeout);
    let answer: BufferedAnswer;
    try {
      answer = await this.transport.fetchBuffered(url, req, timeout);
    } catch (err) {
      throw requestFailure(err, signal);
    }
    const { status, headers } = answer;
    if (status < 200 || status >= 300) throw this.statusError(status, answer.body, toHeaders(headers));
    if (status === 204) return null;
    const mediaType = headerValue(headers, 'content-type')?.split(';')[0]?.trim();
    if (mediaType?.includes('application/json') || mediaType?.endsWith('+json')) {
      if (headerValue(headers, 'content-length') === '0') return undefined;
      const json: unknown = JSON.parse(decodeUtf8(answer.body));
      if (!json || typeof json !== 'object' || Array.isArray(json)) return json;
      return Object.defineProperty(json, '_request_id', { value: headerValue(headers, 'x-request-id'), enumerable: false });
    }
    return decodeUtf8(answer.body);
  }

  /**
   * Whether postJson/postStream may skip the SDK's request machinery: no retries, SDK logging at most `warn`, and
   * none of the client features this gateway does not configure (a request-preparing provider, workload identity).
   */
  get direct(): boolean {
    const internals = this as unknown as { _provider?: unknown; _workloadIdentityAuth?: unknown };
    return this.maxRetries === 0 && this.logLevel !== 'info' && this.logLevel !== 'debug' && !internals._provider && !internals._workloadIdentityAuth;
  }

  /**
   * A streamed call (`post(path, { body, signal, timeout, stream: true })` of a client with the SDK's own fetch
   * wiring) for `direct` clients: the request and its failures as postJson makes them (the deadline covers the
   * response head, as the SDK's fetchWithTimeout does), then the events as the SDK's Stream yields them, read by
   * sse-reader.ts; every failure after the head goes through `translate`.
   */
  async postStream(
    path: string,
    body: Record<string, unknown>,
    signal: AbortSignal | undefined,
    timeout: number,
    translate: (err: unknown) => Error,
    maxBytes = Infinity,
    requireEnd?: StreamEnd,
  ): Promise<AsyncIterable<Chunk>> {
    const response = await this.send(path, body, signal, timeout);
    if (!(response instanceof NodeResponse) || !response.body) throw new OpenAI.OpenAIError('Attempted to iterate over a response with no body');
    return sseJsonEvents(response.body, response.headers as unknown as Headers, translate, maxBytes, requireEnd);
  }

  /** The SDK-built request for one POST attempt; an already-aborted caller stops here, as the SDK would. */
  private async buildPost(path: string, body: Record<string, unknown>, signal: AbortSignal | undefined, timeout: number) {
    const built = await this.buildRequest({ method: 'post', path, body, signal, timeout }, { retryCount: 0 });
    if (signal?.aborted) throw new OpenAI.APIUserAbortError();
    return built;
  }

  /** The request and its 2xx response; a failure raised as the SDK raises it (see postJson). */
  private async send(path: string, body: Record<string, unknown>, signal: AbortSignal | undefined, timeout: number): Promise<Response> {
    const { req, url } = await this.buildPost(path, body, signal, timeout);
    let response: Response;
    try {
      response = await this.transport.fetchWithDeadline(url, req, timeout);
    } catch (err) {
      throw requestFailure(err, signal);
    }
    if (!response.ok) {
      const text = await response.text().catch((err: unknown) => (err instanceof Error ? err.message : String(err)));
      const json = safeJSON(text);
      throw this.makeStatusError(response.status, json as object, json ? undefined : text, response.headers);
    }
    return response;
  }

  /** A non-2xx answer as the SDK's makeRequest raises it: the body parsed as JSON if it is, else its text as the message. */
  private statusError(status: number, bytes: Buffer, headers: Headers): Error {
    const text = decodeUtf8(bytes);
    const json = safeJSON(text);
    return this.makeStatusError(status, json as object, json ? undefined : text, headers);
  }
}

/** A transport failure as the SDK's makeRequest raises it. */
function requestFailure(err: unknown, signal: AbortSignal | undefined): Error {
  if (signal?.aborted) return new OpenAI.APIUserAbortError();
  if (err instanceof ResponseTooLargeError) return err;
  if (isAbortError(err) || /timed? ?out/i.test(String(err) + (err instanceof Error && 'cause' in err ? String(err.cause) : ''))) return new OpenAI.APIConnectionTimeoutError();
  return new OpenAI.APIConnectionError({ cause: err instanceof Error ? err : new Error(String(err)) });
}

/** A header of node's parsed response headers as `Headers.get` reads it (repeated values joined). */
function headerValue(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

function safeJSON(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function createOpenAICompatibleProvider(opts: OpenAICompatibleOptions): Provider {
  const maxResponseBytes = opts.maxResponseBytes ?? Infinity;
  const transport = createNodeTransport({ maxResponseBytes });
  const options: ClientOptions = {
    // Some local servers need no key; the SDK insists on one, so send a placeholder.
    apiKey: opts.apiKey ?? 'sealgate-no-key',
    baseURL: opts.baseUrl,
    maxRetries: 0,
    defaultHeaders: opts.headers,
    fetch: transport.fetch,
  };
  const client = new DeadlineOpenAI(options, transport);
  const streamClient = new LeanRequestOpenAI(options);

  // A relayed 4xx explanation is the upstream's text: some servers (proxies in front of a provider) echo the
  // credential they were sent ('Received API Key = sk-…'). Our key and extra header values never leave in it.
  const secrets = [opts.apiKey, ...Object.values(opts.headers ?? {})].filter((v): v is string => typeof v === 'string' && v.length >= 8);
  const withoutSecrets = (text: string): string => secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), text);

  const translate = (err: unknown): UpstreamError => {
    if (err instanceof UpstreamError) return err;
    if (err instanceof ResponseTooLargeError) return new UpstreamError('too_large', opts.name, 'upstream answer over the size limit');
    if (err instanceof OpenAI.APIConnectionTimeoutError) return new UpstreamError('timeout', opts.name, 'upstream timed out');
    if (err instanceof OpenAI.APIUserAbortError) return new UpstreamError('aborted', opts.name, 'request cancelled');
    // An error event inside a 2xx stream (`data: {"error"}`, `event: error`): the upstream failed mid-answer, like a 5xx.
    // Its text (which may echo the prompt) is not kept.
    if (err instanceof OpenAI.APIError && err.status === undefined && !(err instanceof OpenAI.APIConnectionError)) {
      return new UpstreamError('server_error', opts.name, 'upstream sent an error event in its stream');
    }
    if (err instanceof OpenAI.APIError && typeof err.status === 'number') {
      const status = err.status;
      const retryAfterMs = parseRetryAfter(err.headers);
      if (status === 429) return new UpstreamError('rate_limited', opts.name, 'upstream rate limited', { upstreamStatus: status, retryAfterMs });
      if (status === 401 || status === 403) return new UpstreamError('auth', opts.name, 'upstream rejected our credentials', { upstreamStatus: status });
      if (status >= 500 || status === 408) return new UpstreamError('server_error', opts.name, `upstream answered ${status}`, { upstreamStatus: status, retryAfterMs });
      const body = err.error as { message?: unknown; type?: unknown; code?: unknown; param?: unknown } | undefined;
      return new UpstreamError('client_error', opts.name, `upstream answered ${status}`, {
        upstreamStatus: status,
        upstreamError: {
          message: typeof body?.message === 'string' ? withoutSecrets(body.message) : `The upstream model rejected the request (${status}).`,
          type: typeof body?.type === 'string' ? withoutSecrets(body.type) : undefined,
          code: typeof body?.code === 'string' ? withoutSecrets(body.code) : null,
          param: typeof body?.param === 'string' ? withoutSecrets(body.param) : null,
        },
      });
    }
    return new UpstreamError('connection', opts.name, 'upstream connection failed');
  };

  return {
    name: opts.name,
    type: 'openai',
    models: opts.models,
    streamUsage: opts.streamUsage ?? true,
    // postJson's transport (fetchBuffered) keeps the whole deadline and the caller's signal; the SDK's post does not.
    ownsJsonDeadline: client.direct,

    async call({ surface, body, signal, timeoutMs }): Promise<ProviderResult> {
      const stream = body.stream === true && surface !== 'embeddings';
      try {
        if (!stream) {
          const json = await client.postJson(paths[surface], body, signal, timeoutMs);
          traceMark('openai SDK post returned');
          return { kind: 'json', body: json };
        }
        // A stream that ends cleanly before its answer shows an end is cut short, on either path (sse-reader.ts).
        const end = streamEndFor(surface);
        if (client.direct) return { kind: 'stream', chunks: await client.postStream(paths[surface], body, signal, timeoutMs, translate, maxResponseBytes, end) };
        const events = (await streamClient.post<unknown>(paths[surface], { body, signal, timeout: timeoutMs, stream: true })) as unknown as AsyncIterable<Chunk>;
        return { kind: 'stream', chunks: translateStream(requireStreamEnd(events, end, signal), translate) };
      } catch (err) {
        throw translate(err);
      }
    },

    async ping(signal) {
      try {
        await client.get('/models', { signal, timeout: 2_000 });
        return true;
      } catch (err) {
        // Reachable but refusing /models (some servers do) still counts as reachable.
        return err instanceof OpenAI.APIError && typeof err.status === 'number' && err.status < 500;
      }
    },
  };
}

async function* translateStream(events: AsyncIterable<Chunk>, translate: (err: unknown) => UpstreamError): AsyncIterable<Chunk> {
  try {
    for await (const event of events) yield event;
  } catch (err) {
    throw translate(err);
  }
}

function parseRetryAfter(headers: Headers | undefined): number | undefined {
  const ms = headers?.get('retry-after-ms');
  if (ms && Number.isFinite(Number(ms))) return Number(ms);
  const seconds = headers?.get('retry-after');
  if (seconds && Number.isFinite(Number(seconds))) return Number(seconds) * 1000;
  return undefined;
}
