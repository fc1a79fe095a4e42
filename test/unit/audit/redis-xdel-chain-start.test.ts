/**
 * Records XDEL'd from the start of a chain in the Redis audit stream must not read as trimming. The
 * writer only ever removes entries by `XADD … MAXLEN ~` (the oldest of the whole stream); verify took
 * any chain that starts after seq 0 for a trimmed one (a warning, exit 0), so deleting a chain's first
 * records went unreported. Redis records an XDEL in the stream's `max-deleted-entry-id` (trimming
 * leaves it at 0-0), and a stream shorter than `maxLen` was never trimmed: either makes a missing
 * chain start `deleted`. Real Redis, a unique stream key per test.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { redisEnabled, requireRedisUrl } from '../../redis-env.js';
import { AuditTrail } from '../../../src/audit/trail.js';
import { RedisSink } from '../../../src/audit/sinks/redis.js';
import { RedisStreamSource } from '../../../src/audit/sources.js';
import { verifyAudit } from '../../../src/audit/verify.js';
import { generateAuditKey, type AuditKeys } from '../../../src/audit/keys.js';
import { outcome, silentLogger } from './helpers.js';

describe.runIf(redisEnabled)('Redis audit stream: a chain whose first records were XDELed (real Redis)', () => {
  const url = redisEnabled ? requireRedisUrl() : '';
  const streams: string[] = [];
  const newStream = () => {
    const s = `sealgate:test:audit-xdel:${randomBytes(6).toString('hex')}`;
    streams.push(s);
    return s;
  };
  afterAll(async () => {
    if (!redisEnabled || streams.length === 0) return;
    const c = createClient({ url });
    await c.connect();
    for (const s of streams) {
      const keys = await c.keys(`${s}*`);
      if (keys.length > 0) await c.del(keys);
    }
    await c.close();
  });

  /** Writes `counts[i]` records on chain `c<i>`, chains one after the other, each closed cleanly. */
  async function writeChains(stream: string, keys: AuditKeys, counts: number[], maxLen = 1_000_000): Promise<string[]> {
    const chains: string[] = [];
    for (const [i, n] of counts.entries()) {
      const chain = `gw${i}.${randomBytes(3).toString('hex')}`;
      const sink = new RedisSink({ url, stream, maxLen, instance: `gw${i}` });
      const trail = await AuditTrail.open({
        chain,
        keys,
        sink,
        checkpointEvery: 10,
        checkpointIntervalMs: 0,
        rotation: { maxBytes: 64 * 1024 * 1024, daily: false },
        onSinkFailure: 'buffer',
        maxBuffered: 10_000,
        retryBaseMs: 20,
        retryMaxMs: 200,
        logger: silentLogger,
      });
      for (let r = 0; r < n; r++) trail.record(outcome(r, keys));
      await trail.close();
      chains.push(chain);
    }
    return chains;
  }

  async function xdel(stream: string, chain: string, firstN: number): Promise<void> {
    const c = createClient({ url });
    await c.connect();
    const ids = (await c.xRange(stream, '-', '+')).filter((e) => e.message.c === chain).slice(0, firstN).map((e) => e.id);
    await c.xDel(stream, ids);
    await c.close();
  }

  const verify = (stream: string, keys: AuditKeys, maxLen?: number) =>
    verifyAudit(new RedisStreamSource(url, stream, 1000, maxLen === undefined ? {} : { maxLen }), {
      publicKeys: new Map([[keys.kid, keys.publicKey]]),
    });

  it('the first records of a chain in the middle of the stream', async () => {
    const stream = newStream();
    const keys = generateAuditKey();
    const [, second] = await writeChains(stream, keys, [15, 15]);
    expect((await verify(stream, keys)).issues).toEqual([]);
    await xdel(stream, second!, 3);
    const report = await verify(stream, keys);
    expect(report.ok).toBe(false);
    expect(report.issues).toEqual([expect.objectContaining({ kind: 'deleted', chain: second, seq: 0 })]);
    expect(report.issues[0]!.message).toMatch(/seq 0\.\.2.*XDEL/);
  });

  it('the first records of the stream itself (what MAXLEN trimming would remove)', async () => {
    const stream = newStream();
    const keys = generateAuditKey();
    const [first] = await writeChains(stream, keys, [15, 5]);
    await xdel(stream, first!, 4);
    const report = await verify(stream, keys);
    expect(report.issues).toEqual([expect.objectContaining({ kind: 'deleted', chain: first, seq: 0 })]);
  });

  it('a whole chain whose signed head remains', async () => {
    const stream = newStream();
    const keys = generateAuditKey();
    const [first] = await writeChains(stream, keys, [12, 5]);
    await xdel(stream, first!, 1_000);
    const report = await verify(stream, keys);
    expect(report.issues).toEqual([expect.objectContaining({ kind: 'deleted', chain: first })]);
  });

  it('trimming by MAXLEN is still a warning, not tampering', async () => {
    const stream = newStream();
    const keys = generateAuditKey();
    // 100 entries per stream node: MAXLEN ~ 100 trims whole nodes once the stream passes 200.
    const [first] = await writeChains(stream, keys, [260, 5], 100);
    const report = await verify(stream, keys, 100);
    expect(report.issues).toEqual([]);
    const chain = report.chains.find((c) => c.chain === first);
    expect(chain?.firstSeq).toBeGreaterThan(0);
    expect(chain?.warnings.join('\n')).toMatch(/chain starts at seq/);
  });

  it('a stream shorter than maxLen was never trimmed: a chain start removed by XTRIM is deleted', async () => {
    const stream = newStream();
    const keys = generateAuditKey();
    const [first] = await writeChains(stream, keys, [15, 5]);
    const c = createClient({ url });
    await c.connect();
    await c.xTrim(stream, 'MAXLEN', 12);
    await c.close();
    expect((await verify(stream, keys)).issues).toEqual([]); // maxLen unknown: cannot tell
    const report = await verify(stream, keys, 1_000_000);
    expect(report.issues).toEqual([expect.objectContaining({ kind: 'deleted', chain: first, seq: 0 })]);
    expect(report.issues[0]!.message).toMatch(/maxLen/);
  });
});
