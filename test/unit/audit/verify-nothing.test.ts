/**
 * `sealgate audit verify` over a directory holding no audit records (a wrong path, a log deleted whole) printed
 * "no audit records found" and then "verified: no tampering found": a monitor or a reader of the last line saw a
 * clean verification of nothing. It now ends with "nothing verified" (exit 0, 1 with --strict, as before).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runVerify, type Output } from '../../../src/cli/audit.js';
import { fileTrail, outcome } from './helpers.js';

function capture(): Output & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t) };
}

describe('sealgate audit verify with no records', () => {
  it('says nothing was verified, not "no tampering found"', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'sg-verify-nothing-'));
    const { keys } = await fileTrail();
    const io = capture();
    expect(await runVerify([empty], { publicKey: [keys.publicKeyRaw] }, io)).toBe(0);
    const text = io.stdout.join('');
    expect(text).not.toMatch(/no tampering found/);
    expect(text).toMatch(/no audit records found\nnothing verified/);
    expect(await runVerify([empty], { publicKey: [keys.publicKeyRaw], strict: true }, capture())).toBe(1);
  });

  it('a log with records still reads "verified: no tampering found"', async () => {
    const { dir, keys, trail } = await fileTrail();
    for (let i = 0; i < 3; i++) trail.record(outcome(i, keys));
    await trail.close();
    const io = capture();
    expect(await runVerify([dir], { publicKey: [keys.publicKeyRaw] }, io)).toBe(0);
    expect(io.stdout.join('')).toMatch(/verified: no tampering found/);
  });
});
