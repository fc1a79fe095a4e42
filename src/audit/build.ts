/**
 * Turns a RequestOutcome into a record body by copying an explicit allow-list of fields, so a new
 * field on the outcome never reaches the log by accident. Free-form strings that could come from a
 * caller (model name, request id, route) are kept only when they look like identifiers; otherwise
 * they are replaced by a marker, because a caller could put personal data in them.
 */
import type { RequestOutcome } from '../gateway/outcome.js';
import type { Verdict } from '../../guardrails/core/types.js';
import { AUDIT_SCHEMA_VERSION, type OutcomeKind } from './record.js';

const SAFE_ID = /^[A-Za-z0-9._:/@+-]{1,128}$/;
/** A domain after the '@': e-mail-shaped. Policy versions (tenant@hash) and Vertex-style model ids (name@date) have none. */
const EMAIL_SHAPED = /@[^@]*\.[A-Za-z]{2,}$/;
const SAFE_DIGEST = /^hmac-sha256:[A-Za-z0-9_-]{43}$/;
const TRANSFORMING = new Set(['redact', 'mask', 'hash', 'placeholder', 'pseudonymize', 'answer']);

/** Keeps identifier-looking strings; anything else (spaces, long, odd characters) becomes a marker. */
function safeId(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  // An email-shaped "model" or request id is caller data, not an identifier.
  if (SAFE_ID.test(value) && !EMAIL_SHAPED.test(value)) return value;
  return '[unrecognised]';
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

export function outcomeKind(o: Pick<RequestOutcome, 'status' | 'errorCode' | 'verdicts'>): OutcomeKind {
  if (o.status === 429) return 'rate_limited';
  if (o.verdicts.some((v) => v.action === 'block') || o.errorCode === 'content_policy_violation') return 'blocked';
  if (o.status >= 500) return 'failed';
  if (o.status >= 400) return 'rejected';
  // A stream that failed after its 200 went out (an in-stream error event) failed all the same; a client
  // that left early did not make it fail.
  if (o.errorCode !== undefined && o.errorCode !== 'client_closed_request') return 'failed';
  if (o.verdicts.some((v) => TRANSFORMING.has(v.action))) return 'transformed';
  if (o.verdicts.some((v) => v.action === 'flag')) return 'flagged';
  return 'allowed';
}

function verdictFields(v: Verdict): Verdict {
  const out: Verdict = {
    stage: v.stage,
    detector: v.detector,
    category: v.category,
    score: Math.round(Math.min(1, Math.max(0, v.score)) * 10_000) / 10_000,
    action: v.action,
  };
  if (v.count !== undefined) out.count = v.count;
  return out;
}

/** The JSON body (without hash) of a request record. Field order is fixed by construction. */
export function requestRecordBody(o: RequestOutcome, chain: string, seq: number, prev: string): string {
  const timings: Record<string, number> = {};
  for (const [stage, ms] of Object.entries(o.timings)) {
    if (SAFE_ID.test(stage) && Number.isFinite(ms)) timings[stage] = round3(ms);
  }
  const digests: { input?: string; output?: string } = {};
  if (o.digests?.input && SAFE_DIGEST.test(o.digests.input)) digests.input = o.digests.input;
  if (o.digests?.output && SAFE_DIGEST.test(o.digests.output)) digests.output = o.digests.output;
  const record = {
    v: AUDIT_SCHEMA_VERSION,
    kind: 'request',
    chain,
    seq,
    ts: o.startedAt.toISOString(),
    prev,
    requestId: safeId(o.requestId) ?? '[missing]',
    method: safeId(o.method) ?? 'GET',
    route: safeId(o.route.split('?')[0]) ?? '[unrecognised]',
    status: o.status,
    outcome: outcomeKind(o),
    errorCode: safeId(o.errorCode),
    tenantId: safeId(o.tenantId),
    keyId: safeId(o.keyId),
    sourceIp: o.sourceIp && /^[0-9a-fA-F.:]{2,45}$/.test(o.sourceIp) ? o.sourceIp : undefined,
    // An unknown model name is whatever the caller typed (it could be anything, PII included).
    model: o.errorCode === 'model_not_found' ? undefined : safeId(o.model),
    provider: safeId(o.provider),
    stream: o.stream,
    confidential: o.confidential,
    latencyMs: round3(Math.max(0, o.latencyMs)),
    timings,
    usage: o.usage ? { promptTokens: o.usage.promptTokens | 0, completionTokens: o.usage.completionTokens | 0 } : undefined,
    verdicts: o.verdicts.map(verdictFields),
    digests: digests.input || digests.output ? digests : undefined,
    policyVersion: safeId(o.policyVersion),
    measurement: safeId(o.measurement),
  };
  // JSON.stringify drops undefined fields, which keeps records compact.
  return JSON.stringify(record);
}

export function checkpointBody(
  chain: string,
  seq: number,
  prev: string,
  reason: 'count' | 'interval' | 'rotate' | 'close' | 'resume',
  records: number,
  kid: string,
  now = new Date(),
  recovered?: { from: number; until: number; by: string },
): string {
  const body: Record<string, unknown> = { v: AUDIT_SCHEMA_VERSION, kind: 'checkpoint', chain, seq, ts: now.toISOString(), prev, reason, records, kid };
  if (recovered) body.recovered = { from: recovered.from, until: recovered.until, by: recovered.by };
  return JSON.stringify(body);
}

export function gapBody(chain: string, seq: number, prev: string, lost: number, reason: string, from: Date, until: Date): string {
  return JSON.stringify({
    v: AUDIT_SCHEMA_VERSION,
    kind: 'gap',
    chain,
    seq,
    ts: new Date().toISOString(),
    prev,
    lost,
    reason,
    from: from.toISOString(),
    until: until.toISOString(),
  });
}
