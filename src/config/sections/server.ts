import { z } from 'zod';

/** `server` section of the config (placeholder: its owner fills it in). */
export const serverSection = z.object({}).strict();
