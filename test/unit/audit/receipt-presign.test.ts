import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import pino from 'pino';
import type { Request, Response } from 'express';
import { validateConfig } from '../../../src/config/loader.js';
import { createAudit, type AuditRuntime } from '../../../src/audit/index.js';
import { createDigestStages } from '../../../src/audit/digest-stage.js';
import { decodeReceipt, verifyReceipt } from '../../../src/protocol/receipt-token.js';
import type { RequestContext } from '../../../src/pipeline/types.js';
import type { Chunk } from '../../../src/upstream/types.js';

/**
 * A streamed request's provisional header receipt is signed while the upstream works (after the
 * input stages); the header must still say exactly what a receipt signed at header time would say.
 */
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function runtime(): Promise<AuditRuntime> {
  const dir = mkdtempSync(join(tmpdir(), 'sg-presign-'));
  dirs.push(dir);
  return createAudit(validateConfig({ audit: { file: { dir } } }), { logger: pino({ level: 'silent' }) });
}

/** Counts signatures made by the runtime's issuer (the real one, just counted): in the event loop, or on the thread pool. */
function countSignatures(audit: AuditRuntime, method: 'issueJson' | 'issueJsonAsync' = 'issueJson'): { n: number } {
  const counter = { n: 0 };
  const issuer = audit.issuer! as unknown as Record<typeof method, (json: string) => unknown>;
  const original = issuer[method].bind(issuer);
  issuer[method] = (json: string) => {
    counter.n++;
    return original(json);
  };
  return counter;
}

/** Registers an in-flight response (as the audit guard does for every /v1 request) and returns its context. */
function inFlight(audit: AuditRuntime, requestId: string): RequestContext {
  const res = Object.assign(new EventEmitter(), { locals: { requestId } }) as unknown as Response;
  audit.guard({} as Request, res, () => undefined);
  return { requestId, tenantId: 'acme', keyId: 'k', signal: new AbortController().signal, timings: {}, verdicts: [] };
}

/** The input stages as the pipeline runs them: decisions in order, then their deferred work (`later`, while the upstream works). */
async function inputStages(audit: AuditRuntime, ctx: RequestContext, body: Record<string, unknown>): Promise<void> {
  const decisions = [
    await audit.stages.input.input!({ surface: 'chat.completions', body, ctx }),
    await audit.stages.output.input!({ surface: 'chat.completions', body, ctx }),
  ];
  for (const d of decisions) if (d.action === 'continue') d.later?.();
}

async function startStream(audit: AuditRuntime, ctx: RequestContext, body: Record<string, unknown>): Promise<void> {
  await inputStages(audit, ctx, body); // the input digest, then the presign
  async function* none(): AsyncIterable<Chunk> {}
  audit.stages.output.outputStream!({ surface: 'chat.completions', body, ctx, chunks: none() }); // marks the request as streamed
}

/**
 * Receipts carry their issue time in whole seconds, and a presigned receipt is used only if the header's payload is
 * the same: a run crossing a second boundary between presign and header re-signs, and a fresh signature compared
 * with it differs by its iat alone (it happened on a slow run). The clock is frozen for the test (Date only).
 */
function freezeDate(): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-30T12:00:00.100Z'));
  onTestFinished(() => void vi.useRealTimers());
}

describe('presigned stream header receipts', () => {
  const body = { model: 'm', stream: true, messages: [{ role: 'user', content: 'hello' }] };

  it('equal a receipt signed at header time, and verify as provisional', async () => {
    freezeDate();
    const audit = await runtime();
    const signatures = countSignatures(audit);
    const ctx = inFlight(audit, 'req_presign_1');
    await startStream(audit, ctx, body);
    expect(signatures.n).toBe(1); // signed before the first chunk
    const token = audit.headerHook(ctx)['x-sealgate-receipt']!;
    expect(signatures.n).toBe(1); // and not again for the header
    // Ed25519 is deterministic: a fresh signature over the same payload is the same token.
    expect(token).toBe(audit.issuer!.issue({ requestId: ctx.requestId, tenantId: 'acme', digests: ctx.digests, verdicts: [], final: false }));
    expect(decodeReceipt(token)).toMatchObject({ rid: 'req_presign_1', fin: false, dig: { in: ctx.digests!.input } });
    expect(verifyReceipt(token, audit.keys.publicKeyRaw, { requestId: 'req_presign_1', final: false })).toMatchObject({ valid: true });
    await audit.close();
  });

  it('are not used when something was added after the input stages (a verdict before the first byte)', async () => {
    const audit = await runtime();
    const signatures = countSignatures(audit);
    const ctx = inFlight(audit, 'req_presign_2');
    await startStream(audit, ctx, body);
    ctx.verdicts.push({ stage: 'output', detector: 'pii', category: 'pii.email', score: 0.9, action: 'redact' });
    const token = audit.headerHook(ctx)['x-sealgate-receipt']!;
    expect(signatures.n).toBe(2);
    expect(decodeReceipt(token).vd).toEqual([{ st: 'output', det: 'pii', cat: 'pii.email', sc: 0.9, act: 'redact' }]);
    expect(verifyReceipt(token, audit.keys.publicKeyRaw, { requestId: 'req_presign_2', final: false })).toMatchObject({ valid: true });
    await audit.close();
  });

  it('leave the digest stages themselves unchanged (the enclave builds its pipeline from those)', () => {
    const plain = createDigestStages(Buffer.alloc(32, 1));
    expect(plain.output.input).toBeUndefined();
  });
});

async function answer(audit: AuditRuntime, ctx: RequestContext): Promise<void> {
  const body = { model: 'm', messages: [{ role: 'user', content: 'hello' }] };
  await inputStages(audit, ctx, body);
  const response = { id: 'c1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: 'hi there' }, finish_reason: 'stop' }] };
  await audit.stages.output.output!({ surface: 'chat.completions', body, ctx, response });
}

describe('final header receipts of non-streamed answers', () => {
  it('are signed on the thread pool while another request is in flight, and equal a receipt signed at header time', async () => {
    freezeDate(); // as above: presign, header and the fresh signature all in one second
    const audit = await runtime();
    const sync = countSignatures(audit);
    const pooled = countSignatures(audit, 'issueJsonAsync');
    const ctx = inFlight(audit, 'req_final_busy');
    inFlight(audit, 'req_other'); // a second request in flight
    await answer(audit, ctx);
    expect(pooled.n).toBe(1);
    const token = audit.headerHook(ctx)['x-sealgate-receipt']!;
    expect(sync.n).toBe(0); // the header used the pooled signature
    expect(decodeReceipt(token)).toMatchObject({ rid: 'req_final_busy', fin: true, dig: { in: ctx.digests!.input, out: ctx.digests!.output } });
    expect(token).toBe(audit.issuer!.issue({ requestId: ctx.requestId, tenantId: 'acme', digests: ctx.digests, verdicts: [], final: true }));
    expect(verifyReceipt(token, audit.keys.publicKeyRaw, { requestId: 'req_final_busy', final: true })).toMatchObject({ valid: true });
    await audit.close();
  });

  it('are signed in the header hook when the request is alone (no thread-pool round trip)', async () => {
    const audit = await runtime();
    const sync = countSignatures(audit);
    const pooled = countSignatures(audit, 'issueJsonAsync');
    const ctx = inFlight(audit, 'req_final_alone');
    await answer(audit, ctx);
    const token = audit.headerHook(ctx)['x-sealgate-receipt']!;
    expect(pooled.n).toBe(0);
    expect(sync.n).toBe(1);
    expect(verifyReceipt(token, audit.keys.publicKeyRaw, { requestId: 'req_final_alone', final: true })).toMatchObject({ valid: true });
    await audit.close();
  });

  it('are signed afresh in the header hook when the payload changed after the output stages', async () => {
    const audit = await runtime();
    const sync = countSignatures(audit);
    const ctx = inFlight(audit, 'req_final_changed');
    inFlight(audit, 'req_other_2');
    await answer(audit, ctx);
    ctx.verdicts.push({ stage: 'output', detector: 'pii', category: 'pii.email', score: 0.9, action: 'redact' });
    const token = audit.headerHook(ctx)['x-sealgate-receipt']!;
    expect(sync.n).toBe(1);
    expect(decodeReceipt(token).vd).toEqual([{ st: 'output', det: 'pii', cat: 'pii.email', sc: 0.9, act: 'redact' }]);
    expect(verifyReceipt(token, audit.keys.publicKeyRaw, { requestId: 'req_final_changed', final: true })).toMatchObject({ valid: true });
    await audit.close();
  });
});
