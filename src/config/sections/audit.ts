import { z } from 'zod';

/** A secret comes from a file or an environment variable, never from the config file itself. */
const secretSource = z
  .object({
    file: z.string().min(1).optional(),
    env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name').optional(),
  })
  .strict()
  .refine((s) => !(s.file && s.env), { message: 'give either file or env, not both' });

/**
 * `audit` section: the redacted, tamper-evident audit trail (docs/audit.md).
 * Records hold ids, verdicts, timings, counts and keyed digests — never text.
 */
export const auditSection = z
  .object({
    enabled: z.boolean().default(true),
    /**
     * Ed25519 audit key (32-byte seed as hex/base64, or PKCS#8 PEM): signs checkpoints and receipts;
     * the HMAC digest key is derived from it. Default: env SEALGATE_AUDIT_KEY; without one the gateway
     * uses a throw-away key and warns (checkpoints then verify only with the public key it logs).
     */
    key: secretSource.default({ env: 'SEALGATE_AUDIT_KEY' }),
    /** Chain id of this instance (default: env SEALGATE_INSTANCE_ID, else the host name). */
    instanceId: z
      .string()
      .regex(/^[A-Za-z0-9._]{1,64}$/, 'letters, digits, dot and underscore (it is part of file names)')
      .optional(),
    sink: z.enum(['file', 'redis']).default('file'),
    file: z
      .object({
        dir: z.string().min(1).default('./audit'),
        prefix: z.string().regex(/^[A-Za-z0-9_]{1,32}$/).default('audit'),
        /** Rotate when the current file reaches this size. */
        maxBytes: z.number().int().min(4096).default(64 * 1024 * 1024),
        /** Start a new file at each UTC day boundary. */
        rotateDaily: z.boolean().default(true),
        /** Where the latest signed checkpoint is kept (truncation evidence); ideally another volume. Default: the log dir. */
        headDir: z.string().min(1).optional(),
        /** Delete files older than this many days at rotation, keeping the chain verifiable from the retained start. */
        retentionDays: z.number().int().positive().optional(),
      })
      .strict()
      .prefault({}),
    redis: z
      .object({
        /** Default: the top-level redisUrl. */
        url: z.string().url().optional(),
        stream: z.string().min(1).default('sealgate:audit'),
        /** Approximate cap on the stream length (XADD MAXLEN ~). */
        maxLen: z.number().int().positive().default(1_000_000),
        /** Writer lock lifetime (renewed every third of it): a crashed boot's chain is recovered by the next boot once it expired. */
        lockTtlMs: z.number().int().min(300).default(15_000),
      })
      .strict()
      .prefault({}),
    checkpoint: z
      .object({
        everyRecords: z.number().int().positive().default(1000),
        everyMs: z.number().int().min(0).default(60_000),
      })
      .strict()
      .prefault({}),
    /** When the sink fails: refuse requests with 503 until it recovers, or keep serving and buffer with retry. */
    onSinkFailure: z.enum(['fail_closed', 'buffer']).default('buffer'),
    buffer: z
      .object({
        maxRecords: z.number().int().positive().default(100_000),
        retryBaseMs: z.number().int().positive().default(200),
        retryMaxMs: z.number().int().positive().default(10_000),
        /** Ping the sink this often while idle so an outage is noticed before a write fails (0 = off). */
        probeMs: z.number().int().min(0).default(2000),
      })
      .strict()
      .prefault({}),
    /** At-rest encryption (AES-256-GCM per record) with the operator's own 32-byte key. Off when unset. */
    encryption: secretSource.optional(),
    receipts: z
      .object({
        enabled: z.boolean().default(true),
        /** How long GET /v1/receipts/{id} can fetch a receipt. */
        ttlSec: z.number().int().positive().default(7 * 24 * 3600),
        /** In-memory store bound (when Redis is not configured). */
        maxInMemory: z.number().int().positive().default(100_000),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type AuditConfig = z.infer<typeof auditSection>;
