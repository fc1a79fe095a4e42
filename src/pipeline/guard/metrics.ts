/**
 * Prometheus metrics for the guardrails, on the gateway's registry: verdicts by stage, category and
 * action (never text), and policy reloads by result. The observer is an OutcomeObserver in shape.
 */
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Verdict } from '../../../guardrails/core/types.js';
import type { PolicyStore } from '../../../guardrails/policy/index.js';

export function createGuardMetrics(registry: Registry, policies: PolicyStore): (outcome: { verdicts: readonly Verdict[]; tenantId?: string }) => void {
  const verdicts = new Counter({
    name: 'sealgate_guardrail_verdicts_total',
    help: 'Guardrail verdicts by stage, category and action (each verdict counts its findings).',
    labelNames: ['stage', 'category', 'action', 'tenant'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'sealgate_policy_reloads',
    help: 'Policy reloads since start, by result (rejected = a broken or loosening file; the previous policies stayed).',
    labelNames: ['result'] as const,
    registers: [registry],
    collect() {
      this.set({ result: 'ok' }, policies.stats.reloads);
      this.set({ result: 'rejected' }, policies.stats.failures);
    },
  });
  return (outcome) => {
    for (const v of outcome.verdicts) verdicts.inc({ stage: v.stage, category: v.category, action: v.action, tenant: outcome.tenantId ?? 'unknown' }, v.count ?? 1);
  };
}
