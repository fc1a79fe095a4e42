/**
 * `--out` naming a path that cannot be opened for writing. `sealgate scan --out missing-dir/x.jsonl` printed the
 * ENOENT and then waited for an 'open' that never came: the event loop ran dry and Node exited 13 ("unsettled
 * top-level await"). `sealgate clean --out <a directory>` crashed with rmSync's EISDIR stack trace, exit 1, as its
 * error path tried to remove the path it had failed to open. Both now refuse such an --out before any work: one line
 * naming --out, exit 2 (bad arguments), nothing created or removed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(process.cwd(), 'bin/sealgate.mjs');
const cli = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, SEALGATE_CONFIG: '' } });

describe('an --out that cannot be written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sg-out-path-'));
  const input = join(dir, 'in.jsonl');
  writeFileSync(input, `${JSON.stringify({ text: 'mail a@b.io' })}\n${JSON.stringify({ text: 'hello' })}\n`);
  const aDirectory = join(dir, 'a-directory');
  mkdirSync(aDirectory);
  const missing = join(dir, 'nodir', 'out.jsonl');

  for (const command of ['scan', 'clean'] as const) {
    const fast = command === 'scan' ? ['--detectors', 'pii'] : ['-q', '--toxicity', 'off', '--intent', 'off'];

    it(`${command}: an --out in a missing directory is one line naming --out, exit 2`, () => {
      const run = cli(command, '--in', input, '--out', missing, ...fast);
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr.trim()).toMatch(new RegExp(`^sealgate ${command}: --out .*nodir.*out\\.jsonl cannot be written \\(ENOENT\\)$`));
      expect(existsSync(join(dir, 'nodir'))).toBe(false);
    }, 120_000);

    it(`${command}: an --out that is a directory is one line naming --out, exit 2, the directory left alone`, () => {
      const run = cli(command, '--in', input, '--out', aDirectory, ...fast);
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr.trim()).toMatch(new RegExp(`^sealgate ${command}: --out .*a-directory is a directory$`));
      expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(statSync(aDirectory).isDirectory()).toBe(true);
    }, 120_000);
  }

  it('a writable --out still works for both', () => {
    for (const command of ['scan', 'clean'] as const) {
      const out = join(dir, `${command}-ok.jsonl`);
      const fast = command === 'scan' ? ['--detectors', 'pii'] : ['-q', '--toxicity', 'off', '--intent', 'off'];
      const run = cli(command, '--in', input, '--out', out, ...fast);
      expect(run.status, run.stderr).toBe(0);
      expect(existsSync(out)).toBe(true);
    }
  }, 120_000);
});
