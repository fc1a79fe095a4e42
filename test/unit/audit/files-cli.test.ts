/**
 * Rotation (size and day) with the chain running across files, resume after restart, retention,
 * at-rest encryption with and without the key, and the CLI commands over real files.
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, utimesSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileSource } from '../../../src/audit/sources.js';
import { verifyAudit } from '../../../src/audit/verify.js';
import { sealKeyFrom, loadSealKey } from '../../../src/audit/seal.js';
import { applyRetention } from '../../../src/audit/retention.js';
import { PinnedSource } from '../../../src/audit/query.js';
import { sealLine, splitLine } from '../../../src/audit/chain.js';
import { runQuery, runVerify, runVerifyReceipt, runKeygen, type Output } from '../../../src/cli/audit.js';
import { ReceiptIssuer } from '../../../src/audit/receipts.js';
import { fileTrail, outcome, tempDir } from './helpers.js';
import type { AuditKeys } from '../../../src/audit/keys.js';

const run = promisify(execFile);

function capture(): Output & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t) };
}

const jsonl = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
const keyMap = (keys: AuditKeys) => new Map([[keys.kid, keys.publicKey]]);

describe('rotation, resume and retention', () => {
  it('rotates by size; each file starts where the previous ended and the whole set verifies', async () => {
    const { dir, keys, trail } = await fileTrail({ rotation: { maxBytes: 4096, daily: true } });
    for (let i = 0; i < 60; i++) trail.record(outcome(i, keys));
    await trail.close();
    const files = jsonl(dir);
    expect(files.length).toBeGreaterThan(3);
    // Every file but the last ends with a signed rotate checkpoint; the next file links to it.
    for (let f = 0; f < files.length - 1; f++) {
      const last = JSON.parse(readFileSync(join(dir, files[f]!), 'utf8').trimEnd().split('\n').at(-1)!);
      const first = JSON.parse(readFileSync(join(dir, files[f + 1]!), 'utf8').split('\n')[0]!);
      expect(last).toMatchObject({ kind: 'checkpoint', reason: 'rotate' });
      expect(first.prev).toBe(last.hash);
      expect(files[f + 1]).toContain(String(first.seq).padStart(12, '0'));
    }
    const report = await verifyAudit(await FileSource.from([dir]), { publicKeys: keyMap(keys) });
    expect(report.ok).toBe(true);
    expect(report.chains[0]!.records).toBeGreaterThan(60);

    // Verifying only the older files is not mistaken for truncation (the head belongs to a newer file).
    const older = await verifyAudit(await FileSource.from(files.slice(0, 2).map((f) => join(dir, f))), { publicKeys: keyMap(keys) });
    expect(older.ok).toBe(true);

    // Deleting a whole middle file is caught at the next file's first record.
    rmSync(join(dir, files[1]!));
    const broken = await verifyAudit(await FileSource.from([dir]), { publicKeys: keyMap(keys) });
    expect(broken.issues[0]!.kind).toBe('deleted');
  });

  it('rotates at the UTC day boundary', async () => {
    let now = new Date('2026-11-28T23:59:58Z');
    const { dir, keys, trail } = await fileTrail({ clock: () => now });
    trail.record(outcome(1, keys));
    trail.record(outcome(2, keys));
    now = new Date('2026-11-29T00:00:01Z');
    trail.record(outcome(3, keys));
    await trail.close();
    const files = jsonl(dir);
    expect(files.map((f) => f.split('-')[2])).toEqual(['20261128', '20261129']);
    expect((await verifyAudit(await FileSource.from([dir]), { publicKeys: keyMap(keys) })).ok).toBe(true);
  });

  it('a restarted gateway continues its chain in a new file (resume checkpoint), and a torn tail is repaired', async () => {
    const first = await fileTrail();
    for (let i = 0; i < 4; i++) first.trail.record(outcome(i, first.keys));
    await first.trail.drain();
    // Crash: no closing checkpoint; the process dies and the OS closes its files (an unclosed handle
    // would otherwise be closed on garbage collection, which Node deprecates: DEP0137).
    await first.sink.close();
    const [file] = jsonl(first.dir);
    appendFileSync(join(first.dir, file!), '{"v":1,"kind":"request","chain":"gw1","seq":4,"ts'); // torn write
    const second = await fileTrail({ dir: first.dir, keys: first.keys });
    second.trail.record(outcome(10, first.keys));
    await second.trail.close();
    const files = jsonl(first.dir);
    expect(files).toHaveLength(2);
    const resumed = readFileSync(join(first.dir, files[1]!), 'utf8').split('\n').map((l) => (l ? JSON.parse(l) : null));
    expect(resumed[0]).toMatchObject({ kind: 'checkpoint', reason: 'resume', seq: 4 });
    const report = await verifyAudit(await FileSource.from([first.dir]), { publicKeys: keyMap(first.keys) });
    expect(report.issues).toEqual([]);
    expect(report.chains[0]).toMatchObject({ firstSeq: 0, lastSeq: 6, closed: true });
  });

  it('retention deletes old files oldest-first, keeps the newest, and the rest verifies from the retained start', async () => {
    const { dir, keys, trail } = await fileTrail({ rotation: { maxBytes: 4096, daily: true } });
    for (let i = 0; i < 60; i++) trail.record(outcome(i, keys));
    await trail.close();
    const files = jsonl(dir);
    const old = new Date(Date.now() - 40 * 86_400_000);
    for (const f of files.slice(0, 2)) utimesSync(join(dir, f), old, old);
    // A young file between old ones stops retention: never leave a hole in the chain.
    utimesSync(join(dir, files[3]!), old, old);
    const result = await applyRetention({ dir, days: 30 });
    expect(result.deleted.map((p) => p.split('/').at(-1))).toEqual(files.slice(0, 2));
    const report = await verifyAudit(await FileSource.from([dir]), { publicKeys: keyMap(keys) });
    expect(report.ok).toBe(true);
    expect(report.chains[0]!.firstSeq).toBeGreaterThan(0);
    expect(report.chains[0]!.warnings.join(' ')).toMatch(/starts at seq \d+ \(earlier records removed by retention/);
  });
});

describe('at-rest encryption (BYOK)', () => {
  it('seals every line; verify and query work with the key and fail clearly without or with a wrong one', async () => {
    const sealKey = sealKeyFrom(randomBytes(32));
    const { dir, keys, trail } = await fileTrail({ sealKey });
    for (let i = 0; i < 12; i++) trail.record(outcome(i, keys));
    await trail.close();
    const raw = readFileSync(join(dir, jsonl(dir)[0]!), 'utf8');
    expect(raw).not.toContain('acme');
    expect(raw.split('\n')[0]).toMatch(/^\{"sealed":"aes-256-gcm","kid":"[0-9a-f]{16}"/);

    const ok = await verifyAudit(await FileSource.from([dir]), { publicKeys: keyMap(keys), sealKey });
    expect(ok.ok).toBe(true);
    await expect(verifyAudit(await FileSource.from([dir]), { publicKeys: keyMap(keys) })).rejects.toThrow(/encrypted \(key id [0-9a-f]{16}\); provide the key/);
    await expect(verifyAudit(await FileSource.from([dir]), { publicKeys: keyMap(keys), sealKey: sealKeyFrom(randomBytes(32)) })).rejects.toThrow(/given key has id/);

    // CLI: the same, through flags; exit 2 and a clear message without the key.
    const keyDir = tempDir('key');
    const keyFile = join(keyDir, 'enc.key');
    writeFileSync(keyFile, sealKey.key.toString('base64'));
    const pub = `--public-key=${keys.publicKeyRaw}`;
    void pub;
    let io = capture();
    expect(await runVerify([dir], { publicKey: [keys.publicKeyRaw] }, io)).toBe(2);
    expect(io.stderr.join('')).toMatch(/encrypted .*--key-file/);
    io = capture();
    expect(await runVerify([dir], { publicKey: [keys.publicKeyRaw], keyFile }, io)).toBe(0);
    io = capture();
    expect(await runQuery([dir], { keyFile, publicKey: [keys.publicKeyRaw], tenant: 'acme', format: 'json' }, io)).toBe(0);
    const rows = JSON.parse(io.stdout.join('')) as Array<{ tenantId: string }>;
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.tenantId === 'acme')).toBe(true);

    // A key file inside the log directory is refused.
    writeFileSync(join(dir, 'enc.key'), sealKey.key.toString('base64'));
    expect(() => loadSealKey({ file: join(dir, 'enc.key') }, dir)).toThrow(/inside the audit log directory/);
  });

  it('a modified ciphertext is reported as a modified record', async () => {
    const sealKey = sealKeyFrom(randomBytes(32));
    const { dir, keys, trail } = await fileTrail({ sealKey });
    for (let i = 0; i < 5; i++) trail.record(outcome(i, keys));
    await trail.close();
    const file = join(dir, jsonl(dir)[0]!);
    const ls = readFileSync(file, 'utf8').trimEnd().split('\n');
    const env = JSON.parse(ls[2]!);
    const ct = Buffer.from(env.ct, 'base64url');
    ct[5] ^= 1;
    ls[2] = JSON.stringify({ ...env, ct: ct.toString('base64url') });
    writeFileSync(file, `${ls.join('\n')}\n`);
    const report = await verifyAudit(await FileSource.from([dir]), { publicKeys: keyMap(keys), sealKey });
    expect(report.issues[0]).toMatchObject({ kind: 'modified', seq: 2 });
    expect(report.issues[0]!.message).toMatch(/failed authentication/);
  });
});

describe('sealgate audit CLI', () => {
  it('query filters by tenant, time, action, category and status, in table, json and csv', async () => {
    const { dir, keys, trail } = await fileTrail();
    for (let i = 0; i < 20; i++) trail.record(outcome(i, keys));
    trail.record(outcome(99, keys, { verdicts: [{ stage: 'output', detector: 'pii', category: 'pii.phone_number', score: 0.9, action: 'redact' }] }));
    await trail.close();
    let io = capture();
    await runQuery([dir], { publicKey: [keys.publicKeyRaw], action: 'block', format: 'json' }, io);
    const blocked = JSON.parse(io.stdout.join('')) as Array<{ seq: number; outcome: string }>;
    expect(blocked.map((r) => r.outcome)).toEqual(['blocked', 'blocked', 'blocked', 'blocked']); // i = 0, 5, 10, 15

    io = capture();
    await runQuery([dir], { publicKey: [keys.publicKeyRaw], category: ['pii.phone_number'], format: 'csv' }, io);
    const csv = io.stdout.join('').trimEnd().split('\n');
    expect(csv[0]).toBe('ts,requestId,tenantId,keyId,sourceIp,route,model,provider,status,outcome,latencyMs,verdicts,inputDigest,outputDigest');
    expect(csv).toHaveLength(2);
    expect(csv[1]).toContain('output:pii.phone_number=redact');

    io = capture();
    await runQuery([dir], { publicKey: [keys.publicKeyRaw], category: ['pii'], status: '4xx', since: '2026-11-28T12:00:00.004Z', until: '2026-11-28T12:00:00.011Z' }, io);
    const table = io.stdout.join('');
    expect(table).toMatch(/^ts\trequestId\ttenantId/);
    // 4xx records are i = 3, 10, 17; only i = 10 carries a pii verdict and falls in the window.
    expect(table).toContain('req_0000000a\tglobex\t/v1/chat/completions\tfake-model\t400\tblocked');
    expect(table).toContain('(1 record)');
    io = capture();
    await runQuery([dir], { publicKey: [keys.publicKeyRaw], status: '4xx', format: 'json' }, io);
    expect((JSON.parse(io.stdout.join('')) as unknown[]).length).toBe(3);
    io = capture();
    expect(await runQuery([dir], { publicKey: [keys.publicKeyRaw], since: 'yesterday-ish' }, io)).toBe(2);
    expect(io.stderr.join('')).toMatch(/neither an ISO time nor a duration/);
  });

  it('query verifies the log first: a forged record is refused (exit 1, nothing listed) unless --no-verify', async () => {
    const { dir, keys, trail } = await fileTrail();
    for (let i = 0; i < 8; i++) trail.record(outcome(i, keys));
    await trail.close();
    const flags = { publicKey: [keys.publicKeyRaw], format: 'json' as const };
    let io = capture();
    expect(await runQuery([dir], flags, io)).toBe(0);
    expect(JSON.parse(io.stdout.join(''))).toHaveLength(8);
    expect(io.stderr.join('')).toBe('');

    // A reader trusting query output would see this record as blocked; it was allowed.
    const file = join(dir, jsonl(dir)[0]!);
    const ls = readFileSync(file, 'utf8').trimEnd().split('\n');
    ls[1] = ls[1]!.replace('"outcome":"allowed"', '"outcome":"blocked"');
    writeFileSync(file, `${ls.join('\n')}\n`);
    io = capture();
    expect(await runQuery([dir], { ...flags, outcome: 'blocked' }, io)).toBe(1);
    expect(io.stdout.join('')).toBe('');
    expect(io.stderr.join('')).toMatch(/query refused, the log does not verify \(no records shown\):\n  chain gw1: MODIFIED at seq 1 .*hash mismatch[\s\S]*--no-verify/);

    io = capture();
    expect(await runQuery([dir], { ...flags, verify: false }, io)).toBe(0);
    expect(io.stderr.join('')).toMatch(/1 unreadable line skipped[\s\S]*records not verified \(--no-verify\)/);
    expect(JSON.parse(io.stdout.join(''))).toHaveLength(7);

    // The same edit with the hash recomputed reads as a valid record on its own (the old query listed it).
    const forged = sealLine(splitLine(ls[1]!)!.body);
    ls[1] = forged.line;
    writeFileSync(file, `${ls.join('\n')}\n`);
    io = capture();
    expect(await runQuery([dir], { ...flags, outcome: 'blocked' }, io)).toBe(1);
    expect(io.stdout.join('')).toBe('');
    expect(io.stderr.join('')).toMatch(/MODIFIED at seq 1 .*replaced \(hash recomputed\)/);
    io = capture();
    expect(await runQuery([dir], { ...flags, outcome: 'blocked', verify: false }, io)).toBe(0);
    expect(JSON.parse(io.stdout.join('')).map((r: { requestId: string }) => r.requestId)).toContain('req_00000001');

    // Without a key to check signatures there is nothing to verify against: a usage error, not silence.
    io = capture();
    const noKey = process.env.SEALGATE_AUDIT_KEY;
    delete process.env.SEALGATE_AUDIT_KEY;
    try {
      const cfg = join(tempDir('cfg'), 'sealgate.config.yaml');
      writeFileSync(cfg, 'audit:\n  enabled: true\n');
      expect(await runQuery([dir], { config: cfg, format: 'json' }, io)).toBe(2);
      expect(io.stderr.join('')).toMatch(/no public key .*--no-verify skips that/);
    } finally {
      if (noKey !== undefined) process.env.SEALGATE_AUDIT_KEY = noKey;
    }
  });

  it('query lists only the entries verification read (PinnedSource), and tells when they changed in between', async () => {
    const lines = ['a', 'b', 'c'];
    const source = { heads: async () => new Map<string, string>(), describe: () => 'test', async *entries() { for (const l of lines) yield { line: l, where: l }; } };
    const first = new PinnedSource(source);
    for await (const _ of first.entries()) void _;
    lines.push('d'); // appended after verification
    const second = new PinnedSource(source, first.count);
    const seen: string[] = [];
    for await (const e of second.entries()) seen.push(e.line);
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(second.complete && second.digest() === first.digest()).toBe(true);
    lines[1] = 'B'; // rewritten after verification
    const third = new PinnedSource(source, first.count);
    for await (const _ of third.entries()) void _;
    expect(third.digest()).not.toBe(first.digest());
  });

  it('verify exits 0 on a clean log and 1 with the first problem on a tampered one (real binary)', async () => {
    const { dir, keys, trail } = await fileTrail();
    for (let i = 0; i < 8; i++) trail.record(outcome(i, keys));
    await trail.close();
    const bin = join(process.cwd(), 'bin/sealgate.mjs');
    const clean = await run(process.execPath, [bin, 'audit', 'verify', dir, '--public-key', keys.publicKeyRaw], { cwd: dir });
    expect(clean.stdout).toMatch(/verified: no tampering found/);
    const file = join(dir, jsonl(dir)[0]!);
    const ls = readFileSync(file, 'utf8').trimEnd().split('\n');
    ls.splice(3, 1);
    writeFileSync(file, `${ls.join('\n')}\n`);
    const tampered = await run(process.execPath, [bin, 'audit', 'verify', dir, '--public-key', keys.publicKeyRaw], { cwd: dir }).catch((e: { code: number; stdout: string }) => e);
    expect((tampered as { code: number }).code).toBe(1);
    expect((tampered as { stdout: string }).stdout).toMatch(/DELETED at seq 3 .*1 record missing: seq 3/);
    const nokey = await run(process.execPath, [bin, 'audit', 'verify', dir], { cwd: dir, env: { ...process.env, SEALGATE_AUDIT_KEY: '' } }).catch((e: { code: number; stderr: string }) => e);
    expect((nokey as { code: number }).code).toBe(2);
    expect((nokey as { stderr: string }).stderr).toMatch(/no public key/);
  }, 90_000); // three cold starts of the real CLI (tsx transpiles on start): ~3 s each idle, >10 s on a busy 2-core host

  it('verify reads the checkpoint promise from the config: an overdue unsigned tail exits 1, --allow-unsigned-tail and --unsigned-slack relax it', async () => {
    const { dir, keys, trail, sink } = await fileTrail();
    for (let i = 0; i < 13; i++) trail.record(outcome(i, keys, { startedAt: new Date(Date.now() - 10 * 60_000) })); // 10 minutes ago
    await trail.drain();
    await sink.close(); // crash: 3 records after the checkpoint at seq 10 stay unsigned
    const cfg = join(tempDir('cfg'), 'sealgate.config.yaml');
    writeFileSync(cfg, 'audit:\n  checkpoint: { everyRecords: 10, everyMs: 60000 }\n');
    const flags = { config: cfg, publicKey: [keys.publicKeyRaw] };
    let io = capture();
    expect(await runVerify([dir], flags, io)).toBe(1);
    expect(io.stdout.join('')).toMatch(/UNSIGNED at seq 11 \(end of log\): 3 records after the last checkpoint \(seq 10\) are not signed/);
    io = capture();
    expect(await runVerify([dir], { ...flags, allowUnsignedTail: true }, io)).toBe(0);
    expect(io.stdout.join('')).toMatch(/warning: unsigned tail accepted/);
    io = capture();
    expect(await runVerify([dir], { ...flags, unsignedSlack: '1h' }, io)).toBe(0);
    io = capture();
    expect(await runVerify([dir], { ...flags, unsignedSlack: 'soon' }, io)).toBe(2);
    expect(io.stderr.join('')).toMatch(/--unsigned-slack: a duration/);
  });

  it('verify-receipt checks signature and expectations; keygen writes usable keys', async () => {
    const keyDir = tempDir('keygen');
    let io = capture();
    expect(runKeygen({ out: keyDir, encryption: true }, io)).toBe(0);
    expect(runKeygen({ out: keyDir }, capture())).toBe(2); // refuses to overwrite
    const { parseAuditKey } = await import('../../../src/audit/keys.js');
    const keys = parseAuditKey(readFileSync(join(keyDir, 'audit-signing.key'), 'utf8'));
    expect(readFileSync(join(keyDir, 'audit-signing.pub'), 'utf8').trim()).toBe(keys.publicKeyRaw);
    const token = new ReceiptIssuer(keys.signingKey, keys.kid).issue({ requestId: 'req_1', tenantId: 'acme', verdicts: [], final: true, policyVersion: 'v7' });
    io = capture();
    expect(await runVerifyReceipt(token, { publicKey: [`@${join(keyDir, 'audit-signing.pub')}`], requestId: 'req_1', policyVersion: 'v7' }, io)).toBe(0);
    expect(io.stdout.join('')).toMatch(/receipt valid[\s\S]*request +req_1 \(tenant acme\)[\s\S]*policy +v7/);
    io = capture();
    expect(await runVerifyReceipt(token, { publicKey: [keys.publicKeyRaw], policyVersion: 'v8' }, io)).toBe(1);
    expect(io.stdout.join('')).toMatch(/INVALID: policy version v7 is not v8/);
    io = capture();
    expect(await runVerifyReceipt(`${token.slice(0, -3)}AAA`, { publicKey: [keys.publicKeyRaw] }, io)).toBe(1);
  });
});
