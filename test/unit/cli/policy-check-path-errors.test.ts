/**
 * `sealgate policy check --dir <missing or a file>` said "policy rejected: … ENOENT" and exited 1, the code of a
 * policy file the gateway would refuse; a mistyped path is a usage error: one line naming the flag, exit 2.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const policyCheck = (...args: string[]) =>
  spawnSync(process.execPath, [join(process.cwd(), 'bin/sealgate.mjs'), 'policy', 'check', ...args], { encoding: 'utf8', timeout: 60_000 });

describe('sealgate policy check: path arguments', () => {
  it('a missing --dir, a file given as --dir and a directory given as --baseline are usage errors (exit 2) naming the flag', () => {
    const root = mkdtempSync(join(tmpdir(), 'sg-policy-paths-'));
    const file = join(root, 'not-a-dir.yaml');
    writeFileSync(file, 'tenant: a\n');
    const missing = policyCheck('--dir', join(root, 'nope'));
    expect(missing.status, missing.stderr).toBe(2);
    expect(missing.stderr).toBe(`sealgate policy check: --dir ${join(root, 'nope')}: no such directory\n`);
    const notDir = policyCheck('--dir', file);
    expect(notDir.status, notDir.stderr).toBe(2);
    expect(notDir.stderr).toBe(`sealgate policy check: --dir ${file} is a file, not a directory\n`);
    const policies = join(root, 'policies');
    mkdirSync(policies);
    const baselineDir = policyCheck('--dir', policies, '--baseline', root);
    expect(baselineDir.status, baselineDir.stderr).toBe(2);
    expect(baselineDir.stderr).toBe(`sealgate policy check: --baseline ${root} is a directory, not a file\n`);
  }, 60_000);

  it('an existing empty policy directory still loads (exit 0)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-policy-empty-'));
    const run = policyCheck('--dir', dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^policies OK/);
  }, 60_000);
});
