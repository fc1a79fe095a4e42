/**
 * Usage errors the argument parser catches (an unknown or misspelt option, a missing required option, a flag value
 * it rejects, an unknown command) exited 1, the code every command documents for its verdict: `audit verify` 1 =
 * tampering found, `policy check` 1 = a policy rejected, `eval` 1 = a threshold failed, `doctor --strict` 1 = a
 * risk reported. A monitor running `sealgate audit verify --public-keys K` (misspelt) read "tampering". They now
 * exit 2, as every command's own usage errors do; help and --version still exit 0.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(process.cwd(), 'bin/sealgate.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, SEALGATE_CONFIG: '' } });

describe('sealgate usage errors exit 2', () => {
  it.each([
    [['audit', 'verify', '--public-keys', 'x'], /unknown option '--public-keys'/],
    [['policy', 'check', '--dirs', 'policies'], /unknown option '--dirs'/],
    [['eval', '--min-block-rat', '0.9'], /unknown option '--min-block-rat'/],
    [['doctor', '--strcit'], /unknown option '--strcit'/],
    [['scan'], /required option '--in <file>' not specified/],
    [['clean', '--in', 'x.jsonl', '--workers', 'abc'], /option '--workers <n>' argument 'abc' is invalid/],
    [['keys', 'create'], /required option '-t, --tenant <tenant>' not specified/],
    [['policy', 'check', 'extra'], /too many arguments/],
    [['nosuch'], /unknown command 'nosuch'/],
  ])('%j exits 2', (args, message) => {
    const result = run(...args);
    expect(result.stderr).toMatch(message);
    expect(result.status).toBe(2);
  });

  it('help and --version exit 0', () => {
    expect(run('--help').status).toBe(0);
    expect(run('--version').status).toBe(0);
    expect(run('help', 'audit').status).toBe(0);
    expect(run('audit', 'verify', '--help').status).toBe(0);
  });
});
