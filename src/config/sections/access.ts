import { z } from 'zod';

/** `access` section of the config (placeholder: its owner fills it in). */
export const accessSection = z.object({}).strict();
