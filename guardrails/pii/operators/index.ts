import type { Finding } from '../../core/types.js';
import { replaceSpans } from './apply.js';
import { hashOperator } from './hash.js';
import { maskOperator } from './mask.js';
import { placeholderOperator } from './placeholder.js';
import { pseudonymizeOperator } from './pseudonymize.js';
import { redactOperator } from './redact.js';
import { PiiSession } from './session.js';
import type { Operator, OperatorContext, OperatorName, OperatorResult } from './types.js';

export type { Operator, OperatorContext, OperatorName, OperatorResult } from './types.js';
export { PiiSession, createPiiSession, type PiiSessionOptions } from './session.js';
export { PLACEHOLDER_PATTERN, hasPlaceholderOpener, lastPlaceholderOpener, placeholderCloserEnd, trailingPartialOpener } from './placeholder-syntax.js';
export { StreamRestorer } from './stream-restorer.js';
export { placeholderLabel } from './labels.js';
export { redactOperator, placeholderOperator, maskOperator, hashOperator, pseudonymizeOperator };

export const operators: Record<OperatorName, Operator> = {
  redact: redactOperator,
  placeholder: placeholderOperator,
  mask: maskOperator,
  hash: hashOperator,
  pseudonymize: pseudonymizeOperator,
};

export const OPERATOR_NAMES = Object.keys(operators) as OperatorName[];

/**
 * Which operator replaces overlapping findings as one (replaceSpans): the one that reveals least. `mask` keeps the
 * last characters, placeholders the type, `hash` a linkable digest, `redact` nothing; an allowed finding never leads.
 */
const STRENGTH: Record<OperatorName | 'allow', number> = { allow: -1, mask: 1, pseudonymize: 2, placeholder: 3, hash: 4, redact: 5 };

/**
 * Applies a (possibly different) operator per finding — how a policy says "mask cards, pseudonymize phones,
 * leave cities": `choose` returns an operator name, or `'allow'` to leave the span untouched.
 * `restore` is present when any finding was pseudonymized.
 */
export function anonymize(
  text: string,
  findings: readonly Finding[],
  choose: OperatorName | 'allow' | ((finding: Finding) => OperatorName | 'allow'),
  ctx: OperatorContext = {},
): OperatorResult {
  const pick = typeof choose === 'function' ? choose : () => choose;
  let reversible = false;
  ctx.session ??= new PiiSession();
  ctx.session.reserveFrom(text);
  const out = replaceSpans(
    text,
    findings,
    (value, finding) => {
      const name = pick(finding);
      if (name === 'allow') return undefined;
      if (name === 'pseudonymize') reversible = true;
      return operators[name].replacement(value, finding, ctx);
    },
    (finding) => STRENGTH[pick(finding)],
  );
  const session = ctx.session;
  return reversible && session ? { text: out, restore: (answer) => session.restore(answer) } : { text: out };
}
