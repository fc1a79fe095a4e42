/**
 * `sealgate clean --report -` wrote the report to a file named "-" in the working directory, while `-` means stdin /
 * stdout for --in and --out (and the report path check skipped "-" as such). Now it is stdout; with the corpus on
 * stdout too (--out - , the default) the two would mix, so that is refused, exit 2, nothing written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(process.cwd(), 'bin/sealgate.mjs');

describe('sealgate clean --report -', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sg-clean-report-stdout-'));
  const input = join(dir, 'in.jsonl');
  writeFileSync(input, `${JSON.stringify({ text: 'mail a@b.io' })}\n${JSON.stringify({ text: 'hello' })}\n`);
  const cli = (...args: string[]) => spawnSync(process.execPath, [bin, 'clean', '--in', input, '-q', '--toxicity', 'off', '--intent', 'off', ...args], { encoding: 'utf8', cwd: dir, timeout: 120_000 });

  it('writes the report to stdout when --out is a file, and no file named "-"', () => {
    const out = join(dir, 'out.jsonl');
    const run = cli('--out', out, '--report', '-');
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { tool: string; records: { in: number; out: number } };
    expect(report.tool).toBe('sealgate clean');
    expect(report.records).toMatchObject({ in: 2, out: 2 });
    expect(readFileSync(out, 'utf8')).toContain('<EMAIL_1>');
    expect(existsSync(join(dir, '-'))).toBe(false);
    expect(run.stderr).toMatch(/; report: stdout$/m);
  }, 120_000);

  it('refuses it with the corpus on stdout too: exit 2, nothing written', () => {
    const run = cli('--report', '-');
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr.trim()).toBe('sealgate clean: --report - and --out - would both write to stdout: give --out a file');
    expect(run.stdout).toBe('');
    expect(existsSync(join(dir, '-'))).toBe(false);
  }, 120_000);
});
