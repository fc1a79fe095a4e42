/**
 * `audit verify` of a log directory while its gateway rotates (QA of audit): the files were listed,
 * then the heads read. A rotation in between left the head pointing into a file the listing did not
 * have, and verify reported the chain `truncated` ("log ends at seq 12, but the signed head checkpoint
 * is at seq 76: 64 record(s) cut off") although nothing was missing. The directory is listed again
 * after the heads are read, and the files opened since are verified too.
 */
import { describe, expect, it } from 'vitest';
import { FileSource } from '../../../src/audit/sources.js';
import { verifyAudit } from '../../../src/audit/verify.js';
import { fileTrail, outcome } from './helpers.js';

describe('verify while the writer rotates', () => {
  it('a file opened between the listing and the head read is verified, not reported as a cut', async () => {
    const { dir, keys, trail } = await fileTrail({ checkpointEvery: 5, rotation: { maxBytes: 8 * 1024, daily: false } });
    for (let i = 0; i < 10; i++) trail.record(outcome(i, keys));
    await trail.drain();
    const source = await FileSource.from([dir]);
    // The gateway keeps writing and rotates (8 KiB files) before verify reads the heads.
    for (let i = 10; i < 60; i++) trail.record(outcome(i, keys));
    await trail.drain();
    // The records are dated 2026-11-28 12:00 (helpers.outcome): verify as of then.
    const report = await verifyAudit(source, { publicKeys: new Map([[keys.kid, keys.publicKey]]), now: new Date(Date.UTC(2026, 10, 28, 12, 0, 30)) });
    expect(report.issues).toEqual([]);
    expect(report.chains[0]!.lastSeq).toBeGreaterThan(60);
    await trail.close();
  });
});
