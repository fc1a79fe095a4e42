/**
 * `scan` read a gzip file as text: every line "not valid UTF-8; skipped", "scanned 0 records", exit 0 — a
 * pipeline took the empty verdict file for a clean corpus. `clean` decompressed only by the `.gz` name, so the
 * same file renamed, or piped in on stdin, went the same way. Both now decompress gzip by name or content, scan
 * writes `*.gz` output compressed like clean, and a run that could read no record at all exits 1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const bin = join(process.cwd(), 'bin/sealgate.mjs');
const run = (args: string[], input?: Buffer) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000, input, env: { ...process.env, SEALGATE_CONFIG: '' } });

const records = [JSON.stringify({ id: 'a', text: '手机13800138000' }), JSON.stringify({ id: 'b', text: 'nothing here' })].join('\n') + '\n';

describe('gzip corpus input (scan, clean)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gzip-input-'));
  const unnamed = join(dir, 'records.jsonl'); // gzip content, no .gz suffix
  writeFileSync(unnamed, gzipSync(records));

  it('scan decompresses gzip by content, from a file and from stdin, and compresses *.gz output', () => {
    const fromFile = run(['scan', '--in', unnamed, '--detectors', 'pii']);
    expect(fromFile.status).toBe(0);
    expect(fromFile.stderr).toContain('scanned 2 records: 1 finding in 1 record');
    expect(fromFile.stdout.trim().split('\n').map((l) => JSON.parse(l).id)).toEqual(['a', 'b']);

    const fromStdin = run(['scan', '--in', '-', '--detectors', 'pii'], gzipSync(records));
    expect(fromStdin.status).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);

    const out = join(dir, 'verdicts.jsonl.gz');
    const compressed = run(['scan', '--in', unnamed, '--out', out, '--detectors', 'pii']);
    expect(compressed.status).toBe(0);
    expect(gunzipSync(readFileSync(out)).toString()).toBe(fromFile.stdout);
  });

  it('scan: a corrupt .gz fails with exit 2 and leaves no output; plain text is still read as text', () => {
    const truncated = join(dir, 'cut.jsonl.gz');
    writeFileSync(truncated, gzipSync(records).subarray(0, 20));
    const out = join(dir, 'cut-out.jsonl');
    const cut = run(['scan', '--in', truncated, '--out', out, '--detectors', 'pii']);
    expect(cut.status).toBe(2);
    expect(cut.stderr).toContain('not valid gzip');
    expect(existsSync(out)).toBe(false);

    const plain = join(dir, 'plain.jsonl');
    writeFileSync(plain, records);
    const text = run(['scan', '--in', plain, '--detectors', 'pii']);
    expect(text.status).toBe(0);
    expect(text.stderr).toContain('scanned 2 records');
  });

  it('scan and clean exit 1 when no record could be read', () => {
    const latin1 = join(dir, 'export.jsonl');
    writeFileSync(latin1, Buffer.from('{"text":"caf\xe9"}\n{"text":"na\xefve"}\n', 'latin1'));
    const scan = run(['scan', '--in', latin1, '--detectors', 'pii']);
    expect(scan.stderr).toContain('line 1: not valid UTF-8; skipped');
    expect(scan.stderr).toMatch(/no record could be read \(2 bad lines\)/);
    expect(scan.status).toBe(1);

    const clean = run(['clean', '--in', latin1, '--out', join(dir, 'cleaned.jsonl'), '-q']);
    expect(clean.stderr).toMatch(/no record could be read \(2 bad lines\)/);
    expect(clean.status).toBe(1);

    // One good record is a run that read something: bad lines alone do not fail it.
    const mixed = join(dir, 'mixed.jsonl');
    writeFileSync(mixed, `${records}not json\n`);
    expect(run(['scan', '--in', mixed, '--detectors', 'pii']).status).toBe(0);
  });

  it('clean decompresses gzip by content too', () => {
    const out = join(dir, 'cleaned-from-unnamed.jsonl');
    const clean = run(['clean', '--in', unnamed, '--out', out, '--pii', 'mask', '--toxicity', 'off', '--intent', 'off', '-q']);
    expect(clean.status).toBe(0);
    const written = readFileSync(out, 'utf8');
    expect(written).toContain('"id":"a"');
    expect(written).not.toContain('13800138000');
  });
}, 120_000);
