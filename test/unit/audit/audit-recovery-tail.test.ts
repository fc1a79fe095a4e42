/**
 * Crash recovery of the file sink's chain, in process: a writer that stops without its closing
 * checkpoint (the crash: records written, no checkpoint over them), then a new writer of the same
 * chain. The new writer re-verifies the unsigned tail from the last signed checkpoint and signs it in
 * a `resume` checkpoint that names the range (`recovered`); verify reports it as recovered. A tail
 * tampered before the restart is never signed: the writer refuses to continue that chain
 * (ChainTailError) and verify still reports the tampering.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileTrail, outcome, tempDir } from './helpers.js';
import { FileSource } from '../../../src/audit/sources.js';
import { verifyAudit } from '../../../src/audit/verify.js';
import { ChainTailError, checkTail } from '../../../src/audit/recovery.js';
import { sealLine, splitLine } from '../../../src/audit/chain.js';
import { checkpointBody } from '../../../src/audit/build.js';
import { signCheckpoint } from '../../../src/audit/checkpoint.js';
import type { AuditKeys } from '../../../src/audit/keys.js';
import { sealKeyFrom } from '../../../src/audit/seal.js';
import { randomBytes } from 'node:crypto';

/** 23 requests with a checkpoint every 10: checkpoints at seq 10 and 21, then seq 22..24 unsigned when the writer "crashes". */
async function crashedChain(): Promise<{ dir: string; keys: AuditKeys; file: string }> {
  const { dir, keys, trail, sink } = await fileTrail();
  for (let i = 0; i < 23; i++) trail.record(outcome(i, keys));
  await trail.drain();
  await sink.close(false); // the process dies: no closing checkpoint, the OS closes the file
  const file = join(dir, readdirSync(dir).find((f) => f.endsWith('.jsonl'))!);
  return { dir, keys, file };
}

const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);
const publicKeysOf = (keys: AuditKeys) => new Map([[keys.kid, keys.publicKey]]);
const later = new Date(Date.now() + 3600_000); // an hour on: an unsigned tail is overdue then

describe('audit recovery: a crashed file writer\'s unsigned tail', () => {
  it('is re-verified and signed by the next writer, named as recovered; records after it verify normally', async () => {
    const { dir, keys, file } = await crashedChain();
    const before = await verifyAudit(await FileSource.from([dir]), { publicKeys: publicKeysOf(keys), now: later });
    expect(before.issues[0]).toMatchObject({ kind: 'unsigned', seq: 22 });

    const { trail } = await fileTrail({ dir, keys, bootId: 'gw1.boot2' });
    for (let i = 23; i < 26; i++) trail.record(outcome(i, keys));
    await trail.close();

    expect(file).toBeTruthy();
    const all = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().flatMap((f) => lines(join(dir, f)));
    const resume = all.map((l) => JSON.parse(l) as Record<string, unknown>).find((r) => r.reason === 'resume');
    expect(resume).toMatchObject({ seq: 25, records: 3, recovered: { from: 22, until: 24, by: 'gw1.boot2' } });
    const report = await verifyAudit(await FileSource.from([dir]), { publicKeys: publicKeysOf(keys), now: later });
    expect(report.issues).toEqual([]);
    expect(report.chains[0]).toMatchObject({ closed: true, unsignedTail: 0, recovered: [{ from: 22, until: 24, checkpointSeq: 25, by: 'gw1.boot2' }] });
    expect(report.chains[0]!.warnings.join('\n')).toMatch(/recovered: seq 22\.\.24 .*boot gw1\.boot2/);
  });

  it('works on a log encrypted at rest (the tail is decrypted to re-verify it; the recovery checkpoint is sealed too)', async () => {
    const sealKey = sealKeyFrom(randomBytes(32));
    const { dir, keys, trail, sink } = await fileTrail({ sealKey });
    for (let i = 0; i < 13; i++) trail.record(outcome(i, keys));
    await trail.drain();
    await sink.close(false);
    const again = await fileTrail({ dir, keys, sealKey, bootId: 'b-sealed' });
    await again.trail.close();
    const all = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).flatMap((f) => lines(join(dir, f)));
    expect(all.every((l) => l.startsWith('{"sealed":"aes-256-gcm"'))).toBe(true);
    const report = await verifyAudit(await FileSource.from([dir]), { publicKeys: publicKeysOf(keys), sealKey, now: later });
    expect(report.issues).toEqual([]);
    expect(report.chains[0]!.recovered).toEqual([{ from: 11, until: 13, checkpointSeq: 14, by: 'b-sealed' }]);
  });

  it('a clean shutdown leaves nothing to recover: the restart resumes without a recovered note', async () => {
    const { dir, keys, trail } = await fileTrail();
    for (let i = 0; i < 4; i++) trail.record(outcome(i, keys));
    await trail.close();
    const again = await fileTrail({ dir, keys });
    again.trail.record(outcome(4, keys));
    await again.trail.close();
    const report = await verifyAudit(await FileSource.from([dir]), { publicKeys: publicKeysOf(keys) });
    expect(report.issues).toEqual([]);
    expect(report.chains[0]!.recovered).toEqual([]);
  });

  const tampers: Array<[string, (ls: string[]) => string[], RegExp]> = [
    ['a byte of seq 23 changed (hash kept)', (ls) => ls.map((l) => (JSON.parse(l).seq === 23 ? l.replace('"status":200', '"status":201') : l)), /seq 23 was modified/],
    [
      'seq 23 replaced by a record with a recomputed hash',
      (ls) => ls.map((l) => (JSON.parse(l).seq === 23 ? sealLine(splitLine(l)!.body.replace('"status":200', '"status":201')).line : l)),
      /seq 24 does not link/,
    ],
    ['seq 23 deleted', (ls) => ls.filter((l) => JSON.parse(l).seq !== 23), /seq 23\.\.23 missing/],
    ['seq 23 and 24 swapped', (ls) => [...ls.slice(0, -2), ls.at(-1)!, ls.at(-2)!], /missing|inserted|reordered/],
    ['a forged checkpoint (bad signature) appended', (ls) => {
      const last = splitLine(ls.at(-1)!)!;
      const seq = (JSON.parse(ls.at(-1)!) as { seq: number }).seq + 1;
      const body = checkpointBody('gw1', seq, last.hash, 'count', 3, (JSON.parse(ls[10]!) as { kid: string }).kid);
      return [...ls, sealLine(body, () => 'A'.repeat(86)).line];
    }, /invalid signature/],
  ];
  for (const [name, tamper, problem] of tampers) {
    it(`is not signed when tampered before the restart: ${name}`, async () => {
      const { dir, keys, file } = await crashedChain();
      writeFileSync(file, `${tamper(lines(file)).join('\n')}\n`);
      const tampered = readFileSync(file, 'utf8');

      const err = await fileTrail({ dir, keys }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ChainTailError);
      expect((err as ChainTailError).problem).toMatch(problem);
      expect(readFileSync(file, 'utf8')).toBe(tampered); // nothing appended to, nothing signed
      const report = await verifyAudit(await FileSource.from([dir]), { publicKeys: publicKeysOf(keys), now: later });
      expect(report.ok).toBe(false);
      expect(report.chains[0]!.recovered).toEqual([]);
    });
  }

  it('recovery cannot tell a last record replaced with a recomputed hash (nothing signed it yet); the range is named so an auditor knows', async () => {
    const { dir, keys, file } = await crashedChain();
    const ls = lines(file);
    ls[ls.length - 1] = sealLine(splitLine(ls.at(-1)!)!.body.replace('"status":200', '"status":201')).line;
    writeFileSync(file, `${ls.join('\n')}\n`);
    const checked = checkTail('gw1', lines(file), { publicKeys: publicKeysOf(keys) });
    expect(checked).toMatchObject({ ok: true, tail: { from: 22, until: 24 } });
  });

  it('verify fails a recovery checkpoint whose range is not the unsigned records before it', async () => {
    const { dir, keys, file } = await crashedChain();
    const ls = lines(file);
    const last = splitLine(ls.at(-1)!)!;
    // Signed with the real key, but claiming only seq 23..24 were recovered (seq 22 passed off as signed normally).
    const body = checkpointBody('gw1', 25, last.hash, 'resume', 2, keys.kid, new Date(), { from: 23, until: 24, by: 'gw1.x' });
    writeFileSync(file, `${[...ls, sealLine(body, (h) => signCheckpoint(keys.signingKey, h)).line].join('\n')}\n`);
    const report = await verifyAudit(await FileSource.from([dir]), { publicKeys: publicKeysOf(keys) });
    expect(report.issues[0]).toMatchObject({ kind: 'modified', seq: 25 });
    expect(report.issues[0]!.message).toMatch(/names seq 23\.\.24 as recovered, but the unsigned records before it are seq 22\.\.24/);
  });

  it('re-verifies from genesis when the crashed writer never signed a checkpoint, and across a rotation', async () => {
    const dir = tempDir();
    const first = await fileTrail({ dir, checkpointEvery: 1000 });
    for (let i = 0; i < 3; i++) first.trail.record(outcome(i, first.keys));
    await first.trail.drain();
    await first.sink.close(false);
    const second = await fileTrail({ dir, keys: first.keys, checkpointEvery: 1000, bootId: 'b2' });
    await second.trail.close();
    const report = await verifyAudit(await FileSource.from([dir]), { publicKeys: publicKeysOf(first.keys), now: later });
    expect(report.issues).toEqual([]);
    expect(report.chains[0]!.recovered).toEqual([{ from: 0, until: 2, checkpointSeq: 3, by: 'b2' }]);

    // Rotation: the old file ends with the signed `rotate` checkpoint, the crash leaves records in the new file only.
    const rdir = tempDir();
    const rotation = { maxBytes: 4096, daily: false };
    const r1 = await fileTrail({ dir: rdir, checkpointEvery: 1000, rotation });
    let i = 0;
    while (readdirSync(rdir).filter((f) => f.endsWith('.jsonl')).length < 2 || i % 8 !== 2) {
      r1.trail.record(outcome(i++, r1.keys));
      await r1.trail.drain();
    }
    await r1.sink.close(false);
    const files = readdirSync(rdir).filter((f) => f.endsWith('.jsonl')).sort();
    const newest = lines(join(rdir, files.at(-1)!)).map((l) => JSON.parse(l) as { kind: string; seq: number });
    expect(newest.every((r) => r.kind === 'request')).toBe(true);
    const r2 = await fileTrail({ dir: rdir, keys: r1.keys, checkpointEvery: 1000, rotation, bootId: 'b3' });
    await r2.trail.close();
    const rotated = await verifyAudit(await FileSource.from([rdir]), { publicKeys: publicKeysOf(r1.keys), now: later });
    expect(rotated.issues).toEqual([]);
    expect(rotated.chains[0]!.recovered).toEqual([{ from: newest[0]!.seq, until: newest.at(-1)!.seq, checkpointSeq: newest.at(-1)!.seq + 1, by: 'b3' }]);
  });
});
