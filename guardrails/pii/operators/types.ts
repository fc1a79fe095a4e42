import type { Finding } from '../../core/types.js';
import type { PiiSession } from './session.js';

export type OperatorName = 'redact' | 'placeholder' | 'mask' | 'hash' | 'pseudonymize';

export interface OperatorContext {
  /**
   * Per-request state: placeholder numbering (stable within the request) and the pseudonym vault.
   * Create one per request with `createPiiSession()`; it is never shared across requests.
   */
  session?: PiiSession;
  /** `redact` replacement text (default `[REDACTED]`). */
  redactWith?: string;
  /** `mask`: how many trailing characters stay visible (default 4), and the mask character (default `*`). */
  maskKeepLast?: number;
  maskChar?: string;
  /** `hash`: HMAC key (required for `hash`); equal values hash equally under one key. */
  hashKey?: string | Uint8Array;
}

export interface OperatorResult {
  text: string;
  /** Present for reversible operators: maps placeholders in a (model) answer back to the original values. */
  restore?: (text: string) => string;
}

/** Presidio's anonymizer split: an operator replaces the findings' spans in `text`. */
export interface Operator {
  readonly name: OperatorName;
  /** Replacement for one finding's value; `apply` stitches them together. */
  replacement(value: string, finding: Finding, ctx: OperatorContext): string;
  apply(text: string, findings: readonly Finding[], ctx?: OperatorContext): OperatorResult;
}
