/**
 * `sealgate audit query` filter values. `--outcome block` (the values are allowed | flagged | transformed | blocked …)
 * or `--action blocked` (the actions are block, redact …) matched nothing and listed "(0 records)", exit 0: an
 * investigator read "nothing was blocked". `--since 7d --until 30d` (a window ending before it starts) did the same.
 * And a bad --limit, --status or time was reported only after the whole log had been verified and the table header
 * (or the CSV header) written to stdout. Each is now a usage error (exit 2) before anything is read or written.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runQuery, type Output } from '../../../src/cli/audit.js';
import { fileTrail, outcome } from './helpers.js';

function capture(): Output & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t) };
}

describe('sealgate audit query filter values', () => {
  const empty = mkdtempSync(join(tmpdir(), 'sg-query-values-'));

  it.each([
    [{ outcome: 'block' }, /--outcome: one of allowed, flagged, transformed, blocked, rate_limited, rejected, failed \(got block\)/],
    [{ action: 'blocked' }, /--action: one of allow, flag, redact, mask, hash, placeholder, pseudonymize, answer, block \(got blocked\)/],
    [{ since: '7d', until: '30d' }, /--since .* is after --until/],
    [{ limit: '0' }, /--limit: a positive number/],
    [{ status: '6xx', format: 'csv' as const }, /--status/],
    [{ since: 'tomorrow' }, /neither an ISO time nor a duration/],
  ])('%o is refused before anything is written (exit 2)', async (filter, message) => {
    const io = capture();
    expect(await runQuery([empty], { verify: false, ...filter }, io)).toBe(2);
    expect(io.stderr.join('')).toMatch(message);
    expect(io.stdout.join('')).toBe('');
  });

  it('a bad filter is reported before the log is verified (not "no public key")', async () => {
    const io = capture();
    const config = join(empty, 'empty.yaml');
    writeFileSync(config, '{}\n');
    expect(await runQuery([empty], { outcome: 'denied', config }, io)).toBe(2);
    expect(io.stderr.join('')).toMatch(/--outcome/);
  });

  it('valid filters still list matching records', async () => {
    const { dir, keys, trail } = await fileTrail();
    for (let i = 0; i < 6; i++) trail.record(outcome(i, keys));
    await trail.close();
    const io = capture();
    expect(await runQuery([dir], { publicKey: [keys.publicKeyRaw], outcome: 'allowed', action: 'block', format: 'json' }, io)).toBe(0);
    expect(Array.isArray(JSON.parse(io.stdout.join('')))).toBe(true);
  });
});
