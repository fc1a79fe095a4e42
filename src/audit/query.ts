/**
 * `sealgate audit query`: filter request records from any source (decrypting with the BYOK key)
 * and print them as a table, a JSON array or CSV. Records are streamed, never all held in memory.
 * The CLI verifies the source first (PinnedSource holds the query to the entries verified).
 */
import { createHash } from 'node:crypto';
import { requestOutcomeKind, verdictRecord, type RequestRecord } from './record.js';
import type { SealKey } from './seal.js';
import type { AuditSource, SourceEntry } from './sources.js';
import { readStoredLine } from './verify.js';

/**
 * A source read twice, verify then query: the first pass counts and hashes the entries it yields;
 * a second PinnedSource given that count stops there, so records appended after verification are
 * never shown, and its hash tells whether the entries changed in between (when it read them all).
 */
export class PinnedSource implements AuditSource {
  count = 0;
  /** True once every entry up to the limit (or the end) was read, not cut short by the consumer. */
  complete = false;
  private readonly sha = createHash('sha256');
  readonly headLocation?: (chain: string) => string | undefined;

  constructor(
    private readonly inner: AuditSource,
    private readonly limit?: number,
  ) {
    // Only when the inner source has one: verify treats a source without it as always complete.
    if (inner.headLocation) this.headLocation = (chain) => inner.headLocation!(chain);
  }

  heads(): Promise<Map<string, string>> {
    return this.inner.heads();
  }

  describe(): string {
    return this.inner.describe();
  }

  digest(): string {
    return this.sha.copy().digest('base64url');
  }

  async *entries(): AsyncIterable<SourceEntry> {
    for await (const entry of this.inner.entries()) {
      if (this.limit !== undefined && this.count >= this.limit) break;
      this.count += 1;
      this.sha.update(`${entry.where}\n${entry.line}\n`);
      yield entry;
    }
    this.complete = true;
  }
}

export type QueryFormat = 'table' | 'json' | 'csv';

export interface QueryFilter {
  tenant?: string;
  /** ISO time, or a duration back from now: 30m, 24h, 7d. */
  since?: string;
  until?: string;
  action?: string;
  /** Category or prefix (`pii` matches `pii.phone_number`). */
  category?: string[];
  /** `429`, or a class: `4xx`, `5xx`. */
  status?: string;
  outcome?: string;
  limit?: string | number;
}

export class QueryUsageError extends Error {}

export function parseTime(text: string, now = new Date()): Date {
  const rel = /^(\d+)\s*(s|m|h|d)$/i.exec(text.trim());
  if (rel) {
    const unit = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[rel[2]!.toLowerCase() as 's' | 'm' | 'h' | 'd'];
    return new Date(now.getTime() - Number(rel[1]) * unit);
  }
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) throw new QueryUsageError(`"${text}" is neither an ISO time nor a duration (30m, 24h, 7d)`);
  return at;
}

/**
 * Checks every filter value (QueryUsageError naming the flag). A value no record can have (`--outcome block`, the
 * outcome being `blocked`; `--action blocked`) or a window ending before it starts matched nothing and read as
 * "(0 records)": an investigator saw "nothing was blocked". The CLI calls this before reading the log.
 */
export function checkFilter(f: QueryFilter, now = new Date()): { since?: number; until?: number; status?: string; limit: number } {
  const since = f.since ? parseTime(f.since, now).getTime() : undefined;
  const until = f.until ? parseTime(f.until, now).getTime() : undefined;
  if (since !== undefined && until !== undefined && since > until) {
    throw new QueryUsageError(`--since ${f.since} is after --until ${f.until} (${new Date(since).toISOString()} > ${new Date(until).toISOString()}): no record can match`);
  }
  const status = f.status?.trim().toLowerCase();
  if (status && !/^\d{3}$|^[1-5]xx$/.test(status)) throw new QueryUsageError(`--status: a code like 429 or a class like 4xx (got ${f.status})`);
  const outcomes: readonly string[] = requestOutcomeKind.options;
  if (f.outcome && !outcomes.includes(f.outcome)) throw new QueryUsageError(`--outcome: one of ${outcomes.join(', ')} (got ${f.outcome})`);
  const actions: readonly string[] = verdictRecord.shape.action.options;
  if (f.action && !actions.includes(f.action)) throw new QueryUsageError(`--action: one of ${actions.join(', ')} (got ${f.action})`);
  const limit = f.limit !== undefined ? Number(f.limit) : Infinity;
  if (!(limit > 0)) throw new QueryUsageError('--limit: a positive number');
  return { since, until, status, limit };
}

export function recordMatcher(f: QueryFilter, now = new Date()): (r: RequestRecord) => boolean {
  const { since, until, status } = checkFilter(f, now);
  const cats = (f.category ?? []).flatMap((c) => c.split(',')).map((c) => c.trim()).filter(Boolean);
  return (r) => {
    if (f.tenant && r.tenantId !== f.tenant) return false;
    const t = Date.parse(r.ts);
    if (since !== undefined && t < since) return false;
    if (until !== undefined && t > until) return false;
    if (f.outcome && r.outcome !== f.outcome) return false;
    if (status && (status.endsWith('xx') ? String(r.status)[0] !== status[0] : String(r.status) !== status)) return false;
    if (f.action && !(r.verdicts.some((v) => v.action === f.action) || (f.action === 'block' && r.outcome === 'blocked'))) return false;
    if (cats.length && !r.verdicts.some((v) => cats.some((c) => v.category === c || v.category.startsWith(`${c}.`)))) return false;
    return true;
  };
}

export async function* queryAudit(source: AuditSource, filter: QueryFilter, sealKey?: SealKey, onSkip?: (where: string) => void): AsyncIterable<RequestRecord> {
  const match = recordMatcher(filter);
  const { limit } = checkFilter(filter);
  let n = 0;
  for await (const entry of source.entries()) {
    const read = readStoredLine(entry.line, sealKey); // throws AuditKeyError without the right key
    if (!read.record) {
      onSkip?.(entry.where);
      continue;
    }
    if (read.record.kind !== 'request' || !match(read.record)) continue;
    yield read.record;
    if (++n >= limit) return;
  }
}

const COLUMNS = ['ts', 'requestId', 'tenantId', 'keyId', 'sourceIp', 'route', 'model', 'provider', 'status', 'outcome', 'latencyMs', 'verdicts', 'inputDigest', 'outputDigest'] as const;

function row(r: RequestRecord): Record<(typeof COLUMNS)[number], string> {
  return {
    ts: r.ts,
    requestId: r.requestId,
    tenantId: r.tenantId ?? '',
    keyId: r.keyId ?? '',
    sourceIp: r.sourceIp ?? '',
    route: r.route,
    model: r.model ?? '',
    provider: r.provider ?? '',
    status: String(r.status),
    outcome: r.outcome,
    latencyMs: String(r.latencyMs),
    verdicts: r.verdicts.map((v) => `${v.stage}:${v.category}=${v.action}`).join(' '),
    inputDigest: r.digests?.input ?? '',
    outputDigest: r.digests?.output ?? '',
  };
}

function csvCell(v: string): string {
  // Quote when needed; a leading = + - @ is neutralised so spreadsheets do not run it as a formula.
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export async function formatRecords(records: AsyncIterable<RequestRecord>, format: QueryFormat, out: (text: string) => void): Promise<number> {
  let n = 0;
  if (format === 'json') {
    out('[');
    for await (const r of records) out(`${n++ ? ',' : ''}\n${JSON.stringify(r)}`);
    out(n ? '\n]\n' : ']\n');
    return n;
  }
  if (format === 'csv') {
    out(`${COLUMNS.join(',')}\n`);
    for await (const r of records) {
      const cells = row(r);
      out(`${COLUMNS.map((c) => csvCell(cells[c])).join(',')}\n`);
      n++;
    }
    return n;
  }
  const shown = ['ts', 'requestId', 'tenantId', 'route', 'model', 'status', 'outcome', 'latencyMs', 'verdicts'] as const;
  out(`${shown.join('\t')}\n`);
  for await (const r of records) {
    const cells = row(r);
    out(`${shown.map((c) => cells[c] || '-').join('\t')}\n`);
    n++;
  }
  out(`(${n} record${n === 1 ? '' : 's'})\n`);
  return n;
}
