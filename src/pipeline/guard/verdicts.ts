/**
 * Verdicts (detector, category, score, action — never text) from policy decisions, aggregated per
 * (stage, detector, category, action) so a long conversation yields a handful of records, and the
 * `x-sealgate-verdict` summary header.
 */
import type { Verdict } from '../../../guardrails/core/types.js';
import type { ActedFinding } from '../../../guardrails/policy/index.js';
import type { RequestContext } from '../types.js';

export function pushVerdicts(ctx: RequestContext, stage: Verdict['stage'], acted: readonly ActedFinding[]): void {
  for (const { finding, action } of acted) {
    const existing = ctx.verdicts.find((v) => v.stage === stage && v.detector === finding.detector && v.category === finding.category && v.action === action);
    if (existing) {
      existing.count = (existing.count ?? 1) + 1;
      if (finding.score > existing.score) existing.score = finding.score;
    } else {
      ctx.verdicts.push({ stage, detector: finding.detector, category: finding.category, score: round(finding.score), action, count: 1 });
    }
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;

const ORDER: Record<string, number> = { allow: 0, flag: 1, mask: 2, hash: 2, placeholder: 2, pseudonymize: 2, redact: 2, answer: 3, block: 4 };

/**
 * `x-sealgate-verdict: block; input=intent.prompt_injection:block; policy=acme@3f2a…` — the strongest
 * action overall, then per stage the non-allow categories with their action. Categories and actions only.
 */
export function verdictHeader(ctx: RequestContext): Record<string, string> {
  // No policy was applied (refused before the guardrails ran): claim no verdict.
  if (!ctx.policyVersion && ctx.verdicts.length === 0) return {};
  const acted = ctx.verdicts.filter((v) => v.action !== 'allow');
  let top = 'allow';
  for (const v of acted) if ((ORDER[v.action] ?? 0) > (ORDER[top] ?? 0)) top = v.action;
  const parts = [top];
  for (const stage of ['input', 'output'] as const) {
    const items = [...new Set(acted.filter((v) => v.stage === stage).map((v) => `${v.category}:${v.action}`))];
    if (items.length) parts.push(`${stage}=${items.slice(0, 12).join(',')}`);
  }
  if (ctx.policyVersion) parts.push(`policy=${ctx.policyVersion}`);
  return { 'x-sealgate-verdict': parts.join('; ') };
}
