/**
 * `sealgate clean` logic: streams a JSONL or plain-text corpus, cleans each record with the guardrails
 * (PII operators or drop, toxicity / intent drop or flag, optional dedupe) and writes the survivors in
 * input order. Reads lines of bounded length (lines.ts), writes with backpressure, hands batches to a CleanerPool (worker
 * threads when asked). Bad lines are counted by number and skipped, never echoed.
 *
 *   const report = await runClean(createReadStream('corpus.jsonl'), createWriteStream('clean.jsonl'), { fields: ['text'] });
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { applyEdits, setValueEdit, type Edit } from './json-splice.js';
import { MAX_LINE_CHARS, readLines } from './lines.js';
import type { Readable, Writable } from 'node:stream';
import { cleanOptionsSchema, type CleanOptionsInput } from './options.js';
import { createCleanerPool } from './pool.js';
import type { RecordVerdict } from './record-cleaner.js';
import { CleanReportBuilder, type CleanReport } from './report.js';

export interface CleanProgress {
  records: number;
  bytes: number;
  seconds: number;
}

export interface CleanHooks {
  /** Called with a line number and a reason (never the line's content). */
  onBadLine?(line: number, reason: string): void;
  onProgress?(progress: CleanProgress): void;
  /** Records between progress calls. */
  progressEvery?: number;
  /** Names recorded in the report. */
  inputPath?: string;
  outputPath?: string;
}

interface PendingRecord {
  line: number;
  /** The parsed JSON record (jsonl) or undefined (txt, or a JSONL record that is a bare string). */
  record: unknown;
  /** The line as read (jsonl objects): written with only the changed values replaced. */
  raw?: string;
  /** Field paths present in this record, in the order of `texts`. */
  paths: string[];
  texts: string[];
}

function getField(record: unknown, path: string): unknown {
  let node = record;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function setField(record: unknown, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = record as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

/**
 * Equal after whitespace and case folding: the dedupe key (a digest, so no text is kept in memory). Each field is
 * framed by its length: joined with a separator, a field holding that separator collided with two fields.
 */
function dedupeKey(texts: readonly string[]): string {
  const hash = createHash('sha1');
  for (const text of texts) {
    const folded = text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
    hash.update(`${folded.length}:`).update(folded);
  }
  return hash.digest('base64');
}

export async function runClean(input: Readable, output: Writable, rawOptions: CleanOptionsInput = {}, hooks: CleanHooks = {}): Promise<CleanReport> {
  const options = cleanOptionsSchema.parse(rawOptions);
  const report = new CleanReportBuilder(options.maxBadLinesListed);
  const inputHash = createHash('sha256');
  const outputHash = createHash('sha256');
  const pool = await createCleanerPool(options.cleaner, options.workers);
  const seen = new Set<string>();
  const progressEvery = hooks.progressEvery ?? 10_000;
  let emitted = 0;

  const write = async (line: string) => {
    outputHash.update(line);
    report.outputBytes += Buffer.byteLength(line);
    if (!output.write(line)) await once(output, 'drain');
  };

  const emit = async (pending: PendingRecord, verdict: RecordVerdict) => {
    if (verdict.drop || !verdict.texts) {
      report.count(verdict, verdict.drop ?? 'pii');
    } else if (options.dedupe && seen.has(dedupeKey(verdict.texts))) {
      report.count(verdict, 'duplicate');
    } else {
      if (options.dedupe) seen.add(dedupeKey(verdict.texts));
      report.count(verdict, 'written');
      if (options.format === 'txt' || pending.record === undefined) {
        const text = verdict.texts[0]!;
        await write(options.format === 'txt' ? `${text.replace(/\r?\n/g, ' ')}\n` : `${JSON.stringify(text)}\n`);
      } else {
        await write(`${recordLine(pending, verdict.texts, verdict.categories)}\n`);
      }
    }
    emitted++;
    if (hooks.onProgress && emitted % progressEvery === 0) hooks.onProgress({ records: emitted, bytes: report.inputBytes, seconds: report.elapsedSeconds() });
  };

  /**
   * The output line of a kept JSONL object: the input line with only the cleaned values (and the flag field)
   * replaced, so other fields are copied unchanged (big integers, 1e400, number spellings, escapes, key order).
   * Re-serialised from the parsed record only when an edit cannot be placed (e.g. the flag field is a text field).
   */
  const recordLine = (pending: PendingRecord, texts: readonly string[], categories: readonly string[]): string => {
    const edits: (Edit | undefined)[] = [];
    pending.paths.forEach((path, i) => {
      if (texts[i] !== pending.texts[i]) edits.push(setValueEdit(pending.raw!, path.split('.'), texts[i]));
    });
    if (categories.length > 0) edits.push(setValueEdit(pending.raw!, options.flagField.split('.'), categories));
    const spliced = edits.every((e) => e !== undefined) ? applyEdits(pending.raw!, edits as Edit[]) : undefined;
    if (spliced !== undefined) return spliced.trim();
    pending.paths.forEach((path, i) => setField(pending.record, path, texts[i]));
    if (categories.length > 0) setField(pending.record, options.flagField, categories);
    return JSON.stringify(pending.record);
  };

  const badLine = (line: number, reason: string) => {
    report.badLine(line, reason);
    hooks.onBadLine?.(line, reason);
  };

  /** Parses one line into a record to clean, or reports it as bad. */
  const parse = (raw: string, line: number): PendingRecord | undefined => {
    if (options.format === 'txt') return { line, record: undefined, paths: [], texts: [raw] };
    let record: unknown;
    try {
      record = JSON.parse(raw);
    } catch {
      // V8's message quotes the offending text, which may be PII: report the position only.
      badLine(line, 'invalid JSON');
      return undefined;
    }
    if (typeof record === 'string') return { line, record: undefined, paths: [], texts: [record] };
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      badLine(line, 'not a JSON object or string');
      return undefined;
    }
    const paths: string[] = [];
    const texts: string[] = [];
    for (const path of options.fields) {
      const value = getField(record, path);
      if (value === undefined || value === null) continue;
      if (typeof value !== 'string') {
        badLine(line, `field "${path}" is not a string`);
        return undefined;
      }
      paths.push(path);
      texts.push(value);
    }
    if (texts.length === 0) {
      badLine(line, `no field ${options.fields.map((f) => `"${f}"`).join(', ')}`);
      return undefined;
    }
    return { line, record, raw, paths, texts };
  };

  // Batches are awaited in submission order, so output order is input order whatever finishes first.
  const inFlight: { records: PendingRecord[]; verdicts: Promise<RecordVerdict[]> }[] = [];
  const maxInFlight = options.workers * 2;
  let batch: PendingRecord[] = [];
  const submit = () => {
    const verdicts = pool.run(batch.map((r) => r.texts));
    verdicts.catch(() => undefined); // handled when awaited in order; avoids an unhandled rejection meanwhile
    inFlight.push({ records: batch, verdicts });
    batch = [];
  };
  const drainOne = async () => {
    const head = inFlight.shift()!;
    const verdicts = await head.verdicts;
    for (let i = 0; i < head.records.length; i++) await emit(head.records[i]!, verdicts[i]!);
  };

  try {
    const onChunk = (chunk: Buffer) => {
      report.inputBytes += chunk.length;
      inputHash.update(chunk);
    };
    let lineNumber = 0;
    for await (const { text: line, tooLong, invalidUtf8 } of readLines(input, { onChunk })) {
      lineNumber++;
      if (tooLong) {
        badLine(lineNumber, `longer than ${MAX_LINE_CHARS} characters`);
        continue;
      }
      if (invalidUtf8) {
        badLine(lineNumber, 'not valid UTF-8');
        continue;
      }
      // A byte-order mark (files saved by Windows tools) is not part of the first record.
      const raw = lineNumber === 1 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
      if (raw.trim() === '') continue;
      const pending = parse(raw, lineNumber);
      if (!pending) continue;
      report.records.in++;
      batch.push(pending);
      if (batch.length >= options.batchSize) {
        submit();
        while (inFlight.length >= maxInFlight) await drainOne();
      }
    }
    if (batch.length > 0) submit();
    while (inFlight.length > 0) await drainOne();
  } finally {
    await pool.close();
  }

  const { dedupe, workers, format, fields } = options;
  const { hashKey: _secret, ...cleaner } = options.cleaner; // the HMAC key never goes into the report
  return report.build({
    input: { ...(hooks.inputPath ? { path: hooks.inputPath } : {}), format: options.format, sha256: inputHash.digest('hex') },
    output: { ...(hooks.outputPath ? { path: hooks.outputPath } : {}), sha256: outputHash.digest('hex') },
    options: { format, fields, dedupe, workers, ...cleaner, hashKeySet: _secret !== undefined },
  });
}
