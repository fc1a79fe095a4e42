import { z } from 'zod';

/**
 * `confidential` section: the simulated enclave (a worker thread holding the keys) and the
 * confidential routes. See docs/PROTOCOL.md.
 */
export const confidentialSection = z
  .object({
    /** Start the enclave worker and mount `/v1/attestation` and `/v1/confidential/*`. */
    enabled: z.boolean().default(false),
    /** Root Ed25519 key pair created by `sealgate enclave init`; read only by the enclave worker. */
    rootKeyFile: z.string().min(1).default('.sealgate/enclave-root.json'),
    /** How often the enclave replaces its HPKE key pair (new key id). */
    rotationIntervalMs: z.number().int().min(1_000).default(3_600_000),
    /** How long the previous key is still accepted after a rotation, for requests already sealed to it. */
    keyGraceMs: z.number().int().min(0).default(300_000),
    /** Lifetime of an attestation document; clients cache it until then. */
    attestationTtlMs: z.number().int().min(1_000).default(300_000),
    /** Requests whose timestamp is further than this from the enclave clock are refused (replay window). */
    timestampWindowMs: z.number().int().min(1_000).max(600_000).default(60_000),
    /** Largest sealed request body accepted. */
    maxRequestBytes: z.number().int().min(1_024).default(8 * 1024 * 1024),
    /** How long a request waits for a (re)starting enclave before failing with 503. */
    readyTimeoutMs: z.number().int().min(100).default(15_000),
    /** Files hashed into the measurement's `policy` part, in addition to the guardrails config. */
    policyFiles: z.array(z.string().min(1)).default([]),
    /** Directory of guardrail model weights hashed into the measurement's `models` part. */
    modelDir: z.string().min(1).default('guardrails/models'),
  })
  .strict();

export type ConfidentialConfig = z.infer<typeof confidentialSection>;
