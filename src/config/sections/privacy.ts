import { z } from 'zod';

const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name');

/**
 * `privacy` section: what the gateway forwards upstream about the people behind a request, and the
 * key its keyed digests use.
 */
export const privacySection = z
  .object({
    /**
     * Env var holding the HMAC key (≥ 16 characters) for the `hash` PII operator and hashed end-user ids —
     * the same variable `sealgate clean --pii hash` reads, so a corpus and the gateway hash alike. Unset: a
     * random key per process, so hashes change on restart and differ between instances.
     */
    hashKeyEnv: envName.default('SEALGATE_HASH_KEY'),
    /**
     * The request fields that name an end user (`user`, `safety_identifier`, `prompt_cache_key`), often an e-mail address:
     * `hash` forwards a keyed digest (stable per user, so the provider's abuse monitoring still works, as
     * OpenAI itself recommends), `relay` forwards them as sent, `drop` removes them.
     */
    endUserIds: z.enum(['hash', 'relay', 'drop']).default('hash'),
  })
  .strict();

export type PrivacyConfig = z.infer<typeof privacySection>;
