/**
 * QA round 5: a stream still running when the shutdown grace period ends lost its audit record. The
 * shutdown cut the remaining connections and closed the gateway (audit's closing checkpoint) as soon as
 * the server reported them closed, before each response's 'close' event had reached the outcome
 * observers; the trail, already sealed, dropped the record ('audit record after the closing checkpoint
 * dropped', seen with sealgate serve, shutdownGraceMs 1500, SIGTERM during a [[delay]] stream). Every
 * request must have its record, including the ones the shutdown cut.
 */
import { describe, expect, it } from 'vitest';
import { startGateway } from '../fixtures/gateway.js';
import { auditFileLines } from '../fixtures/audit.js';

describe('shutdown with a stream in flight past the grace period', () => {
  it('still writes the cut request to the audit trail, before the closing checkpoint', async () => {
    const gw = await startGateway({ guardrails: { enabled: false } });
    try {
      const res = await fetch(`${gw.baseURL}/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'sealgate-demo', stream: true, messages: [{ role: 'user', content: '[[delay: 200]] [[tokens: 200]]' }] }),
      });
      expect(res.status).toBe(200);
      const requestId = res.headers.get('x-request-id');
      const reader = res.body!.getReader();
      await reader.read(); // the stream is under way
      const trail = gw.running.gateway.deps.audit!.trail;
      await gw.running.close(0); // grace 0: the stream is cut at once
      await reader.read().catch(() => undefined);

      const records = auditFileLines(gw.config.audit.file.dir).map((line) => JSON.parse(line) as Record<string, unknown>);
      const cut = records.findIndex((r) => r.kind === 'request' && r.requestId === requestId);
      expect(cut).toBeGreaterThanOrEqual(0);
      // Cut by the gateway, not left by the client: a failure.
      expect(records[cut]).toMatchObject({ status: 200, stream: true, errorCode: 'server_shutdown', outcome: 'failed' });
      const closing = records.findIndex((r) => r.kind === 'checkpoint' && r.reason === 'close');
      expect(closing).toBeGreaterThan(cut);
      expect(trail.stats().dropped).toBe(0);
    } finally {
      await gw.close();
    }
  });
});
