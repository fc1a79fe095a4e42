import { z } from 'zod';

/** `guardrails` section of the config (placeholder: its owner fills it in). */
export const guardrailsSection = z.object({}).strict();
