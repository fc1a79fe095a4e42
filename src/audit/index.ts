/**
 * The audit runtime the gateway wires in: `createAudit(config, deps)` gives
 *   observer     OutcomeObserver: one chained record per request + the final receipt
 *   headerHook   x-sealgate-receipt on every response that has a request context
 *   guard        express middleware: 503 before serving while the sink is down (fail_closed)
 *   stages       digest GuardStages (input first, output last) filling ctx.digests
 *   readiness    for /readyz
 * Library entry points for other rooms are re-exported at the bottom.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import type { OutcomeLocals } from '../gateway/middleware/request-lifecycle.js';
import type { Registry } from 'prom-client';
import type { SealGateConfig } from '../config/schema.js';
import type { Logger } from '../observability/logger.js';
import type { OutcomeObserver, RequestOutcome } from '../gateway/outcome.js';
import type { HeaderHook } from '../gateway/hooks.js';
import type { GuardStage } from '../pipeline/pipeline.js';
import type { RequestContext } from '../pipeline/types.js';
import { ApiError } from '../gateway/errors.js';
import { assembleReceipt, RECEIPT_HEADER, receiptKeyId, receiptPublicKey } from '../protocol/receipt-token.js';
import { generateAuditKey, parseAuditKey, readSecret, type AuditKeys } from './keys.js';
import { loadSealKey, openRecordLine, type SealKey } from './seal.js';
import { AuditTrail } from './trail.js';
import { ChainTailError, startOrphanRecovery } from './recovery.js';
import { signChainRegistration } from './checkpoint.js';
import { FileSink, claimChain, fileSafeChain } from './sinks/file.js';
import { RedisSink } from './sinks/redis.js';
import type { AuditSink } from './sinks/types.js';
import { createAuditMetrics } from './metrics.js';
import { createDigestStages, isOutputFinal } from './digest-stage.js';
import { ReceiptIssuer, type ReceiptFacts } from './receipts.js';
import type { ReceiptStore } from './receipt-store/types.js';
import { MemoryReceiptStore } from './receipt-store/memory.js';
import { RedisReceiptStore } from './receipt-store/redis.js';
import { applyRetention } from './retention.js';

/** The enclave host's receipt signing (confidential mode), as CONF's EnclaveHost offers it. */
export interface EnclaveReceiptSigner {
  readonly identity?: { signingPublicKey: string; measurement: string };
  signReceipt(payload: Uint8Array): Promise<{ signature: Uint8Array; signingPublicKey: string; measurement: string }>;
}

export interface AuditDeps {
  logger: Logger;
  registry?: Registry;
  env?: NodeJS.ProcessEnv;
  /** Confidential mode: final receipts of confidential requests are signed by the enclave's attested key. */
  enclave?: EnclaveReceiptSigner;
}

const OPS_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

export interface AuditRuntime {
  trail: AuditTrail;
  keys: AuditKeys;
  sealKey?: SealKey;
  issuer?: ReceiptIssuer;
  receipts?: ReceiptStore;
  observer: OutcomeObserver;
  headerHook: HeaderHook;
  /** Signs a request's provisional header receipt ahead of the header hook (confidential route). */
  presignHeader(ctx: RequestContext): void;
  guard: RequestHandler;
  stages: { input: GuardStage; output: GuardStage };
  readiness: () => Promise<boolean>;
  close(): Promise<void>;
}

export function loadAuditKeys(config: SealGateConfig, logger: Logger, env: NodeJS.ProcessEnv = process.env): AuditKeys {
  const text = readSecret(config.audit.key, env);
  if (text) return parseAuditKey(text);
  const keys = generateAuditKey();
  logger.warn(
    { kid: keys.kid, publicKey: keys.publicKeyRaw },
    'no audit key configured (audit.key / SEALGATE_AUDIT_KEY): using a throw-away key; checkpoints and receipts verify only with this public key',
  );
  return keys;
}

export function chainIdFor(config: SealGateConfig, env: NodeJS.ProcessEnv = process.env): string {
  return fileSafeChain(config.audit.instanceId ?? env.SEALGATE_INSTANCE_ID ?? hostname());
}

export async function createAudit(config: SealGateConfig, deps: AuditDeps): Promise<AuditRuntime> {
  const a = config.audit;
  const env = deps.env ?? process.env;
  const logger = deps.logger.child({ component: 'audit' });
  const keys = loadAuditKeys(config, logger, env);
  const sealKey = a.encryption ? loadSealKey(a.encryption, a.sink === 'file' ? a.file.dir : undefined, env) : undefined;
  const baseChain = chainIdFor(config, env);

  const metrics = createAuditMetrics(deps.registry);
  // This boot: the Redis sink's chain id, and the `recovered.by` of a recovery checkpoint it signs.
  const bootId = `${baseChain}.${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const trailOptions = (chain: string, sink: AuditSink) => ({
    chain,
    bootId,
    keys,
    sink,
    sealKey,
    checkpointEvery: a.checkpoint.everyRecords,
    checkpointIntervalMs: a.checkpoint.everyMs,
    rotation: a.sink === 'file' ? { maxBytes: a.file.maxBytes, daily: a.file.rotateDaily } : undefined,
    onSinkFailure: a.onSinkFailure,
    maxBuffered: a.buffer.maxRecords,
    retryBaseMs: a.buffer.retryBaseMs,
    retryMaxMs: a.buffer.retryMaxMs,
    probeIntervalMs: a.buffer.probeMs,
    logger,
    metrics,
  });

  let trail: AuditTrail;
  let releaseChain: (() => Promise<void>) | undefined;
  let recovery: { stop(): void } | undefined;
  if (a.sink === 'redis') {
    const url = a.redis.url ?? config.redisUrl;
    if (!url) throw new Error('audit.sink is "redis" but neither audit.redis.url nor redisUrl is set');
    const sink = new RedisSink({
      url,
      stream: a.redis.stream,
      maxLen: a.redis.maxLen,
      instance: baseChain,
      lockTtlMs: a.redis.lockTtlMs,
      signRegistration: (chain) => signChainRegistration(keys.signingKey, chain),
    });
    // A capped stream cannot be resumed from, so each boot starts its own chain; the chains earlier
    // boots of this instance left unsigned when they crashed are recovered (signed and closed) meanwhile.
    trail = await AuditTrail.open(trailOptions(bootId, sink));
    recovery = startOrphanRecovery({ sink, keys, sealKey, bootChain: bootId, logger });
  } else {
    const fileSink = () => new FileSink({ dir: a.file.dir, prefix: a.file.prefix, headDir: a.file.headDir, openLine: (line) => openRecordLine(line, sealKey) });
    let claim = await claimChain(a.file.dir, a.file.prefix, baseChain);
    if (claim.chain !== baseChain) logger.warn({ preferred: baseChain, chain: claim.chain }, 'audit chain id in use by another writer: using a per-process chain');
    try {
      trail = await AuditTrail.open(trailOptions(claim.chain, fileSink()));
    } catch (err) {
      if (!(err instanceof ChainTailError)) throw err;
      // The chain's end fails re-verification (tampered): neither sign it nor link to it. It stays as
      // it is for verify to report; this process writes a chain of its own.
      await claim.release();
      claim = await claimChain(a.file.dir, a.file.prefix, baseChain, { skipPreferred: true });
      logger.error({ chain: err.chain, seq: err.seq, problem: err.problem, newChain: claim.chain }, 'audit chain NOT resumed: its unsigned tail fails re-verification (run sealgate audit verify); writing a per-process chain');
      trail = await AuditTrail.open(trailOptions(claim.chain, fileSink()));
    }
    releaseChain = claim.release;
  }

  let retentionTimer: NodeJS.Timeout | undefined;
  if (a.sink === 'file' && a.file.retentionDays) {
    const run = () =>
      applyRetention({ dir: a.file.dir, prefix: a.file.prefix, days: a.file.retentionDays! }).then(
        (r) => r.deleted.length && logger.info({ deleted: r.deleted.length }, 'audit retention applied'),
        (err: unknown) => logger.error({ err: (err as Error).message }, 'audit retention failed'),
      );
    void run();
    retentionTimer = setInterval(run, 3600_000);
    retentionTimer.unref();
  }

  const issuer = a.receipts.enabled ? new ReceiptIssuer(keys.signingKey, keys.kid) : undefined;
  let receipts: ReceiptStore | undefined;
  if (issuer) {
    receipts = config.redisUrl
      ? await RedisReceiptStore.connect(config.redisUrl, a.receipts.ttlSec)
      : new MemoryReceiptStore(a.receipts.maxInMemory, a.receipts.ttlSec * 1000);
  }
  /** Requests whose header receipt was final (no need to issue another at the end). */
  const finalSent = new Set<string>();
  /** In-flight /v1 responses by request id (removed on close). */
  const responses = new Map<string, Response>();

  const storeReceipt = (requestId: string, tenantId: string, token: string) => {
    receipts?.put(requestId, { tenantId, token }).catch((err: unknown) => logger.warn({ requestId, err: (err as Error).message }, 'receipt not stored'));
  };

  /** What the header receipt of this request says now (see headerHook). */
  const headerFacts = (ctx: RequestContext): { facts: ReceiptFacts; final: boolean } => {
    const locals = responses.get(ctx.requestId)?.locals as OutcomeLocals | undefined;
    if (locals?.confidential) {
      // Confidential mode: the gateway is the party the client does not trust, so its header receipt
      // only says what it saw (request id, tenant, the enclave it forwarded to), `fin: false`; the
      // final receipt with digests, verdicts and status is signed by the enclave (GET /v1/receipts/{id}).
      // Knowing all of it up front, the route has it signed while the enclave works (presignHeader).
      return { final: false, facts: { requestId: ctx.requestId, tenantId: ctx.tenantId, verdicts: [], measurement: locals.measurement, final: false } };
    }
    // A stream's output is unknown when headers go out (the digest stage tracks it).
    const final = isOutputFinal(ctx);
    return {
      final,
      facts: { requestId: ctx.requestId, tenantId: ctx.tenantId, digests: ctx.digests, policyVersion: ctx.policyVersion, verdicts: ctx.verdicts, measurement: locals?.measurement, final },
    };
  };

  /**
   * Streams: the header receipt is provisional (input digest and verdicts, `fin: false`), and all of
   * it is known once the input stages are done. It is signed then, while the upstream is working on
   * its first chunk, instead of on the way to the client's first byte. The header hook uses it only
   * if the payload it would sign is byte for byte the same (same second, nothing added since);
   * otherwise it signs afresh.
   */
  const presigned = new WeakMap<RequestContext, { json: string; token: string }>();
  const presign = (ctx: RequestContext): void => {
    if (!issuer || !responses.has(ctx.requestId)) return;
    const json = JSON.stringify(issuer.payload({ ...headerFacts(ctx).facts, final: false }));
    presigned.set(ctx, { json, token: issuer.issueJson(json) });
  };

  /**
   * A final (non-streamed) answer's header receipt is known once the output digest stage has run. When other
   * requests are in flight, it is signed then on the thread pool, so the ~30 µs of Ed25519 leave the event loop
   * that serves them; a lone request signs in the header hook as before (a thread-pool round trip would only add
   * latency). The header hook uses it if the payload is byte for byte the same.
   */
  const presignFinalIfBusy = (ctx: RequestContext): Promise<void> | undefined => {
    // A lone request (the usual case on a quiet gateway) returns at once: no promise for the output stage to wait on.
    if (!issuer || responses.size < 2 || !responses.has(ctx.requestId)) return undefined;
    const { facts, final } = headerFacts(ctx);
    if (!final) return undefined;
    const json = JSON.stringify(issuer.payload(facts));
    return issuer.issueJsonAsync(json).then(
      (token) => void presigned.set(ctx, { json, token }),
      () => undefined, // The header hook signs synchronously instead.
    );
  };

  const headerHook: HeaderHook = (ctx): Record<string, string> => {
    if (!issuer) return {};
    const { facts, final } = headerFacts(ctx);
    const json = JSON.stringify(issuer.payload(facts));
    const early = presigned.get(ctx);
    const token = early && early.json === json ? early.token : issuer.issueJson(json);
    if (final) finalSent.add(ctx.requestId);
    // An unauthenticated caller could never fetch it, and storing it would let anyone fill the store. A final one
    // is stored on the check phase of this loop turn: after the response has been written (a Redis store's command
    // is a socket write), before this process reads another request, so GET /v1/receipts/{id} finds it; nothing
    // stores another for the request (the observer skips it). A provisional one at once: the observer's final
    // receipt may follow within this turn (a short stream) and must not be overwritten.
    if (ctx.tenantId !== 'anonymous') {
      if (final) setImmediate(storeReceipt, ctx.requestId, ctx.tenantId, token);
      else storeReceipt(ctx.requestId, ctx.tenantId, token);
    }
    return { [RECEIPT_HEADER]: token };
  };

  /** Confidential requests: the enclave signs the final receipt, binding its measurement. */
  const enclaveReceipt = async (facts: ReceiptFacts): Promise<string> => {
    const enclave = deps.enclave!;
    const kidOfEnclave = (pub: string) => receiptKeyId(receiptPublicKey(pub));
    let payload = issuer!.payload({ ...facts, measurement: enclave.identity?.measurement ?? facts.measurement });
    if (enclave.identity) payload.kid = kidOfEnclave(enclave.identity.signingPublicKey);
    let json = Buffer.from(JSON.stringify(payload));
    let signed = await enclave.signReceipt(json);
    if (payload.kid !== kidOfEnclave(signed.signingPublicKey) || payload.m !== signed.measurement) {
      // The enclave restarted with a new key between identity and signing: bind the key that signed.
      payload = { ...payload, kid: kidOfEnclave(signed.signingPublicKey), m: signed.measurement };
      json = Buffer.from(JSON.stringify(payload));
      signed = await enclave.signReceipt(json);
    }
    return assembleReceipt(json, signed.signature);
  };

  const observer: OutcomeObserver = async (outcome: RequestOutcome) => {
    // Probes and scrapes are operations traffic, not API use: auditing them would drown the log.
    if (OPS_ROUTES.has(outcome.route)) return;
    trail.record(outcome);
    if (!issuer) return;
    const headerWasFinal = finalSent.delete(outcome.requestId);
    if (headerWasFinal && !(outcome.confidential && deps.enclave)) return;
    if (!outcome.tenantId || outcome.tenantId === 'anonymous') return; // never authenticated: nobody could fetch it
    const facts: ReceiptFacts = {
      requestId: outcome.requestId,
      tenantId: outcome.tenantId,
      digests: outcome.digests,
      policyVersion: outcome.policyVersion,
      verdicts: outcome.verdicts,
      measurement: outcome.measurement,
      status: outcome.status,
      final: true,
    };
    const token = outcome.confidential && deps.enclave ? await enclaveReceipt(facts) : issuer.issue(facts);
    storeReceipt(outcome.requestId, outcome.tenantId, token);
  };

  const guard: RequestHandler = (_req, res, next) => {
    if (issuer) {
      // Lets the header hook (which only sees the RequestContext) read the route's stream/confidential flags.
      const id = res.locals.requestId as string;
      responses.set(id, res);
      res.once('close', () => responses.get(id) === res && responses.delete(id));
    }
    if (trail.healthy || a.onSinkFailure !== 'fail_closed') return next();
    next(
      new ApiError(503, 'The audit trail is unavailable, so requests are refused (audit.onSinkFailure = fail_closed). Retry shortly.', {
        type: 'api_error',
        code: 'audit_unavailable',
        headers: { 'retry-after': '1' },
      }),
    );
  };

  return {
    trail,
    keys,
    sealKey,
    issuer,
    receipts,
    observer,
    headerHook,
    presignHeader: presign,
    guard,
    stages: withPresign(createDigestStages(keys), presign, presignFinalIfBusy),
    readiness: () => trail.probe(),
    async close() {
      if (retentionTimer) clearInterval(retentionTimer);
      recovery?.stop();
      await trail.close();
      await releaseChain?.();
      await receipts?.close();
    },
  };
}

/**
 * The output digest stage runs last among the input stages too: a streamed request's provisional
 * receipt is signed as its deferred work (the pipeline's `later`, after the input digest's) — once the
 * upstream request has been written, while its first chunk is on the way.
 */
function withPresign(
  stages: { input: GuardStage; output: GuardStage },
  presign: (ctx: RequestContext) => void,
  presignFinalIfBusy: (ctx: RequestContext) => Promise<void> | undefined,
): { input: GuardStage; output: GuardStage } {
  const digestOutput = stages.output.output?.bind(stages.output);
  const output: GuardStage = {
    name: stages.output.name,
    input({ body, ctx }) {
      return body.stream === true ? { action: 'continue', later: () => presign(ctx) } : { action: 'continue' };
    },
    // Synchronous unless a signature goes to the thread pool (the digest stage's output is synchronous).
    output: digestOutput
      ? (req) => {
          const result = digestOutput(req);
          const presigning = presignFinalIfBusy(req.ctx);
          return presigning ? presigning.then(() => result) : result;
        }
      : undefined,
    outputStream: stages.output.outputStream?.bind(stages.output),
  };
  return { input: stages.input, output };
}

export { digestContent } from './digest.js';
export { createDigestStages } from './digest-stage.js';
export { keysFromSeed, parseAuditKey, generateAuditKey, type AuditKeys } from './keys.js';
export { ReceiptIssuer } from './receipts.js';
export { verifyAudit } from './verify.js';
