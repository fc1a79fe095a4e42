/**
 * `sealgate eval --min-block-rate "$MIN_BLOCK_RATE"` with the variable unset passed "" , which coerced to 0:
 * the CI gate then passed whatever the gateway blocked (found by the QA pass). An empty or non-numeric
 * threshold is now a usage error (exit 2) before any request; a number still reaches the run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(process.cwd(), 'bin/sealgate.mjs');
// Nothing listens on port 1: a run that gets past argument checking stops at the gateway check.
const run = (...args: string[]) => spawnSync(process.execPath, [bin, 'eval', '--gateway', 'http://127.0.0.1:1', '-q', ...args], { encoding: 'utf8', timeout: 60_000 });

describe('sealgate eval thresholds', () => {
  it.each(['--min-block-rate', '--max-fpr', '--min-category-block-rate', '--max-category-fpr', '--max-unmeasured-rate'])('%s "" is refused, not read as 0', (flag) => {
    const result = run(flag, '');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/empty value/);
    expect(result.stderr).not.toMatch(/cannot reach the gateway/);
  });

  it('a number is accepted (the run then stops at the unreachable gateway)', () => {
    const result = run('--min-block-rate', '0.9', '--max-fpr', '0');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/cannot reach the gateway/);
  });

  // The report is written after every prompt was sent: an --out that cannot take it (a missing directory, a
  // directory) was found out only then, and the run's report was lost (it went to the file before stdout).
  it('an --out that cannot be written is refused before any request', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-eval-out-'));
    for (const out of [join(dir, 'nodir', 'report.json'), dir]) {
      const result = run('--out', out);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/sealgate eval: --out .* (cannot be written|is a directory)/);
      expect(result.stderr).not.toMatch(/cannot reach the gateway/);
    }
  });
});
