/**
 * The Redis Stream sink against the real Redis with two gateway instances (per-instance chains that
 * verify understands), and sink failure in both modes: fail-closed answers 503 before serving while
 * the sink is down; buffer mode keeps serving and loses nothing; an overflowing buffer is declared
 * by a gap record. The outage is real: a TCP relay in front of Redis that we cut and restore.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import { redisEnabled, requireRedisUrl } from '../redis-env.js';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';
import { RedisStreamSource } from '../../src/audit/sources.js';
import { verifyAudit } from '../../src/audit/verify.js';
import { queryAudit } from '../../src/audit/query.js';
import { parseAuditKey } from '../../src/audit/keys.js';
import { runQuery, runVerify } from '../../src/cli/audit.js';

const SEED = randomBytes(32).toString('base64url');
const keys = parseAuditKey(SEED);
const publicKeys = new Map([[keys.kid, keys.publicKey]]);

/** A TCP relay to Redis that can be cut (connections dropped, new ones refused) and restored. */
class Relay {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}
  async up(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }
  async down(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server?.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }
}

async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function chat(gw: TestGateway, content: string) {
  const res = await fetch(`${gw.baseURL}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'fake-model', messages: [{ role: 'user', content: `Please summarise the weather forecast for the weekend (${content}).` }] }),
  });
  return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } } };
}

describe.runIf(redisEnabled)('audit Redis stream sink (real Redis)', () => {
  const url = redisEnabled ? requireRedisUrl() : '';
  const target = redisEnabled ? new URL(url) : new URL('redis://127.0.0.1:6379');
  let fake: FakeUpstream;
  const streams: string[] = [];
  const newStream = () => {
    const s = `sealgate:test:audit:${randomBytes(6).toString('hex')}`;
    streams.push(s);
    return s;
  };
  const gateway = (stream: string, instanceId: string, extra: Record<string, unknown> = {}, redisUrl = url) =>
    startGateway(
      {
        upstream: { providers: [fakeProvider(fake)] },
        // Sink behaviour is under test here, not the classifiers: keep their verdicts out of the way.
        guardrails: { enabled: false },
        audit: { sink: 'redis', instanceId, redis: { url: redisUrl, stream }, checkpoint: { everyRecords: 4 }, buffer: { retryBaseMs: 20, retryMaxMs: 100, probeMs: 50 }, ...extra },
      },
    );

  beforeAll(async () => {
    process.env.SEALGATE_AUDIT_KEY_TEST = SEED;
    fake = await startFakeUpstream();
  });
  afterAll(async () => {
    await fake.close();
    const c = createClient({ url });
    await c.connect();
    for (const s of streams) await c.del([s, `${s}:head`]);
    await c.close();
  });

  it('two gateway instances write their own chains into one stream; verify and query read it; XDEL is caught', async () => {
    const stream = newStream();
    const key = { key: { env: 'SEALGATE_AUDIT_KEY_TEST' } };
    const a = await gateway(stream, 'gwA', key);
    const b = await gateway(stream, 'gwB', key);
    for (let i = 0; i < 10; i++) expect((await chat(i % 2 ? a : b, `hello ${i}`)).status).toBe(200);
    await a.close();
    await b.close();

    const source = new RedisStreamSource(url, stream);
    const report = await verifyAudit(source, { publicKeys });
    expect(report.issues).toEqual([]);
    expect(report.chains).toHaveLength(2);
    expect(report.chains.map((c) => c.chain.split('.')[0]).sort()).toEqual(['gwA', 'gwB']);
    for (const c of report.chains) expect(c).toMatchObject({ firstSeq: 0, closed: true, unsignedTail: 0 });

    const records = [];
    for await (const r of queryAudit(source, { status: '200' })) records.push(r);
    expect(records).toHaveLength(10);

    // The CLI over the stream: verify exits 0, query prints CSV rows.
    const out: string[] = [];
    const io = { out: (t: string) => void out.push(t), err: (t: string) => void out.push(t) };
    expect(await runVerify([], { redis: url, stream, publicKey: [keys.publicKeyRaw] }, io)).toBe(0);
    expect(out.join('')).toMatch(/chain gwA\.\w+: ok[\s\S]*chain gwB\.\w+: ok[\s\S]*verified: no tampering found/);
    out.length = 0;
    expect(await runQuery([], { redis: url, stream, publicKey: [keys.publicKeyRaw], format: 'csv', status: '200' }, io)).toBe(0);
    expect(out.join('').trimEnd().split('\n')).toHaveLength(11);

    // Delete one record from the stream: verify names the chain and the missing seq.
    const c = createClient({ url });
    await c.connect();
    const entries = await c.xRange(stream, '-', '+');
    const victim = entries.find((e) => JSON.parse(e.message.l!).seq === 2)!;
    await c.xDel(stream, victim.id);
    await c.close();
    const tampered = await verifyAudit(new RedisStreamSource(url, stream), { publicKeys });
    expect(tampered.issues).toHaveLength(1);
    expect(tampered.issues[0]).toMatchObject({ kind: 'deleted', seq: 2, chain: victim.message.c });
  });

  it('fail_closed: 503 before serving while the sink is down; recovers and loses nothing', async () => {
    const relay = new Relay({ host: target.hostname, port: Number(target.port || 6379) });
    await relay.up();
    const stream = newStream();
    const gw = await gateway(stream, 'gwClosed', { onSinkFailure: 'fail_closed', key: { env: 'SEALGATE_AUDIT_KEY_TEST' } }, `redis://127.0.0.1:${relay.port}`);
    const audit = gw.running.gateway.deps.audit!;
    try {
      const before = await chat(gw, 'one');
      expect(before.status, before.body.error?.message).toBe(200);
      await audit.trail.drain();
      await relay.down();
      // No request needed: the idle probe notices the outage, so nothing is served unaudited.
      await until(() => !audit.trail.healthy, 'the probe to notice the outage');
      const refused = await chat(gw, 'two');
      expect(refused.status).toBe(503);
      expect(refused.body.error?.code).toBe('audit_unavailable');
      const ready = await fetch(`${gw.url}/readyz`);
      expect(ready.status).toBe(503);
      const metrics = await (await fetch(`${gw.url}/metrics`)).text();
      expect(metrics).toMatch(/sealgate_audit_sink_healthy 0/);
      expect(metrics).toMatch(/sealgate_audit_write_failures_total [1-9]/);

      await relay.up();
      await until(() => audit.trail.healthy, 'the sink to recover');
      expect((await fetch(`${gw.url}/readyz`)).status).toBe(200);
      expect((await chat(gw, 'three')).status).toBe(200);
    } finally {
      await gw.close();
      await relay.down();
    }
    const report = await verifyAudit(new RedisStreamSource(url, stream), { publicKeys });
    expect(report.issues).toEqual([]);
    const statuses = [];
    for await (const r of queryAudit(new RedisStreamSource(url, stream), {})) statuses.push(r.status);
    expect(statuses).toEqual([200, 503, 200]); // every request recorded, the refused one included
  });

  it('buffer: keeps serving while the sink is down and writes the backlog in order when it is back', async () => {
    const relay = new Relay({ host: target.hostname, port: Number(target.port || 6379) });
    await relay.up();
    const stream = newStream();
    const gw = await gateway(stream, 'gwBuffer', { onSinkFailure: 'buffer', key: { env: 'SEALGATE_AUDIT_KEY_TEST' } }, `redis://127.0.0.1:${relay.port}`);
    const audit = gw.running.gateway.deps.audit!;
    try {
      await relay.down();
      for (let i = 0; i < 6; i++) expect((await chat(gw, `during outage ${i}`)).status).toBe(200);
      await until(() => audit.trail.stats().writeFailures > 0, 'a failed write');
      expect(audit.trail.stats().queued).toBeGreaterThanOrEqual(6);
      await relay.up();
      await audit.trail.drain(5000);
      expect(audit.trail.healthy).toBe(true);
    } finally {
      await gw.close();
      await relay.down();
    }
    const report = await verifyAudit(new RedisStreamSource(url, stream), { publicKeys });
    expect(report.issues).toEqual([]);
    expect(report.chains[0]!.records - report.chains[0]!.checkpoints).toBe(6);
  });

  it('buffer full: extra records are dropped, counted, and declared by a gap record (never silently)', async () => {
    const relay = new Relay({ host: target.hostname, port: Number(target.port || 6379) });
    await relay.up();
    const stream = newStream();
    const gw = await gateway(
      stream,
      'gwGap',
      { onSinkFailure: 'buffer', buffer: { maxRecords: 3, retryBaseMs: 20, retryMaxMs: 50, probeMs: 50 }, checkpoint: { everyRecords: 1000 }, key: { env: 'SEALGATE_AUDIT_KEY_TEST' } },
      `redis://127.0.0.1:${relay.port}`,
    );
    const audit = gw.running.gateway.deps.audit!;
    try {
      await relay.down();
      for (let i = 0; i < 7; i++) await chat(gw, `overflow ${i}`);
      await until(() => audit.trail.stats().dropped === 4, '4 dropped records');
      const metrics = await (await fetch(`${gw.url}/metrics`)).text();
      expect(metrics).toMatch(/sealgate_audit_records_dropped_total 4/);
      await relay.up();
      await until(() => audit.trail.healthy && audit.trail.stats().queued === 0, 'the backlog to be written');
      await chat(gw, 'after');
      await audit.trail.drain(5000);
    } finally {
      await gw.close();
      await relay.down();
    }
    const report = await verifyAudit(new RedisStreamSource(url, stream), { publicKeys });
    expect(report.issues).toEqual([]);
    expect(report.chains[0]!.warnings.join(' ')).toMatch(/4 records lost between .* \(buffer_full\)/);
  });
});
