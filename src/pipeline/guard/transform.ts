/**
 * Text operators for transform actions (redact / mask / hash / placeholder / pseudonymize) and the
 * per-request pseudonym vault that lets the answer be restored. The vault lives only as long as the
 * request (its values are never logged, persisted or sent anywhere).
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Action, Finding } from '../../../guardrails/core/types.js';
import type { ActedFinding } from '../../../guardrails/policy/index.js';
import { isTransform } from '../../../guardrails/policy/index.js';

/** Keyed per process so hashed values cannot be brute-forced offline (phone numbers are a small space). */
const HASH_KEY = randomBytes(32);

/** `<PHONE_NUMBER_1>`: the shape restore looks for. */
export const PSEUDONYM_PATTERN = /<([A-Z][A-Z0-9_]{0,40}_\d{1,6})>/g;
/** Longest pseudonym the stream guard must never split across a release. */
export const MAX_PSEUDONYM_LENGTH = 50;

export function labelOf(finding: Finding): string {
  if (finding.type) return finding.type;
  const last = finding.category.split('.').pop() ?? 'REDACTED';
  return last.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
}

export class PseudonymVault {
  private readonly byValue = new Map<string, string>();
  private readonly byPseudonym = new Map<string, string>();
  private readonly counters = new Map<string, number>();

  get size(): number {
    return this.byPseudonym.size;
  }

  pseudonymFor(value: string, label: string): string {
    const key = `${label}\u0000${value}`;
    let pseudonym = this.byValue.get(key);
    if (!pseudonym) {
      const n = (this.counters.get(label) ?? 0) + 1;
      this.counters.set(label, n);
      pseudonym = `<${label}_${n}>`;
      this.byValue.set(key, pseudonym);
      this.byPseudonym.set(pseudonym, value);
    }
    return pseudonym;
  }

  /** Replaces every known pseudonym in `text` with its original value (JSON-escaped inside tool-call arguments). */
  restore(text: string, kind: 'text' | 'arguments' = 'text'): string {
    if (this.byPseudonym.size === 0 || !text.includes('<')) return text;
    return text.replace(PSEUDONYM_PATTERN, (whole) => {
      const value = this.byPseudonym.get(whole);
      if (value === undefined) return whole;
      return kind === 'arguments' ? JSON.stringify(value).slice(1, -1) : value;
    });
  }

  /**
   * Where a stream may be cut without splitting a pseudonym: moves `cut` back to the start of a `<…`
   * that begins before it and is not closed before it.
   */
  safeCut(text: string, cut: number): number {
    if (this.byPseudonym.size === 0) return cut;
    const open = text.lastIndexOf('<', cut - 1);
    if (open < 0 || cut - open > MAX_PSEUDONYM_LENGTH) return cut;
    const close = text.indexOf('>', open);
    return close >= 0 && close < cut ? cut : open;
  }
}

function mask(value: string): string {
  const visible = value.length >= 8 ? 4 : 0;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    out += i >= value.length - visible || /[\s\-.@]/.test(ch) ? ch : '*';
  }
  return out;
}

export function operate(action: Action, value: string, finding: Finding, vault: PseudonymVault): string {
  const label = labelOf(finding);
  switch (action) {
    case 'redact':
      return `[REDACTED]`;
    case 'mask':
      return mask(value);
    case 'hash':
      return `<${label}:${createHmac('sha256', HASH_KEY).update(value).digest('hex').slice(0, 12)}>`;
    case 'placeholder':
      return `<${label}>`;
    case 'pseudonymize':
      return vault.pseudonymFor(value, label);
    default:
      return value;
  }
}

/**
 * Applies the transform actions among `acted` to `text` (span findings only; overlaps resolved by
 * keeping the earlier, then longer, span). Returns the text unchanged when nothing applies.
 */
export function applyTransforms(text: string, acted: readonly ActedFinding[], vault: PseudonymVault): string {
  const spans = acted
    .filter((a) => isTransform(a.action) && a.finding.end > a.finding.start)
    .sort((a, b) => a.finding.start - b.finding.start || b.finding.end - a.finding.end);
  if (spans.length === 0) return text;
  let out = '';
  let cursor = 0;
  for (const { finding, action } of spans) {
    if (finding.start < cursor) continue; // overlaps a span already replaced
    out += text.slice(cursor, finding.start) + operate(action, text.slice(finding.start, finding.end), finding, vault);
    cursor = finding.end;
  }
  return out + text.slice(cursor);
}
