/**
 * The enclave: a worker thread that holds the keys, decrypts, runs the guarded pipeline, calls the
 * upstream and encrypts the answer. Only ciphertext and text-free facts leave it (messages.ts).
 * Error messages sent out are our own fixed strings: a caught error's message can quote its input
 * (JSON.parse does), so none is ever forwarded.
 */
import { createHmac, hkdfSync } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import {
  ProtocolError,
  ResponseSealer,
  concatBytes,
  exportResponseSecret,
  fromUtf8,
  loadSodium,
  openRequest,
  parseEnvelope,
  receiptSignedBytes,
  signAttestation,
  toBase64Url,
  utf8,
  wipe,
  PROTOCOL_NAME,
  KEM_ID,
  KDF_ID,
  AEAD_ID,
  type AttestationDocument,
} from '../src/protocol/index.js';
import type { SealGateConfig } from '../src/config/schema.js';
import { checkRequestBody } from '../src/pipeline/request-schemas.js';
import type { PipelineResult, RequestContext } from '../src/pipeline/types.js';
import { StreamError } from '../src/pipeline/stream-error.js';
import { upstreamErrorResult } from '../src/pipeline/pipeline.js';
import { MAX_JSON_DEPTH, jsonNestingExceeds } from '../src/pipeline/json-depth.js';
import type { EnclaveRelease, EnclaveToHost, HostToEnclave } from './messages.js';
import { KeyRing } from './key-custody.js';
import { detectorModelDirs, measureEnclave, policyBundleFiles, policyConfigOf, type Measurement } from './measurement.js';
import { loadRootKey, type RootKeyPair } from './root-key.js';
import { ReceiptIssuer, type ReceiptFacts } from '../src/audit/receipts.js';
import { receiptKeyId, receiptPublicKey } from '../src/protocol/receipt-token.js';
import { createEnclavePipeline, type EnclavePipeline } from './pipeline-factory.js';
import { ReplayGuard } from './replay-guard.js';

export interface EnclaveWorkerData {
  entry: string;
  config: SealGateConfig;
  /** Repository root for the measurement (defaults to this checkout). */
  measurementRoot?: string;
}

const port = parentPort;
if (!port) throw new Error('enclave-sim/worker.ts must run in a worker thread');
const init = workerData as EnclaveWorkerData;
const settings = init.config.confidential;

function post(message: EnclaveToHost, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(message, transfer);
}

let root: RootKeyPair;
let ring: KeyRing;
let measurement: Measurement;
let enclavePipeline: EnclavePipeline;
const sodium = await loadSodium();
try {
  root = await loadRootKey(settings.rootKeyFile);
  measurement = await measureEnclave({
    root: init.measurementRoot,
    modelDir: settings.modelDir,
    policyConfig: policyConfigOf(init.config),
    policyFiles: await policyBundleFiles(init.config),
    detectorModelDirs: detectorModelDirs(init.config),
  });
  enclavePipeline = await createEnclavePipeline(init.config);
  // After the pipeline: loading it can take longer than a short rotation interval under load, and a key created
  // first could then be past its lifetime in the first attestation document.
  ring = await KeyRing.create();
} catch (error) {
  // Our own startup messages (missing root key file …) carry no secrets.
  post({ type: 'startup_failed', message: error instanceof Error ? error.message : 'enclave failed to start' });
  process.exit(1);
}

/**
 * Final receipts are signed by the enclave right after each request is released, with the payload
 * the gateway's audit builds for it (same issuer code, same facts), and sent after the release: the
 * audit's signing request then finds them at the host instead of costing two more thread hops, and
 * the signature is not on the way to the client's last byte.
 */
const receiptIssuer =
  init.config.audit.enabled && init.config.audit.receipts.enabled
    ? new ReceiptIssuer(ring.signingKey, receiptKeyId(receiptPublicKey(toBase64Url(ring.signingPublicKey))))
    : undefined;

/**
 * What the enclave decided per gateway request id (tenant, digests, policy, verdicts, measurement), as
 * its receipt payload states them. The main thread may ask the enclave to sign a final receipt again
 * (its clock crossed a second, the client went away and the status changed): the enclave signs only
 * payloads that state exactly these facts, so its key never vouches for verdicts or digests the
 * main thread made up. A payload that states none of them (no verdicts, digests or policy) claims
 * nothing the enclave decides and is signed for any request id.
 */
const releasedFacts = new Map<string, string>();
const RELEASED_FACTS_MAX = 10_000;

function factsOf(payload: { ten?: unknown; dig?: unknown; pv?: unknown; vd?: unknown; m?: unknown }): string {
  return JSON.stringify([payload.ten ?? null, payload.dig ?? null, payload.pv ?? null, payload.vd ?? [], payload.m ?? null]);
}

function rememberFacts(facts: ReceiptFacts): void {
  if (!receiptIssuer) return;
  if (releasedFacts.size >= RELEASED_FACTS_MAX) releasedFacts.delete(releasedFacts.keys().next().value!);
  // Through JSON, as a payload read back from bytes is (undefined fields dropped).
  releasedFacts.set(facts.requestId, factsOf(JSON.parse(JSON.stringify(receiptIssuer.payload(facts))) as Record<string, unknown>));
}

/** May the enclave sign these receipt payload bytes for the main thread? */
function mayVouchFor(payload: Uint8Array): boolean {
  let parsed: { rid?: unknown; ten?: unknown; dig?: unknown; pv?: unknown; vd?: unknown; m?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('utf8')) as typeof parsed;
  } catch {
    return false;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return false;
  const known = typeof parsed.rid === 'string' ? releasedFacts.get(parsed.rid) : undefined;
  if (known !== undefined) return factsOf(parsed) === known;
  // No verdicts, digests or policy; and a measurement only if it is ours: the key never vouches for other code.
  const statesNothing = parsed.dig === undefined && parsed.pv === undefined && (parsed.vd === undefined || (Array.isArray(parsed.vd) && parsed.vd.length === 0));
  return statesNothing && (parsed.m === undefined || parsed.m === measurement.measurement);
}

function sendReceipt(facts: ReceiptFacts): void {
  if (!receiptIssuer) return;
  let payload: Uint8Array = new Uint8Array(0);
  let signature: Uint8Array = new Uint8Array(0);
  try {
    payload = new Uint8Array(Buffer.from(JSON.stringify(receiptIssuer.payload(facts))));
    signature = ring.sign(receiptSignedBytes(payload));
  } catch {
    // The host is waiting for this request's receipt: an empty one matches nothing, so it signs on request.
  }
  post({ type: 'receipt', rid: facts.requestId, payload, signature }, [payload.buffer as ArrayBuffer, signature.buffer as ArrayBuffer]);
}

/**
 * The sealed body's `user` names an end user (often an e-mail address). Repeat-offender counting keys
 * its violation store by it, and that store may be Redis, outside the enclave: the pipeline gets a
 * keyed pseudonym instead. The key is derived from the root key, which only enclaves hold, so every
 * instance sharing the root (and every restart) maps a user to the same subject, and the operator
 * cannot confirm a guessed id.
 */
const endUserKey = Buffer.from(hkdfSync('sha256', root.privateKey, new Uint8Array(0), 'sealgate/1 end-user pseudonym', 32));
function endUserPseudonym(user: string): string {
  return `e#${createHmac('sha256', endUserKey).update(user).digest('base64url')}`;
}

const rotationTimer = setInterval(() => ring.rotate(settings.keyGraceMs), settings.rotationIntervalMs);
rotationTimer.unref();

/**
 * Request ids this enclave has accepted within the timestamp window. 100,000 ids (a few MB) cover
 * 1,600 requests a second for a 60 s window; past that the guard refuses older timestamps instead
 * of forgetting an id that could then be replayed (replay-guard.ts).
 */
const REPLAY_GUARD_ENTRIES = 100_000;
const replayGuard = new ReplayGuard(settings.timestampWindowMs, REPLAY_GUARD_ENTRIES);

const inflight = new Map<number, AbortController>();
/** How long after its answer a request's final receipt is signed (see receiptFor). */
const RECEIPT_DELAY_MS = 3;

post({
  type: 'ready',
  measurement: measurement.measurement,
  parts: measurement.parts,
  keyId: ring.currentKey.keyId,
  signingPublicKey: toBase64Url(ring.signingPublicKey),
  rootKeyId: root.rootKeyId,
});

function attest(nonce: string) {
  const now = Date.now();
  const key = ring.currentKey;
  // A client must re-attest before this key can be retired: the document never outlives the key's grace.
  const keyDeadline = key.createdAt + settings.rotationIntervalMs + settings.keyGraceMs;
  const document: AttestationDocument = {
    version: 1,
    protocol: PROTOCOL_NAME,
    measurement: measurement.measurement,
    measurementParts: measurement.parts,
    keyId: key.keyId,
    hpkePublicKey: toBase64Url(key.keyPair.publicKey),
    suite: { kem: KEM_ID, kdf: KDF_ID, aead: AEAD_ID },
    signingPublicKey: toBase64Url(ring.signingPublicKey),
    issuedAt: now,
    expiresAt: Math.min(now + settings.attestationTtlMs, keyDeadline),
    nonce,
    rootKeyId: root.rootKeyId,
  };
  return signAttestation(document, root.privateKey);
}

/**
 * Coalesces the SSE chunks produced in one turn of the event loop into one sealed data frame and
 * one message: a burst of upstream chunks costs one AEAD seal (and one open at the client) and one
 * cross-thread hop instead of one per chunk, and a slow stream still goes out chunk by chunk (the
 * flush runs as soon as the loop would otherwise wait). The first flush carries the response head;
 * the last one carries the final frame and the release, so a fast stream is one or two messages.
 */
class StreamBatcher {
  private pending: Uint8Array[] = [];
  /** SSE text of the chunks produced this turn, sealed together as one data frame at the flush. */
  private pendingText = '';
  private scheduled: NodeJS.Immediate | undefined;
  private headSent = false;
  private readonly head: Uint8Array;

  constructor(
    private readonly id: number,
    private readonly sealer: ResponseSealer,
  ) {
    this.head = sealer.begin({ status: 200, kind: 'event-stream' });
  }

  /** Queue SSE text; everything queued before the loop turns goes out as one sealed data frame. */
  addText(text: string): void {
    this.pendingText += text;
    this.scheduled ??= setImmediate(() => this.flush());
  }

  private sealPending(): void {
    if (this.pendingText.length === 0) return;
    this.pending.push(this.sealer.sealFrames(utf8(this.pendingText), false));
    this.pendingText = '';
  }

  private take(): Uint8Array {
    const parts = this.headSent ? this.pending : [this.head, ...this.pending];
    this.pending = [];
    return parts.length === 1 ? parts[0]!.slice() : concatBytes(...parts);
  }

  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    this.sealPending();
    if (this.headSent && this.pending.length === 0) return;
    const bytes = this.take();
    if (!this.headSent) post({ type: 'head', id: this.id, status: 200, stream: true, bytes }, [bytes.buffer as ArrayBuffer]);
    else post({ type: 'frame', id: this.id, bytes }, [bytes.buffer as ArrayBuffer]);
    this.headSent = true;
  }

  /**
   * Seals what is queued, then the authenticated final frame with `tail` (omitted when the client
   * went away: the response is abandoned and its keys wiped), and hands over the release.
   */
  finish(release: EnclaveRelease, tail: string | undefined): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    this.sealPending();
    if (tail !== undefined) this.pending.push(this.sealer.sealFrames(utf8(tail), true));
    else this.sealer.destroy();
    if (!this.headSent) {
      const bytes = this.take();
      this.headSent = true;
      post({ type: 'head', id: this.id, status: 200, stream: true, bytes, release }, [bytes.buffer as ArrayBuffer]);
      return;
    }
    if (this.pending.length === 0) return post({ type: 'end', id: this.id, release });
    const bytes = this.take();
    post({ type: 'end', id: this.id, release, bytes }, [bytes.buffer as ArrayBuffer]);
  }
}

const REJECTIONS: Partial<Record<ProtocolError['code'], { status: number; code: string; message: string }>> = {
  malformed_envelope: { status: 400, code: 'confidential_malformed_request', message: 'The confidential request envelope is malformed.' },
  unsupported_version: { status: 400, code: 'confidential_unsupported_version', message: 'Unsupported confidential protocol version.' },
  unsupported_suite: { status: 400, code: 'confidential_unsupported_suite', message: 'Unsupported HPKE suite: use X25519 / HKDF-SHA256 / ChaCha20-Poly1305.' },
  stale_timestamp: { status: 400, code: 'confidential_stale_timestamp', message: 'The request timestamp is outside the accepted window: check the client clock.' },
  decryption_failed: { status: 400, code: 'confidential_decryption_failed', message: 'The confidential request could not be decrypted or its bound fields (tenant, route, model, timestamp, request id) were altered.' },
};

const REPLAYED = { status: 400, code: 'confidential_replayed_request', message: 'This confidential request was already received (replay refused).' };

/**
 * The error code the enclave releases. A pipeline error's code can be the upstream's own string (a
 * relayed 4xx), and a server outside the enclave may echo the prompt in it: the main thread gets it
 * only when it is code-shaped (`context_length_exceeded`), else the code used for an upstream
 * rejection without one. The sealed answer keeps the upstream's code as it came.
 */
const CODE_SHAPED = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
function releasedErrorCode(code: string | null | undefined, fallback: string): string {
  if (code === null || code === undefined) return fallback;
  return CODE_SHAPED.test(code) ? code : 'upstream_rejected';
}

function reject(id: number, error: unknown): void {
  const known = error instanceof ProtocolError ? REJECTIONS[error.code] : undefined;
  const rejection = known ?? { status: 400, code: 'confidential_decryption_failed', message: REJECTIONS.decryption_failed!.message };
  post({ type: 'rejected', id, ...rejection });
}

/** A stream that failed: StreamError keeps its status and body; anything else maps like plain mode. */
function streamFailure(error: unknown): PipelineResult {
  if (error instanceof StreamError) return { kind: 'error', status: error.status, error: error.error };
  return upstreamErrorResult(error);
}

function sealedError(status: number, code: string, message: string, type = status >= 500 ? 'api_error' : 'invalid_request_error'): PipelineResult {
  return { kind: 'error', status, error: { message, type, code, param: null } };
}

async function handleRequest(message: Extract<HostToEnclave, { type: 'request' }>): Promise<void> {
  const { id } = message;
  let envelope;
  try {
    envelope = parseEnvelope(message.envelope);
  } catch (error) {
    return reject(id, error);
  }
  const keyPair = ring.lookup(envelope.header.keyId);
  if (!keyPair) {
    return post({
      type: 'rejected',
      id,
      status: 400,
      code: 'confidential_key_unknown',
      message: 'The request is sealed to a key this enclave does not hold (rotated or restarted): fetch a fresh attestation.',
    });
  }
  let opened;
  const now = Date.now();
  try {
    replayGuard.checkTimestamp(envelope.header.timestampMs, now);
    opened = openRequest(envelope, keyPair, { tenant: message.tenant, route: message.route });
  } catch (error) {
    return reject(id, error);
  }
  // The AEAD check passed, so tenant, timestamp and request id are the client's: one use each.
  if (!replayGuard.claim(`${message.tenant}\0${envelope.header.requestId}`, envelope.header.timestampMs, now)) {
    opened.context.destroy();
    wipe(opened.plaintext);
    return post({ type: 'rejected', id, ...REPLAYED });
  }

  const responseSecret = exportResponseSecret(opened.context);
  opened.context.destroy();
  // The response keys do not depend on the answer: derive them while the upstream call is in flight
  // (this thread waits then) instead of on the answer's path. Whichever comes first builds them.
  let sealer: ResponseSealer | undefined;
  const responseSealer = (): ResponseSealer => {
    if (!sealer) {
      sealer = new ResponseSealer(responseSecret, envelope.enc);
      wipe(responseSecret);
    }
    return sealer;
  };
  setImmediate(responseSealer);

  const abort = new AbortController();
  inflight.set(id, abort);
  const ctx: RequestContext = {
    requestId: message.meta.gatewayRequestId,
    tenantId: message.meta.tenantId,
    keyId: message.meta.keyId,
    sourceIp: message.meta.sourceIp,
    signal: abort.signal,
    timings: {},
    verdicts: [],
  };
  const release = (status: number, errorCode?: string): EnclaveRelease => ({
    verdicts: ctx.verdicts,
    timings: ctx.timings,
    usage: ctx.usage,
    digests: ctx.digests,
    provider: ctx.provider,
    policyVersion: ctx.policyVersion,
    droppedFields: ctx.droppedFields,
    errorCode,
    receiptFollows: receiptIssuer ? message.meta.gatewayRequestId : undefined,
  });
  // Signed a few milliseconds after the answer left (the host's audit waits for it): its Ed25519
  // signature would otherwise take a core while the main thread writes the answer and the client
  // reads it, which on a 2-core host showed in the confidential bench as ~0.03x of the plain p50.
  const finalFacts = (status: number): ReceiptFacts => ({
    requestId: message.meta.gatewayRequestId,
    tenantId: message.meta.tenantId,
    digests: ctx.digests,
    policyVersion: ctx.policyVersion,
    verdicts: ctx.verdicts,
    measurement: measurement.measurement,
    status,
    final: true,
  });
  const receiptFor = (status: number) => {
    rememberFacts(finalFacts(status));
    setTimeout(signReceipt, RECEIPT_DELAY_MS, status);
  };
  const signReceipt = (status: number) => sendReceipt(finalFacts(status));

  try {
    let result: PipelineResult;
    let body: unknown;
    let tooDeep = false;
    try {
      const text = fromUtf8(opened.plaintext);
      // As the gateway's body reader does: the pipeline walks the body recursively (stack overflow).
      tooDeep = jsonNestingExceeds(text);
      body = tooDeep ? undefined : JSON.parse(text);
    } catch {
      body = undefined;
    } finally {
      wipe(opened.plaintext);
    }
    if (tooDeep) {
      result = sealedError(400, 'invalid_json', `The decrypted request body is nested more than ${MAX_JSON_DEPTH} levels deep.`);
    } else if (!body || typeof body !== 'object' || Array.isArray(body)) {
      result = sealedError(400, 'invalid_json', 'The decrypted request body is not a JSON object.');
    } else if ((body as { model?: unknown }).model !== envelope.header.model) {
      // The gateway routed and rate-limited on the cleartext model: the body must ask for the same one.
      result = sealedError(400, 'confidential_model_mismatch', 'The sealed body asks for a different model than the envelope declares.');
    } else {
      // The same body checks as the plain route (schemas, unsupported parameters), answered sealed.
      const checked = checkRequestBody(message.surface, body);
      if (!checked.ok) {
        result = { kind: 'error', status: 400, error: checked.error };
      } else {
        const user = checked.body.user;
        if (typeof user === 'string' && user.length > 0) ctx.endUser = endUserPseudonym(user);
        try {
          result = await enclavePipeline.pipeline.run(message.surface, checked.body, ctx);
        } catch {
          result = sealedError(500, 'enclave_internal_error', 'The enclave failed while processing the request.');
        }
      }
    }

    if (result.kind === 'stream') {
      // Same SSE bytes as plain mode (src/gateway/sse.ts): a failure before the first chunk is a JSON
      // error with its status; after it, an in-stream error event; Responses API events are named.
      const iterator = result.chunks[Symbol.asyncIterator]();
      let next: IteratorResult<Record<string, unknown>>;
      try {
        next = await iterator.next();
      } catch (error) {
        result = streamFailure(error);
        next = { done: true, value: undefined };
      }
      if (result.kind === 'stream') {
        const responses = message.surface === 'responses';
        const frame = (chunk: Record<string, unknown>) =>
          responses ? `event: ${String(chunk.type)}\ndata: ${JSON.stringify(chunk)}\n\n` : `data: ${JSON.stringify(chunk)}\n\n`;
        const batch = new StreamBatcher(id, responseSealer());
        let sequence = 0;
        let tail = responses ? '' : 'data: [DONE]\n\n';
        let errorCode: string | undefined;
        try {
          while (!next.done) {
            if (typeof next.value.sequence_number === 'number') sequence = next.value.sequence_number + 1;
            batch.addText(frame(next.value));
            if (abort.signal.aborted) break;
            next = await iterator.next();
          }
          if (abort.signal.aborted) await iterator.return?.();
        } catch (error) {
          const failure = streamFailure(error);
          const body = failure.kind === 'error' ? failure.error : { message: 'The response stream failed.', type: 'api_error', code: 'stream_error', param: null };
          errorCode = releasedErrorCode(body.code, 'stream_error');
          tail = responses
            ? frame({ type: 'error', code: body.code, message: body.message, param: body.param, sequence_number: sequence })
            : `data: ${JSON.stringify({ error: body })}\n\n`;
        }
        // The authenticated final frame: [DONE], the error event, or (Responses API) empty.
        batch.finish(release(200, errorCode ?? (abort.signal.aborted ? 'client_closed_request' : undefined)), abort.signal.aborted ? undefined : tail);
        receiptFor(200);
        return;
      }
    }

    const status = result.status;
    const payload = result.kind === 'json' ? result.body : { error: result.error };
    const responseKeys = responseSealer();
    const head = responseKeys.begin({ status, kind: 'json' });
    // Over 16 MiB (a body may be up to upstream.maxResponseBytes) it is data frames, then the final one.
    const bytes = concatBytes(head, responseKeys.sealFrames(utf8(JSON.stringify(payload)), true));
    const released = release(status, result.kind === 'error' ? releasedErrorCode(result.error.code, 'error') : undefined);
    post({ type: 'head', id, status, stream: false, bytes, release: released }, [bytes.buffer as ArrayBuffer]);
    receiptFor(status);
  } finally {
    inflight.delete(id);
  }
}

port.on('message', (message: HostToEnclave) => {
  switch (message.type) {
    case 'attest':
      post({ type: 'attested', id: message.id, response: attest(message.nonce) });
      break;
    case 'request':
      handleRequest(message).catch(() => post({ type: 'failed', id: message.id, message: 'enclave request handling failed' }));
      break;
    case 'cancel':
      inflight.get(message.id)?.abort();
      break;
    case 'sign': {
      if (!mayVouchFor(message.payload)) {
        post({ type: 'sign_refused', id: message.id });
        break;
      }
      const signature = ring.sign(receiptSignedBytes(message.payload));
      post({ type: 'signed', id: message.id, signature, signingPublicKey: toBase64Url(ring.signingPublicKey), measurement: measurement.measurement });
      break;
    }
    case 'rotate':
      post({ type: 'rotated', id: message.id, keyId: ring.rotate(settings.keyGraceMs).keyId });
      break;
    case 'shutdown':
      clearInterval(rotationTimer);
      for (const abort of inflight.values()) abort.abort();
      ring.destroy();
      wipe(root.privateKey);
      endUserKey.fill(0);
      void enclavePipeline.close().finally(() => port.close());
      break;
  }
});
