/**
 * `sealgate clean` option checks (QA round 5):
 *  - `--flag-field text` (a cleaned field, a parent of one or a path inside one) wrote the flags over the
 *    record's text: {"text":["toxicity.toxic", …]}, exit 0. Now a bad option, exit 2.
 *  - a bad option (that one, `--pii hash` without a key, an unknown mode) left an empty --out file behind:
 *    options were validated inside runClean after the output stream was created, and the removal in the
 *    error path ran before the asynchronous open created the file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'qa5-clean-opts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bin = join(process.cwd(), 'bin/sealgate.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, 'clean', ...args], { encoding: 'utf8', timeout: 120_000 });

const input = join(dir, 'in.jsonl');
writeFileSync(input, `${JSON.stringify({ meta: { text: 'You are a fucking idiot, shut up you stupid bitch' }, text: 'You are a fucking idiot, shut up you stupid bitch' })}\n`);

describe('sealgate clean --flag-field and bad options', () => {
  it.each([
    ['text', 'text'],
    ['text', 'text.flags'],
    ['meta.text', 'meta'],
  ])('--field %s with --flag-field %s is refused (exit 2, no output file)', (field, flagField) => {
    const out = join(dir, `out-${flagField}.jsonl`);
    const result = run('--in', input, '--out', out, '--field', field, '--toxicity', 'flag', '--flag-field', flagField, '-q');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--flag-field must not be a --field/);
    expect(existsSync(out)).toBe(false);
  });

  it('other bad options leave no empty output file either', () => {
    for (const args of [['--pii', 'hash'], ['--pii', 'bogus'], ['--threshold', '2']]) {
      const out = join(dir, 'bad.jsonl');
      const result = run('--in', input, '--out', out, ...args, '-q');
      expect(result.status, args.join(' ')).toBe(2);
      expect(existsSync(out), args.join(' ')).toBe(false);
    }
  });

  it('a separate flag field still receives the categories and keeps the text', () => {
    const out = join(dir, 'ok.jsonl');
    const result = run('--in', input, '--out', out, '--toxicity', 'flag', '--flag-field', 'flags', '-q');
    expect(result.status).toBe(0);
    const record = JSON.parse(readFileSync(out, 'utf8')) as { text: string; flags: string[] };
    expect(record.text).toBe('You are a fucking idiot, shut up you stupid bitch');
    expect(record.flags).toContain('toxicity.toxic');
  });
});
