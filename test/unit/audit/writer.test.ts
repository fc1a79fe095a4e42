import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { claimChain } from '../../../src/audit/sinks/file.js';
import { FileSource } from '../../../src/audit/sources.js';
import { verifyAudit } from '../../../src/audit/verify.js';
import { FileSink } from '../../../src/audit/sinks/file.js';
import type { SinkItem } from '../../../src/audit/sinks/types.js';
import { openRecordLine } from '../../../src/audit/seal.js';
import { fileTrail, outcome, tempDir } from './helpers.js';

describe('audit writer', () => {
  it('signs an interval checkpoint when records wait longer than checkpoint.everyMs', async () => {
    const { dir, keys, trail } = await fileTrail({ checkpointEvery: 1000, checkpointIntervalMs: 30 });
    trail.record(outcome(1, keys));
    trail.record(outcome(2, keys));
    await new Promise((r) => setTimeout(r, 120));
    await trail.drain();
    const lines = readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.jsonl'))!), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    // One interval checkpoint for the two records; no empty checkpoints after it.
    expect(lines.map((l) => l.reason ?? l.kind)).toEqual(['request', 'request', 'interval']);
    expect(lines[2].records).toBe(2);
    await trail.close();
  });

  it('two writers never share a chain: the second claims <id>.<pid>', async () => {
    const dir = tempDir();
    const a = await claimChain(dir, 'audit', 'gw1');
    const b = await claimChain(dir, 'audit', 'gw1');
    expect(a.chain).toBe('gw1');
    expect(b.chain).toBe(`gw1.${process.pid}`);
    await a.release();
    const c = await claimChain(dir, 'audit', 'gw1');
    expect(c.chain).toBe('gw1');
    await Promise.all([b.release(), c.release()]);
  });

  it('two chains in one directory verify independently', async () => {
    const first = await fileTrail({ chain: 'gwA' });
    const second = await fileTrail({ chain: 'gwB', dir: first.dir, keys: first.keys });
    for (let i = 0; i < 15; i++) (i % 2 ? first : second).trail.record(outcome(i, first.keys));
    await Promise.all([first.trail.close(), second.trail.close()]);
    const report = await verifyAudit(await FileSource.from([first.dir]), { publicKeys: new Map([[first.keys.kid, first.keys.publicKey]]) });
    expect(report.ok).toBe(true);
    expect(report.chains.map((c) => [c.chain, c.closed])).toEqual([
      ['gwA', true],
      ['gwB', true],
    ]);
  });

  it('batches a trickle of records into one append, writes a large queue at once, and drain() writes what lingers', async () => {
    const dir = tempDir();
    const batches: number[] = [];
    const sink = new (class extends FileSink {
      override write(items: readonly SinkItem[]): Promise<void> {
        batches.push(items.filter((i) => typeof i === 'string').length);
        return super.write(items);
      }
    })({ dir, prefix: 'audit', openLine: (l) => openRecordLine(l, undefined) });
    const { keys, trail } = await fileTrail({ dir, sink, checkpointEvery: 100_000 });
    for (let i = 0; i < 3; i++) {
      trail.record(outcome(i, keys));
      await new Promise((r) => setImmediate(r)); // records a loop turn apart still share one append
    }
    await trail.drain();
    expect(batches).toEqual([3]);

    batches.length = 0;
    for (let i = 3; i < 303; i++) trail.record(outcome(i, keys));
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(batches[0]).toBeGreaterThanOrEqual(256); // written without lingering
    await trail.close();
    const report = await verifyAudit(await FileSource.from([dir]), { publicKeys: new Map([[keys.kid, keys.publicKey]]) });
    expect(report.ok).toBe(true);
    expect(report.chains[0]?.records).toBe(304); // 303 requests + the closing checkpoint
  });
});
