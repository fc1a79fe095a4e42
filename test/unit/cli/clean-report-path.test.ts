/**
 * `sealgate clean --report` naming a file that cannot be written (a missing directory, a directory) was found out
 * only after the whole corpus had been cleaned: the report write threw, the error path then waited for the closed
 * output stream to "open" (WriteStream.pending is true again once it has closed), the event loop ran dry and Node
 * exited 13 ("unsettled top-level await") with the output left behind, as if complete. Now the report path is
 * checked before any work (exit 2, no output created), and a failure after the output closed exits 2 and removes it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(process.cwd(), 'bin/sealgate.mjs');
const cli = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, SEALGATE_CONFIG: '' } });

describe('sealgate clean --report that cannot be written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sg-clean-report-'));
  const input = join(dir, 'in.jsonl');
  writeFileSync(input, `${JSON.stringify({ text: 'mail a@b.io' })}\n${JSON.stringify({ text: 'hello' })}\n`);

  it('a report in a missing directory is refused before the run: exit 2, no output file', () => {
    const out = join(dir, 'out-missing.jsonl');
    const run = cli('clean', '--in', input, '--out', out, '--report', join(dir, 'nodir', 'report.json'), '-q', '--toxicity', 'off', '--intent', 'off');
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/sealgate clean: --report .*nodir.*report\.json/);
    expect(existsSync(out)).toBe(false);
  }, 120_000);

  it('a report that is a directory is refused before the run', () => {
    const out = join(dir, 'out-dir.jsonl');
    const reportDir = join(dir, 'a-directory');
    mkdirSync(reportDir);
    const run = cli('clean', '--in', input, '--out', out, '--report', reportDir, '-q', '--toxicity', 'off', '--intent', 'off');
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/sealgate clean: --report .*a-directory/);
    expect(existsSync(out)).toBe(false);
  }, 120_000);

  it.runIf(existsSync('/dev/full'))('a report write failing after the run (disk full) exits 2 and removes the output', () => {
    const out = join(dir, 'out-full.jsonl');
    const run = cli('clean', '--in', input, '--out', out, '--report', '/dev/full', '-q', '--toxicity', 'off', '--intent', 'off');
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/sealgate clean: ENOSPC/);
    expect(existsSync(out)).toBe(false);
  }, 120_000);

  it('a writable report still works', () => {
    const out = join(dir, 'out-ok.jsonl');
    const run = cli('clean', '--in', input, '--out', out, '--report', join(dir, 'report.json'), '-q', '--toxicity', 'off', '--intent', 'off');
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(out) && existsSync(join(dir, 'report.json'))).toBe(true);
  }, 120_000);
});
