/**
 * `sealgate scan --out` on failure (QA round 5): the output stream was created before the options were
 * checked and the input opened, so a bad option (--min-score 5, an unknown detector, --operator hash
 * without a key) or a missing input exited 2 after creating an empty --out file, or truncating an existing
 * one (yesterday's verdicts gone). Now nothing is touched until options and input are good, and a run that
 * fails after creating the file removes it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'qa5-scan-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bin = join(process.cwd(), 'bin/sealgate.mjs');
const scan = (...args: string[]) => spawnSync(process.execPath, [bin, 'scan', ...args], { encoding: 'utf8', timeout: 120_000 });
const input = join(dir, 'in.jsonl');
writeFileSync(input, '{"text":"mail alice@example.com"}\n');

describe('sealgate scan leaves --out alone when it fails', () => {
  const failures: [string, string[]][] = [
    ['a score out of range', ['--in', input, '--min-score', '5']],
    ['an unknown detector', ['--in', input, '--detectors', 'nosuch']],
    ['hash without a key', ['--in', input, '--detectors', 'pii', '--operator', 'hash']],
    ['a missing input', ['--in', join(dir, 'missing.jsonl'), '--detectors', 'pii']],
  ];

  it.each(failures)('%s: exit 2, an existing --out kept as it was', (_name, args) => {
    const out = join(dir, 'kept.jsonl');
    writeFileSync(out, 'previous verdicts\n');
    const result = scan(...args, '--out', out);
    expect(result.status).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('previous verdicts\n');
  });

  it.each(failures)('%s: exit 2, no new --out file', (_name, args) => {
    const out = join(dir, `new-${_name.replace(/\W+/g, '-')}.jsonl`);
    expect(scan(...args, '--out', out).status).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it('a good run still writes its verdicts', () => {
    const out = join(dir, 'good.jsonl');
    expect(scan('--in', input, '--detectors', 'pii', '--out', out).status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ line: 1, findings: [{ type: 'EMAIL_ADDRESS', start: 5, end: 22 }] });
  });
});
