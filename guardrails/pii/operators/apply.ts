import type { Finding } from '../../core/types.js';
import { PiiSession } from './session.js';
import type { Operator, OperatorContext } from './types.js';

/**
 * Replaces each finding's span (original-text offsets) left to right. Overlapping findings are skipped after
 * the first (detectors already resolve overlaps; this keeps arbitrary input safe). Findings may be unsorted.
 */
export function replaceSpans(
  text: string,
  findings: readonly Finding[],
  replacementFor: (value: string, finding: Finding) => string | undefined,
): string {
  if (findings.length === 0) return text;
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: string[] = [];
  let cursor = 0;
  for (const f of sorted) {
    if (f.start < cursor || f.end > text.length || f.end <= f.start) continue;
    const replacement = replacementFor(text.slice(f.start, f.end), f);
    if (replacement === undefined) continue;
    parts.push(text.slice(cursor, f.start), replacement);
    cursor = f.end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

/** Builds an operator from its per-value replacement function. */
export function defineOperator(
  name: Operator['name'],
  replacement: Operator['replacement'],
  withRestore = false,
  usesSession = withRestore,
): Operator {
  return {
    name,
    replacement,
    apply(text, findings, ctx: OperatorContext = {}) {
      if (usesSession) {
        ctx.session ??= new PiiSession();
        ctx.session.reserveFrom(text);
      }
      const out = replaceSpans(text, findings, (value, f) => replacement(value, f, ctx));
      if (withRestore && ctx.session) {
        const session = ctx.session;
        return { text: out, restore: (answer: string) => session.restore(answer) };
      }
      return { text: out };
    },
  };
}
