/**
 * `POST /v1/confidential/{chat/completions,completions,responses,embeddings}`: sealed requests.
 *
 * The main thread only routes ciphertext: it reads the envelope's cleartext header (key id, request
 * id, timestamp, model), applies the same model checks as plain mode, refuses stale timestamps and
 * replays early (the enclave checks both again: it does not trust this thread), then hands the
 * envelope to the enclave and streams back the sealed frames under the status the enclave sealed
 * (the client refuses any other). Verdicts, usage and digests come from what the enclave releases.
 * See docs/PROTOCOL.md.
 */
import { drainedOrClosed } from '../backpressure.js';
import express, { type Router, type RequestHandler } from 'express';
import type { GatewayDeps } from '../app.js';
import type { AuthContext } from '../auth-context.js';
import { ApiError, modelNotFound } from '../errors.js';
import { contextFor } from '../request-context.js';
import { assertModelAllowed } from '../middleware/access.js';
import type { Surface } from '../../pipeline/types.js';
import {
  CONFIDENTIAL_PATH_PREFIX,
  ProtocolError,
  REQUEST_CONTENT_TYPE,
  RESPONSE_CONTENT_TYPE,
  checkTimestamp,
  parseEnvelope,
} from '../../protocol/index.js';
import { EnclaveError, type EnclaveResponse } from '../../../enclave-sim/host.js';
import type { EnclaveRelease } from '../../../enclave-sim/messages.js';

const SURFACES: ReadonlyArray<[route: string, surface: Surface]> = [
  ['/v1/chat/completions', 'chat.completions'],
  ['/v1/completions', 'completions'],
  ['/v1/responses', 'responses'],
  ['/v1/embeddings', 'embeddings'],
];

const ENVELOPE_ERRORS: Partial<Record<ProtocolError['code'], string>> = {
  malformed_envelope: 'confidential_malformed_request',
  unsupported_version: 'confidential_unsupported_version',
  unsupported_suite: 'confidential_unsupported_suite',
  stale_timestamp: 'confidential_stale_timestamp',
};

function protocolApiError(error: unknown): never {
  if (error instanceof ProtocolError) {
    throw new ApiError(400, error.message, { code: ENVELOPE_ERRORS[error.code] ?? 'confidential_malformed_request' });
  }
  throw error;
}

export function confidentialRoutes(router: Router, deps: GatewayDeps): void {
  const runtime = deps.confidential;
  const settings = deps.config.confidential;
  const rawBody = leanRawBody(settings.maxRequestBytes);

  for (const [route, surface] of SURFACES) {
    const path = `${CONFIDENTIAL_PATH_PREFIX}${route.slice('/v1'.length)}`;
    const handler: RequestHandler = async (req, res) => {
      res.locals.route = path;
      res.locals.confidential = true;
      if (!runtime) throw new ApiError(404, 'Confidential mode is not enabled on this gateway.', { code: 'confidential_disabled' });
      if (!req.is(REQUEST_CONTENT_TYPE)) {
        throw new ApiError(415, `Confidential requests must be sent as ${REQUEST_CONTENT_TYPE} (use the SealGate client SDK).`, {
          code: 'unsupported_media_type',
        });
      }
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
        throw new ApiError(400, 'The confidential request body is empty.', { code: 'confidential_malformed_request' });
      }
      const envelopeBytes = new Uint8Array(req.body.buffer, req.body.byteOffset, req.body.byteLength);
      let header;
      try {
        header = parseEnvelope(envelopeBytes).header;
        checkTimestamp(header.timestampMs, Date.now(), settings.timestampWindowMs);
      } catch (error) {
        protocolApiError(error);
      }
      const auth = res.locals.auth as AuthContext;
      res.locals.model = header.model;
      if (!deps.router.resolve(header.model)) {
        throw modelNotFound(header.model);
      }
      assertModelAllowed(auth, header.model);

      // Early refusal of a replay through an honest gateway, shared across instances (Redis): it saves
      // the enclave a decryption. The guarantee is the enclave's own check (enclave-sim/replay-guard.ts).
      let fresh: boolean;
      try {
        fresh = await runtime.replay.claim(`${auth.tenantId}:${header.requestId}`, 2 * settings.timestampWindowMs);
      } catch {
        throw new ApiError(503, 'Replay cache unavailable; retry shortly.', { code: 'replay_cache_unavailable', headers: { 'retry-after': '1' } });
      }
      if (!fresh) throw new ApiError(400, 'This confidential request was already received (replay refused).', { code: 'confidential_replayed_request' });

      const ctx = contextFor(req, res);
      res.locals.measurement = runtime.host.identity?.measurement;
      let response: EnclaveResponse;
      try {
        const answer = runtime.host.handle({
          envelope: envelopeBytes,
          tenant: auth.tenantId,
          route,
          surface,
          meta: { gatewayRequestId: ctx.requestId, tenantId: ctx.tenantId, keyId: ctx.keyId, sourceIp: ctx.sourceIp },
          signal: ctx.signal,
        });
        // The header receipt says nothing the enclave decides: sign it now, while the enclave works.
        if (deps.audit) setImmediate(deps.audit.presignHeader, ctx);
        response = await answer;
      } catch (error) {
        if (error instanceof EnclaveError) {
          throw new ApiError(error.status, error.message, {
            code: error.code,
            headers: error.status === 503 ? { 'retry-after': '1' } : {},
          });
        }
        throw error;
      }
      res.locals.measurement = runtime.host.identity?.measurement;
      res.locals.stream = response.stream;

      const applyRelease = (release: EnclaveRelease) => {
        ctx.verdicts.push(...release.verdicts);
        Object.assign(ctx.timings, release.timings);
        if (release.usage) ctx.usage = release.usage;
        if (release.digests) ctx.digests = release.digests;
        if (release.provider) ctx.provider = release.provider;
        if (release.policyVersion) ctx.policyVersion = release.policyVersion;
        if (release.droppedFields?.length) ctx.droppedFields = release.droppedFields;
        if (release.errorCode) res.locals.errorCode = release.errorCode;
      };

      res.status(response.status);
      res.setHeader('content-type', RESPONSE_CONTENT_TYPE);
      res.setHeader('cache-control', 'no-store');
      if (!response.stream) {
        // Verdicts first, so header hooks (verdict summary, receipts) see them before headers go out.
        applyRelease(await response.release);
        res.end(Buffer.from(response.head.buffer, response.head.byteOffset, response.head.byteLength));
        return;
      }
      res.setHeader('x-accel-buffering', 'no');
      // Headers travel with the first sealed bytes, and everything written before the next event-loop
      // turn goes out as one write (as plain SSE does): a stream the enclave already finished is a
      // single packet instead of headers, head and terminator separately.
      res.cork();
      setImmediate(() => {
        if (res.writableCorked) res.uncork();
      });
      res.write(Buffer.from(response.head.buffer, response.head.byteOffset, response.head.byteLength));
      try {
        for await (const frame of response.frames) {
          // Backpressure as in plain mode: a slow reader must not make us buffer the whole answer.
          if (!res.write(Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength)) && !res.destroyed) {
            await drainedOrClosed(res);
          }
        }
        applyRelease(await response.release);
      } catch (error) {
        // The enclave died mid-stream: end without the final frame; the client reports truncation.
        res.locals.errorCode = error instanceof EnclaveError ? error.code : 'enclave_internal_error';
      }
      res.end();
    };
    router.post(path, rawBody, handler);
  }
}

/**
 * Reads the sealed body as one Buffer. The common case (Content-Length within the limit, no
 * Content-Encoding) is a plain chunk collector; anything else goes to `express.raw` unchanged, so
 * limits and errors at the edges stay body-parser's. Why: body-parser's stream plumbing (raw-body,
 * type-is, on-finished) was a visible share of the route's main-thread time, as on the JSON routes.
 */
function leanRawBody(limit: number): RequestHandler {
  const fallback = express.raw({ type: () => true, limit });
  return (req, res, next) => {
    // Parsed as JSON by the /v1 body reader (a client that did not send a sealed body): the route answers 415.
    if (req.body !== undefined) return next();
    const headers = req.headers;
    const declared = headers['content-length'];
    const encoding = headers['content-encoding'];
    const simple =
      headers['transfer-encoding'] === undefined &&
      !req.complete &&
      !req.readableEnded &&
      declared !== undefined &&
      /^\d+$/.test(declared) &&
      Number(declared) > 0 &&
      Number(declared) <= limit &&
      (encoding === undefined || encoding.toLowerCase() === 'identity');
    if (!simple) return fallback(req, res, next);
    const length = Number(declared);
    const chunks: Buffer[] = [];
    let received = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onAborted);
      req.off('error', onError);
    };
    const fail = (status: number, message: string, type: string) => {
      cleanup();
      next(Object.assign(new Error(message), { status, statusCode: status, type, expose: true }));
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
      if (received > length) fail(400, 'request size did not match content length', 'request.size.invalid');
    };
    const onEnd = () => {
      cleanup();
      if (received !== length) return fail(400, 'request size did not match content length', 'request.size.invalid');
      req.body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, received);
      next();
    };
    // A request closed before its end was cut off by the client.
    const onAborted = () => fail(400, 'request aborted', 'request.aborted');
    const onError = (error: Error) => {
      cleanup();
      next(error);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onAborted);
    req.on('error', onError);
  };
}
