/**
 * A config that does not load (here: a misspelt field) is bad input, exit 2, for every command that reads one.
 * scan, audit and policy check exited 2; doctor, keys and enclave exited 1, which is `doctor --strict`'s "risky
 * configuration found" and keys' / enclave's own verdicts (no such key, a rejected policy): a CI gate could not tell
 * a typo in the config from a finding. doctor's line also named no command ("sealgate: Invalid config ...").
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(process.cwd(), 'bin/sealgate.mjs');

describe('a config with a typo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sg-config-typo-'));
  const config = join(dir, 'typo.yaml');
  writeFileSync(config, 'server:\n  prot: 9279\n');
  const input = join(dir, 'in.jsonl');
  writeFileSync(input, '{"text":"hello"}\n');

  it.each([
    ['serve', ['serve', '-c', config]],
    ['doctor', ['doctor', '--strict', '-c', config]],
    ['keys', ['keys', '-c', config, 'list']],
    ['enclave', ['enclave', 'measure', '-c', config]],
    ['scan', ['scan', '--in', input, '-c', config]],
    ['audit', ['audit', 'verify', '-c', config]],
    ['policy check', ['policy', 'check', '-c', config]],
  ])('%s: one line naming the command and the field, exit 2', (name, args) => {
    const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000, cwd: dir, env: { ...process.env, SEALGATE_CONFIG: '' } });
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^sealgate ${name.split(' ')[0]}[a-z ]*: Invalid config \\(.*typo\\.yaml\\):\\n  - server\\.prot: unknown field`));
    expect(run.stdout).toBe('');
  }, 60_000);
});
