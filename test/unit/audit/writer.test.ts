import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { claimChain } from '../../../src/audit/sinks/file.js';
import { FileSource } from '../../../src/audit/sources.js';
import { verifyAudit } from '../../../src/audit/verify.js';
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
});
