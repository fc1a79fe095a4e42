/**
 * `sealgate scan` and `sealgate clean` against hostile file arguments: an output that is the input
 * (by path, through a symlink or a hard link), a report that is the input or the output. Nothing the
 * user gave as input may be destroyed.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { linkSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = join(process.cwd(), 'bin/sealgate.mjs');
const cli = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 120_000 });
const corpus = `${JSON.stringify({ text: 'mail a@b.io' })}\n${JSON.stringify({ text: 'hello' })}\n`;

describe('CLI file arguments that would destroy the input', () => {
  it('scan refuses an --out that is its --in (same path, symlink, hard link) and leaves the input intact', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-hostile-'));
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, corpus);
    symlinkSync(input, join(dir, 'link.jsonl'));
    linkSync(input, join(dir, 'hard.jsonl'));
    for (const out of [input, join(dir, '.', 'in.jsonl'), join(dir, 'link.jsonl'), join(dir, 'hard.jsonl')]) {
      const run = cli('scan', '--in', input, '--out', out, '--detectors', 'pii');
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/--out .*is the input/);
      expect(readFileSync(input, 'utf8')).toBe(corpus);
    }
  }, 120_000);

  it('clean refuses a --report that is its --in or --out, and an --out that is a link to --in', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-hostile-'));
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, corpus);
    symlinkSync(input, join(dir, 'link.jsonl'));
    const out = join(dir, 'out.jsonl');
    for (const args of [
      ['--out', out, '--report', input],
      ['--out', out, '--report', out],
      ['--out', join(dir, 'link.jsonl')],
    ]) {
      const run = cli('clean', '--in', input, ...args, '-q');
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/is the input|same file/);
      expect(readFileSync(input, 'utf8')).toBe(corpus);
    }
  }, 120_000);
});
