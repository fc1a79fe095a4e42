/**
 * Prometheus metrics. One registry per gateway instance (tests run several in one process).
 * Fed by the gateway's OutcomeObserver (never text), the router's attempt failures, and stage timings.
 */
import { Registry, Counter, Histogram, Gauge, collectDefaultMetrics } from 'prom-client';
import type { OutcomeObserver } from '../gateway/outcome.js';
import type { AttemptFailure } from '../upstream/router.js';

export interface GatewayMetrics {
  registry: Registry;
  observer: OutcomeObserver;
  onUpstreamFailure(failure: AttemptFailure): void;
  inFlight: Gauge;
}

/** Distinct `field` label values of sealgate_answer_fields_dropped_total (bounded: names come from upstreams). */
const MAX_FIELD_LABELS = 100;
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

export interface MetricsOptions {
  defaultMetrics?: boolean;
  /**
   * Whether the gateway serves this model name. The request's `model` is client text: names it does not
   * serve are labelled "other", so junk names cannot add a time series each (unbounded cardinality).
   */
  isKnownModel?: (model: string) => boolean;
}

export function createMetrics(opts: MetricsOptions = {}): GatewayMetrics {
  const registry = new Registry();
  if (opts.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'sealgate_process_' });

  const requests = new Counter({
    name: 'sealgate_requests_total',
    help: 'Requests by route, status, tenant and model.',
    labelNames: ['route', 'status', 'tenant', 'model'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'sealgate_request_duration_seconds',
    help: 'Whole-request latency (to the last byte) by route.',
    labelNames: ['route', 'stream'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const stages = new Histogram({
    name: 'sealgate_stage_duration_seconds',
    help: 'Time spent per pipeline stage (input guards, upstream to first byte, output guards …).',
    labelNames: ['stage'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const upstreamErrors = new Counter({
    name: 'sealgate_upstream_errors_total',
    help: 'Failed upstream attempts (each retry counts) by provider and kind.',
    labelNames: ['provider', 'kind'] as const,
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: 'sealgate_rate_limit_rejections_total',
    help: 'Requests rejected by rate limiting, by tenant.',
    labelNames: ['tenant'] as const,
    registers: [registry],
  });
  const tokens = new Counter({
    name: 'sealgate_tokens_total',
    help: 'Tokens by tenant, model and kind (prompt/completion).',
    labelNames: ['tenant', 'model', 'kind'] as const,
    registers: [registry],
  });
  const droppedFields = new Counter({
    name: 'sealgate_answer_fields_dropped_total',
    help: 'Answer fields the output guard dropped because it does not read them (a provider extension), by route and field name.',
    labelNames: ['route', 'field'] as const,
    registers: [registry],
  });
  // Field names come from the upstream: past MAX_FIELD_LABELS distinct ones, the rest count as "other".
  const fieldLabels = new Set<string>();
  const fieldLabel = (name: string): string => {
    if (fieldLabels.has(name)) return name;
    if (fieldLabels.size >= MAX_FIELD_LABELS) return 'other';
    fieldLabels.add(name);
    return name;
  };
  const inFlight = new Gauge({ name: 'sealgate_requests_in_flight', help: 'Requests being served now.', registers: [registry] });

  return {
    registry,
    inFlight,
    observer(outcome) {
      const tenant = outcome.tenantId ?? 'none';
      const model = outcome.model === undefined ? 'none' : opts.isKnownModel && !opts.isKnownModel(outcome.model) ? 'other' : outcome.model;
      requests.inc({ route: outcome.route, status: String(outcome.status), tenant, model });
      latency.observe({ route: outcome.route, stream: String(outcome.stream) }, outcome.latencyMs / 1000);
      for (const [stage, ms] of Object.entries(outcome.timings)) stages.observe({ stage }, ms / 1000);
      if (outcome.status === 429 && outcome.errorCode !== 'upstream_error') rateLimited.inc({ tenant });
      for (const field of outcome.droppedFields ?? []) droppedFields.inc({ route: outcome.route, field: fieldLabel(field) });
      if (outcome.usage) {
        tokens.inc({ tenant, model, kind: 'prompt' }, outcome.usage.promptTokens);
        tokens.inc({ tenant, model, kind: 'completion' }, outcome.usage.completionTokens);
      }
    },
    onUpstreamFailure(failure) {
      upstreamErrors.inc({ provider: failure.provider, kind: failure.kind });
    },
  };
}
