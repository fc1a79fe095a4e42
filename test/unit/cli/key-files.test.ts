/**
 * Secret key files written by the CLIs (`sealgate audit keygen`, `sealgate enclave init`) are 0600
 * even when --force replaces an existing, looser file, and keygen never replaces the at-rest
 * encryption key that the existing logs need.
 */
import { describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runKeygen, type Output } from '../../../src/cli/audit.js';
import { initRootKey } from '../../../enclave-sim/root-key.js';

const quiet = (): Output & { errors: string[] } => {
  const errors: string[] = [];
  return { out: () => {}, err: (s: string) => void errors.push(s), errors };
};
const mode = (path: string) => statSync(path).mode & 0o777;

describe('secret key files', () => {
  it('audit keygen --force leaves the signing key 0600', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-keys-'));
    writeFileSync(join(dir, 'audit-signing.key'), 'old\n');
    chmodSync(join(dir, 'audit-signing.key'), 0o644);
    expect(runKeygen({ out: dir, force: true }, quiet())).toBe(0);
    expect(mode(join(dir, 'audit-signing.key'))).toBe(0o600);
  });

  it('audit keygen --force --encryption never replaces an existing encryption key (the logs sealed with it would be lost)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-keys-'));
    expect(runKeygen({ out: dir }, quiet())).toBe(0);
    writeFileSync(join(dir, 'audit-encryption.key'), 'existing-encryption-key\n');
    const io = quiet();
    expect(runKeygen({ out: dir, force: true, encryption: true }, io)).toBe(2);
    expect(io.errors.join('')).toMatch(/audit-encryption\.key exists/);
    expect(readFileSync(join(dir, 'audit-encryption.key'), 'utf8')).toBe('existing-encryption-key\n');
  });

  it('enclave init --force leaves the root key 0600', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-keys-'));
    const path = join(dir, 'enclave-root.json');
    writeFileSync(path, '{}\n');
    chmodSync(path, 0o644);
    await initRootKey(path, { force: true });
    expect(mode(path)).toBe(0o600);
  });
});
