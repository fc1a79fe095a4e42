/**
 * scan and clean report a line that is not valid UTF-8 as a bad line (QA round 4). The reader decoded with
 * replacement characters, so a Latin-1 record went through `sealgate clean` silently changed: 'café' and
 * 'José' written back as 'caf\uFFFD' / a name cut at the bad byte, report: 0 bad lines.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { readLines, type Line } from '../../src/corpus/lines.js';

const dir = mkdtempSync(join(tmpdir(), 'qa4-utf8-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bin = join(process.cwd(), 'bin/sealgate.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 120_000 });

async function linesOf(chunks: Buffer[]): Promise<Line[]> {
  const out: Line[] = [];
  for await (const line of readLines(Readable.from(chunks))) out.push(line);
  return out;
}

describe('readLines and invalid UTF-8', () => {
  // Valid text with every kind of character, a Latin-1 byte, a lone continuation byte, a truncated 3-byte
  // character before a line break, an overlong encoding and a surrogate encoded in UTF-8.
  const parts = [
    Buffer.from('ok 中文 😀 é\r\n'),
    Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from(' latin1\n')]),
    Buffer.from('also fine\r'),
    Buffer.concat([Buffer.from('x'), Buffer.from([0x80]), Buffer.from('y\n')]),
    Buffer.concat([Buffer.from('cut '), Buffer.from([0xe4, 0xb8]), Buffer.from('\r\n')]),
    Buffer.concat([Buffer.from('overlong '), Buffer.from([0xc0, 0xaf]), Buffer.from('\n')]),
    Buffer.concat([Buffer.from('surrogate '), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('\n')]),
    Buffer.from('last 😀 line'),
  ];
  const bytes = Buffer.concat(parts);
  const expected: Line[] = [
    { text: 'ok 中文 😀 é' },
    { text: '', invalidUtf8: true },
    { text: 'also fine' },
    { text: '', invalidUtf8: true },
    { text: '', invalidUtf8: true },
    { text: '', invalidUtf8: true },
    { text: '', invalidUtf8: true },
    { text: 'last 😀 line' },
  ];

  it('marks exactly the bad lines, whole or cut into chunks at every byte', async () => {
    expect(await linesOf([bytes])).toEqual(expected);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(await linesOf([bytes.subarray(0, cut), bytes.subarray(cut)]), `cut at ${cut}`).toEqual(expected);
    }
    const single = [...bytes].map((b) => Buffer.from([b]));
    expect(await linesOf(single)).toEqual(expected);
  });

  it('a multi-byte character the input never finishes is a bad last line', async () => {
    expect(await linesOf([Buffer.from('fine\n'), Buffer.from([0x61, 0xf0, 0x9f])])).toEqual([{ text: 'fine' }, { text: '', invalidUtf8: true }]);
  });
});

describe('scan and clean with a Latin-1 line', () => {
  const input = join(dir, 'in.jsonl');
  writeFileSync(
    input,
    Buffer.concat([
      Buffer.from('{"text":"caf'),
      Buffer.from([0xe9]),
      Buffer.from(' with Jos'),
      Buffer.from([0xe9]),
      Buffer.from(' at jose@example.com"}\r\n{"text":"mail jane.doe@example.com"}\r\n'),
    ]),
  );

  it('clean skips it as a bad line by number and cleans the next record', () => {
    const out = join(dir, 'out.jsonl');
    const report = join(dir, 'report.json');
    const result = run('clean', '--in', input, '--out', out, '--report', report, '--toxicity', 'off', '--intent', 'off', '-q');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^line 1: not valid UTF-8; skipped$/m);
    expect(readFileSync(out, 'utf8')).not.toContain('\uFFFD');
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(1);
    const parsed = JSON.parse(readFileSync(report, 'utf8')) as { records: { in: number; badLines: number }; badLines: { lines: unknown[] } };
    expect(parsed.records).toMatchObject({ in: 1, badLines: 1 });
    expect(parsed.badLines.lines).toEqual([{ line: 1, reason: 'not valid UTF-8' }]);
  });

  it('scan skips it as a bad line by number', () => {
    const result = run('scan', '--in', input, '--detectors', 'pii');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^line 1: not valid UTF-8; skipped$/m);
    expect(JSON.parse(result.stdout.trim())).toMatchObject({ line: 2, findings: [{ type: 'EMAIL_ADDRESS' }] });
  });
});
