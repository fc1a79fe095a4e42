/**
 * Secret key files that cannot be put in place. `audit keygen --force` with audit-signing.key a directory (or --out a
 * regular file) crashed with a stack trace, and `enclave init --force -f <a directory>` failed: both left the new
 * secret (the audit signing key, the enclave root private key) behind in a stray `<path>.<random>.tmp` file. Now the
 * temp file is removed and the error is one line (audit: exit 2).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(process.cwd(), 'bin/sealgate.mjs');
const cli = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, SEALGATE_CONFIG: '' } });
const strays = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('a key file that cannot be written leaves no secret behind', () => {
  it('audit keygen --force over a directory: one line, exit 2, no temp file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-keygen-dir-'));
    mkdirSync(join(dir, 'audit-signing.key'));
    const run = cli('audit', 'keygen', '--out', dir, '--force');
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr.trim()).toMatch(/^sealgate audit: EISDIR: illegal operation on a directory, rename .*audit-signing\.key'$/);
    expect(strays(dir)).toEqual([]);
  }, 60_000);

  it('audit keygen --out naming a regular file: one line, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-keygen-file-'));
    writeFileSync(join(dir, 'afile'), '');
    const run = cli('audit', 'keygen', '--out', join(dir, 'afile'));
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr.trim()).toMatch(/^sealgate audit: --out .*afile is a file, not a directory \(keygen writes audit-signing\.key and audit-signing\.pub into it\)$/);
  }, 60_000);

  it('enclave init --force -f <a directory>: one line, no temp file holding the private key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-enclave-dir-'));
    mkdirSync(join(dir, 'root.json'));
    const run = cli('enclave', 'init', '-f', join(dir, 'root.json'), '--force');
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr.trim()).toMatch(/^sealgate enclave: EISDIR: illegal operation on a directory, rename .*root\.json'$/);
    expect(strays(dir)).toEqual([]);
  }, 60_000);
});
