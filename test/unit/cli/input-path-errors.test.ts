/**
 * The input of `scan` and `clean` named wrongly: a directory read "EISDIR: illegal operation on a directory, read"
 * and a missing file "ENOENT: no such file or directory, open '…'", naming no flag. scan's empty `--entities ''` ran
 * every entity type (as clean's did), `--field ''` said "expected string to have >=1 characters → at field", and
 * `--min-score abc` "expected number, received NaN → at minScore" (2 was "Too big … → at minScore"). Each is now one
 * line naming the flag, exit 2.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(process.cwd(), 'bin/sealgate.mjs');
const dir = mkdtempSync(join(tmpdir(), 'input-path-errors-'));
const input = join(dir, 'in.jsonl');
writeFileSync(input, `${JSON.stringify({ text: 'mail alice@example.com' })}\n`);
const missing = join(dir, 'missing.jsonl');

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

describe('scan and clean: inputs and flags named wrongly', () => {
  it.each(['scan', 'clean'])('%s --in <a directory> / <a missing file>', (command) => {
    const fromDir = run(command, '--in', dir);
    expect(fromDir.status).toBe(2);
    expect(fromDir.stderr).toBe(`sealgate ${command}: --in ${dir} is a directory, not a file\n`);
    const fromMissing = run(command, '--in', missing);
    expect(fromMissing.status).toBe(2);
    expect(fromMissing.stderr).toBe(`sealgate ${command}: --in ${missing}: no such file\n`);
  }, 60_000);

  it.each([
    [['--entities', ''], /^sealgate scan: ✖ --entities names no entity type \(omit it for every type\)$/m],
    [['--field', ''], /^sealgate scan: ✖ --field names no field$/m],
    [['--min-score', 'abc'], /^error: option '--min-score <n>' argument 'abc' is invalid\. A score from 0 to 1\.$/m],
    [['--min-score', '2'], /^error: option '--min-score <n>' argument '2' is invalid\. A score from 0 to 1\.$/m],
  ])('scan %j', (args, expected) => {
    const result = run('scan', '--in', input, '--detectors', 'pii', ...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(expected);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toContain('alice@example.com');
  }, 60_000);
});
