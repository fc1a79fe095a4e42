/**
 * Runs the configured detectors plus the tenant's rules detector over one text and hands the findings
 * to the policy (allow-lists, classifier-derived topics). Synchronous detectors cost no promise;
 * asynchronous ones (model backends) run concurrently. Each scan gets its own `ctx.memo`, so what one
 * detector derives from the text (e.g. classifier features) is reused by the next and dropped after.
 */
import type { DetectContext, Detector, Finding } from '../../../guardrails/core/types.js';
import type { Policy } from '../../../guardrails/policy/index.js';

export class Scanner {
  constructor(readonly detectors: readonly Detector[]) {}

  /** `only`: run just these detectors (by name; `rules` = the tenant's rules), e.g. for old conversation turns. */
  async scan(text: string, policy: Policy, ctx: DetectContext, only?: ReadonlySet<string>): Promise<Finding[]> {
    return this.scanNow(text, policy, ctx, only);
  }

  /** `scan` without a promise when every detector answered synchronously (the built-in ones do): the guard stage's hot path. */
  scanNow(text: string, policy: Policy, ctx: DetectContext, only?: ReadonlySet<string>): Finding[] | Promise<Finding[]> {
    const findings: Finding[] = [];
    if (!ctx.memo) ctx = { ...ctx, memo: new Map() };
    let pending: Promise<Finding[]>[] | undefined;
    const collect = (result: Finding[] | Promise<Finding[]>) => {
      if (result instanceof Promise) (pending ??= []).push(result);
      else for (const f of result) findings.push(f);
    };
    for (const detector of this.detectors) if (!only || only.has(detector.name)) collect(detector.detect(text, ctx));
    if (!only || only.has('rules')) collect(policy.ruleSet.detector.detect(text, ctx));
    if (pending) {
      return Promise.all(pending).then((lists) => {
        for (const list of lists) for (const f of list) findings.push(f);
        return policy.prepareFindings(text, findings);
      });
    }
    return policy.prepareFindings(text, findings);
  }
}
