/**
 * `sealgate eval --out -` wrote the report to a file named "-" in the working directory (for scan and clean, `-` is
 * stdout). stdout already carries the report, in the form --format picks, so `--out -` is refused before any request,
 * exit 2, and no "-" file appears.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('sealgate eval --out -', () => {
  it('is refused before the gateway is asked, exit 2, no file named "-"', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const cwd = mkdtempSync(join(tmpdir(), 'sg-eval-out-dash-'));
    const run = spawnSync(process.execPath, [join(process.cwd(), 'bin/sealgate.mjs'), 'eval', '--gateway', `http://127.0.0.1:${port}`, '--out', '-', '-q'], { encoding: 'utf8', cwd, timeout: 60_000 });
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr.trim()).toBe('sealgate eval: --out -: the report already goes to stdout (choose its form with --format json|md|table); --out names a file');
    expect(existsSync(join(cwd, '-'))).toBe(false);
  }, 60_000);
});
