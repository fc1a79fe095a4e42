/**
 * `sealgate scan --in data.jsonl [--field text] --out verdicts.jsonl [-c config.yaml] [--detectors pii,toxicity,intent] [--operator …]`
 *
 * Runs the configured guardrail detectors (the config's enabled `guardrails.detectors`, with their options;
 * `--detectors` overrides the list) over each JSONL record and writes one verdict line per record:
 * `{ line, id?, findings: [...], text? }` (`text` only when an operator is chosen). Streams any file size
 * (bounded lines in, backpressure-aware writes out). A bad line is reported on stderr with its line number and
 * skipped; the run never crashes on input. Bad-line reports never echo the line (it may hold PII).
 * This is also how users dry-run a policy over their own logs.
 */
import { createReadStream, createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { MAX_LINE_CHARS, readLines } from '../corpus/lines.js';
import { gzipError, openCorpusInput } from '../corpus/gzip-input.js';
import { createGzip } from 'node:zlib';
import type { Readable, Writable } from 'node:stream';
import { InvalidArgumentError, type Command } from 'commander';
import { z } from 'zod';
import type { Detector, Finding } from '../../guardrails/core/types.js';
import { createDetector, detectorFactories } from '../../guardrails/registry.js';
import { anonymize, createPiiSession, OPERATOR_NAMES, type OperatorName } from '../../guardrails/pii/index.js';
import type { RegisterCommand } from './commands.js';
import { ConfigError, loadConfig } from '../config/loader.js';
import { assertDistinctOutputs, assertReadableInput, assertWritableLater, removeOnInterrupt } from './file-args.js';
import { count } from './plural.js';

export const scanOptionsSchema = z
  .object({
    field: z.string().min(1, '--field names no field').default('text'),
    detectors: z.array(z.string().min(1)).min(1).default(['pii']),
    operator: z.enum(OPERATOR_NAMES as [OperatorName, ...OperatorName[]]).optional(),
    hashKey: z.string().min(16, 'hash key must be at least 16 characters').optional(),
    minScore: z.number().min(0).max(1).optional(),
    entities: z.array(z.string().min(1)).min(1, '--entities names no entity type (omit it for every type)').optional(),
    /** Options per detector name (from the config's `guardrails.detectors.<name>.options`). */
    detectorOptions: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
  })
  .strict()
  .refine((o) => o.operator !== 'hash' || o.hashKey, { message: '--operator hash needs --hash-key or SEALGATE_HASH_KEY' });

export type ScanOptions = z.input<typeof scanOptionsSchema>;

export interface ScanSummary {
  records: number;
  badLines: number;
  findings: number;
  recordsWithFindings: number;
}

/** Reads a dotted field path (`text`, `request.prompt`, `messages.0.content`). */
function fieldOf(record: unknown, path: string): unknown {
  let node = record;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Streams `input` (JSONL) to `output` (JSONL verdicts). `reportError` receives line-numbered problems. */
export async function runScan(
  input: Readable,
  output: Writable,
  options: ScanOptions,
  reportError: (message: string) => void = (m) => process.stderr.write(`${m}\n`),
): Promise<ScanSummary> {
  const opts = scanOptionsSchema.parse(options);
  const detectors: Detector[] = [];
  // Once each: `--detectors pii,pii` wrote and counted every finding twice.
  for (const name of new Set(opts.detectors)) {
    const detectorOptions: Record<string, unknown> = { ...(opts.detectorOptions[name] ?? {}) };
    if (name === 'pii') {
      if (opts.minScore !== undefined) detectorOptions.minScore = opts.minScore;
      if (opts.entities) detectorOptions.entities = opts.entities;
    }
    detectors.push(await createDetector(name, detectorOptions));
  }

  const summary: ScanSummary = { records: 0, badLines: 0, findings: 0, recordsWithFindings: 0 };
  const write = async (line: string) => {
    if (!output.write(line)) await once(output, 'drain');
  };
  let lineNumber = 0;
  for await (const { text: line, tooLong, invalidUtf8 } of readLines(input)) {
    lineNumber++;
    if (tooLong) {
      summary.badLines++;
      reportError(`line ${lineNumber}: longer than ${MAX_LINE_CHARS} characters; skipped`);
      continue;
    }
    if (invalidUtf8) {
      summary.badLines++;
      reportError(`line ${lineNumber}: not valid UTF-8; skipped`);
      continue;
    }
    // A byte-order mark (files saved by Windows tools) is not part of the first record.
    const raw = lineNumber === 1 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
    if (raw.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(raw);
    } catch {
      // V8's message quotes the offending text, which may be PII: report the position only.
      summary.badLines++;
      reportError(`line ${lineNumber}: invalid JSON; skipped`);
      continue;
    }
    const text = typeof record === 'string' ? record : fieldOf(record, opts.field);
    if (typeof text !== 'string') {
      summary.badLines++;
      reportError(`line ${lineNumber}: field "${opts.field}" is missing or not a string; skipped`);
      continue;
    }
    const findings: Finding[] = [];
    try {
      for (const detector of detectors) findings.push(...(await detector.detect(text, {})));
    } catch (error) {
      summary.badLines++;
      reportError(`line ${lineNumber}: detector failed (${(error as Error).message}); skipped`);
      continue;
    }
    findings.sort((a, b) => a.start - b.start || b.end - a.end);
    summary.records++;
    summary.findings += findings.length;
    if (findings.length > 0) summary.recordsWithFindings++;
    const verdict: Record<string, unknown> = { line: lineNumber };
    const id = typeof record === 'object' && record !== null ? (record as Record<string, unknown>).id : undefined;
    if (typeof id === 'string' || typeof id === 'number') verdict.id = id;
    verdict.findings = findings.map(({ detector, category, type, start, end, score, sensitivity }) => ({
      detector, category, ...(type ? { type } : {}), start, end, score, ...(sensitivity ? { sensitivity } : {}),
    }));
    if (opts.operator) {
      // Only span findings (PII) are transformed; whole-text classifier findings have nothing to replace.
      const spanFindings = findings.filter((f) => f.type !== undefined);
      verdict.text = anonymize(text, spanFindings, opts.operator, { session: createPiiSession(), hashKey: opts.hashKey }).text;
    }
    await write(`${JSON.stringify(verdict)}\n`);
  }
  return summary;
}

const list = (value: string) => value.split(',').map((s) => s.trim()).filter(Boolean);
/** commander reports a throw here as "option '--min-score <n>' argument 'abc' is invalid. …", exit 2 (zod said "received NaN → at minScore"). */
const scoreArgument = (value: string): number => {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('A score from 0 to 1.');
  return n;
};

export const registerScan: RegisterCommand = (command: Command) => {
  command
    .requiredOption('--in <file>', 'input JSONL file ("-" for stdin; gzip, by *.gz name or content, is decompressed)')
    .option('--out <file>', 'output JSONL file ("-" for stdout; *.gz is compressed)', '-')
    .option('--field <path>', 'record field holding the text (dotted path)', 'text')
    .option('-c, --config <file>', 'config file: its enabled guardrails.detectors (and their options) run (env SEALGATE_CONFIG; default ./sealgate.config.yaml if present)')
    .option('--detectors <names>', `comma-separated detectors, overriding the config (registered: ${Object.keys(detectorFactories).join(', ')}; rules reads guardrails.detectors.rules.options.rules, not tenant policies)`)
    .option('--operator <name>', `transform the text: ${OPERATOR_NAMES.join(' | ')}`)
    .option('--hash-key <key>', 'HMAC key for --operator hash (or SEALGATE_HASH_KEY)')
    .option('--min-score <n>', 'drop PII findings scoring below this (0-1)', scoreArgument)
    .option('--entities <types>', 'only these PII entity types (comma-separated)')
    .action(async (cli: Record<string, string | number | undefined>) => {
      try {
        assertReadableInput('--in', String(cli.in));
        assertDistinctOutputs(String(cli.in), [['--out', String(cli.out)]]);
        // A missing directory or a directory as --out is refused before the detectors load, with no file touched.
        assertWritableLater('--out', String(cli.out));
      } catch (error) {
        process.stderr.write(`sealgate scan: ${(error as Error).message}\n`);
        process.exitCode = 2;
        return;
      }
      let outStream: WriteStream | undefined;
      let outputOpened = false;
      let stopWatching = () => {};
      try {
        // The configured guardrails: enabled detectors from the config (defaults when no file), with their options.
        const { config } = loadConfig(cli.config ? { path: String(cli.config) } : {});
        const configured = Object.entries(config.guardrails.detectors).filter(([, d]) => d.enabled);
        // A tenant's rules live in its policy, which scan does not read: `rules` runs only with rules of its own in the
        // config (a configured `rules` without them is the gateway's "tenant rules", which scan leaves out).
        const ownRules = (name: string) => name !== 'rules' || configured.some(([n, d]) => n === 'rules' && d.options?.rules !== undefined);
        // Given but empty (`--detectors "$DETECTORS"` with the variable unset) ran the config's detectors instead.
        if (cli.detectors !== undefined && list(String(cli.detectors)).length === 0) {
          throw new Error(`--detectors: no detector named (registered: ${Object.keys(detectorFactories).join(', ')})`);
        }
        const detectors = cli.detectors !== undefined ? list(String(cli.detectors)) : configured.map(([name]) => name).filter((n) => n in detectorFactories && ownRules(n));
        const options: ScanOptions = {
          field: String(cli.field),
          detectors,
          detectorOptions: Object.fromEntries(configured.map(([name, d]) => [name, d.options])),
          ...(cli.operator ? { operator: String(cli.operator) as OperatorName } : {}),
          ...(cli.hashKey || process.env.SEALGATE_HASH_KEY ? { hashKey: String(cli.hashKey ?? process.env.SEALGATE_HASH_KEY) } : {}),
          ...(cli.minScore !== undefined ? { minScore: Number(cli.minScore) } : {}),
          // Given but empty is refused (it ran every type), as for --detectors.
          ...(cli.entities !== undefined ? { entities: list(String(cli.entities)) } : {}),
        };
        // Options checked and the input opened before --out is created: a bad option or a missing input must not
        // create (or truncate) the output file.
        scanOptionsSchema.parse(options);
        const unknown = detectors.find((name) => !Object.hasOwn(detectorFactories, name));
        if (unknown !== undefined) await createDetector(unknown); // throws the registry's 'unknown detector' error
        // Asked for without rules, the detector would find nothing in every record and the run pass for a clean one.
        if (!detectors.every(ownRules)) {
          throw new Error('the rules detector has no rules: give them in the config under guardrails.detectors.rules.options.rules (scan does not read tenant policies)');
        }
        const file = cli.in === '-' ? process.stdin : createReadStream(String(cli.in));
        if (cli.in !== '-') await once(file, 'open');
        const { stream: input, gzip: gzipIn } = await openCorpusInput(file, String(cli.in));
        if (cli.out !== '-') {
          outStream = createWriteStream(String(cli.out));
          outStream.once('open', () => (outputOpened = true));
        }
        const outFile = outStream ?? process.stdout;
        const gzipOut = /\.gz$/i.test(String(cli.out)) ? createGzip() : undefined;
        if (gzipOut) gzipOut.pipe(outFile);
        const output: Writable = gzipOut ?? outFile;
        // An input or output file that cannot be read (or written) fails the run with one line, not a crash.
        const inputError = new Promise<never>((_, reject) => {
          file.once('error', reject);
          if (gzipIn) input.once('error', (e) => reject(gzipError(String(cli.in), e)));
          if (outFile !== process.stdout) outFile.once('error', reject);
        });
        stopWatching = removeOnInterrupt('scan', outStream ? String(cli.out) : undefined);
        const summary = await Promise.race([runScan(input, output, options), inputError]);
        if (outFile !== process.stdout) {
          output.end();
          await once(outFile, 'finish');
        } else if (gzipOut) {
          gzipOut.end();
          await once(gzipOut, 'end');
        }
        process.stderr.write(
          `scanned ${count(summary.records, 'record')}: ${count(summary.findings, 'finding')} in ${count(summary.recordsWithFindings, 'record')}, ${count(summary.badLines, 'bad line')} skipped\n`,
        );
        // Not one record read: the input is not what scan reads (e.g. another format). Verdicts for nothing
        // must not pass for a clean result in a pipeline.
        if (summary.records === 0 && summary.badLines > 0) {
          process.stderr.write(`sealgate scan: no record could be read (${count(summary.badLines, 'bad line')}): is the input JSONL with a "${String(cli.field)}" field?\n`);
          process.exitCode = 1;
        }
      } catch (error) {
        const message = error instanceof z.ZodError ? z.prettifyError(error) : error instanceof ConfigError ? error.message : (error as Error).message;
        process.stderr.write(`sealgate scan: ${message}\n`);
        // A partial verdict file must not pass for a complete one (the open is asynchronous: wait for it first).
        // Not by `pending`, and not after a failed open: that 'open' never comes, the event loop ran dry and Node exited
        // 13 with no summary. Only a file this run opened is removed, never one it could not open.
        if (outStream && !outputOpened && !outStream.destroyed) await once(outStream, 'open').catch(() => undefined);
        if (outStream && outputOpened) rmSync(String(cli.out), { force: true });
        process.exitCode = 2;
      } finally {
        stopWatching();
      }
    });
};
