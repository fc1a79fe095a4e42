/**
 * Every command that reads the config takes `-c <file>` (serve, scan, keys, doctor, enclave, audit) except
 * `policy check`, which took only `--config`: `sealgate policy check -c sealgate.config.yaml` was refused as an unknown
 * option (exit 2).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('sealgate policy check -c', () => {
  it('reads the config named with -c, as --config does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-policy-c-'));
    const config = join(dir, 'config.yaml');
    writeFileSync(config, 'server:\n  prot: 1\n'); // a config with a typo: reading it is what fails
    for (const flag of ['-c', '--config']) {
      const run = spawnSync(process.execPath, [join(process.cwd(), 'bin/sealgate.mjs'), 'policy', 'check', flag, config], { encoding: 'utf8', timeout: 60_000 });
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr, flag).toMatch(/^sealgate policy check: Invalid config .*config\.yaml.*\n.*server\.prot: unknown field/);
    }
    writeFileSync(config, 'server:\n  port: 9279\n');
    const ok = spawnSync(process.execPath, [join(process.cwd(), 'bin/sealgate.mjs'), 'policy', 'check', '-c', config], { encoding: 'utf8', timeout: 60_000 });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^policies OK/);
  }, 60_000);
});
