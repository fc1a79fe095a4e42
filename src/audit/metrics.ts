/** Prometheus metrics of the audit trail (prom-client). Registered on the registry the gateway passes. */
import { Counter, Gauge, type Registry } from 'prom-client';

export interface AuditMetrics {
  written: Counter;
  writeFailures: Counter;
  dropped: Counter;
  queued: Gauge;
  healthy: Gauge;
}

/** With no registry the metrics still count (for stats) but are not exported. */
export function createAuditMetrics(registry?: Registry): AuditMetrics {
  const registers = registry ? [registry] : [];
  const existing = registry?.getSingleMetric('sealgate_audit_records_written_total');
  if (existing) {
    // A second trail on the same registry (tests, reload) reuses the metrics.
    return {
      written: existing as Counter,
      writeFailures: registry!.getSingleMetric('sealgate_audit_write_failures_total') as Counter,
      dropped: registry!.getSingleMetric('sealgate_audit_records_dropped_total') as Counter,
      queued: registry!.getSingleMetric('sealgate_audit_records_queued') as Gauge,
      healthy: registry!.getSingleMetric('sealgate_audit_sink_healthy') as Gauge,
    };
  }
  const written = new Counter({ name: 'sealgate_audit_records_written_total', help: 'Audit records durably written', registers });
  const writeFailures = new Counter({ name: 'sealgate_audit_write_failures_total', help: 'Failed audit sink writes (retried)', registers });
  const dropped = new Counter({ name: 'sealgate_audit_records_dropped_total', help: 'Audit records dropped because the buffer was full (declared by gap records)', registers });
  const queued = new Gauge({ name: 'sealgate_audit_records_queued', help: 'Audit records waiting for the sink', registers });
  const healthy = new Gauge({ name: 'sealgate_audit_sink_healthy', help: '1 when the audit sink accepts writes', registers });
  return { written, writeFailures, dropped, queued, healthy };
}
