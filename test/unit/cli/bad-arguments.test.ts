/**
 * `sealgate scan` and `sealgate clean` given an output they cannot open or a flag that is not a
 * number: one clear line on stderr and a non-zero exit, never node's unhandled-error dump (a
 * stack trace, and for a bad flag the CLI's own source line).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(process.cwd(), 'bin/sealgate.mjs');
const dir = mkdtempSync(join(tmpdir(), 'cli-bad-args-'));
const input = join(dir, 'in.jsonl');
writeFileSync(input, `${JSON.stringify({ text: 'call 13800138000' })}\n`);
const unwritable = join(dir, 'no-such-dir', 'out.jsonl');

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stderr: result.stderr };
}

function expectCleanFailure(result: { status: number | null; stderr: string }, expected: RegExp): void {
  expect(result.status).not.toBe(0);
  expect(result.status).not.toBeNull();
  expect(result.stderr).toMatch(expected);
  expect(result.stderr).not.toMatch(/^\s+at /m); // no stack frames
  expect(result.stderr).not.toContain('Unhandled');
  expect(result.stderr).not.toContain('13800138000');
}

describe('CLI: bad outputs and bad numbers', () => {
  it('scan --out into a missing directory', () => {
    expectCleanFailure(run('scan', '--in', input, '--out', unwritable, '--detectors', 'pii'), /^sealgate scan: .*ENOENT/m);
  });

  it('clean --out into a missing directory', () => {
    expectCleanFailure(run('clean', '--in', input, '--out', unwritable, '--toxicity', 'off', '--intent', 'off'), /^sealgate clean: .*ENOENT/m);
    expect(existsSync(unwritable)).toBe(false);
  });

  it.each([
    ['--workers', 'abc'],
    ['--threshold', 'high'],
    ['--batch-size', '1e'],
    ['--pii-min-score', 'x'],
  ])('clean %s %s', (flag, value) => {
    expectCleanFailure(run('clean', '--in', input, flag, value), new RegExp(`error: option '${flag} <[a-z]+>' argument '${value}' is invalid`));
  });
});
