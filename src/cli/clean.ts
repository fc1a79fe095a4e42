/**
 * `sealgate clean --in corpus.jsonl --out clean.jsonl --report report.json [--field text,answer]
 *   [--format jsonl|txt] [--pii placeholder|redact|mask|hash|drop-record|off] [--toxicity drop|flag|off]
 *   [--intent drop|flag|off] [--threshold 0.8] [--dedupe] [--workers N]`
 *
 * Detoxifies and PII-scrubs a training corpus in bulk (src/corpus/). Streams any size; bad lines are
 * reported by number on stderr and skipped; a progress line goes to stderr when it is a terminal.
 * The report holds counts and digests only, never a removed value.
 */
import { createReadStream, createWriteStream, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { InvalidArgumentError, type Command } from 'commander';
import { z } from 'zod';
import { runClean } from '../corpus/clean.js';
import { gzipError, openCorpusInput } from '../corpus/gzip-input.js';
import { CLASSIFIER_MODES, cleanOptionsSchema, PII_MODES, type CleanOptionsInput } from '../corpus/options.js';
import type { CleanReport } from '../corpus/report.js';
import type { RegisterCommand } from './commands.js';
import { assertDistinctOutputs, assertReadableInput, assertWritableLater, removeOnInterrupt } from './file-args.js';
import { count } from './plural.js';

const list = (value: string) => value.split(',').map((s) => s.trim()).filter(Boolean);
const number = (value: string) => {
  const n = Number(value);
  // commander reports this as "option '…' argument '…' is invalid. …" and exits 1, without a stack.
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError('Not a number.');
  return n;
};

interface CleanCli {
  in: string;
  out: string;
  report?: string;
  field: string;
  format?: string;
  pii: string;
  entities?: string;
  piiMinScore?: number;
  includeNonpersonal?: boolean;
  hashKey?: string;
  toxicity: string;
  intent: string;
  threshold?: number;
  dedupe?: boolean;
  workers: number;
  batchSize?: number;
  flagField?: string;
  quiet?: boolean;
}

/** Maps the command line to validated options (exported for tests). */
export function cleanOptionsFromCli(cli: CleanCli, env: NodeJS.ProcessEnv = process.env): CleanOptionsInput {
  const hashKey = cli.hashKey ?? env.SEALGATE_HASH_KEY;
  const format = cli.format ?? (/\.txt(\.gz)?$/i.test(cli.in) ? 'txt' : 'jsonl');
  return {
    format: format as 'jsonl' | 'txt',
    fields: list(cli.field),
    dedupe: cli.dedupe === true,
    workers: cli.workers,
    ...(cli.batchSize !== undefined ? { batchSize: cli.batchSize } : {}),
    // Passed even when empty, so the schema rejects `--flag-field ''` (it silently fell back to the default).
    ...(cli.flagField !== undefined ? { flagField: cli.flagField } : {}),
    cleaner: {
      pii: cli.pii as (typeof PII_MODES)[number],
      toxicity: cli.toxicity as (typeof CLASSIFIER_MODES)[number],
      intent: cli.intent as (typeof CLASSIFIER_MODES)[number],
      includeNonPersonal: cli.includeNonpersonal === true,
      // Likewise `--entities ''` is rejected, not read as "every type".
      ...(cli.entities !== undefined ? { piiEntities: list(cli.entities) } : {}),
      ...(cli.piiMinScore !== undefined ? { piiMinScore: cli.piiMinScore } : {}),
      ...(cli.threshold !== undefined ? { threshold: cli.threshold } : {}),
      ...(hashKey ? { hashKey } : {}),
    },
  };
}

export function summaryLine(report: CleanReport): string {
  const r = report.records;
  const d = report.dropped;
  const dropped = Object.entries(d).filter(([, n]) => n > 0).map(([why, n]) => `${n} ${why}`).join(', ');
  return (
    `cleaned ${count(r.in, 'record')}: ${r.out} written, ${r.dropped} dropped${dropped ? ` (${dropped})` : ''}, ${r.modified} modified, ` +
    `${r.flagged} flagged, ${count(r.badLines, 'bad line')} skipped; ${report.throughput.recordsPerSecond} records/s, ${report.throughput.megabytesPerSecond} MB/s`
  );
}

export const registerClean: RegisterCommand = (command: Command) => {
  command
    .requiredOption('--in <file>', 'input corpus, JSONL or one text per line ("-" for stdin; gzip, by *.gz name or content, is decompressed)')
    .option('--out <file>', 'cleaned output ("-" for stdout; *.gz is compressed)', '-')
    .option('--report <file>', 'write the JSON report here (counts and digests only; "-" for stdout when --out is a file)')
    .option('--field <paths>', 'JSONL: comma-separated record fields to clean (dotted paths)', 'text')
    .option('--format <format>', 'jsonl | txt (default: txt for *.txt / *.txt.gz, else jsonl)')
    .option('--pii <mode>', `PII spans: ${PII_MODES.join(' | ')}`, 'placeholder')
    .option('--entities <types>', 'only these PII entity types (comma-separated, e.g. EMAIL_ADDRESS,PHONE_NUMBER)')
    .option('--pii-min-score <n>', 'ignore PII findings scoring below this (default 0.5)', number)
    .option('--include-nonpersonal', 'also scrub places and organisations (they identify nobody alone; kept by default)')
    .option('--hash-key <key>', 'HMAC key for --pii hash (or SEALGATE_HASH_KEY)')
    .option('--toxicity <mode>', `toxic records: ${CLASSIFIER_MODES.join(' | ')}`, 'drop')
    .option('--intent <mode>', `injection / jailbreak / harmful-request records: ${CLASSIFIER_MODES.join(' | ')}`, 'flag')
    .option('--threshold <score>', "toxicity/intent score that counts (default: each model's calibrated threshold)", number)
    .option('--dedupe', 'drop records whose cleaned text repeats an earlier one (case/whitespace-insensitive)')
    .option('--workers <n>', 'threads running the detectors, the main one included (1 = main thread only)', number, 1)
    .option('--batch-size <n>', 'records per unit of work', number)
    .option('--flag-field <name>', 'JSONL: field that receives flagged categories (not one of --field)', 'sealgate_flags')
    .option('-q, --quiet', 'no progress line')
    .action(async (cli: CleanCli) => {
      let createdOutput: string | undefined;
      let outStream: WriteStream | undefined;
      let outputOpened = false;
      let stopWatching = () => {};
      try {
        assertReadableInput('--in', cli.in);
        assertDistinctOutputs(cli.in, [
          ['--out', cli.out],
          ['--report', cli.report],
        ]);
        // `-` is stdout, as for --in and --out (it wrote a file named "-"); not with the corpus on stdout too.
        if (cli.report === '-' && cli.out === '-') throw new Error('--report - and --out - would both write to stdout: give --out a file');
        // The report is written after the run: a path that cannot take it fails now, not after the whole corpus.
        assertWritableLater('--report', cli.report);
        // Likewise --out: a missing directory or a directory fails now, with one line (not rmSync's stack trace).
        assertWritableLater('--out', cli.out);
        // Validated before any file is touched: bad options must not leave an empty output behind.
        const options = cleanOptionsSchema.parse(cleanOptionsFromCli(cli));
        const file = cli.in === '-' ? process.stdin : createReadStream(cli.in);
        // Open the input before creating the output, so a missing input never leaves an empty output file.
        if (cli.in !== '-') await once(file, 'open');
        const { stream: input, gzip: gzipIn } = await openCorpusInput(file, cli.in);
        if (cli.out !== '-') {
          outStream = createWriteStream(cli.out);
          outStream.once('open', () => (outputOpened = true));
        }
        const outFile = outStream ?? process.stdout;
        if (cli.out !== '-') createdOutput = cli.out;
        stopWatching = removeOnInterrupt('clean', createdOutput);
        const gzipOut = /\.gz$/i.test(cli.out) ? createGzip() : undefined;
        if (gzipOut) gzipOut.pipe(outFile);
        const output: Writable = gzipOut ?? outFile;
        const inputError = new Promise<never>((_, reject) => {
          file.once('error', reject);
          if (gzipIn) input.once('error', (e) => reject(gzipError(cli.in, e)));
          // An output that cannot be opened or written (missing directory, full disk) fails the run too.
          if (outFile !== process.stdout) outFile.once('error', reject);
        });
        const showProgress = process.stderr.isTTY === true && !cli.quiet;
        const report = await Promise.race([
          runClean(input, output, options, {
            inputPath: cli.in,
            outputPath: cli.out,
            onBadLine: (line, reason) => process.stderr.write(`${showProgress ? '\r\x1b[K' : ''}line ${line}: ${reason}; skipped\n`),
            ...(showProgress
              ? {
                  progressEvery: 2000,
                  onProgress: (p) =>
                    process.stderr.write(`\r\x1b[Kcleaned ${count(p.records, 'record')}, ${(p.bytes / 1e6).toFixed(1)} MB, ${Math.round(p.records / Math.max(p.seconds, 1e-3))} records/s`),
                }
              : {}),
          }),
          inputError,
        ]);
        if (outFile !== process.stdout) {
          output.end();
          await once(outFile, 'finish');
        } else if (gzipOut) {
          gzipOut.end();
          await once(gzipOut, 'end');
        }
        if (cli.report === '-') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        else if (cli.report) writeFileSync(cli.report, `${JSON.stringify(report, null, 2)}\n`);
        process.stderr.write(`${showProgress ? '\r\x1b[K' : ''}${summaryLine(report)}${cli.report ? `; report: ${cli.report === '-' ? 'stdout' : cli.report}` : ''}\n`);
        // Not one record read: the input is not a corpus clean reads. The (empty) output must not pass for a cleaned one.
        if (report.records.in === 0 && report.records.badLines > 0) {
          process.stderr.write(`sealgate clean: no record could be read (${count(report.records.badLines, 'bad line')}): is the input ${options.format === 'txt' ? 'UTF-8 text' : 'JSONL'}?\n`);
          process.exitCode = 1;
        }
      } catch (error) {
        const message = error instanceof z.ZodError ? z.prettifyError(error) : (error as Error).message;
        process.stderr.write(`sealgate clean: ${message}\n`);
        // A half-written output must not pass for a cleaned corpus. The stream opens asynchronously: a failure
        // before it opened (e.g. the models fail to load) would otherwise remove nothing, then see it created.
        // (Not by `pending`: it is true again while the finished stream closes, and waiting then for an 'open' that
        // never comes let the event loop run dry: Node exited 13 with the output left behind.)
        if (outStream && !outputOpened && !outStream.destroyed) await once(outStream, 'open').catch(() => undefined);
        // Only a file this run opened (created or truncated) is removed, never a path it could not open.
        if (createdOutput && outputOpened) rmSync(createdOutput, { force: true });
        process.exitCode = 2;
      } finally {
        stopWatching();
      }
    });
};
