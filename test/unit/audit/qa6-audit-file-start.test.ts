/**
 * A file-sink log's oldest records cut from the start of its first file (found by QA round 6). Files are
 * named after the seq of their first record and retention removes whole files only, yet verify read a
 * chain whose first file starts later than its name says as "starts at seq N (earlier records removed
 * by retention)", a warning with exit 0: the oldest records could be deleted without a trace.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileSource } from '../../../src/audit/sources.js';
import { verifyAudit } from '../../../src/audit/verify.js';
import type { AuditKeys } from '../../../src/audit/keys.js';
import { fileTrail, outcome } from './helpers.js';

async function rotatedLog(n: number) {
  const setup = await fileTrail({ rotation: { maxBytes: 4096, daily: true } });
  for (let i = 0; i < n; i++) setup.trail.record(outcome(i, setup.keys));
  await setup.trail.close();
  const files = readdirSync(setup.dir).filter((f) => f.endsWith('.jsonl')).sort();
  expect(files.length).toBeGreaterThan(2);
  return { ...setup, files };
}

const verifyDir = async (dir: string, keys: AuditKeys) => verifyAudit(await FileSource.from([dir]), { publicKeys: new Map([[keys.kid, keys.publicKey]]) });

function dropFirstLines(file: string, n: number): void {
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  writeFileSync(file, `${lines.slice(n).join('\n')}\n`);
}

describe('records cut from the start of a file', () => {
  it('the oldest records of the first file removed: deleted (tampering), not a retention warning', async () => {
    const { dir, keys, files } = await rotatedLog(40);
    dropFirstLines(join(dir, files[0]!), 3);
    const report = await verifyDir(dir, keys);
    expect(report.ok).toBe(false);
    expect(report.issues[0]).toMatchObject({ kind: 'deleted', seq: 0 });
    expect(report.issues[0]!.message).toMatch(/seq 0\.\.2/);
  });

  it('the same through a file given explicitly (the first of the chain)', async () => {
    const { dir, keys, files } = await rotatedLog(40);
    dropFirstLines(join(dir, files[0]!), 1);
    const report = await verifyAudit(await FileSource.from([join(dir, files[0]!)]), { publicKeys: new Map([[keys.kid, keys.publicKey]]) });
    expect(report.issues[0]).toMatchObject({ kind: 'deleted', seq: 0 });
  });

  it('two files whose names were swapped: reordered', async () => {
    const { dir, keys, files } = await rotatedLog(40);
    const a = join(dir, files[0]!);
    const b = join(dir, files[1]!);
    renameSync(a, `${a}.tmp`);
    renameSync(b, a);
    renameSync(`${a}.tmp`, b);
    const report = await verifyDir(dir, keys);
    expect(report.issues[0]).toMatchObject({ kind: 'reordered', seq: 0 });
  });

  it('whole files removed from the start (retention) still verify, with the warning', async () => {
    const { dir, keys, files } = await rotatedLog(40);
    unlinkSync(join(dir, files[0]!));
    const report = await verifyDir(dir, keys);
    expect(report.ok).toBe(true);
    expect(report.chains[0]!.warnings.join(' ')).toMatch(/starts at seq \d+ \(earlier records removed by retention/);
  });
});
