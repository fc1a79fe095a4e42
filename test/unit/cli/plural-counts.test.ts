/**
 * CLI summaries said "scanned 1 records: 1 findings in 1 records, 1 bad lines skipped", "cleaned 1 records",
 * "1 checkpoints", "1 prompts in …, 1 errors", "1 warning(s)", policy check "1 terms". A count of one now takes the singular.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../../src/audit/verify.js';
import { formatVerifyReport } from '../../../src/cli/audit.js';
import { count } from '../../../src/cli/plural.js';
import { buildReport, summary } from '../../../src/eval/report.js';

const bin = join(process.cwd(), 'bin/sealgate.mjs');
const dir = mkdtempSync(join(tmpdir(), 'plural-counts-'));
const input = join(dir, 'in.jsonl');
writeFileSync(input, `${JSON.stringify({ text: 'mail alice@example.com' })}\nnot json\n`);

describe('counts of one are singular', () => {
  it('count()', () => {
    expect([0, 1, 2].map((n) => count(n, 'record'))).toEqual(['0 records', '1 record', '2 records']);
    expect(count(1, 'entry', 'entries')).toBe('1 entry');
    expect(count(3, 'entry', 'entries')).toBe('3 entries');
  });

  it('scan and clean summaries', () => {
    const scan = spawnSync(process.execPath, [bin, 'scan', '--in', input, '--out', join(dir, 'verdicts.jsonl'), '--detectors', 'pii'], { encoding: 'utf8', timeout: 60_000 });
    expect(scan.status, scan.stderr).toBe(0);
    expect(scan.stderr).toContain('scanned 1 record: 1 finding in 1 record, 1 bad line skipped\n');
    const clean = spawnSync(process.execPath, [bin, 'clean', '--in', input, '--out', join(dir, 'clean.jsonl'), '--toxicity', 'off', '--intent', 'off'], { encoding: 'utf8', timeout: 60_000 });
    expect(clean.status, clean.stderr).toBe(0);
    expect(clean.stderr).toMatch(/^cleaned 1 record: 1 written, 0 dropped, 1 modified, 0 flagged, 1 bad line skipped;/m);
    const unreadable = join(dir, 'one-bad-line.jsonl');
    writeFileSync(unreadable, 'not json\n');
    const none = spawnSync(process.execPath, [bin, 'scan', '--in', unreadable, '--out', join(dir, 'none.jsonl'), '--detectors', 'pii'], { encoding: 'utf8', timeout: 60_000 });
    expect(none.stderr).toContain('no record could be read (1 bad line)');
  }, 120_000);

  it('policy check: a tenant of one term', () => {
    const policies = join(dir, 'policies');
    mkdirSync(policies);
    writeFileSync(join(policies, 'default.yaml'), 'version: 1\nrules:\n  keywords:\n    - id: x\n      terms: [foo]\n');
    const run = spawnSync(process.execPath, [bin, 'policy', 'check', '--dir', policies], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^ {2}default@[0-9a-f]+ \(1\) {2}1 term$/m);
  }, 60_000);

  it('audit verify: one record, one checkpoint, one chain tampered', () => {
    const chain = { chain: 'gw1', firstSeq: 0, lastSeq: 0, records: 1, checkpoints: 1, closed: false, unsignedTail: 0, recovered: [], warnings: [] };
    const ok = { ok: true, chains: [chain], issues: [] } as unknown as VerifyReport; // only the fields the formatter reads
    expect(formatVerifyReport(ok)).toContain('chain gw1: ok (seq 0..0, 1 record, 1 checkpoint)');
    const issue = { chain: 'gw1', kind: 'modified', where: 'x.jsonl:1', message: 'hash mismatch', seq: 0 };
    const bad = { ok: false, chains: [{ ...chain, issue }], issues: [issue] } as unknown as VerifyReport;
    expect(formatVerifyReport(bad)).toContain('TAMPERING DETECTED in 1 chain\n');
  });

  it('eval summary of one prompt', () => {
    const report = buildReport([{ id: 'a', label: 'attack', category: 'toxicity.insult', lang: 'en', source: 's', outcome: 'error', code: 'x', latencyMs: 1 }], {
      startedAt: '2026-12-01T00:00:00Z',
      gateway: 'http://127.0.0.1:1',
      model: 'm',
      stream: false,
      suites: ['s'],
      seconds: 0.1,
    });
    expect(summary(report)).toMatch(/^1 prompt in 0\.1 s: 0 blocked, 0 refused, 0 vetted answers, 0 filtered, 0 answered, 0 throttled, 1 error\./);
  });
});
