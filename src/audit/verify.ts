/**
 * Verifies audit chains from any source in one pass, several chains interleaved (Redis stream) or
 * file after file. For each chain it reports the FIRST problem, classified:
 *   modified   — a record's bytes do not match its hash, or a checkpoint signature fails (rewritten chain)
 *   deleted    — sequence numbers skip and the missing ones never show up
 *   reordered  — sequence numbers skip but the missing ones show up later
 *   inserted   — a record that does not link to its predecessor, or a repeated sequence number
 *   truncated  — a torn last line, or the log ends before the latest signed head checkpoint
 *   appended   — records after a signed `close` checkpoint that do not start with a signed `resume`
 *                checkpoint (a cleanly shut down writer appends nothing until it restarts)
 *   unsigned   — an unsigned tail no running writer leaves: more records than checkpoint.everyRecords,
 *                or records older than checkpoint.everyMs + slack (or dated in the future). The idea
 *                is Certificate Transparency's maximum merge delay: an entry the log has not signed
 *                within its promised delay is misbehaviour, not "pending". A whole forged chain that
 *                was never signed is such a tail.
 * and as warnings: a young unsigned tail (the writer is running), declared gaps, and a chain that
 * starts after seq 0 (earlier files removed by retention).
 */
import type { KeyObject } from 'node:crypto';
import { sha256b64url, splitLine } from './chain.js';
import { verifyCheckpoint } from './checkpoint.js';
import { auditRecord, GENESIS_PREV, type AuditRecord } from './record.js';
import { openRecordLine, SealError, type SealKey } from './seal.js';
import type { AuditSource, SourceEntry } from './sources.js';

/** "1 record", "3 records" (the audit room does not import the CLI's helper). */
const records = (n: number): string => `${n} ${n === 1 ? 'record' : 'records'}`;

export type IssueKind = 'modified' | 'deleted' | 'reordered' | 'inserted' | 'truncated' | 'appended' | 'unsigned';

export interface VerifyIssue {
  kind: IssueKind;
  chain: string;
  /** Sequence number concerned (the first missing one for `deleted`). */
  seq?: number;
  where: string;
  message: string;
}

export interface ChainReport {
  chain: string;
  firstSeq: number;
  lastSeq: number;
  records: number;
  checkpoints: number;
  lastCheckpointSeq?: number;
  /** Records after the last checkpoint (not covered by a signature yet). */
  unsignedTail: number;
  /** The chain ends with a `close` checkpoint (clean shutdown, or a crashed Redis boot's chain closed by its recovery). */
  closed: boolean;
  /**
   * Unsigned tails of crashed writers that a later boot re-verified and signed (checkpoints with
   * `recovered`): verified, but signed after the fact by `by`, not by the writer that chained them.
   */
  recovered: Array<{ from: number; until: number; checkpointSeq: number; by: string }>;
  issue?: VerifyIssue;
  warnings: string[];
}

export interface VerifyReport {
  ok: boolean;
  chains: ChainReport[];
  issues: VerifyIssue[];
}

export interface VerifyOptions {
  /** Trusted checkpoint public keys by kid. */
  publicKeys: Map<string, KeyObject>;
  sealKey?: SealKey;
  /** The writer's checkpoint promise (audit.checkpoint); default the config defaults, 1000 records / 60 s. */
  checkpoint?: { everyRecords: number; everyMs: number };
  /**
   * Added to checkpoint.everyMs before an unsigned record counts as overdue: a record is dated when its
   * request arrived and chained when it ends (long streams), timers stall, sink writes are retried and
   * clocks differ. Default 5 minutes.
   */
  unsignedSlackMs?: number;
  /** Report an overdue unsigned tail as a warning only (a writer known to have crashed and not been restarted). */
  allowUnsignedTail?: boolean;
  /** The verifier's clock (tests). */
  now?: Date;
}

export const DEFAULT_UNSIGNED_SLACK_MS = 5 * 60_000;
const DEFAULT_CHECKPOINT = { everyRecords: 1000, everyMs: 60_000 };

/** The records after the last checkpoint, as far as the overdue rules need them. */
interface UnsignedTail {
  firstSeq: number;
  /** Request records (a gap record is chained just before one, outside the writer's count). */
  requests: number;
  /** Earliest and latest time a tail record can have been chained: request arrival + latency. */
  oldestMs: number;
  oldestSeq: number;
  newestMs: number;
}

/** How many further entries of a chain are examined to tell `reordered` from `deleted`. */
const LOOKAHEAD = 10_000;

interface Pending {
  issue: VerifyIssue;
  missingFrom: number;
  missingTo: number;
  seen: number;
  /** Appended to the `deleted` message. */
  note?: string;
}

class ChainVerifier {
  readonly report: ChainReport;
  private expected = -1;
  private prevHash = '';
  private seenCheckpointReason: string | undefined;
  private pending: Pending | undefined;
  private lastHashBySeq = new Map<number, string>();
  private lastWhere = '';
  private tail: UnsignedTail | undefined;

  /** The signed head checkpoint of this chain, when the source keeps one and it verifies. */
  private readonly head: { seq: number; hash: string } | undefined;
  private readonly headMissing: boolean;

  constructor(
    chain: string,
    private readonly opts: VerifyOptions,
    headLine: string | undefined,
    /** Where the head should have been, if one is expected for this chain (see AuditSource.headLocation). */
    private readonly headExpectedAt?: string,
    /** False when the chain's newest records were not given (older files only): its tail is signed later. */
    private readonly endGiven = true,
    /** Set when the source shows its entries were not only trimmed (AuditSource.startRemovalEvidence). */
    private readonly startRemoval?: string,
  ) {
    this.report = { chain, firstSeq: -1, lastSeq: -1, records: 0, checkpoints: 0, unsignedTail: 0, closed: false, recovered: [], warnings: [] };
    this.head = headLine === undefined ? undefined : this.readHead(headLine);
    this.headMissing = headLine === undefined;
  }

  /**
   * Read before the records, so the record at the head's seq is compared as it passes (a window of
   * recent hashes is not enough: a log cut back to an earlier checkpoint and refilled with more
   * forged records than the window holds would leave the head's seq behind it, unchecked).
   */
  private readHead(head: string): { seq: number; hash: string } | undefined {
    const r = this.report;
    const split = splitLine(head);
    let rec: AuditRecord | undefined;
    try {
      rec = split ? auditRecord.parse(JSON.parse(head)) : undefined;
    } catch {
      rec = undefined;
    }
    if (!split || !rec || rec.kind !== 'checkpoint' || sha256b64url(split.body) !== split.hash) {
      r.warnings.push('head checkpoint is unreadable; truncation after the last checkpoint cannot be checked');
      return undefined;
    }
    const key = this.opts.publicKeys.get(rec.kid);
    if (!key || !verifyCheckpoint(key, split.hash, rec.sig)) {
      r.warnings.push('head checkpoint signature is invalid or its key unknown; ignored');
      return undefined;
    }
    return { seq: rec.seq, hash: split.hash };
  }

  private fail(kind: IssueKind, where: string, message: string, seq?: number): void {
    this.report.issue ??= { kind, chain: this.report.chain, seq, where, message };
  }

  push(entry: SourceEntry, record: AuditRecord | undefined, hash: string | undefined, problem: string | undefined): void {
    const r = this.report;
    if (this.pending) {
      this.resolvePending(record);
      return;
    }
    if (r.issue) return;
    if (entry.torn) return this.fail('truncated', entry.where, 'last line is incomplete (torn write or truncated file)', this.expected >= 0 ? this.expected : undefined);
    if (problem || !record || !hash) return this.fail('modified', entry.where, problem ?? 'unreadable record', this.expected >= 0 ? this.expected : undefined);

    if (this.expected < 0) {
      r.firstSeq = record.seq;
      if (entry.fileFirstSeq !== undefined && record.seq > entry.fileFirstSeq) {
        // Retention removes whole files: a chain's first file that starts past its name lost its first lines.
        this.pending = {
          issue: { kind: 'deleted', chain: r.chain, seq: entry.fileFirstSeq, where: entry.where, message: '' },
          missingFrom: entry.fileFirstSeq,
          missingTo: record.seq - 1,
          seen: 0,
          note: ` (cut from the start of a file whose name says it starts at seq ${entry.fileFirstSeq})`,
        };
        return;
      }
      if (record.seq === 0 && record.prev !== GENESIS_PREV) return this.fail('modified', entry.where, 'first record of the chain does not start from genesis', 0);
      if (record.seq > 0 && this.startRemoval !== undefined) {
        // What trimming would leave, in a store that shows it was not (only) trimmed: a deleted chain start.
        this.pending = {
          issue: { kind: 'deleted', chain: r.chain, seq: 0, where: entry.where, message: '' },
          missingFrom: 0,
          missingTo: record.seq - 1,
          seen: 0,
          note: ` (the chain's start cannot have been trimmed: ${this.startRemoval})`,
        };
        return;
      }
      if (record.seq > 0) r.warnings.push(`chain starts at seq ${record.seq} (earlier records removed by retention, or files not given)`);
    } else if (record.seq !== this.expected || record.prev !== this.prevHash) {
      if (record.seq > this.expected) {
        this.pending = {
          issue: { kind: 'deleted', chain: r.chain, seq: this.expected, where: entry.where, message: '' },
          missingFrom: this.expected,
          missingTo: record.seq - 1,
          seen: 0,
        };
        return;
      }
      if (record.seq < this.expected) {
        const dup = this.lastHashBySeq.get(record.seq) === hash ? ' (a copy of an earlier record)' : '';
        const earlier = record.seq === this.expected - 1 ? `: two records claim seq ${record.seq} (the other at ${this.lastWhere}), one of them inserted` : '';
        return this.fail('inserted', entry.where, `record with seq ${record.seq} appears after seq ${this.expected - 1}${dup}${earlier}`, record.seq);
      }
      // Right seq, wrong link: the record before it was replaced by one with a recomputed hash.
      return this.fail(
        'modified',
        this.lastWhere,
        `record seq ${this.expected - 1} was replaced (hash recomputed): seq ${record.seq} at ${entry.where} links to a different record`,
        this.expected - 1,
      );
    }

    if (this.head && record.seq === this.head.seq && hash !== this.head.hash) {
      return this.fail('modified', entry.where, `record seq ${record.seq} differs from the signed head checkpoint`, record.seq);
    }
    if (r.closed && !(record.kind === 'checkpoint' && record.reason === 'resume')) {
      // The writer's last act on shutdown is the closing checkpoint; a restart opens with a signed
      // `resume` before any record. Anything else after `close` was written by someone else.
      return this.fail(
        'appended',
        entry.where,
        `record seq ${record.seq} follows the closing checkpoint (seq ${r.lastCheckpointSeq}) without a signed resume checkpoint: written after the gateway shut down, not by it`,
        record.seq,
      );
    }
    if (record.kind === 'checkpoint') {
      const key = this.opts.publicKeys.get(record.kid);
      if (!key) return this.fail('modified', entry.where, `checkpoint signed with unknown key id ${record.kid}`, record.seq);
      if (!verifyCheckpoint(key, hash, record.sig)) {
        return this.fail('modified', entry.where, `checkpoint seq ${record.seq}: signature invalid (records before it were rewritten after signing)`, record.seq);
      }
      if (record.recovered) {
        const rec = record.recovered;
        const t = this.tail;
        // The range it names is exactly the unsigned records before it (or, when the chain's start was not
        // given, the part of them that was): a writer never signs a recovery over anything else.
        const fromMatches = t !== undefined && (rec.from === t.firstSeq || (rec.from < r.firstSeq && t.firstSeq === r.firstSeq));
        if (!fromMatches || rec.until !== record.seq - 1 || record.records !== rec.until - rec.from + 1) {
          const actual = t ? `seq ${t.firstSeq}..${record.seq - 1}` : 'none';
          return this.fail('modified', entry.where, `recovery checkpoint seq ${record.seq} names seq ${rec.from}..${rec.until} as recovered, but the unsigned records before it are ${actual}`, record.seq);
        }
        r.recovered.push({ from: rec.from, until: rec.until, checkpointSeq: record.seq, by: rec.by });
        r.warnings.push(
          `recovered: seq ${rec.from}..${rec.until} were left unsigned by a writer that crashed; boot ${rec.by} re-verified them as an unbroken chain from the last checkpoint and signed them at ${record.ts} (checkpoint seq ${record.seq}), not the writer that chained them`,
        );
      }
      r.checkpoints += 1;
      r.lastCheckpointSeq = record.seq;
      r.unsignedTail = 0;
      this.tail = undefined;
      this.seenCheckpointReason = record.reason;
    } else {
      r.unsignedTail += 1;
      this.noteUnsigned(record);
      this.seenCheckpointReason = undefined;
      if (record.kind === 'gap') r.warnings.push(`seq ${record.seq}: ${records(record.lost)} lost between ${record.from} and ${record.until} (${record.reason})`);
    }
    r.records += 1;
    r.lastSeq = record.seq;
    r.closed = this.seenCheckpointReason === 'close';
    this.expected = record.seq + 1;
    this.prevHash = hash;
    this.lastWhere = entry.where;
    // Only needed to tell a replayed copy from a forged record; keep the window small.
    this.lastHashBySeq.set(record.seq, hash);
    if (this.lastHashBySeq.size > LOOKAHEAD) this.lastHashBySeq.delete(record.seq - LOOKAHEAD);
  }

  private noteUnsigned(record: Exclude<AuditRecord, { kind: 'checkpoint' }>): void {
    const at = Date.parse(record.ts) + (record.kind === 'request' ? record.latencyMs : 0);
    const t = (this.tail ??= { firstSeq: record.seq, requests: 0, oldestMs: at, oldestSeq: record.seq, newestMs: at });
    if (record.kind === 'request') t.requests += 1;
    if (at < t.oldestMs) {
      t.oldestMs = at;
      t.oldestSeq = record.seq;
    }
    if (at > t.newestMs) t.newestMs = at;
  }

  /** Why the unsigned tail cannot be a running writer's, or undefined while it can. */
  private overdueReason(): string | undefined {
    const t = this.tail;
    if (!t) return undefined;
    const { everyRecords, everyMs } = this.opts.checkpoint ?? DEFAULT_CHECKPOINT;
    const slack = this.opts.unsignedSlackMs ?? DEFAULT_UNSIGNED_SLACK_MS;
    const now = (this.opts.now ?? new Date()).getTime();
    if (t.requests > everyRecords) return `${t.requests} unsigned request records, but the writer signs a checkpoint every ${everyRecords} (checkpoint.everyRecords)`;
    if (t.newestMs > now + slack) return `a record is dated ${new Date(t.newestMs).toISOString()}, in the future`;
    if (everyMs > 0 && t.oldestMs < now - everyMs - slack) {
      return `record seq ${t.oldestSeq} was chained by ${new Date(t.oldestMs).toISOString()}, but the writer signs a checkpoint every ${everyMs} ms (checkpoint.everyMs; slack ${slack} ms)`;
    }
    return undefined;
  }

  private resolvePending(record: AuditRecord | undefined): void {
    const p = this.pending!;
    p.seen += 1;
    if (record && record.seq >= p.missingFrom && record.seq <= p.missingTo) {
      this.finishPending('reordered', `record seq ${p.missingFrom} is out of order (found later in the log)`);
    } else if (p.seen >= LOOKAHEAD) {
      this.finishPending('deleted', this.deletedMessage(p));
    }
  }

  private deletedMessage(p: Pending): string {
    const n = p.missingTo - p.missingFrom + 1;
    return `${records(n)} missing: seq ${p.missingFrom}${n > 1 ? `..${p.missingTo}` : ''} before this line${p.note ?? ''}`;
  }

  private finishPending(kind: IssueKind, message: string): void {
    const p = this.pending!;
    this.pending = undefined;
    this.report.issue ??= { ...p.issue, kind, message };
  }

  finish(): void {
    if (this.pending) this.finishPending('deleted', this.deletedMessage(this.pending));
    const r = this.report;
    if (r.issue) return;
    if (this.head && this.head.seq > r.lastSeq) {
      this.fail('truncated', 'end of log', `log ends at seq ${r.lastSeq}, but the signed head checkpoint is at seq ${this.head.seq}: ${records(this.head.seq - r.lastSeq)} cut off`, r.lastSeq + 1);
      return;
    }
    if (this.headMissing && this.headExpectedAt !== undefined && r.checkpoints > 0) {
      // The writer keeps a head beside every signed checkpoint: without it, a log cut back to any
      // checkpoint (closing one included) reads as complete.
      r.warnings.push(`no head checkpoint found (${this.headExpectedAt}); records cut off after a checkpoint cannot be detected (is audit.file.headDir elsewhere?)`);
    }
    const overdue = r.unsignedTail > 0 && this.endGiven ? this.overdueReason() : undefined;
    if (overdue && !this.opts.allowUnsignedTail) {
      this.fail(
        'unsigned',
        'end of log',
        `${records(r.unsignedTail)} after ${r.lastCheckpointSeq !== undefined ? `the last checkpoint (seq ${r.lastCheckpointSeq})` : 'the start, with no checkpoint at all,'} ${r.unsignedTail === 1 ? 'is' : 'are'} not signed and no running writer leaves them so: ${overdue}. Forged, or the writer crashed and no later boot recovered its chain (a restart of the same instance re-verifies and signs it); --allow-unsigned-tail accepts the latter`,
        this.tail?.firstSeq,
      );
      return;
    }
    if (overdue) r.warnings.push(`unsigned tail accepted (--allow-unsigned-tail): ${overdue}`);
    if (r.unsignedTail > 0) {
      r.warnings.push(
        `${records(r.unsignedTail)} after the last checkpoint${r.lastCheckpointSeq !== undefined ? ` (seq ${r.lastCheckpointSeq})` : ''} ${r.unsignedTail === 1 ? 'is' : 'are'} not signed yet: the gateway is running or crashed; truncation there cannot be excluded`,
      );
    }
  }
}

export class AuditKeyError extends Error {
  override name = 'AuditKeyError';
}

/** Turn a stored line into (record, hash) or a problem description. Throws AuditKeyError when the key is missing/wrong. */
export function readStoredLine(line: string, sealKey: SealKey | undefined): { record?: AuditRecord; hash?: string; body?: string; problem?: string } {
  let plain: string;
  try {
    plain = openRecordLine(line, sealKey);
  } catch (err) {
    if (err instanceof SealError && /key/.test(err.message) && !/authentication/.test(err.message)) throw new AuditKeyError(err.message);
    return { problem: (err as Error).message };
  }
  const split = splitLine(plain);
  if (!split) return { problem: 'record has no hash trailer (modified or not an audit record)' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(plain);
  } catch {
    return { problem: 'record is not valid JSON (modified)' };
  }
  const result = auditRecord.safeParse(parsed);
  if (!result.success) return { problem: `record does not match the audit schema v1 (modified): ${result.error.issues[0]?.path.join('.')}` };
  if (sha256b64url(split.body) !== split.hash) return { problem: `record seq ${result.data.seq} was modified (hash mismatch)` };
  return { record: result.data, hash: split.hash, body: split.body };
}

export async function verifyAudit(source: AuditSource, opts: VerifyOptions): Promise<VerifyReport> {
  const chains = new Map<string, ChainVerifier>();
  // Heads first: each chain checks the record at its head's seq as it reads it (see readHead).
  const heads = await source.heads();
  const startRemoval = await source.startRemovalEvidence?.();
  const get = (id: string) => {
    let v = chains.get(id);
    if (!v) {
      const headAt = source.headLocation?.(id);
      chains.set(id, (v = new ChainVerifier(id, opts, heads.get(id), headAt, !source.headLocation || headAt !== undefined, startRemoval)));
    }
    return v;
  };
  for await (const entry of source.entries()) {
    const read = readStoredLine(entry.line, opts.sealKey);
    const chainId = entry.chainHint ?? read.record?.chain ?? '(unknown)';
    if (read.record && entry.chainHint && read.record.chain !== entry.chainHint) {
      get(chainId).push(entry, undefined, undefined, `record of chain ${read.record.chain} found among chain ${entry.chainHint} (inserted)`);
      continue;
    }
    get(chainId).push(entry, read.record, read.hash, read.problem);
  }
  for (const v of chains.values()) v.finish();
  const reports = [...chains.values()].map((v) => v.report).sort((a, b) => a.chain.localeCompare(b.chain));
  for (const [id] of heads) {
    if (!chains.has(id)) {
      // Whole chain absent: trimmed by the stream cap, removed by retention, or its files were not given.
      const report: ChainReport = { chain: id, firstSeq: -1, lastSeq: -1, records: 0, checkpoints: 0, unsignedTail: 0, closed: false, recovered: [], warnings: [] };
      if (startRemoval !== undefined) {
        report.issue = { kind: 'deleted', chain: id, seq: 0, where: source.headLocation?.(id) ?? 'head', message: `a signed head checkpoint exists for this chain but none of its records are left, and they cannot have been trimmed: ${startRemoval}` };
      } else {
        report.warnings.push('a signed head checkpoint exists for this chain but none of its records were read');
      }
      reports.push(report);
    }
  }
  const issues = reports.flatMap((r) => (r.issue ? [r.issue] : []));
  return { ok: issues.length === 0, chains: reports, issues };
}
