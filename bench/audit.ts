/**
 * Audit cost per request: records/s each sink sustains end to end (build + chain + optional seal +
 * write, until drained), the synchronous cost the gateway's hot path pays per request (observer
 * call), and the per-request receipt and digest costs. Writes bench/results/audit.json.
 *
 *   npm run bench -- audit            (REDIS_URL for the Redis sink; skipped with a note without it)
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { createClient } from 'redis';
import { AuditTrail } from '../src/audit/trail.js';
import { FileSink } from '../src/audit/sinks/file.js';
import { RedisSink } from '../src/audit/sinks/redis.js';
import type { AuditSink } from '../src/audit/sinks/types.js';
import { generateAuditKey, type AuditKeys } from '../src/audit/keys.js';
import { openRecordLine, sealKeyFrom, type SealKey } from '../src/audit/seal.js';
import { digestContent } from '../src/audit/digest.js';
import { ReceiptIssuer } from '../src/audit/receipts.js';
import { verifyAudit } from '../src/audit/verify.js';
import { FileSource } from '../src/audit/sources.js';
import type { RequestOutcome } from '../src/gateway/outcome.js';

const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));
const logger = pino({ level: 'silent' });

function outcome(i: number, keys: AuditKeys): RequestOutcome {
  return {
    requestId: `req_${i.toString(16).padStart(24, '0')}`,
    startedAt: new Date(),
    route: '/v1/chat/completions',
    method: 'POST',
    status: 200,
    tenantId: 'acme',
    keyId: 'key_0123456789',
    sourceIp: '10.1.2.3',
    model: 'bench-model',
    provider: 'bench',
    stream: i % 2 === 0,
    confidential: false,
    latencyMs: 3.14159,
    timings: { audit_digest: 0.01, guardrails: 0.4, upstream: 2.2 },
    usage: { promptTokens: 120, completionTokens: 48 },
    verdicts: [
      { stage: 'input', detector: 'pii', category: 'pii.email_address', score: 0.97, action: 'redact', count: 2 },
      { stage: 'input', detector: 'intent', category: 'intent.prompt_injection', score: 0.02, action: 'allow' },
    ],
    digests: { input: digestContent(keys, `prompt ${i}`), output: digestContent(keys, `answer ${i}`) },
    policyVersion: 'acme@2026-11-28',
  };
}

interface SinkResult {
  sink: string;
  records: number;
  seconds: number;
  recordsPerSecond: number;
  /** Mean synchronous time of the observer call (what a request pays on the hot path). */
  observerMicros: number;
  /** `sealgate audit verify` speed over what was written (file sinks). */
  verifyRecordsPerSecond?: number;
}

async function measureSink(name: string, makeSink: () => AuditSink, n: number, keys: AuditKeys, sealKey?: SealKey, verifyDir?: string): Promise<SinkResult> {
  const trail = await AuditTrail.open({
    chain: `bench${name.replace(/[^a-z]/g, '')}`,
    keys,
    sink: makeSink(),
    sealKey,
    checkpointEvery: 1000,
    checkpointIntervalMs: 0,
    rotation: name.startsWith('file') ? { maxBytes: 64 * 1024 * 1024, daily: true } : undefined,
    onSinkFailure: 'buffer',
    maxBuffered: n * 2,
    retryBaseMs: 50,
    retryMaxMs: 500,
    logger,
  });
  const outcomes = Array.from({ length: n }, (_, i) => outcome(i, keys));
  // Feed in slices so the flush loop interleaves with producers, as under real traffic.
  const slice = 500;
  let syncNs = 0n;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i += slice) {
    const s = process.hrtime.bigint();
    for (let j = i; j < Math.min(n, i + slice); j++) trail.record(outcomes[j]!);
    syncNs += process.hrtime.bigint() - s;
    await new Promise((r) => setImmediate(r));
  }
  await trail.drain(120_000);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  await trail.close();
  const result: SinkResult = { sink: name, records: n, seconds: round(seconds, 3), recordsPerSecond: Math.round(n / seconds), observerMicros: round(Number(syncNs) / n / 1000, 2) };
  if (verifyDir) {
    const v0 = process.hrtime.bigint();
    const report = await verifyAudit(await FileSource.from([verifyDir]), { publicKeys: new Map([[keys.kid, keys.publicKey]]), sealKey });
    if (!report.ok) throw new Error('bench log did not verify');
    result.verifyRecordsPerSecond = Math.round(report.chains[0]!.records / (Number(process.hrtime.bigint() - v0) / 1e9));
  }
  return result;
}

function round(x: number, d: number): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

function microsPer(fn: (i: number) => void, n: number): number {
  for (let i = 0; i < Math.min(1000, n); i++) fn(i); // warm-up
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn(i);
  return round(Number(process.hrtime.bigint() - t0) / n / 1000, 2);
}

export async function run(): Promise<void> {
  const keys = generateAuditKey();
  const sealKey = sealKeyFrom(randomBytes(32));
  const dir = mkdtempSync(join(tmpdir(), 'sealgate-bench-audit-'));
  const N_FILE = 50_000;
  const N_REDIS = 20_000;
  const sinks: SinkResult[] = [];
  const notes: string[] = [];
  try {
    sinks.push(await measureSink('file', () => new FileSink({ dir: join(dir, 'plain'), prefix: 'audit', openLine: (l) => l }), N_FILE, keys, undefined, join(dir, 'plain')));
    sinks.push(
      await measureSink(
        'file+aes-256-gcm',
        () => new FileSink({ dir: join(dir, 'sealed'), prefix: 'audit', openLine: (l) => openRecordLine(l, sealKey) }),
        N_FILE,
        keys,
        sealKey,
        join(dir, 'sealed'),
      ),
    );
    const url = process.env.REDIS_URL;
    if (url) {
      const stream = `sealgate:bench:audit:${randomBytes(4).toString('hex')}`;
      try {
        sinks.push(await measureSink('redis-stream', () => new RedisSink({ url, stream, maxLen: 1_000_000, timeoutMs: 10_000 }), N_REDIS, keys));
      } finally {
        const c = createClient({ url });
        await c.connect();
        await c.del([stream, `${stream}:head`]);
        await c.close();
      }
    } else {
      notes.push('REDIS_URL not set: Redis stream sink not measured');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const issuer = new ReceiptIssuer(keys.signingKey, keys.kid);
  const sample = outcome(1, keys);
  const text1k = 'The quick brown fox jumps over the lazy dog. '.repeat(23).slice(0, 1024);
  const perRequest = {
    receiptIssueMicros: microsPer(
      (i) => issuer.issue({ requestId: `req_${i}`, tenantId: 'acme', digests: sample.digests, policyVersion: sample.policyVersion, verdicts: sample.verdicts, final: true }),
      5000,
    ),
    digest1KiBMicros: microsPer(() => digestContent(keys, text1k), 20_000),
  };

  const result = {
    benchmark: 'audit',
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version },
    settings: { recordsFile: N_FILE, recordsRedis: N_REDIS, checkpointEvery: 1000, verdictsPerRecord: 2 },
    sinks,
    perRequest,
    notes: [
      'recordsPerSecond: end to end (observer call → chained, signed checkpoints every 1000, sealed when encrypted → written), until drained',
      'observerMicros: synchronous time the gateway pays per request for the audit observer (the write happens off the request path)',
      'verifyRecordsPerSecond: sealgate audit verify over the file just written (hash, link, schema, checkpoint signatures; decrypting when sealed)',
      'a request also pays receiptIssueMicros (Ed25519 signature for x-sealgate-receipt; twice for streams) and two digests',
      'shared 2-core machine: compare ratios within one run',
      ...notes,
    ],
  };
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'audit.json'), `${JSON.stringify(result, null, 2)}\n`);
  for (const s of sinks)
    process.stdout.write(
      `${s.sink.padEnd(18)} ${String(s.recordsPerSecond).padStart(8)} records/s   observer ${s.observerMicros} µs/request${s.verifyRecordsPerSecond ? `   verify ${s.verifyRecordsPerSecond} records/s` : ''}\n`,
    );
  process.stdout.write(`receipt ${perRequest.receiptIssueMicros} µs, digest(1 KiB) ${perRequest.digest1KiBMicros} µs\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
