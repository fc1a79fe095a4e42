import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileSource } from '../../../src/audit/sources.js';
import { verifyAudit } from '../../../src/audit/verify.js';
import { requestRecord, checkpointRecord, auditRecord } from '../../../src/audit/record.js';
import { sealLine, splitLine } from '../../../src/audit/chain.js';
import { requestRecordBody } from '../../../src/audit/build.js';
import { generateAuditKey } from '../../../src/audit/keys.js';
import { fileTrail, outcome, tempDir } from './helpers.js';
import type { AuditKeys } from '../../../src/audit/keys.js';

function keyMap(keys: AuditKeys) {
  return new Map([[keys.kid, keys.publicKey]]);
}

async function writeLog(n: number) {
  const setup = await fileTrail();
  for (let i = 0; i < n; i++) setup.trail.record(outcome(i, setup.keys));
  await setup.trail.close();
  const files = readdirSync(setup.dir).filter((f) => f.endsWith('.jsonl'));
  expect(files).toHaveLength(1);
  return { ...setup, file: join(setup.dir, files[0]!) };
}

async function verifyDir(dir: string, keys: AuditKeys) {
  return verifyAudit(await FileSource.from([dir]), { publicKeys: keyMap(keys) });
}

function lines(file: string): string[] {
  return readFileSync(file, 'utf8').trimEnd().split('\n');
}
function save(file: string, ls: string[]): void {
  writeFileSync(file, `${ls.join('\n')}\n`);
}

describe('audit chain and verify', () => {
  it('writes schema-valid, chained records with signed checkpoints and verifies clean', async () => {
    const { dir, keys, file } = await writeLog(25);
    const ls = lines(file).map((l) => JSON.parse(l));
    // 25 requests, checkpoints after 10 and 20, and the closing checkpoint.
    expect(ls.filter((r) => r.kind === 'request')).toHaveLength(25);
    expect(ls.filter((r) => r.kind === 'checkpoint').map((r) => r.reason)).toEqual(['count', 'count', 'close']);
    for (const r of ls) expect(auditRecord.safeParse(r).success).toBe(true);
    ls.forEach((r, i) => {
      expect(r.seq).toBe(i);
      if (i > 0) expect(r.prev).toBe(ls[i - 1].hash);
    });
    expect(requestRecord.parse(ls[0]).verdicts).toEqual([{ stage: 'input', detector: 'pii', category: 'pii.email', score: 0.99, action: 'block', count: 1 }]);
    expect(requestRecord.parse(ls[0]).outcome).toBe('blocked');
    expect(checkpointRecord.parse(ls.at(-1)).records).toBe(5);

    const report = await verifyDir(dir, keys);
    expect(report.ok).toBe(true);
    expect(report.chains[0]).toMatchObject({ chain: 'gw1', firstSeq: 0, lastSeq: 27, records: 28, checkpoints: 3, closed: true, unsignedTail: 0 });
  });

  it('reports a modified record', async () => {
    const { dir, keys, file } = await writeLog(25);
    const ls = lines(file);
    ls[5] = ls[5]!.replace('"status":200', '"status":201');
    save(file, ls);
    const report = await verifyDir(dir, keys);
    expect(report.ok).toBe(false);
    expect(report.issues[0]).toMatchObject({ kind: 'modified', seq: 5 });
    expect(report.issues[0]!.where).toMatch(/:6$/);
  });

  it('reports a deleted record', async () => {
    const { dir, keys, file } = await writeLog(25);
    const ls = lines(file);
    ls.splice(7, 1);
    save(file, ls);
    const report = await verifyDir(dir, keys);
    expect(report.issues[0]).toMatchObject({ kind: 'deleted', seq: 7 });
    expect(report.issues[0]!.message).toMatch(/1 record missing: seq 7/);
  });

  it('reports an inserted record (replayed copy and forged record with a valid hash)', async () => {
    const { dir, keys, file } = await writeLog(25);
    const ls = lines(file);
    save(file, [...ls.slice(0, 9), ls[3]!, ...ls.slice(9)]);
    let report = await verifyDir(dir, keys);
    expect(report.issues[0]).toMatchObject({ kind: 'inserted', seq: 3 });
    expect(report.issues[0]!.message).toMatch(/copy of an earlier record/);

    // A forged record: correct seq, self-consistent hash, but it cannot link into the chain.
    const { sealLine } = await import('../../../src/audit/chain.js');
    const forgedBody = JSON.stringify({ ...JSON.parse(ls[4]!), hash: undefined, status: 204 });
    const forged = sealLine(forgedBody).line;
    save(file, [...ls.slice(0, 4), forged, ...ls.slice(4)]);
    report = await verifyDir(dir, keys);
    expect(report.issues[0]).toMatchObject({ kind: 'inserted', seq: 4 });
  });

  it('reports a record replaced with a recomputed hash as modified (its successor no longer links)', async () => {
    const { dir, keys, file } = await writeLog(25);
    const ls = lines(file);
    const body = JSON.parse(splitLine(ls[6]!)!.body);
    ls[6] = sealLine(JSON.stringify({ ...body, tenantId: 'someone-else' })).line;
    save(file, ls);
    const report = await verifyDir(dir, keys);
    expect(report.issues[0]).toMatchObject({ kind: 'modified', seq: 6 });
    expect(report.issues[0]!.where).toMatch(/:7$/);
    expect(report.issues[0]!.message).toMatch(/replaced \(hash recomputed\)/);
  });

  it('reports reordered records', async () => {
    const { dir, keys, file } = await writeLog(25);
    const ls = lines(file);
    [ls[12], ls[13]] = [ls[13]!, ls[12]!];
    save(file, ls);
    const report = await verifyDir(dir, keys);
    expect(report.issues[0]).toMatchObject({ kind: 'reordered', seq: 12 });
  });

  it('reports truncation after a checkpoint (signed head), and a torn last line', async () => {
    const { dir, keys, file } = await writeLog(25);
    const ls = lines(file);
    // Cut everything after the second checkpoint (seq 21): the closing checkpoint disappears with it.
    const cut = ls.findIndex((l) => JSON.parse(l).seq === 21);
    save(file, ls.slice(0, cut + 1));
    let report = await verifyDir(dir, keys);
    expect(report.issues[0]).toMatchObject({ kind: 'truncated', seq: 22 });
    expect(report.issues[0]!.message).toMatch(/head checkpoint is at seq 27/);

    writeFileSync(file, `${ls.join('\n')}\n${ls[0]!.slice(0, 40)}`);
    report = await verifyDir(dir, keys);
    expect(report.issues[0]).toMatchObject({ kind: 'truncated' });
    expect(report.issues[0]!.message).toMatch(/incomplete/);
  });

  it('reports a log cut back to an earlier checkpoint and refilled with more forged records than the lookahead window', async () => {
    const { dir, keys, file } = await writeLog(25);
    const ls = lines(file);
    const cut = ls.findIndex((l) => JSON.parse(l).seq === 10);
    const out = ls.slice(0, cut + 1);
    const template = JSON.parse(splitLine(ls[1]!)!.body);
    let prev = splitLine(out.at(-1)!)!.hash;
    // 10,050 forged, correctly chained, unsigned records: the signed head (seq 27) is far behind the end.
    for (let seq = 11; seq < 11 + 10_050; seq++) {
      const sealed = sealLine(JSON.stringify({ ...template, seq, prev }));
      prev = sealed.hash;
      out.push(sealed.line);
    }
    save(file, out);
    const report = await verifyDir(dir, keys);
    expect(report.ok).toBe(false);
    expect(report.issues[0]).toMatchObject({ kind: 'modified', seq: 27 });
    expect(report.issues[0]!.message).toMatch(/differs from the signed head checkpoint/);
  }, 30_000);

  it('warns when a checkpointed chain has no head, so a cut back to a checkpoint is not read as complete', async () => {
    const { dir, keys, file } = await writeLog(25);
    expect((await verifyDir(dir, keys)).chains[0]!.warnings).toEqual([]);
    const ls = lines(file);
    // Cut back to the first checkpoint (seq 10) and remove the head beside the log.
    save(file, ls.slice(0, ls.findIndex((l) => JSON.parse(l).seq === 10) + 1));
    for (const f of readdirSync(dir)) if (f.endsWith('.head.json')) unlinkSync(join(dir, f));
    const report = await verifyDir(dir, keys);
    expect(report.ok).toBe(true);
    expect(report.chains[0]!.warnings.join(' ')).toMatch(/no head checkpoint found \(.*audit-gw1\.head\.json\); records cut off after a checkpoint cannot be detected/);
  });

  it('detects a chain rewritten with recomputed hashes through the checkpoint signature', async () => {
    const { dir, keys, file } = await writeLog(25);
    const ls = lines(file);
    let prev = JSON.parse(ls[1]!).prev as string;
    const rewritten = ls.map((l, i) => {
      if (i < 1) return l;
      const split = splitLine(l)!;
      const body = JSON.parse(split.body);
      body.prev = prev;
      if (i === 2) body.status = 500;
      const sealed = sealLine(JSON.stringify(body));
      prev = sealed.hash;
      // keep the old signature: it no longer matches the new hash
      return split.sig ? `${sealed.line.slice(0, -1)},"sig":"${split.sig}"}` : sealed.line;
    });
    save(file, rewritten);
    const report = await verifyDir(dir, keys);
    expect(report.issues[0]).toMatchObject({ kind: 'modified', seq: 10 });
    expect(report.issues[0]!.message).toMatch(/signature invalid/);
  });

  it('warns about an unsigned tail when the gateway has not closed the chain', async () => {
    const setup = await fileTrail();
    // Young records: the writer is running and has not reached its next checkpoint yet.
    for (let i = 0; i < 13; i++) setup.trail.record(outcome(i, setup.keys, { startedAt: new Date() }));
    await setup.trail.drain();
    const report = await verifyDir(setup.dir, setup.keys);
    expect(report.ok).toBe(true);
    expect(report.chains[0]!.unsignedTail).toBe(3);
    expect(report.chains[0]!.warnings.join(' ')).toMatch(/3 records after the last checkpoint \(seq 10\) are not signed/);
    await setup.trail.close();
  });

  it('reports records appended after the closing checkpoint as appended (tampering), not as an unsigned tail', async () => {
    const { dir, keys, file } = await writeLog(25);
    const ls = lines(file);
    expect(JSON.parse(ls.at(-1)!).reason).toBe('close');
    // Someone with write access to the log dir chains two forged records onto the closed log.
    const template = JSON.parse(splitLine(ls[1]!)!.body);
    let prev = splitLine(ls.at(-1)!)!.hash;
    const out = [...ls];
    for (let seq = 28; seq < 30; seq++) {
      const sealed = sealLine(JSON.stringify({ ...template, seq, prev, requestId: `req_forged${seq}` }));
      prev = sealed.hash;
      out.push(sealed.line);
    }
    save(file, out);
    const report = await verifyDir(dir, keys);
    expect(report.ok).toBe(false);
    expect(report.issues[0]).toMatchObject({ kind: 'appended', seq: 28 });
    expect(report.issues[0]!.message).toMatch(/follows the closing checkpoint \(seq 27\) without a signed resume checkpoint/);

    // A forged "resume" checkpoint needs the key: an unsigned or wrongly signed one is modified.
    const fakeResume = sealLine(JSON.stringify({ ...JSON.parse(splitLine(ls.at(-1)!)!.body), seq: 28, prev: splitLine(ls.at(-1)!)!.hash, reason: 'resume', records: 0 }), () => 'A'.repeat(86));
    save(file, [...ls, fakeResume.line]);
    const forgedResume = await verifyDir(dir, keys);
    expect(forgedResume.issues[0]).toMatchObject({ kind: 'modified', seq: 28 });
  });

  it('a restart after a clean shutdown (signed resume checkpoint) still verifies', async () => {
    const first = await writeLog(5);
    const again = await fileTrail({ dir: first.dir, keys: first.keys });
    for (let i = 5; i < 8; i++) again.trail.record(outcome(i, first.keys));
    await again.trail.close();
    const report = await verifyDir(first.dir, first.keys);
    expect(report.ok).toBe(true);
    expect(report.chains[0]).toMatchObject({ closed: true, records: 11, checkpoints: 3 });
  });

  it('a request that ends while close() drains is not chained after the closing checkpoint', async () => {
    const setup = await fileTrail();
    for (let i = 0; i < 3; i++) setup.trail.record(outcome(i, setup.keys));
    const closing = setup.trail.close();
    setup.trail.record(outcome(3, setup.keys)); // finishes during shutdown
    await closing;
    const report = await verifyDir(setup.dir, setup.keys);
    expect(report.ok).toBe(true);
    expect(report.chains[0]).toMatchObject({ closed: true, records: 4 });
    expect(setup.trail.stats().dropped).toBe(1);
  });

  /** A chain written by someone with the log dir but not the key: well-formed, linked, never signed. */
  function forgedChain(dir: string, n: number, at: (i: number) => Date): void {
    let prev = 'A'.repeat(43);
    const out: string[] = [];
    for (let seq = 0; seq < n; seq++) {
      const body = JSON.parse(requestRecordBody(outcome(seq, generateAuditKey(), { startedAt: at(seq) }), 'gw9', seq, prev));
      const sealed = sealLine(JSON.stringify(body));
      prev = sealed.hash;
      out.push(sealed.line);
    }
    writeFileSync(join(dir, 'audit-gw9-20261128-000000000000.jsonl'), `${out.join('\n')}\n`);
  }

  it('a forged chain that was never signed is tampering (unsigned) once it is older than a checkpoint interval + slack', async () => {
    const dir = tempDir();
    const keys = generateAuditKey();
    forgedChain(dir, 5, (i) => new Date(Date.UTC(2026, 10, 28, 12, 0, i)));
    const now = new Date(Date.UTC(2026, 10, 30, 7, 0, 0));
    const report = await verifyAudit(await FileSource.from([dir]), { publicKeys: keyMap(keys), now });
    expect(report.ok).toBe(false);
    expect(report.issues[0]).toMatchObject({ kind: 'unsigned', chain: 'gw9', seq: 0 });
    expect(report.issues[0]!.message).toMatch(/5 records after the start, with no checkpoint at all, are not signed .*record seq 0 was chained by 2026-11-28T12:00:00\.012Z, but the writer signs a checkpoint every 60000 ms/);

    // Within everyMs + slack of the verifier's clock the same chain could be a running writer's: a warning.
    const young = await verifyAudit(await FileSource.from([dir]), { publicKeys: keyMap(keys), now: new Date(Date.UTC(2026, 10, 28, 12, 5, 0)) });
    expect(young.ok).toBe(true);
    expect(young.chains[0]!.warnings.join(' ')).toMatch(/5 records after the last checkpoint are not signed yet/);
    // Dated ahead of the verifier's clock to stay "young": tampering.
    const future = await verifyAudit(await FileSource.from([dir]), { publicKeys: keyMap(keys), now: new Date(Date.UTC(2026, 10, 28, 11, 0, 0)) });
    expect(future.issues[0]).toMatchObject({ kind: 'unsigned' });
    expect(future.issues[0]!.message).toMatch(/in the future/);
    // The operator who knows the writer crashed and never restarted can accept it explicitly.
    const allowed = await verifyAudit(await FileSource.from([dir]), { publicKeys: keyMap(keys), now, allowUnsignedTail: true });
    expect(allowed.ok).toBe(true);
    expect(allowed.chains[0]!.warnings.join(' ')).toMatch(/unsigned tail accepted/);
  });

  it('more unsigned request records than checkpoint.everyRecords is tampering whatever their dates', async () => {
    const dir = tempDir();
    const keys = generateAuditKey();
    forgedChain(dir, 12, () => new Date());
    const report = await verifyAudit(await FileSource.from([dir]), { publicKeys: keyMap(keys), checkpoint: { everyRecords: 10, everyMs: 60_000 } });
    expect(report.issues[0]).toMatchObject({ kind: 'unsigned' });
    expect(report.issues[0]!.message).toMatch(/12 unsigned request records, but the writer signs a checkpoint every 10/);
    expect((await verifyAudit(await FileSource.from([dir]), { publicKeys: keyMap(keys), checkpoint: { everyRecords: 12, everyMs: 60_000 } })).ok).toBe(true);
  });

  it('an old unsigned tail after real checkpoints is tampering; a restart signs a crashed tail (resume) and it verifies', async () => {
    const setup = await fileTrail();
    for (let i = 0; i < 13; i++) setup.trail.record(outcome(i, setup.keys)); // dated 2026-11-28
    await setup.trail.drain();
    const now = new Date(Date.UTC(2026, 10, 30, 7, 0, 0));
    const crashed = await verifyAudit(await FileSource.from([setup.dir]), { publicKeys: keyMap(setup.keys), now });
    expect(crashed.issues[0]).toMatchObject({ kind: 'unsigned', seq: 11 });
    expect(crashed.issues[0]!.message).toMatch(/3 records after the last checkpoint \(seq 10\) are not signed/);
    // Crash (no closing checkpoint), then a restart with the same chain: its resume checkpoint signs the tail.
    await setup.sink.close();
    const again = await fileTrail({ dir: setup.dir, keys: setup.keys });
    await again.trail.close();
    const resumed = await verifyAudit(await FileSource.from([setup.dir]), { publicKeys: keyMap(setup.keys), now });
    expect(resumed.ok).toBe(true);
  });
});
