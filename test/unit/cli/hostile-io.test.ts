/**
 * `sealgate scan` and `sealgate clean` against hostile file arguments: an output that is the input
 * (by path, through a symlink or a hard link), a report that is the input or the output, a BOM on the
 * first line, and an interrupt mid-run. Nothing the user gave as input may be destroyed, and a
 * half-written output must not be left behind looking complete.
 */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { runScan } from '../../../src/cli/scan.js';
import { runClean } from '../../../src/corpus/clean.js';

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

describe('a byte-order mark on the first line', () => {
  it('scan and clean read the first JSONL record (BOM, CRLF) instead of skipping it as invalid JSON', async () => {
    const text = `\uFEFF${JSON.stringify({ id: 'first', text: 'mail a@b.io' })}\r\n${JSON.stringify({ id: 'second', text: 'hi' })}\r\n`;
    const out = new PassThrough();
    const chunks: string[] = [];
    out.on('data', (c) => chunks.push(String(c)));
    const errors: string[] = [];
    const summary = await runScan(Readable.from([Buffer.from(text, 'utf8')]), out, { detectors: ['pii'] }, (m) => errors.push(m));
    expect(errors).toEqual([]);
    expect(summary.records).toBe(2);
    expect(chunks.join('')).toContain('"id":"first"');

    const cleaned = new PassThrough();
    const cleanChunks: string[] = [];
    cleaned.on('data', (c) => cleanChunks.push(String(c)));
    const report = await runClean(Readable.from([Buffer.from(text, 'utf8')]), cleaned, { fields: ['text'], cleaner: { toxicity: 'off', intent: 'off' } });
    expect(report.records.badLines).toBe(0);
    expect(report.records.in).toBe(2);
    const txt = new PassThrough();
    const txtChunks: string[] = [];
    txt.on('data', (c) => txtChunks.push(String(c)));
    await runClean(Readable.from([Buffer.from('\uFEFFplain line\n', 'utf8')]), txt, { format: 'txt', cleaner: { toxicity: 'off', intent: 'off' } });
    expect(txtChunks.join('')).toBe('plain line\n');
  });
});

describe('an interrupt mid-run', () => {
  it('clean removes its half-written output on SIGINT and exits non-zero', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-hostile-'));
    const input = join(dir, 'big.jsonl');
    const line = `${JSON.stringify({ text: 'Please write to li.lei@example.com or call 13800138000 about the order.' })}\n`;
    writeFileSync(input, line.repeat(200_000));
    const out = join(dir, 'clean.jsonl');
    const child = spawn(process.execPath, [bin, 'clean', '--in', input, '--out', out, '-q', '--toxicity', 'off', '--intent', 'off'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += String(c)));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    for (let i = 0; i < 600 && !(existsSync(out) && statSync(out).size > 0); i++) await new Promise((r) => setTimeout(r, 50));
    expect(statSync(out).size).toBeGreaterThan(0);
    child.kill('SIGINT');
    const code = await exited;
    expect(code).not.toBe(0);
    expect(existsSync(out)).toBe(false);
    expect(stderr).toMatch(/interrupted/);
  }, 120_000);
});
