/**
 * `sealgate audit retention --days 1 <missing dir>` printed "sealgate audit: ENOENT: ENOENT: no such file or
 * directory, scandir …": the error line put the code before Node's message, which already opens with it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('sealgate audit error lines', () => {
  it('name the error code once', () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'sg-audit-err-')), 'no-such-dir');
    const run = spawnSync(process.execPath, [join(process.cwd(), 'bin/sealgate.mjs'), 'audit', 'retention', '--days', '1', missing], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr.trim()).toBe(`sealgate audit: ENOENT: no such file or directory, scandir '${missing}'`);
  }, 60_000);
});
