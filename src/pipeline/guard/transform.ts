/**
 * Transform actions (redact / mask / hash / placeholder / pseudonymize) through the PII room's
 * operators (guardrails/pii/operators), and the per-request pseudonym vault (a PiiSession) that lets
 * the answer be restored. The vault lives only as long as the request: never logged or persisted.
 */
import type { Action, Finding } from '../../../guardrails/core/types.js';
import {
  anonymize,
  createPiiSession,
  hasPlaceholderOpener,
  lastPlaceholderOpener,
  placeholderCloserEnd,
  trailingPartialOpener,
  type OperatorName,
  type PiiSession,
} from '../../../guardrails/pii/index.js';
import type { ActedFinding } from '../../../guardrails/policy/index.js';
import { isTransform } from '../../../guardrails/policy/index.js';
import { randomInt } from 'node:crypto';
import { hashKeyFor } from '../hash-key.js';

/**
 * Where a request's placeholders start. A Responses request that continues a conversation the provider stores
 * (`previous_response_id`, `conversation`) starts at a random number from 100 on: the earlier turns' placeholders
 * (from 1, or another random start) are in the model's context but not in this request's vault, and a name issued
 * again here would restore the model's quote of an earlier value to this turn's value.
 */
export function firstPlaceholderNumber(surface: string, body: Record<string, unknown>): number | undefined {
  if (surface !== 'responses' || (body.previous_response_id == null && body.conversation == null)) return undefined;
  return 100 + randomInt(9_900);
}

/**
 * Longest placeholder the stream guard must never split across a release (`\u003c  LABEL_123456  /\u003e`, with
 * the longest label issued).
 */
export const MAX_PSEUDONYM_LENGTH = 56;

export class PseudonymVault {
  #session: PiiSession | undefined;

  /**
   * `hashKey` keys the `hash` operator (privacy.hashKeyEnv; a per-process key without one). `firstNumber`: see
   * PiiSessionOptions (a random one for requests that continue a stored conversation).
   */
  constructor(
    readonly hashKey: Buffer = hashKeyFor(undefined),
    private readonly firstNumber?: number,
  ) {}

  /** Created on first use: most requests pseudonymize nothing (an empty session is five Maps/Sets per request). */
  get session(): PiiSession {
    return (this.#session ??= createPiiSession(this.firstNumber === undefined ? undefined : { firstNumber: this.firstNumber }));
  }

  get size(): number {
    return this.#session?.size ?? 0;
  }

  /** Replaces every issued placeholder with its original value (JSON-escaped inside tool-call arguments). */
  restore(text: string, kind: 'text' | 'arguments' = 'text'): string {
    if (this.size === 0 || !hasPlaceholderOpener(text)) return text;
    return this.session.restore(text, kind === 'arguments');
  }

  /**
   * Where a stream may be cut without splitting a placeholder: moves `cut` back to the start of an opener (`<`,
   * its escaping `\<`, `&lt;`, `\u003c`) that begins before it, is not closed before it, and whose text up to the
   * cut may still become a placeholder this request issued (prose such as `a < b` or `&lt;div` is cut as it is).
   */
  safeCut(text: string, cut: number): number {
    // At the end of the text (the stream's last release) nothing can complete a placeholder: what is open goes as written.
    if (this.size === 0 || cut >= text.length) return cut;
    // Between an escaping backslash and its bracket (`\` | `<PHONE_1\>`): the escape would stay behind, unrestored.
    if (cut > 0 && cut < text.length && text.charCodeAt(cut - 1) === 0x5c && lastPlaceholderOpener(text, cut) === cut - 1) return cut - 1;
    const open = lastPlaceholderOpener(text, cut - 1);
    if (open >= 0 && cut - open <= MAX_PSEUDONYM_LENGTH) {
      const close = placeholderCloserEnd(text, open);
      if ((close < 0 || close > cut) && this.session.mayBecomePlaceholder(text.slice(open, cut))) return open;
    }
    // An opener the text ends in the middle of (`&l`, `\u00`) that starts before the cut.
    const partial = trailingPartialOpener(text);
    return partial >= 0 && partial < cut ? partial : cut;
  }
}

/**
 * Applies the transform actions among `acted` to `text` (overlapping spans, such as a tenant keyword over an email,
 * are replaced as one, their union, by the action that reveals least: replaceSpans).
 * Returns the text unchanged when nothing applies. On output, `pseudonymize` becomes `placeholder`:
 * a numbered placeholder there would be "restored" straight back, or collide with an input one.
 */
export function applyTransforms(text: string, acted: readonly ActedFinding[], vault: PseudonymVault, stage: 'input' | 'output' = 'input'): string {
  let actions: Map<Finding, Action> | undefined;
  for (const a of acted) {
    if (!isTransform(a.action) || a.finding.end <= a.finding.start) continue;
    (actions ??= new Map()).set(a.finding, stage === 'output' && a.action === 'pseudonymize' ? 'placeholder' : a.action);
  }
  if (!actions) return text;
  return anonymize(text, [...actions.keys()], (finding) => (actions.get(finding) ?? 'allow') as OperatorName | 'allow', { session: vault.session, hashKey: vault.hashKey }).text;
}
