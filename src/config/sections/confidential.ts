import { z } from 'zod';

/** `confidential` section of the config (placeholder: its owner fills it in). */
export const confidentialSection = z.object({}).strict();
