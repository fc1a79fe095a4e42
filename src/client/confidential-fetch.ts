/**
 * `createConfidentialFetch(...)` returns a `fetch` for the official `openai` SDK: every prompt-bearing
 * request is sealed to an attested enclave key and every answer (streamed or not) is decrypted here,
 * so `client.chat.completions.create({ stream: true })` works unchanged.
 *
 *   const openai = new OpenAI({ apiKey, baseURL: `${gatewayUrl}/v1`,
 *     fetch: createConfidentialFetch({ gatewayUrl, rootPublicKey, allowedMeasurements }) });
 *
 * Imports only src/protocol and the runtime, so an application can bundle it without the server.
 */
import {
  CONFIDENTIAL_PATH_PREFIX,
  ProtocolError,
  REQUEST_CONTENT_TYPE,
  RESPONSE_CONTENT_TYPE,
  ResponseOpener,
  exportResponseSecret,
  fromBase64Url,
  bytesEqual,
  concatBytes,
  fromUtf8,
  loadSodium,
  prepareSender,
  randomBytes,
  sealRequest,
  toBase64Url,
  utf8,
  type PreparedSender,
  type ResponseHead,
} from '../protocol/index.js';
import { AttestationCache, type VerifiedAttestation } from './attestation-cache.js';
import { defaultTransport, fetchTransport, type SealedReply, type SealedTransport } from './transport.js';

export interface ConfidentialFetchOptions {
  /** Gateway origin (and optional path prefix) without `/v1`, e.g. `https://gw.example.com`. */
  gatewayUrl: string;
  /** The pinned root Ed25519 public key (base64url or bytes), from `sealgate enclave init`. */
  rootPublicKey: string | Uint8Array;
  /** Enclave measurements (hex) this client trusts. */
  allowedMeasurements: readonly string[];
  /** Tenant id to bind; by default the one the gateway reports for the credential when attesting. */
  tenant?: string;
  /**
   * The fetch that carries the sealed requests and the attestation calls. Default: on Node, sealed
   * requests go over node:http(s) keep-alive connections (src/client/transport.ts: less CPU per call
   * than undici's fetch) and attestation over globalThis.fetch; elsewhere globalThis.fetch. Pass one
   * to route everything through your own (an undici proxy dispatcher, a custom TLS setup).
   */
  fetch?: typeof globalThis.fetch;
  now?: () => number;
  /**
   * Largest non-streamed answer read, in bytes (default 64 MiB; the gateway caps upstream answers at
   * `upstream.maxResponseBytes`, 32 MiB by default). The client does not trust the gateway's main thread,
   * which could otherwise make it buffer without end before a single frame is checked. Streams are
   * read frame by frame (each at most 16 MiB) and need no cap.
   */
  maxAnswerBytes?: number;
}

const DEFAULT_MAX_ANSWER_BYTES = 64 * 1024 * 1024;

/** OpenAI routes whose bodies carry prompts: these are always sealed. */
const SEALED_ROUTES = new Set(['/v1/chat/completions', '/v1/completions', '/v1/responses', '/v1/embeddings']);

export type ConfidentialFetch = typeof globalThis.fetch & { attestation: AttestationCache };

export function createConfidentialFetch(options: ConfidentialFetchOptions): ConfidentialFetch {
  const baseFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const maxAnswerBytes = options.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES;
  let transport: Promise<SealedTransport> | undefined;
  const sealedTransport = () => (transport ??= options.fetch ? Promise.resolve(fetchTransport(options.fetch)) : defaultTransport());
  const gatewayUrl = options.gatewayUrl.replace(/\/+$/, '');
  const gatewayPath = new URL(gatewayUrl).pathname.replace(/\/+$/, '');
  const rootPublicKey = typeof options.rootPublicKey === 'string' ? fromBase64Url(options.rootPublicKey) : options.rootPublicKey;
  if (rootPublicKey.length !== 32) throw new TypeError('rootPublicKey must be a 32-byte Ed25519 public key');
  if (options.allowedMeasurements.length === 0) throw new TypeError('allowedMeasurements must name at least one measurement');
  const attestation = new AttestationCache({
    gatewayUrl,
    rootPublicKey,
    allowedMeasurements: options.allowedMeasurements,
    fetch: baseFetch,
    now: options.now,
  });

  // The next request's HPKE encapsulation (fresh ephemeral key pair, X25519 with the attested key,
  // key schedule), done while the previous request is on the wire: ~0.15 ms of the sealing cost off
  // the latency path. Each prepared context seals exactly one request; one prepared for a key that
  // is no longer the attested one is wiped, never used.
  let spare: PreparedSender | undefined;
  let refillScheduled = false;
  const takeSender = (attested: VerifiedAttestation): PreparedSender => {
    const keyId = attested.document.keyId;
    let sender = spare;
    spare = undefined;
    if (sender && (sender.keyId !== keyId || !bytesEqual(sender.recipientPublicKey, attested.hpkePublicKey))) {
      sender.context.destroy();
      sender = undefined;
    }
    sender ??= prepareSender(attested.hpkePublicKey, keyId);
    if (!refillScheduled) {
      refillScheduled = true;
      // After this turn's microtasks (the request is handed to the socket by then), before the answer.
      const refill = () => {
        refillScheduled = false;
        if (!spare) spare = prepareSender(attested.hpkePublicKey, keyId);
      };
      if (typeof setImmediate === 'function') setImmediate(refill).unref();
      else (setTimeout(refill, 0) as { unref?: () => void }).unref?.();
    }
    return sender;
  };

  const confidentialFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    // The openai SDK calls fetch(url string, init with a string body): take that fast path without
    // building a Request; anything else is normalised through one.
    const simple = !(input instanceof Request) && (init?.body === undefined || typeof init.body === 'string');
    const request = simple ? undefined : new Request(input, init);
    const url = new URL(request ? request.url : String(input));
    const method = (request?.method ?? init?.method ?? 'GET').toUpperCase();
    const requestHeaders = request ? request.headers : new Headers(init?.headers);
    const signal = request ? request.signal : (init?.signal ?? undefined);
    const route = url.pathname.startsWith(gatewayPath) ? url.pathname.slice(gatewayPath.length) : url.pathname;
    if (method === 'GET' || method === 'HEAD') return baseFetch(request ?? input, request ? undefined : init);
    if (!SEALED_ROUTES.has(route)) {
      // Refuse rather than send a body in the clear: confidential mode must not silently downgrade.
      throw new ProtocolError('malformed_envelope', `confidential mode cannot seal ${method} ${route}`);
    }
    const bodyText = request ? await request.text() : ((init?.body as string | undefined) ?? '');
    let body: { model?: unknown; stream?: unknown };
    try {
      body = JSON.parse(bodyText) as typeof body;
    } catch {
      throw new ProtocolError('malformed_envelope', 'confidential requests must have a JSON body');
    }
    if (typeof body.model !== 'string' || body.model.length === 0) {
      throw new ProtocolError('malformed_envelope', 'confidential requests must name a model');
    }
    const model = body.model;
    const wantsStream = body.stream === true;
    const authorization = requestHeaders.get('authorization');
    // One header set for every attempt: a plain call's Headers is already our own copy.
    const sealedHeaders = request ? new Headers(requestHeaders) : requestHeaders;
    sealedHeaders.set('content-type', REQUEST_CONTENT_TYPE);
    sealedHeaders.set('accept', RESPONSE_CONTENT_TYPE);
    sealedHeaders.delete('content-length');

    // One retry after re-attesting if the enclave no longer holds our key (rotation past grace, restart).
    for (let attempt = 0; ; attempt++) {
      const attested = await attestation.get(authorization);
      const { reply, opener } = await send(attested);
      if (reply.header('content-type')?.startsWith(RESPONSE_CONTENT_TYPE)) {
        try {
          return await decryptResponse(reply, opener, wantsStream, maxAnswerBytes);
        } catch (error) {
          // A sealed answer that fails its checks is an attack or a bug, never a transient fault: it is
          // answered as a non-retryable error, not thrown (a thrown error reads as a network fault, and
          // the openai SDK would seal the prompt again and send it upstream up to maxRetries times).
          if (error instanceof ProtocolError) return refusedAnswer(error, reply);
          throw error;
        }
      }
      if (reply.ok) {
        await reply.cancel();
        return refusedAnswer(new ProtocolError('malformed_frame', 'gateway answered a confidential request with an unsealed success response'), reply);
      }
      // A plain error (auth, rate limit, unknown key): handed back as the gateway sent it.
      const response = new Response(reply.status === 204 || reply.status === 205 || reply.status === 304 ? null : ((await reply.bytes(maxAnswerBytes)) as Uint8Array<ArrayBuffer>), {
        status: reply.status,
        statusText: reply.statusText,
        headers: plainHeaders(reply),
      });
      const errorCode = await peekErrorCode(response);
      if (errorCode === 'confidential_key_unknown' || errorCode === 'enclave_unavailable') attestation.invalidate();
      if (errorCode === 'confidential_key_unknown' && attempt === 0) continue;
      return response;
    }

    async function send(attested: VerifiedAttestation): Promise<{ reply: SealedReply; opener: ResponseOpener }> {
      await loadSodium();
      const tenant = options.tenant ?? attested.tenant;
      if (!tenant) throw new ProtocolError('attestation_invalid', 'gateway did not report a tenant for this credential; pass `tenant`');
      const sealed = sealRequest({
        recipientPublicKey: attested.hpkePublicKey,
        keyId: attested.document.keyId,
        binding: {
          tenant,
          route,
          model,
          timestampMs: (options.now ?? Date.now)(),
          requestId: toBase64Url(randomBytes(16)),
        },
        plaintext: utf8(bodyText),
        sender: takeSender(attested),
      });
      const opener = new ResponseOpener(exportResponseSecret(sealed.context), sealed.enc);
      sealed.context.destroy();
      const post = await sealedTransport();
      const reply = await post({
        url: `${gatewayUrl}${CONFIDENTIAL_PATH_PREFIX}${route.slice('/v1'.length)}`,
        headers: sealedHeaders,
        // concatBytes allocates a fresh ArrayBuffer, which is what BodyInit wants.
        body: sealed.body as Uint8Array<ArrayBuffer>,
        signal,
      });
      return { reply, opener };
    }
  };

  return Object.assign(confidentialFetch, { attestation }) as ConfidentialFetch;
}

async function peekErrorCode(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.clone().json()) as { error?: { code?: unknown } };
    return typeof body.error?.code === 'string' ? body.error.code : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The gateway's headers for the Response we hand back, as init pairs (the Response fills its own
 * Headers from them once; building a Headers here first would validate every header twice).
 */
function plainHeaders(reply: SealedReply, contentType?: string): [string, string][] {
  const headers: [string, string][] = [];
  for (const [name, value] of reply.headerEntries()) {
    if (contentType === undefined || (name !== 'content-type' && name !== 'content-length' && name !== 'transfer-encoding')) headers.push([name, value]);
  }
  if (contentType !== undefined) headers.push(['content-type', contentType]);
  return headers;
}

/**
 * Opens a sealed answer. The HTTP status comes from the untrusted main thread, so it is only
 * believed when it equals the status the enclave sealed (docs/PROTOCOL.md §5), and the body is
 * presented as the kind the enclave sealed (JSON or an event stream): a relabelled answer is
 * refused with ProtocolError `binding_mismatch`, never surfaced under the wrong status.
 */
async function decryptResponse(reply: SealedReply, opener: ResponseOpener, wantsStream: boolean, maxAnswerBytes: number): Promise<Response> {
  if (!wantsStream) {
    const parts = opener.push(await reply.bytes(maxAnswerBytes));
    opener.end();
    checkHead(opener.head!, reply, false);
    return jsonResponse(reply, parts);
  }
  // A stream request's answer is an event stream or (an error before the first chunk) one JSON
  // body: read until the first frame has authenticated which, before handing anything over.
  const first: Uint8Array[] = [];
  let received = 0;
  try {
    while (!opener.head) {
      const chunk = await reply.read();
      if (chunk === undefined) opener.end(); // throws: the answer ended before a frame
      else {
        received += chunk.byteLength;
        if (received > maxAnswerBytes) throw new ProtocolError('answer_too_large', `the gateway's answer is over ${maxAnswerBytes} bytes (maxAnswerBytes)`);
        first.push(...opener.push(chunk));
      }
    }
    checkHead(opener.head, reply, true);
  } catch (error) {
    await reply.cancel().catch(() => {});
    throw error;
  }
  if (opener.head.kind === 'json') {
    if (!opener.complete) first.push(...opener.push(await reply.bytes(maxAnswerBytes - received)));
    opener.end();
    return jsonResponse(reply, first);
  }
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const plaintext of first) controller.enqueue(plaintext);
    },
    async pull(controller) {
      try {
        for (;;) {
          const chunk = await reply.read();
          if (chunk === undefined) {
            opener.end();
            controller.close();
            return;
          }
          const plaintexts = opener.push(chunk);
          if (plaintexts.length > 0) {
            for (const plaintext of plaintexts) controller.enqueue(plaintext);
            return;
          }
        }
      } catch (error) {
        controller.error(error);
        await reply.cancel().catch(() => {});
      }
    },
    cancel(reason) {
      return reply.cancel(reason);
    },
  });
  return new Response(stream, { status: reply.status, statusText: reply.statusText, headers: plainHeaders(reply, 'text/event-stream') });
}

/** Header on the error the client answers for a sealed answer it refused (the gateway never sends it). */
export const REFUSED_ANSWER_HEADER = 'x-sealgate-refused-answer';

/**
 * The client's own answer when a sealed answer fails its checks (tag, frame order, relabelled status
 * or kind, truncation, trailing bytes, over maxAnswerBytes, or an unsealed success): 502 with an
 * OpenAI-format error whose code is the ProtocolError's, `x-should-retry: false` so the openai SDK
 * surfaces it at once (an APIError with that status and code) instead of re-sending the prompt.
 * Only the gateway's `x-request-id` is kept, to trace the request; nothing else the main thread sent.
 */
function refusedAnswer(error: ProtocolError, reply: SealedReply): Response {
  const body = {
    error: {
      message: `the gateway's sealed answer was refused by the confidential client (${error.code}): ${error.message}; not retried, the prompt is not sent again`,
      type: 'confidential_answer_refused',
      code: error.code,
      param: null,
    },
  };
  const headers: [string, string][] = [
    ['content-type', 'application/json'],
    ['x-should-retry', 'false'],
    [REFUSED_ANSWER_HEADER, error.code],
  ];
  const requestId = reply.header('x-request-id');
  if (requestId !== null) headers.push(['x-request-id', requestId]);
  return new Response(JSON.stringify(body), { status: 502, statusText: 'Bad Gateway', headers });
}

/** The relayed status must be the sealed one; an event stream only answers a stream request. */
function checkHead(head: ResponseHead, reply: SealedReply, wantsStream: boolean): void {
  if (head.status !== reply.status || (head.kind === 'event-stream' && (!wantsStream || reply.status !== 200))) {
    throw new ProtocolError(
      'binding_mismatch',
      `the gateway relabelled the sealed answer: HTTP ${reply.status}, sealed ${head.status} (${head.kind === 'json' ? 'JSON' : 'event stream'})`,
    );
  }
}

function jsonResponse(reply: SealedReply, parts: Uint8Array[]): Response {
  // The answer is JSON text: a string body is the cheapest Response to build and read again
  // (~15 µs against ~40 µs for bytes with undici), and fromUtf8 refuses invalid UTF-8.
  const text = fromUtf8(parts.length === 1 ? parts[0]! : concatBytes(...parts));
  return new Response(text, { status: reply.status, statusText: reply.statusText, headers: plainHeaders(reply, 'application/json') });
}
