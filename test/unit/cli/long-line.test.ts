/**
 * scan and clean read lines of bounded length. readline held a line whole until its line break, so one
 * huge line grew the process to V8's string limit and crashed it with an uncaught RangeError and a stack
 * dump (`sealgate scan --in -` fed 560 MB without a newline; found by the QA pass). Now a line over
 * MAX_LINE_CHARS is skipped as it streams and reported by number; the run goes on.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_LINE_CHARS, readLines } from '../../../src/corpus/lines.js';

const dir = mkdtempSync(join(tmpdir(), 'sg-long-line-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bin = join(process.cwd(), 'bin/sealgate.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });

describe('readLines', () => {
  it('splits like readline (crlfDelay: Infinity) over random chunkings', async () => {
    const alphabet = ['a', 'b', '\n', '\r', '\r\n', 'é', '中', '😀', ' ', '{"x":1}'];
    for (let t = 0; t < 500; t++) {
      let text = '';
      for (let i = 0; i < t % 37; i++) text += alphabet[(t * 7 + i * 13 + (i * i) % 5) % alphabet.length];
      const bytes = Buffer.from(text);
      const chunks: Buffer[] = [];
      for (let i = 0, k = 1; i < bytes.length; i += k, k = 1 + ((i + t) % 5)) chunks.push(bytes.subarray(i, i + k));
      const expected: string[] = [];
      for await (const line of createInterface({ input: Readable.from(chunks), crlfDelay: Infinity })) expected.push(line);
      const got: string[] = [];
      for await (const line of readLines(Readable.from(chunks))) got.push(line.text);
      expect(got, JSON.stringify(text)).toEqual(expected);
    }
  });

  it('drops a line over the limit as it streams and goes on at the next break', async () => {
    const chunks = ['ok\n', 'x'.repeat(30), 'x'.repeat(30), '\r\nfine\n', 'y'.repeat(25)].map((s) => Buffer.from(s));
    const got: unknown[] = [];
    for await (const line of readLines(Readable.from(chunks), { maxLineChars: 20 })) got.push(line);
    expect(got).toEqual([{ text: 'ok' }, { text: '', tooLong: true }, { text: 'fine' }, { text: '', tooLong: true }]);
  });
});

describe('scan and clean with a line over MAX_LINE_CHARS', () => {
  const input = join(dir, 'in.jsonl');
  writeFileSync(input, `${'a'.repeat(MAX_LINE_CHARS + 1)}\n${JSON.stringify({ text: 'mail jane.doe@example.com' })}\n`);

  it('scan reports it by number and scans the next record', () => {
    const result = run('scan', '--in', input, '--detectors', 'pii');
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^line 1: longer than 33554432 characters; skipped$/m);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(JSON.parse(result.stdout.trim())).toMatchObject({ line: 2, findings: [{ type: 'EMAIL_ADDRESS' }] });
  });

  it('clean reports it by number and cleans the next record', () => {
    const result = run('clean', '--in', input, '--toxicity', 'off', '--intent', 'off', '-q');
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^line 1: longer than 33554432 characters; skipped$/m);
    expect(result.stdout).toBe(`${JSON.stringify({ text: 'mail <EMAIL_1>' })}\n`);
  });
});
