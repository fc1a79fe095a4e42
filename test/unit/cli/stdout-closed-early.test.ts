/**
 * `sealgate scan … | head -1`: the reader closes the pipe after one line. The CLI stopped with "sealgate scan: write
 * EPIPE" and exit 2, a failure in a script's `set -o pipefail`, while it went on reading the input. It now stops at
 * once with 0, as Unix tools do (scan and clean write to stdout by default).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const bin = join(process.cwd(), 'bin/sealgate.mjs');
const dir = mkdtempSync(join(tmpdir(), 'sealgate-epipe-'));
const input = join(dir, 'in.jsonl');
writeFileSync(input, Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ text: `Call 13800138000 or mail user${i}@example.com` })).join('\n') + '\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI, reads its first stdout line, then closes the pipe like `head -1`. */
function firstLineThenClose(args: string[]): Promise<{ line: string; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, SEALGATE_CONFIG: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let line: string | undefined;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (line === undefined && out.includes('\n')) {
        line = out.slice(0, out.indexOf('\n'));
        child.stdout.destroy();
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ line: line ?? '', code, stderr }));
  });
}

describe('a stdout reader that stops early', () => {
  it.each([[['scan', '--in', input]], [['clean', '--in', input]]])('%j exits 0 without an error message', async (args) => {
    const result = await firstLineThenClose(args);
    expect(result.line.length).toBeGreaterThan(0);
    expect(result.stderr).not.toMatch(/EPIPE/);
    expect(result.code).toBe(0);
  }, 60_000);
});
