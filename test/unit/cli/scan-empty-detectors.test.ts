/**
 * `sealgate scan --detectors ""` (`--detectors "$DETECTORS"` with the variable unset) ran the config's detectors, all of
 * them, as if the option had not been given: a pipeline meant to run one detector silently ran another set. Now an
 * empty list is refused, exit 2, naming the registered detectors; nothing is written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('sealgate scan --detectors ""', () => {
  it('is refused, exit 2, no output file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-scan-empty-detectors-'));
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, '{"text":"mail a@b.io"}\n');
    const out = join(dir, 'out.jsonl');
    const run = spawnSync(process.execPath, [join(process.cwd(), 'bin/sealgate.mjs'), 'scan', '--in', input, '--out', out, '--detectors', ''], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, SEALGATE_CONFIG: '' },
    });
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr.trim()).toBe('sealgate scan: --detectors: no detector named (registered: pii, rules, toxicity, intent)');
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
