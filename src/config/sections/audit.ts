import { z } from 'zod';

/** `audit` section of the config (placeholder: its owner fills it in). */
export const auditSection = z.object({}).strict();
