import type { RequestContext } from '../pipeline/types.js';

/**
 * Called right before response headers are sent (for streams: before the first byte), with the
 * request's context as it stands then (input verdicts known). Returns headers to add, e.g. a verdict
 * summary or a receipt id. Must be fast and must not throw (a throwing hook is logged and skipped).
 */
export type HeaderHook = (ctx: RequestContext) => Record<string, string>;
