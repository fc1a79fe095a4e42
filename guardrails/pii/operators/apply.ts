import type { Finding } from '../../core/types.js';
import { PiiSession } from './session.js';
import type { Operator, OperatorContext } from './types.js';

/**
 * Replaces each finding's span (original-text offsets) left to right. Findings may be unsorted. Overlapping
 * findings (detectors resolve their own overlaps, but a tenant's keyword rule, a secret and a PII span can
 * overlap: `email wf` over `wf@example.com`) are replaced as one, their union, by one member's replacement: the
 * strongest by `strength` when given, else the earliest (then longest). Replacing only the first and skipping the
 * rest sent the rest of the later span in clear (`[REDACTED]@example.com`). A finding of negative strength, or
 * whose replacement is `undefined` (allowed), is left out: its span stays as written where no other finding covers it.
 */
export function replaceSpans(
  text: string,
  findings: readonly Finding[],
  replacementFor: (value: string, finding: Finding) => string | undefined,
  strength?: (finding: Finding) => number,
): string {
  if (findings.length === 0) return text;
  const sorted = findings
    .filter((f) => f.end > f.start && f.end <= text.length && (strength === undefined || strength(f) >= 0))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: string[] = [];
  let cursor = 0;
  for (let i = 0; i < sorted.length; ) {
    // The cluster: every finding that starts before the union so far ends.
    let end = sorted[i]!.end;
    let j = i + 1;
    while (j < sorted.length && sorted[j]!.start < end) end = Math.max(end, sorted[j++]!.end);
    const start = sorted[i]!.start;
    if (j === i + 1) {
      const replacement = replacementFor(text.slice(start, end), sorted[i]!);
      if (replacement !== undefined) {
        parts.push(text.slice(cursor, start), replacement);
        cursor = end;
      }
      i = j;
      continue;
    }
    const leader = strongest(sorted, i, j, strength);
    const replacement = replacementFor(text.slice(start, end), leader);
    if (replacement === undefined) {
      // The leader is allowed: the others are replaced on their own (drop it and cluster them again).
      sorted.splice(sorted.indexOf(leader), 1);
      continue;
    }
    parts.push(text.slice(cursor, start), replacement);
    cursor = end;
    i = j;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

function strongest(sorted: readonly Finding[], from: number, to: number, strength?: (finding: Finding) => number): Finding {
  let best = sorted[from]!;
  if (!strength) return best;
  let bestStrength = strength(best);
  for (let k = from + 1; k < to; k++) {
    const s = strength(sorted[k]!);
    if (s > bestStrength) {
      best = sorted[k]!;
      bestStrength = s;
    }
  }
  return best;
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
