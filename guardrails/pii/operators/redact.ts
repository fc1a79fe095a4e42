import { defineOperator } from './apply.js';

/** `[REDACTED]` (or `ctx.redactWith`): irreversible, reveals nothing, not even the type. */
export const redactOperator = defineOperator('redact', (_value, _finding, ctx) => ctx.redactWith ?? '[REDACTED]');
