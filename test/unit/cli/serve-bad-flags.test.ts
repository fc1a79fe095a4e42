/**
 * `sealgate serve --port abc` (or 99999, or --log-level loud) was reported as an invalid config file
 * ("Invalid config (…/sealgate.config.yaml): server.port: …", exit 1), blaming a file the user did not touch.
 * A bad flag is now one line naming the flag and what it takes, exit 2 (the CLI's bad-arguments code), and
 * nothing is started.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(process.cwd(), 'bin/sealgate.mjs');
const cwd = mkdtempSync(join(tmpdir(), 'serve-flags-'));

function serve(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, 'serve', ...args], { encoding: 'utf8', cwd, timeout: 60_000, env: { ...process.env, SEALGATE_CONFIG: '', SEALGATE_PORT: '', SEALGATE_HOST: '' } });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

describe('sealgate serve: bad flags', () => {
  it.each([
    [['--port', 'abc'], /^sealgate serve: --port: "abc" is not a port \(a whole number 0-65535\)$/],
    [['--port', '99999'], /^sealgate serve: --port: "99999" is not a port \(a whole number 0-65535\)$/],
    [['--port', '-1'], /^sealgate serve: --port: "-1" is not a port/],
    [['--log-level', 'loud'], /^sealgate serve: --log-level: "loud" is not one of fatal, error, warn, info, debug, trace, silent$/],
  ])('%j: one line naming the flag, exit 2, nothing started', (args, expected) => {
    const run = serve(...args);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toMatch(expected);
    expect(run.stderr).not.toContain('Invalid config');
    expect(run.stdout).not.toContain('listening');
  }, 60_000);
});
