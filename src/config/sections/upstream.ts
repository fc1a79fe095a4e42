import { z } from 'zod';

/** `upstream` section of the config (placeholder: its owner fills it in). */
export const upstreamSection = z.object({}).strict();
