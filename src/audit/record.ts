/**
 * The audit record schema, version 1 (documented in docs/audit.md). One JSON object per line.
 * Every record is a link of a hash chain: `prev` is the previous record's `hash`, `seq` counts up
 * from 0 per chain. Records carry verdicts, timings, counts and keyed digests — never text.
 *
 * The zod schemas are the contract for readers (verify, query, tests); the writer builds records
 * with typed functions (see build.ts) so the hot path does not pay for validation.
 */
import { z } from 'zod';

export const AUDIT_SCHEMA_VERSION = 1;

/** base64url of a SHA-256 / HMAC-SHA256 output: 43 characters, no padding. */
const b64url256 = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
/** `hmac-sha256:` + base64url: the digest format of `digestContent`. */
export const contentDigest = z.string().regex(/^hmac-sha256:[A-Za-z0-9_-]{43}$/);

const chainFields = {
  v: z.literal(AUDIT_SCHEMA_VERSION),
  /** Chain id: one per gateway instance (per boot for the Redis sink). */
  chain: z.string().min(1).max(128),
  seq: z.number().int().nonnegative(),
  /** ISO-8601 UTC time the record was written (request records: when the request started). */
  ts: z.string().datetime({ offset: false }),
  /** Hash of the previous record of this chain; GENESIS_PREV for seq 0. */
  prev: b64url256,
  hash: b64url256,
};

export const verdictRecord = z
  .object({
    stage: z.enum(['input', 'output']),
    detector: z.string(),
    category: z.string(),
    score: z.number().min(0).max(1),
    action: z.enum(['allow', 'flag', 'redact', 'mask', 'hash', 'placeholder', 'pseudonymize', 'answer', 'block']),
    count: z.number().int().nonnegative().optional(),
  })
  .strict();

/** What happened to the request, derived from status, error code and verdict actions. */
export const requestOutcomeKind = z.enum([
  'allowed',
  'flagged',
  'transformed',
  'blocked',
  'rate_limited',
  'rejected',
  'failed',
]);
export type OutcomeKind = z.infer<typeof requestOutcomeKind>;

export const requestRecord = z
  .object({
    ...chainFields,
    kind: z.literal('request'),
    requestId: z.string(),
    method: z.string(),
    /** Path without query string. */
    route: z.string(),
    status: z.number().int(),
    outcome: requestOutcomeKind,
    errorCode: z.string().optional(),
    tenantId: z.string().optional(),
    /** Public key id, never the key. */
    keyId: z.string().optional(),
    sourceIp: z.string().optional(),
    model: z.string().optional(),
    provider: z.string().optional(),
    stream: z.boolean(),
    confidential: z.boolean(),
    /** Whole-request latency and per-stage milliseconds (3 decimals). */
    latencyMs: z.number().nonnegative(),
    timings: z.record(z.string(), z.number()),
    usage: z.object({ promptTokens: z.number().int(), completionTokens: z.number().int() }).strict().optional(),
    verdicts: z.array(verdictRecord),
    digests: z.object({ input: contentDigest.optional(), output: contentDigest.optional() }).strict().optional(),
    policyVersion: z.string().optional(),
    /** Enclave measurement (confidential mode). */
    measurement: z.string().optional(),
  })
  .strict();

/** A signed checkpoint: Ed25519 signature over its own hash, which commits to the whole chain before it. */
export const checkpointRecord = z
  .object({
    ...chainFields,
    kind: z.literal('checkpoint'),
    reason: z.enum(['count', 'interval', 'rotate', 'close', 'resume']),
    /** Records since the previous checkpoint. */
    records: z.number().int().nonnegative(),
    /** Signing key id: first 16 hex chars of SHA-256 of the raw Ed25519 public key. */
    kid: z.string(),
    /**
     * Present when this checkpoint signs the unsigned tail a crashed writer left (seq from..until, the
     * records since the previous checkpoint): the tail was re-verified as an unbroken hash chain from
     * that checkpoint, then signed by the boot named in `by` (docs/audit.md, crash recovery).
     */
    recovered: z
      .object({
        from: z.number().int().nonnegative(),
        until: z.number().int().nonnegative(),
        by: z.string().min(1).max(128),
      })
      .strict()
      .optional(),
    sig: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
  })
  .strict();

/** Records that could not be kept (buffer overflow while the sink was down) are declared, not silently dropped. */
export const gapRecord = z
  .object({
    ...chainFields,
    kind: z.literal('gap'),
    lost: z.number().int().positive(),
    reason: z.string(),
    from: z.string().datetime({ offset: false }),
    until: z.string().datetime({ offset: false }),
  })
  .strict();

export const auditRecord = z.discriminatedUnion('kind', [requestRecord, checkpointRecord, gapRecord]);

export type RequestRecord = z.infer<typeof requestRecord>;
export type CheckpointRecord = z.infer<typeof checkpointRecord>;
export type GapRecord = z.infer<typeof gapRecord>;
export type AuditRecord = z.infer<typeof auditRecord>;
export type VerdictRecord = z.infer<typeof verdictRecord>;

/** `prev` of the first record of a chain. */
export const GENESIS_PREV = 'A'.repeat(43);
