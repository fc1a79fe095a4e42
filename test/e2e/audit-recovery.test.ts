/**
 * Crash recovery of the audit chain with real gateway processes: `sealgate serve` is SIGKILLed while
 * requests are streaming in (records appended, no checkpoint over them), then a new boot of the same
 * instance recovers the orphaned tail: it takes the chain's writer lock, re-verifies the tail from
 * the last signed checkpoint and signs it with a checkpoint that says `recovered`. `sealgate audit
 * verify` then passes with a recovered note. A tail tampered with before the new boot is not signed
 * and still fails verification. A live writer of the same instance keeps its lock (renewed) and is
 * never recovered; a writer frozen past its lock (SIGSTOP) is recovered and, when it wakes, its
 * appends are refused (fenced) instead of forking the chain.
 *
 * Redis cases run against the real Redis at REDIS_URL (required under CI, see test/redis-env.ts);
 * the file-sink cases always run.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { redisEnabled, requireRedisUrl } from '../redis-env.js';
import { DEV_API_KEY } from '../../src/config/sections/access.js';
import { parseAuditKey } from '../../src/audit/keys.js';
import { FileSource, RedisStreamSource } from '../../src/audit/sources.js';
import { verifyAudit, type VerifyReport } from '../../src/audit/verify.js';
import { runRecover, runVerify } from '../../src/cli/audit.js';
import { sealLine, splitLine } from '../../src/audit/chain.js';

const BIN = join(process.cwd(), 'bin/sealgate.mjs');
const SEED = randomBytes(32).toString('base64url');
const keys = parseAuditKey(SEED);
const publicKeys = new Map([[keys.kid, keys.publicKey]]);
/** An hour on: any tail still unsigned then is overdue (verify's `unsigned`). */
const later = () => new Date(Date.now() + 3600_000);
const children: ChildProcessWithoutNullStreams[] = [];
/** Ports of this brief's range (8860-8879), one per boot. */
let nextPort = 8860 + Math.floor(Math.random() * 4) * 5;

interface Boot {
  child: ChildProcessWithoutNullStreams;
  url: string;
  exited: Promise<number | null>;
  output: () => string;
}

async function boot(dir: string, yaml: string): Promise<Boot> {
  const config = join(dir, `config-${randomBytes(3).toString('hex')}.yaml`);
  writeFileSync(config, yaml);
  const port = nextPort++;
  const child = spawn(process.execPath, [BIN, 'serve', '--config', config], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', SEALGATE_PORT: String(port), SEALGATE_AUDIT_KEY: SEED },
  });
  children.push(child);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (): void => {
      const line = out.split('\n').find((l) => l.includes('"sealgate listening"'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    };
    child.stdout.on('data', onData);
    void exited.then((code) => reject(new Error(`gateway exited ${code}: ${out}`)));
  });
  return { child, url, exited, output: () => out };
}

async function chat(url: string, i: number): Promise<number> {
  const res = await fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEV_API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'sealgate-demo', messages: [{ role: 'user', content: `What is the weather like on day ${i}?` }] }),
  });
  await res.arrayBuffer();
  return res.status;
}

/** Keep `workers` clients sending requests until stop() (requests cut by a crash are fine). */
function streamOfRequests(url: string, workers = 3): { stop: () => Promise<number> } {
  let stopped = false;
  let ok = 0;
  const loops = Array.from({ length: workers }, async (_, w) => {
    for (let i = 0; !stopped; i++) {
      try {
        if ((await chat(url, w * 1000 + i)) === 200) ok += 1;
      } catch {
        return; // the gateway died under us
      }
    }
  });
  return {
    stop: async () => {
      stopped = true;
      await Promise.allSettled(loops);
      return ok;
    },
  };
}

async function until<T>(check: () => Promise<T | undefined | false>, what: string, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function cliVerify(args: string[], flags: Record<string, unknown>): Promise<{ code: number; text: string }> {
  const out: string[] = [];
  const code = await runVerify(args, { publicKey: [keys.publicKeyRaw], ...flags }, { out: (t) => void out.push(t), err: (t) => void out.push(t) });
  return { code, text: out.join('') };
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

describe('audit recovery after a crash: file sink (real gateway processes)', () => {
  const fileYaml = (dir: string) => `
access: { devMode: true, keysFile: keys.json }
guardrails: { enabled: false }
audit:
  instanceId: gwfile
  key: { env: SEALGATE_AUDIT_KEY }
  sink: file
  file: { dir: ${join(dir, 'audit')} }
  checkpoint: { everyRecords: 5, everyMs: 600000 }
`;

  async function crashMidStream(dir: string): Promise<string[]> {
    const first = await boot(dir, fileYaml(dir));
    const load = streamOfRequests(first.url);
    const auditDir = join(dir, 'audit');
    // SIGKILL once records past a signed checkpoint have landed, while requests are still coming in.
    await until(async () => {
      const ls = readdirSync(auditDir).filter((f) => f.endsWith('.jsonl')).flatMap((f) => readFileSync(join(auditDir, f), 'utf8').split('\n').filter(Boolean));
      const last = ls.at(-1);
      return ls.length >= 14 && last !== undefined && !last.includes('"kind":"checkpoint"');
    }, 'records after a checkpoint');
    first.child.kill('SIGKILL');
    await load.stop();
    await first.exited;
    return readdirSync(auditDir).filter((f) => f.endsWith('.jsonl'));
  }

  it('the next boot signs the orphaned tail as recovered; verify passes and names it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sealgate-recovery-file-'));
    await crashMidStream(dir);
    const auditDir = join(dir, 'audit');
    const before = await verifyAudit(await FileSource.from([auditDir]), { publicKeys, now: later() });
    expect(before.issues[0]?.kind).toBe('unsigned');

    const second = await boot(dir, fileYaml(dir));
    for (let i = 0; i < 3; i++) expect(await chat(second.url, i)).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const report = await verifyAudit(await FileSource.from([auditDir]), { publicKeys, now: later() });
    expect(report.issues).toEqual([]);
    expect(report.chains).toHaveLength(1);
    const chain = report.chains[0]!;
    expect(chain).toMatchObject({ chain: 'gwfile', closed: true, unsignedTail: 0 });
    expect(chain.recovered).toHaveLength(1);
    expect(chain.recovered[0]!.by).toMatch(/^gwfile\.\w+$/);
    const { code, text } = await cliVerify([auditDir], {});
    expect(code, text).toBe(0);
    expect(text).toMatch(/chain gwfile: ok \(.*recovered after a crash: seq \d+\.\.\d+\)/);
    expect(text).toContain('verified: no tampering found');
    // --strict treats a recovered tail as less than normal.
    expect((await cliVerify([auditDir], { strict: true })).code).toBe(1);
  }, 60_000);

  it('a tail tampered with before the next boot is not signed: that chain still fails, the boot writes its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sealgate-recovery-file-'));
    const files = await crashMidStream(dir);
    const auditDir = join(dir, 'audit');
    const newest = join(auditDir, files.sort().at(-1)!);
    const ls = readFileSync(newest, 'utf8').split('\n').filter(Boolean);
    // Alter the last request record after the last checkpoint (its hash kept): status 200 -> 500.
    const at = ls.length - 1;
    expect(ls[at]).toContain('"status":200');
    const seq = (JSON.parse(ls[at]!) as { seq: number }).seq;
    ls[at] = ls[at]!.replace('"status":200', '"status":500');
    writeFileSync(newest, `${ls.join('\n')}\n`);
    const tampered = readFileSync(newest, 'utf8');
    const chainFiles = () => readdirSync(auditDir).filter((f) => /^audit-gwfile-\d{8}-\d{12}\.jsonl$/.test(f)).sort();
    const filesBefore = chainFiles();

    const second = await boot(dir, fileYaml(dir));
    expect(await chat(second.url, 1)).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain('audit chain NOT resumed');

    const report = await verifyAudit(await FileSource.from([auditDir]), { publicKeys, now: later() });
    const crashed = report.chains.find((c) => c.chain === 'gwfile')!;
    expect(crashed.issue).toMatchObject({ kind: 'modified', seq });
    expect(crashed.recovered).toEqual([]);
    // Nothing was appended to it or signed over it.
    expect(readFileSync(newest, 'utf8')).toBe(tampered);
    expect(chainFiles()).toEqual(filesBefore);
    const own = report.chains.find((c) => c.chain !== 'gwfile')!;
    expect(own.chain).toMatch(/^gwfile\.\d+$/);
    expect(own).toMatchObject({ closed: true, firstSeq: 0 });
    expect(own.issue).toBeUndefined();
    expect((await cliVerify([auditDir], {})).code).toBe(1);
  }, 60_000);
});

describe.runIf(redisEnabled)('audit recovery after a crash: Redis stream sink (real Redis, real gateway processes)', () => {
  const url = redisEnabled ? requireRedisUrl() : '';
  const streams: string[] = [];
  let redis: ReturnType<typeof createClient>;
  const newStream = () => {
    const s = `sealgate:test:recovery:${randomBytes(6).toString('hex')}`;
    streams.push(s);
    return s;
  };
  const redisYaml = (stream: string, instanceId = 'gwcrash') => `
access: { devMode: true, keysFile: keys.json }
guardrails: { enabled: false }
audit:
  instanceId: ${instanceId}
  key: { env: SEALGATE_AUDIT_KEY }
  sink: redis
  redis: { url: ${url}, stream: ${stream}, lockTtlMs: 1000 }
  checkpoint: { everyRecords: 1000, everyMs: 600000 }
  buffer: { retryBaseMs: 50, retryMaxMs: 200, probeMs: 100 }
`;
  const entries = async (stream: string) => (await redis.xRange(stream, '-', '+')).map((e) => ({ id: e.id, chain: e.message.c!, line: e.message.l! }));
  const verifyStream = (stream: string): Promise<VerifyReport> => verifyAudit(new RedisStreamSource(url, stream), { publicKeys, now: later() });

  beforeAll(async () => {
    redis = createClient({ url });
    await redis.connect();
  });
  afterAll(async () => {
    for (const s of streams) {
      const locks = await redis.keys(`${s}:lock:*`);
      await redis.del([s, `${s}:head`, `${s}:open`, ...locks]);
    }
    await redis.close();
  });

  async function crashMidStream(dir: string, stream: string, instanceId = 'gwcrash'): Promise<string> {
    const first = await boot(dir, redisYaml(stream, instanceId));
    const load = streamOfRequests(first.url);
    await until(async () => (await entries(stream)).length >= 8, 'records in the stream');
    first.child.kill('SIGKILL');
    await load.stop();
    await first.exited;
    const chains = [...new Set((await entries(stream)).map((e) => e.chain))];
    expect(chains).toHaveLength(1);
    return chains[0]!;
  }

  it('the next boot of the instance takes the lock and signs the orphaned tail; verify passes with a recovered note', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sealgate-recovery-redis-'));
    const stream = newStream();
    const crashed = await crashMidStream(dir, stream);
    const orphan = await entries(stream);
    expect(orphan.every((e) => !e.line.includes('"kind":"checkpoint"'))).toBe(true);
    // The open gap: before recovery, the crashed boot's tail is unsigned (overdue an hour on).
    expect((await verifyStream(stream)).issues[0]).toMatchObject({ kind: 'unsigned', chain: crashed });

    const second = await boot(dir, redisYaml(stream));
    // The crashed boot's lock lives on until it expires (lockTtlMs); the new boot retries until then.
    const recovered = await until(async () => {
      const r = await verifyStream(stream);
      return r.chains.find((c) => c.chain === crashed && c.closed);
    }, 'the recovery checkpoint');
    const secondChain = (await entries(stream)).map((e) => e.chain).find((c) => c !== crashed);
    for (let i = 0; i < 3; i++) expect(await chat(second.url, i)).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain('audit chain of a crashed boot recovered');

    expect(recovered.recovered).toEqual([{ from: 0, until: orphan.length - 1, checkpointSeq: orphan.length, by: expect.stringMatching(/^gwcrash\.\w+$/) as string }]);
    const report = await verifyStream(stream);
    expect(report.issues).toEqual([]);
    expect(report.chains).toHaveLength(2);
    for (const c of report.chains) expect(c).toMatchObject({ closed: true, unsignedTail: 0 });
    const own = report.chains.find((c) => c.chain !== crashed)!;
    expect(own.recovered).toEqual([]);
    expect(recovered.recovered[0]!.by).toBe(own.chain);
    if (secondChain) expect(secondChain).toBe(own.chain);
    // The head of the crashed chain is its recovery checkpoint; nothing is left registered or locked.
    expect(JSON.parse((await redis.hGet(`${stream}:head`, crashed))!)).toMatchObject({ seq: orphan.length, reason: 'close', recovered: { from: 0, until: orphan.length - 1 } });
    expect(await redis.hLen(`${stream}:open`)).toBe(0);
    expect(await redis.keys(`${stream}:lock:*`)).toEqual([]);

    const { code, text } = await cliVerify([], { redis: url, stream });
    expect(code, text).toBe(0);
    expect(text).toMatch(new RegExp(`chain ${crashed.replace('.', '\\.')}: ok \\(.*closed, recovered after a crash: seq 0\\.\\.${orphan.length - 1}\\)`));
    expect(text).toContain('verified: no tampering found');
  }, 60_000);

  it('a chain registered without the audit key\'s signature (forged by someone who can write Redis) is never signed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sealgate-recovery-redis-'));
    const stream = newStream();
    const crashed = await crashMidStream(dir, stream);
    // A whole forged chain: the crashed boot's records re-linked under another boot id of the instance.
    const forged = 'gwcrash.forged0001';
    let prev = 'A'.repeat(43);
    for (const e of await entries(stream)) {
      const body = JSON.parse(splitLine(e.line)!.body) as Record<string, unknown>;
      const sealed = sealLine(JSON.stringify({ ...body, chain: forged, prev }));
      prev = sealed.hash;
      await redis.xAdd(stream, '*', { c: forged, l: sealed.line });
    }
    await redis.hSet(`${stream}:open`, forged, JSON.stringify({ instance: 'gwcrash', from: '0-0', sig: 'A'.repeat(86) }));

    const second = await boot(dir, redisYaml(stream));
    await until(async () => (await verifyStream(stream)).chains.find((c) => c.chain === crashed && c.closed), 'recovery of the real crashed chain');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain('without a valid signature of this audit key');
    const report = await verifyStream(stream);
    const forgedReport = report.chains.find((c) => c.chain === forged)!;
    expect(forgedReport.recovered).toEqual([]);
    expect(forgedReport.issue).toMatchObject({ kind: 'unsigned' });
    expect(report.chains.find((c) => c.chain === crashed)!.recovered).toHaveLength(1);
  }, 60_000);

  it('sealgate audit recover signs the orphaned chain of an instance that never boots again (--all)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sealgate-recovery-redis-'));
    const stream = newStream();
    const crashed = await crashMidStream(dir, stream, 'gwgone');
    const config = join(dir, 'recover.yaml');
    writeFileSync(config, redisYaml(stream, 'gwother'));
    process.env.SEALGATE_AUDIT_KEY = SEED;
    const out: string[] = [];
    const io = { out: (t: string) => void out.push(t), err: (t: string) => void out.push(t) };
    // Its own instance (gwother) has nothing to recover; gwgone's chain is left alone.
    expect(await runRecover({ config, redis: url, stream }, io)).toBe(0);
    expect(out.join('')).toContain('no orphaned chains of instance gwother');
    await new Promise((r) => setTimeout(r, 1200)); // the crashed boot's lock (lockTtlMs 1000) expires
    out.length = 0;
    expect(await runRecover({ config, redis: url, stream, all: true }, io)).toBe(0);
    expect(out.join('')).toMatch(new RegExp(`recovered ${crashed.replace('.', '\\.')} \\(by audit-recover\\.\\w+\\)`));
    const report = await verifyStream(stream);
    expect(report.issues).toEqual([]);
    expect(report.chains[0]).toMatchObject({ chain: crashed, closed: true, recovered: [{ from: 0, by: expect.stringMatching(/^audit-recover\./) as string }] });
  }, 60_000);

  it('a record altered in the orphaned tail before the next boot: not signed, verify still fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sealgate-recovery-redis-'));
    const stream = newStream();
    const crashed = await crashMidStream(dir, stream);
    // Rewrite the stream from seq 2 on, with seq 2's status changed (its hash kept): an edit in place.
    const all = await entries(stream);
    const from = all.findIndex((e) => (JSON.parse(e.line) as { seq: number }).seq === 2);
    for (const e of all.slice(from)) await redis.xDel(stream, e.id);
    for (const [k, e] of all.slice(from).entries()) {
      const line = k === 0 ? e.line.replace(/"status":\d+/, '"status":500') : e.line;
      await redis.xAdd(stream, '*', { c: e.chain, l: line });
    }

    const second = await boot(dir, redisYaml(stream));
    await until(async () => (await redis.hExists(`${stream}:open`, crashed)) === 0, 'the broken chain to be settled');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain('NOT recovered');

    const report = await verifyStream(stream);
    const broken = report.chains.find((c) => c.chain === crashed)!;
    expect(broken.issue).toMatchObject({ kind: 'modified', seq: 2 });
    expect(broken.recovered).toEqual([]);
    expect((await entries(stream)).filter((e) => e.chain === crashed).some((e) => e.line.includes('"recovered"'))).toBe(false);
    expect(report.chains.filter((c) => c.chain !== crashed).every((c) => !c.issue)).toBe(true);
    expect((await cliVerify([], { redis: url, stream })).code).toBe(1);
  }, 60_000);

  it('a record deleted from the orphaned tail before the next boot: not signed, verify reports it deleted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sealgate-recovery-redis-'));
    const stream = newStream();
    const crashed = await crashMidStream(dir, stream);
    const victim = (await entries(stream)).find((e) => (JSON.parse(e.line) as { seq: number }).seq === 3)!;
    await redis.xDel(stream, victim.id);

    const second = await boot(dir, redisYaml(stream));
    await until(async () => (await redis.hExists(`${stream}:open`, crashed)) === 0, 'the broken chain to be settled');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const broken = (await verifyStream(stream)).chains.find((c) => c.chain === crashed)!;
    expect(broken.issue).toMatchObject({ kind: 'deleted', seq: 3 });
    expect(broken.recovered).toEqual([]);
  }, 60_000);

  it('a live writer of the same instance keeps its chain (lock renewed); one frozen past its lock is recovered and then fenced off', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sealgate-recovery-redis-'));
    const stream = newStream();
    const a = await boot(dir, redisYaml(stream, 'gwshared'));
    for (let i = 0; i < 4; i++) expect(await chat(a.url, i)).toBe(200);
    const b = await boot(dir, redisYaml(stream, 'gwshared'));
    // Three lock lifetimes: A renews its lock, so B's recovery sweeps find it held and leave it alone.
    await new Promise((r) => setTimeout(r, 3000));
    for (let i = 4; i < 8; i++) expect(await chat(a.url, i)).toBe(200);
    for (let i = 0; i < 2; i++) expect(await chat(b.url, i)).toBe(200);
    const chainA = await until(async () => (await entries(stream)).find((e) => (JSON.parse(e.line) as { seq: number }).seq === 7)?.chain, 'A\'s records');
    expect((await verifyStream(stream)).chains.find((c) => c.chain === chainA)!.recovered).toEqual([]);

    // Freeze A past its lock; a third boot recovers A's chain meanwhile (B already swept and found nothing to do).
    a.child.kill('SIGSTOP');
    const c = await boot(dir, redisYaml(stream, 'gwshared'));
    await until(async () => (await verifyStream(stream)).chains.find((r) => r.chain === chainA && r.closed), 'recovery of the frozen writer\'s chain');
    a.child.kill('SIGCONT');
    // A wakes up and serves (audit buffers by default), but its appends are refused: the chain is not forked.
    expect(await chat(a.url, 100)).toBe(200);
    await until(async () => {
      const ready = await fetch(`${a.url}/readyz`).then((r) => r.json() as Promise<{ checks?: { audit?: boolean } }>);
      return ready.checks?.audit === false;
    }, 'A to report its audit sink unhealthy', 10_000);
    a.child.kill('SIGKILL');
    b.child.kill('SIGTERM');
    c.child.kill('SIGTERM');
    expect(await b.exited).toBe(0);
    expect(await c.exited).toBe(0);

    const report = await verifyStream(stream);
    expect(report.issues).toEqual([]);
    const recoveredA = report.chains.find((r) => r.chain === chainA)!;
    expect(recoveredA.recovered).toHaveLength(1);
    expect(recoveredA.lastSeq).toBe(recoveredA.recovered[0]!.checkpointSeq); // nothing after the recovery checkpoint
    expect(report.chains.filter((r) => r.chain !== chainA).every((r) => r.closed && r.recovered.length === 0)).toBe(true);
  }, 60_000);
});
