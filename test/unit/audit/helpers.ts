/** Shared helpers for audit tests: a real file-sink trail in a temp dir and synthetic outcomes. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { RequestOutcome } from '../../../src/gateway/outcome.js';
import { AuditTrail, type AuditTrailOptions } from '../../../src/audit/trail.js';
import { FileSink } from '../../../src/audit/sinks/file.js';
import type { AuditSink } from '../../../src/audit/sinks/types.js';
import { generateAuditKey, type AuditKeys } from '../../../src/audit/keys.js';
import { openRecordLine, type SealKey } from '../../../src/audit/seal.js';
import { digestContent } from '../../../src/audit/digest.js';

export const silentLogger = pino({ level: 'silent' });

export function tempDir(name = 'audit'): string {
  return mkdtempSync(join(tmpdir(), `sealgate-${name}-`));
}

export function outcome(i: number, keys: AuditKeys, over: Partial<RequestOutcome> = {}): RequestOutcome {
  return {
    requestId: `req_${i.toString(16).padStart(8, '0')}`,
    startedAt: new Date(Date.UTC(2026, 10, 28, 12, 0, 0, i)),
    route: '/v1/chat/completions',
    method: 'POST',
    status: i % 7 === 3 ? 400 : 200,
    tenantId: i % 2 ? 'acme' : 'globex',
    keyId: 'key_main',
    sourceIp: '10.0.0.7',
    model: 'fake-model',
    provider: 'fake',
    stream: false,
    confidential: false,
    latencyMs: 12.3456,
    timings: { audit_digest: 0.012, upstream: 10.5 },
    usage: { promptTokens: 12, completionTokens: 7 },
    verdicts: i % 5 === 0 ? [{ stage: 'input', detector: 'pii', category: 'pii.email', score: 0.99, action: 'block', count: 1 }] : [],
    digests: { input: digestContent(keys, `prompt ${i}`), output: digestContent(keys, `answer ${i}`) },
    policyVersion: 'p-2026-11-28',
    ...over,
  };
}

export interface FileTrailSetup {
  dir: string;
  keys: AuditKeys;
  trail: AuditTrail;
  /** The trail's sink, so a test can simulate a crash (files closed by the OS, no closing checkpoint). */
  sink: AuditSink;
}

export async function fileTrail(opts: Partial<AuditTrailOptions> & { dir?: string; keys?: AuditKeys; sealKey?: SealKey } = {}): Promise<FileTrailSetup> {
  const dir = opts.dir ?? tempDir();
  const keys = opts.keys ?? generateAuditKey();
  const sink = opts.sink ?? new FileSink({ dir, prefix: 'audit', openLine: (l) => openRecordLine(l, opts.sealKey) });
  const trail = await AuditTrail.open({
    chain: 'gw1',
    keys,
    sink,
    checkpointEvery: 10,
    checkpointIntervalMs: 0,
    rotation: { maxBytes: 64 * 1024 * 1024, daily: true },
    onSinkFailure: 'buffer',
    maxBuffered: 10_000,
    retryBaseMs: 20,
    retryMaxMs: 200,
    logger: silentLogger,
    ...opts,
  });
  return { dir, keys, trail, sink };
}
