import { z } from 'zod';

/**
 * `access` section: who may call the gateway, with which models, and how fast.
 * Owned by the access-control room (src/auth, src/store, src/gateway/middleware/access.ts).
 */

/** The documented dev key. Accepted ONLY while `access.devMode` is true (the README quick start uses it). */
export const DEV_API_KEY = 'sg-dev-local-only-key';
export const DEV_TENANT_ID = 'dev';

const positiveInt = z.number().int().positive();
/** The form of tenant ids in `tenants`, mTLS mappings and key records: one rule, so a typo is caught where it is written. */
export const TENANT_ID_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
const tenantId = z.string().regex(TENANT_ID_PATTERN, 'tenant ids are 1-64 of A-Z a-z 0-9 _ . -');

/** Limits for one bucket owner (a tenant or a key). Omitted = unlimited on that axis. */
export const limitsSchema = z
  .object({
    requestsPerMinute: positiveInt.optional(),
    tokensPerMinute: positiveInt.optional(),
    concurrentRequests: positiveInt.optional(),
  })
  .strict();
export type Limits = z.infer<typeof limitsSchema>;

/** `'*'` = any model; otherwise an explicit allow-list of model names (as clients send them). */
export const modelsSchema = z.union([z.literal('*'), z.array(z.string().min(1)).min(1)]);
export type ModelScope = z.infer<typeof modelsSchema>;

const tenantSchema = z
  .object({
    models: modelsSchema.default('*'),
    /** Shared by every key of the tenant: one tenant's burst cannot starve another. */
    limits: limitsSchema.optional(),
    /** Default per-key limits for this tenant's keys (a key record may narrow them further). */
    keyLimits: limitsSchema.optional(),
  })
  .strict();
export type TenantConfig = z.infer<typeof tenantSchema>;

const mtlsClientSchema = z
  .object({
    /** SHA-256 fingerprint as Node prints it (`AB:CD:…`); case and colons are ignored. */
    fingerprint256: z.string().regex(/^[0-9a-fA-F:]{64,95}$/, 'expected a SHA-256 fingerprint').optional(),
    /** Subject common name (CN) of the client certificate. */
    subjectCN: z.string().min(1).optional(),
    tenant: tenantId,
    models: modelsSchema.optional(),
  })
  .strict()
  .refine((c) => c.fingerprint256 !== undefined || c.subjectCN !== undefined, {
    message: 'an mTLS client mapping needs fingerprint256 or subjectCN',
  });
export type MtlsClientMapping = z.infer<typeof mtlsClientSchema>;

export const accessSection = z
  .object({
    /**
     * Dev mode accepts the documented dev key for tenant `dev`. On by default so the quick start works
     * out of the box on loopback; `sealgate doctor` warns when it is on beyond loopback.
     */
    devMode: z.boolean().default(true),
    /** Where `sealgate keys` stores key records (hashes only) when Redis is not configured. */
    keysFile: z.string().min(1).default('.sealgate/keys.json'),
    /** Keys unused for this many days stop working (`sealgate keys enable <id>` revives them). 0 = never. */
    disableUnusedAfterDays: z.number().int().min(0).default(90),
    tenants: z.record(tenantId, tenantSchema).default({}),
    /** Applied to tenants not listed in `tenants` (and to fields a listed tenant leaves out). */
    defaultTenantLimits: limitsSchema.default({ requestsPerMinute: 600, tokensPerMinute: 1_000_000, concurrentRequests: 64 }),
    defaultKeyLimits: limitsSchema.default({}),
    tokens: z
      .object({
        /**
         * Env var holding the HMAC secret (≥ 32 bytes) that signs short-lived tokens. Unset: a random
         * per-process secret, so tokens do not survive a restart nor cross gateway instances.
         */
        signingKeyEnv: z.string().min(1).default('SEALGATE_TOKEN_SECRET'),
        /** Default 15, or maxTtlMinutes when that is lower. */
        defaultTtlMinutes: z.number().positive().optional(),
        maxTtlMinutes: z.number().positive().default(60),
      })
      .strict()
      // A default above the maximum refused every POST /v1/tokens that left ttl_minutes out (400, naming a
      // field the client never sent).
      .refine((t) => t.defaultTtlMinutes === undefined || t.defaultTtlMinutes <= t.maxTtlMinutes, {
        path: ['defaultTtlMinutes'],
        message: 'must not be more than maxTtlMinutes',
      })
      .transform((t) => ({ ...t, defaultTtlMinutes: t.defaultTtlMinutes ?? Math.min(15, t.maxTtlMinutes) }))
      .prefault({}),
    mtls: z
      .object({ clients: z.array(mtlsClientSchema).default([]) })
      .strict()
      .prefault({}),
  })
  .strict();

export type AccessConfig = z.infer<typeof accessSection>;
