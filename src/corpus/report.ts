/**
 * The `sealgate clean` report: counts and digests only. It never holds a removed value, a record's text
 * or a bad line's content, so it can be shared with whoever audits the corpus.
 */
import type { DropReason, RecordVerdict } from './record-cleaner.js';

export interface LanguageCounts {
  in: number;
  out: number;
  dropped: number;
  modified: number;
}

export interface CleanReport {
  tool: 'sealgate clean';
  reportVersion: 1;
  startedAt: string;
  finishedAt: string;
  input: { path?: string; format: 'jsonl' | 'txt'; bytes: number; sha256: string };
  output: { path?: string; bytes: number; sha256: string };
  options: Record<string, unknown>;
  records: { in: number; out: number; dropped: number; modified: number; flagged: number; badLines: number };
  dropped: Record<DropReason | 'duplicate', number>;
  /** PII values replaced (or, for drop-record, found) by entity type. */
  piiByType: Record<string, number>;
  /** Records reaching the threshold, per toxicity / intent taxonomy category. */
  recordsByCategory: Record<string, number>;
  languages: Record<string, LanguageCounts>;
  badLines: { count: number; lines: { line: number; reason: string }[]; truncated: boolean };
  throughput: { seconds: number; recordsPerSecond: number; megabytesPerSecond: number };
}

export class CleanReportBuilder {
  readonly records = { in: 0, out: 0, dropped: 0, modified: 0, flagged: 0, badLines: 0 };
  readonly dropped: CleanReport['dropped'] = { pii: 0, toxicity: 0, intent: 0, duplicate: 0 };
  readonly piiByType: Record<string, number> = {};
  readonly recordsByCategory: Record<string, number> = {};
  readonly languages: Record<string, LanguageCounts> = {};
  readonly badLineList: { line: number; reason: string }[] = [];
  inputBytes = 0;
  outputBytes = 0;
  private readonly startedAt = new Date();
  private readonly started = process.hrtime.bigint();

  constructor(private readonly maxBadLinesListed: number) {}

  badLine(line: number, reason: string): void {
    this.records.badLines++;
    if (this.badLineList.length < this.maxBadLinesListed) this.badLineList.push({ line, reason });
  }

  /** Counts one cleaned record; `outcome` says what happened to it after the verdict (dedupe may still drop it). */
  count(verdict: RecordVerdict, outcome: 'written' | DropReason | 'duplicate'): void {
    const lang = (this.languages[verdict.lang] ??= { in: 0, out: 0, dropped: 0, modified: 0 });
    lang.in++;
    for (const [type, n] of Object.entries(verdict.pii)) this.piiByType[type] = (this.piiByType[type] ?? 0) + n;
    for (const c of verdict.categories) this.recordsByCategory[c] = (this.recordsByCategory[c] ?? 0) + 1;
    if (outcome === 'written') {
      this.records.out++;
      lang.out++;
      if (verdict.modified) {
        this.records.modified++;
        lang.modified++;
      }
      if (verdict.categories.length > 0) this.records.flagged++;
      return;
    }
    this.records.dropped++;
    lang.dropped++;
    this.dropped[outcome]++;
  }

  elapsedSeconds(): number {
    return Number(process.hrtime.bigint() - this.started) / 1e9;
  }

  build(meta: { input: Omit<CleanReport['input'], 'bytes'>; output: Omit<CleanReport['output'], 'bytes'>; options: Record<string, unknown> }): CleanReport {
    const seconds = this.elapsedSeconds();
    const perSecond = (n: number) => (seconds > 0 ? Math.round((n / seconds) * 100) / 100 : 0);
    return {
      tool: 'sealgate clean',
      reportVersion: 1,
      startedAt: this.startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      input: { ...meta.input, bytes: this.inputBytes },
      output: { ...meta.output, bytes: this.outputBytes },
      options: meta.options,
      records: { ...this.records },
      dropped: { ...this.dropped },
      piiByType: sortedByCount(this.piiByType),
      recordsByCategory: sortedByCount(this.recordsByCategory),
      languages: this.languages,
      badLines: { count: this.records.badLines, lines: this.badLineList, truncated: this.records.badLines > this.badLineList.length },
      throughput: { seconds: Math.round(seconds * 1000) / 1000, recordsPerSecond: perSecond(this.records.in), megabytesPerSecond: perSecond(this.inputBytes / 1e6) },
    };
  }
}

function sortedByCount(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}
