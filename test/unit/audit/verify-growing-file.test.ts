/**
 * `audit verify` on a file its writer is still appending to (QA of audit): the file source decided
 * whether the last line was torn from the file's end before reading it, then read to whatever end the
 * file had by then. A batch landing meanwhile, caught half-written, was read as a whole record and
 * reported as `modified` (tampering) although nothing was wrong. The file is now read up to the size
 * it had when its last byte was checked: a record written meanwhile is not read this time.
 */
import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSource, type AuditSource, type SourceEntry } from '../../../src/audit/sources.js';
import { verifyAudit } from '../../../src/audit/verify.js';
import { fileTrail, outcome } from './helpers.js';

describe('verify while the writer appends', () => {
  it('a half-written batch landing during the read is not read as a modified record', async () => {
    const { dir, keys, trail } = await fileTrail({ checkpointEvery: 1000 });
    // Several MB, so the read is still going when the batch lands.
    for (let i = 0; i < 12_000; i++) trail.record(outcome(i, keys));
    await trail.drain();
    const file = join(dir, readdirSync(dir).find((name) => name.endsWith('.jsonl'))!);
    const source = await FileSource.from([dir]);
    // The real file source; after its first entry, another process's write lands half-done.
    const growing: AuditSource = {
      heads: () => source.heads(),
      headLocation: (chain) => source.headLocation(chain),
      describe: () => source.describe(),
      async *entries(): AsyncIterable<SourceEntry> {
        let first = true;
        for await (const entry of source.entries()) {
          yield entry;
          if (first) appendFileSync(file, '{"v":1,"kind":"request","chain":"gw1","seq":');
          first = false;
        }
      },
    };
    // The records are dated 2026-11-28 12:00 (helpers.outcome): verify as of then, a running writer's tail.
    const report = await verifyAudit(growing, { publicKeys: new Map([[keys.kid, keys.publicKey]]), now: new Date(Date.UTC(2026, 10, 28, 12, 0, 30)) });
    expect(report.issues).toEqual([]);
    expect(report.chains[0]).toMatchObject({ firstSeq: 0 });
    await trail.close().catch(() => undefined);
  }, 60_000);
});
