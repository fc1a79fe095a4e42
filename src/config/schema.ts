/**
 * The whole config, composed from one section schema per room. Each section file is owned by the
 * room it configures; adding a section is adding a file and one line here.
 */
import { z } from 'zod';
import { serverSection } from './sections/server.js';
import { upstreamSection } from './sections/upstream.js';
import { accessSection } from './sections/access.js';
import { guardrailsSection } from './sections/guardrails.js';
import { auditSection } from './sections/audit.js';
import { confidentialSection } from './sections/confidential.js';
import { privacySection } from './sections/privacy.js';

export const configSchema = z
  .object({
    /** Shared state (rate limits, keys, replay cache, violations, audit stream) lives in Redis when set. */
    redisUrl: z.string().url().optional(),
    server: serverSection.prefault({}),
    upstream: upstreamSection.prefault({}),
    access: accessSection.prefault({}),
    guardrails: guardrailsSection.prefault({}),
    audit: auditSection.prefault({}),
    confidential: confidentialSection.prefault({}),
    privacy: privacySection.prefault({}),
  })
  .strict();

export type SealGateConfig = z.infer<typeof configSchema>;
export type SealGateConfigInput = z.input<typeof configSchema>;
