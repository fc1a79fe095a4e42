/**
 * `sealgate audit verify | verify-receipt | query | retention | keygen`.
 * Keys come from flags or from the config (audit.key, audit.encryption); sources are files and
 * directories, or the Redis stream (`--redis`). Exit codes: 0 ok, 1 tampering / invalid receipt,
 * 2 usage, key or I/O error.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import type { Command } from 'commander';
import type { RegisterCommand } from './commands.js';
import type { SealGateConfig } from '../config/schema.js';
import { ConfigError, loadConfig } from '../config/loader.js';
import { generateAuditKey, kidOf, parseAuditKey, parsePublicKey, rawPublicKey, readSecret } from '../audit/keys.js';
import { loadSealKey, parseSealKey, type SealKey } from '../audit/seal.js';
import { connectAuditRedis, FileSource, RedisStreamSource, type AuditSource } from '../audit/sources.js';
import { AuditKeyError, verifyAudit, type VerifyOptions, type VerifyReport } from '../audit/verify.js';
import { checkFilter, queryAudit, formatRecords, PinnedSource, QueryUsageError, type QueryFilter, type QueryFormat } from '../audit/query.js';
import { applyRetention } from '../audit/retention.js';
import { recoverOrphanedChains } from '../audit/recovery.js';
import { RedisSink } from '../audit/sinks/redis.js';
import { fileSafeChain } from '../audit/sinks/file.js';
import { hostname } from 'node:os';
import pino from 'pino';
import { decodeReceipt, verifyReceipt } from '../protocol/receipt-token.js';
import { randomBytes } from 'node:crypto';
import { count } from './plural.js';

export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

const stdio: Output = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

export class AuditUsageError extends Error {}

interface SourceFlags {
  config?: string;
  redis?: string | boolean;
  stream?: string;
  keyFile?: string;
  keyEnv?: string;
}

function config(flags: { config?: string }): SealGateConfig {
  try {
    return loadConfig({ path: flags.config }).config;
  } catch (err) {
    if (err instanceof ConfigError) throw new AuditUsageError(err.message);
    throw err;
  }
}

/** The BYOK encryption key: flags first, then the config's audit.encryption. */
function sealKeyFrom(flags: SourceFlags, cfg: SealGateConfig): SealKey | undefined {
  if (flags.keyFile || flags.keyEnv) {
    const text = readSecret({ file: flags.keyFile, env: flags.keyEnv });
    if (!text) throw new AuditUsageError(`encryption key not found (${flags.keyFile ? `file ${flags.keyFile}` : `env ${flags.keyEnv}`})`);
    return parseSealKey(text);
  }
  return cfg.audit.encryption ? loadSealKey(cfg.audit.encryption) : undefined;
}

async function sourceFrom(paths: readonly string[], flags: SourceFlags, cfg: SealGateConfig): Promise<AuditSource> {
  if (flags.redis) {
    const url = typeof flags.redis === 'string' ? flags.redis : (cfg.audit.redis.url ?? cfg.redisUrl);
    if (!url) throw new AuditUsageError('--redis: no URL given and none in the config (redisUrl / REDIS_URL)');
    return new RedisStreamSource(url, flags.stream ?? cfg.audit.redis.stream, undefined, { maxLen: cfg.audit.redis.maxLen });
  }
  const targets = paths.length ? paths : [cfg.audit.file.dir];
  try {
    return await FileSource.from(targets, paths.length ? undefined : cfg.audit.file.headDir);
  } catch (err) {
    throw new AuditUsageError((err as Error).message);
  }
}

/** Trusted checkpoint keys: each --public-key (raw, PEM, or @file), else the configured audit key's public half. */
function publicKeysFrom(given: readonly string[], cfg: SealGateConfig): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  for (const g of given) {
    const text = g.startsWith('@') ? readFileSync(g.slice(1), 'utf8') : g;
    const key = parsePublicKey(text);
    keys.set(kidOf(rawPublicKey(key)), key);
  }
  if (keys.size === 0) {
    const secret = readSecret(cfg.audit.key);
    if (secret) {
      const k = parseAuditKey(secret);
      keys.set(k.kid, k.publicKey);
    }
  }
  if (keys.size === 0) throw new AuditUsageError('no public key to check checkpoint signatures: pass --public-key, or configure audit.key / SEALGATE_AUDIT_KEY');
  return keys;
}

export interface VerifyFlags extends SourceFlags {
  publicKey?: string[];
  json?: boolean;
  strict?: boolean;
  /** Duration added to audit.checkpoint.everyMs before an unsigned record is overdue (30s, 5m, 1h). */
  unsignedSlack?: string;
  allowUnsignedTail?: boolean;
}

/** `90s`, `5m`, `2h`, `1d` or plain milliseconds. */
export function parseDurationMs(text: string, flag: string): number {
  const m = /^(\d+)\s*(ms|s|m|h|d)?$/i.exec(text.trim());
  if (!m) throw new AuditUsageError(`${flag}: a duration like 90s, 5m or 2h (got ${text})`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[(m[2] ?? 'ms').toLowerCase() as 'ms' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}

/** Verify options shared by verify and query: keys, and the writer's checkpoint promise from the config. */
function verifyOptionsFrom(flags: VerifyFlags, cfg: SealGateConfig): VerifyOptions {
  return {
    publicKeys: publicKeysFrom(flags.publicKey ?? [], cfg),
    sealKey: sealKeyFrom(flags, cfg),
    checkpoint: cfg.audit.checkpoint,
    unsignedSlackMs: flags.unsignedSlack !== undefined ? parseDurationMs(flags.unsignedSlack, '--unsigned-slack') : undefined,
    allowUnsignedTail: flags.allowUnsignedTail,
  };
}

export function formatVerifyReport(report: VerifyReport): string {
  const lines: string[] = [];
  for (const c of report.chains) {
    const span = c.records ? `seq ${c.firstSeq}..${c.lastSeq}, ${count(c.records, 'record')}, ${count(c.checkpoints, 'checkpoint')}${c.closed ? ', closed' : ''}` : 'no records';
    const recovered = c.recovered.length ? `, recovered after a crash: ${c.recovered.map((x) => `seq ${x.from}..${x.until}`).join(', ')}` : '';
    lines.push(`chain ${c.chain}: ${c.issue ? 'FAILED' : 'ok'} (${span}${recovered})`);
    if (c.issue) lines.push(`  ${c.issue.kind.toUpperCase()}${c.issue.seq !== undefined ? ` at seq ${c.issue.seq}` : ''} (${c.issue.where}): ${c.issue.message}`);
    for (const w of c.warnings) lines.push(`  warning: ${w}`);
  }
  // Nothing read is nothing verified: "verified: no tampering found" after it read as a clean log (a wrong path, a
  // log deleted whole).
  if (report.chains.length === 0) lines.push('no audit records found');
  if (!report.ok) lines.push(`TAMPERING DETECTED in ${count(report.issues.length, 'chain')}`);
  else lines.push(report.chains.length === 0 ? 'nothing verified (--strict fails on this)' : 'verified: no tampering found');
  return `${lines.join('\n')}\n`;
}

export async function runVerify(paths: readonly string[], flags: VerifyFlags, io: Output = stdio): Promise<number> {
  try {
    const cfg = config(flags);
    const report = await verifyAudit(await sourceFrom(paths, flags, cfg), verifyOptionsFrom(flags, cfg));
    io.out(flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatVerifyReport(report));
    if (!report.ok) return 1;
    if (flags.strict && (report.chains.some((c) => c.warnings.length) || report.chains.length === 0)) return 1;
    return 0;
  } catch (err) {
    return failure(err, io);
  }
}

function failure(err: unknown, io: Output): number {
  if (err instanceof AuditUsageError || err instanceof AuditKeyError || err instanceof ConfigError || err instanceof QueryUsageError) {
    io.err(`sealgate audit: ${err.message}\n`);
    return 2;
  }
  const e = err as NodeJS.ErrnoException;
  // Node's fs messages already open with the code ("ENOENT: no such file or directory, scandir …"): not twice.
  const message = e.message ?? String(err);
  io.err(`sealgate audit: ${e.code && !message.startsWith(`${e.code}:`) ? `${e.code}: ` : ''}${message}\n`);
  return 2;
}

export interface VerifyReceiptFlags {
  config?: string;
  publicKey?: string[];
  requestId?: string;
  inputDigest?: string;
  outputDigest?: string;
  policyVersion?: string;
  measurement?: string;
  final?: boolean;
  json?: boolean;
}

export async function runVerifyReceipt(token: string, flags: VerifyReceiptFlags, io: Output = stdio): Promise<number> {
  try {
    const text = (token === '-' ? readFileSync(0, 'utf8') : token).trim();
    const cfg = config(flags);
    const keys = [...publicKeysFrom(flags.publicKey ?? [], cfg).values()];
    const result = verifyReceipt(text, keys, {
      requestId: flags.requestId,
      digests: flags.inputDigest || flags.outputDigest ? { in: flags.inputDigest, out: flags.outputDigest } : undefined,
      policyVersion: flags.policyVersion,
      measurement: flags.measurement,
      final: flags.final,
    });
    let payload = result.payload;
    if (!payload) {
      try {
        payload = decodeReceipt(text);
      } catch {
        payload = undefined;
      }
    }
    if (flags.json) io.out(`${JSON.stringify({ valid: result.valid, reason: result.valid ? undefined : result.reason, payload }, null, 2)}\n`);
    else {
      io.out(result.valid ? 'receipt valid\n' : `receipt INVALID: ${result.reason}\n`);
      if (payload) {
        io.out(`  request   ${payload.rid}${payload.ten ? ` (tenant ${payload.ten})` : ''}\n  issued    ${new Date(payload.iat * 1000).toISOString()}${payload.fin ? '' : ' (provisional: stream header)'}\n`);
        if (payload.dig?.in) io.out(`  input     ${payload.dig.in}\n`);
        if (payload.dig?.out) io.out(`  output    ${payload.dig.out}\n`);
        if (payload.pv) io.out(`  policy    ${payload.pv}\n`);
        if (payload.m) io.out(`  enclave   ${payload.m}\n`);
        io.out(`  verdicts  ${payload.vd.length ? payload.vd.map((v) => `${v.st}:${v.cat}=${v.act}`).join(', ') : '(none)'}\n`);
      }
    }
    return result.valid ? 0 : 1;
  } catch (err) {
    return failure(err, io);
  }
}

export interface QueryFlags extends VerifyFlags, QueryFilter {
  format?: QueryFormat;
  /** false with --no-verify: list records without verifying the chains first. */
  verify?: boolean;
}

export async function runQuery(paths: readonly string[], flags: QueryFlags, io: Output = stdio): Promise<number> {
  try {
    const cfg = config(flags);
    const format = flags.format ?? 'table';
    if (!['table', 'json', 'csv'].includes(format)) throw new AuditUsageError(`--format: table, json or csv (got ${format})`);
    // Every filter value checked before the log is read (verification can take long) and before a header is written.
    checkFilter(flags);
    let source = await sourceFrom(paths, flags, cfg);
    let verified: { first: PinnedSource; second: PinnedSource } | undefined;
    if (flags.verify !== false) {
      // Verify everything first: a record is shown only if its chain verifies (forged records read
      // like real ones). The query then reads exactly the entries verified.
      const first = new PinnedSource(source);
      let options: VerifyOptions;
      try {
        options = verifyOptionsFrom(flags, cfg);
      } catch (err) {
        if (err instanceof AuditUsageError) throw new AuditUsageError(`${err.message} (query verifies the log first; --no-verify skips that)`);
        throw err;
      }
      const report = await verifyAudit(first, options);
      if (!report.ok) {
        const problems = report.issues.map((i) => `chain ${i.chain}: ${i.kind.toUpperCase()}${i.seq !== undefined ? ` at seq ${i.seq}` : ''} (${i.where}): ${i.message}`);
        io.err(`sealgate audit: query refused, the log does not verify (no records shown):\n  ${problems.join('\n  ')}\nrun \`sealgate audit verify\` for the report, or pass --no-verify to list the records anyway\n`);
        return 1;
      }
      const warnings = report.chains.reduce((n, c) => n + c.warnings.length, 0);
      if (warnings) io.err(`sealgate audit: verified with ${count(warnings, 'warning')} (run \`sealgate audit verify\`)\n`);
      verified = { first, second: new PinnedSource(source, first.count) };
      source = verified.second;
    }
    let skipped = 0;
    const records = queryAudit(source, flags, sealKeyFrom(flags, cfg), () => skipped++);
    await formatRecords(records, format, io.out);
    if (skipped) io.err(`sealgate audit: ${count(skipped, 'unreadable line')} skipped; run \`sealgate audit verify\`\n`);
    if (verified?.second.complete && (verified.second.count !== verified.first.count || verified.second.digest() !== verified.first.digest())) {
      io.err('sealgate audit: the log changed between verification and query: the records above are not verified\n');
      return 1;
    }
    if (!verified) io.err('sealgate audit: records not verified (--no-verify)\n');
    return 0;
  } catch (err) {
    return failure(err, io);
  }
}

export interface RecoverFlags extends SourceFlags {
  instance?: string;
  all?: boolean;
}

/**
 * `sealgate audit recover`: what a booting Redis writer does for its instance (docs/audit.md, crash
 * recovery), on demand: for the chains of an instance that no longer boots (scaled down, renamed
 * host), or of every instance with --all. Needs the signing key (audit.key).
 */
export async function runRecover(flags: RecoverFlags, io: Output = stdio): Promise<number> {
  let sink: RedisSink | undefined;
  try {
    const cfg = config(flags);
    const url = typeof flags.redis === 'string' ? flags.redis : (cfg.audit.redis.url ?? cfg.redisUrl);
    if (!url) throw new AuditUsageError('--redis: no URL given and none in the config (audit.redis.url / redisUrl)');
    const secret = readSecret(cfg.audit.key);
    if (!secret) throw new AuditUsageError('recovery signs checkpoints: configure the audit signing key (audit.key / SEALGATE_AUDIT_KEY)');
    const keys = parseAuditKey(secret);
    const instance = flags.instance ?? fileSafeChain(cfg.audit.instanceId ?? process.env.SEALGATE_INSTANCE_ID ?? hostname());
    // The sink keeps reconnecting (a gateway rides out a Redis restart): an unreachable Redis hung this command.
    await (await connectAuditRedis(url)).close();
    sink = new RedisSink({ url, stream: flags.stream ?? cfg.audit.redis.stream, maxLen: cfg.audit.redis.maxLen, instance, lockTtlMs: cfg.audit.redis.lockTtlMs });
    const bootChain = `audit-recover.${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
    const sweep = await recoverOrphanedChains({ sink, keys, sealKey: sealKeyFrom(flags, cfg), bootChain, logger: pino({ level: 'silent' }), allInstances: flags.all });
    for (const c of sweep.recovered) io.out(`recovered ${c} (by ${bootChain})\n`);
    for (const b of sweep.broken) io.out(`NOT recovered ${b.chain}: its unsigned tail fails re-verification${b.seq !== undefined ? ` at seq ${b.seq}` : ''}: ${b.problem}\n`);
    for (const c of sweep.held) io.out(`skipped ${c}: its writer lock is held (a live writer, or a crashed one's lock not expired yet: retry after audit.redis.lockTtlMs)\n`);
    for (const c of sweep.unsigned) io.out(`skipped ${c}: registered without a valid signature of this audit key\n`);
    const total = sweep.recovered.length + sweep.broken.length + sweep.held.length + sweep.unsigned.length;
    if (total === 0) io.out(`no orphaned chains${flags.all ? '' : ` of instance ${instance}`}\n`);
    return sweep.broken.length ? 1 : 0;
  } catch (err) {
    return failure(err, io);
  } finally {
    await sink?.close();
  }
}

export async function runRetention(dir: string | undefined, flags: { config?: string; days: string; dryRun?: boolean }, io: Output = stdio): Promise<number> {
  try {
    const cfg = config(flags);
    const days = Number(flags.days);
    if (!Number.isInteger(days) || days < 1) throw new AuditUsageError('--days: a whole number of days ≥ 1');
    const target = dir ?? cfg.audit.file.dir;
    const result = await applyRetention({ dir: target, days, dryRun: flags.dryRun });
    for (const f of result.deleted) io.out(`${flags.dryRun ? 'would delete' : 'deleted'} ${f}\n`);
    io.out(`${count(result.deleted.length, 'file')} ${flags.dryRun ? 'to delete' : 'deleted'}, ${result.kept.length} kept (chains stay verifiable from the first kept file)\n`);
    return 0;
  } catch (err) {
    return failure(err, io);
  }
}

/**
 * A secret written as a fresh 0600 file (temp file + rename): writeFileSync's mode applies only when it
 * creates the file, so replacing an existing, looser file (--force) kept its old permissions.
 */
function writeSecretFile(path: string, text: string): void {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600, flag: 'wx' });
  try {
    renameSync(tmp, path);
  } catch (error) {
    // A failed rename (the path is a directory …) left the new secret behind in the temp file.
    rmSync(tmp, { force: true });
    throw error;
  }
}

export function runKeygen(flags: { out: string; encryption?: boolean; force?: boolean }, io: Output = stdio): number {
  // An --out that is a file, or a key path that is a directory, crashed with a stack trace: one line, exit 2.
  try {
    return writeKeys(flags, io);
  } catch (err) {
    return failure(err, io);
  }
}

function writeKeys(flags: { out: string; encryption?: boolean; force?: boolean }, io: Output): number {
  // mkdirSync's own words for a file here were "EEXIST: file already exists, mkdir '…'".
  if (existsSync(flags.out) && !statSync(flags.out).isDirectory()) {
    io.err(`sealgate audit: --out ${flags.out} is a file, not a directory (keygen writes audit-signing.key and audit-signing.pub into it)\n`);
    return 2;
  }
  mkdirSync(flags.out, { recursive: true, mode: 0o700 });
  const keyPath = join(flags.out, 'audit-signing.key');
  const pubPath = join(flags.out, 'audit-signing.pub');
  if (existsSync(keyPath) && !flags.force) {
    io.err(`sealgate audit: ${keyPath} exists (use --force to replace it)\n`);
    return 2;
  }
  const encPath = join(flags.out, 'audit-encryption.key');
  if (flags.encryption && existsSync(encPath)) {
    // --force is for the signing key: the encryption key is the only way to read logs sealed with it.
    io.err(`sealgate audit: ${encPath} exists and the logs sealed with it cannot be read without it; move it away first if you really mean to replace it\n`);
    return 2;
  }
  const keys = generateAuditKey();
  writeSecretFile(keyPath, `${keys.seed.toString('base64url')}\n`);
  writeFileSync(pubPath, `${keys.publicKeyRaw}\n`, { mode: 0o644 });
  io.out(`audit signing key  ${keyPath} (secret; set audit.key.file to it)\npublic key         ${pubPath} (give to verifiers), kid ${keys.kid}\n`);
  if (flags.encryption) {
    writeSecretFile(encPath, `${randomBytes(32).toString('base64url')}\n`);
    io.out(`encryption key     ${encPath} (secret; set audit.encryption.file to it; keep it away from the log directory)\n`);
  }
  return 0;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function sourceOptions(cmd: Command): Command {
  return cmd
    .option('-c, --config <file>', 'config file (audit keys, log dir, Redis stream)')
    .option('--redis [url]', 'read the Redis stream instead of files (URL default: the config redisUrl)')
    .option('--stream <key>', 'Redis stream key (default audit.redis.stream)')
    .option('--key-file <file>', 'at-rest encryption key file (default audit.encryption)')
    .option('--key-env <name>', 'environment variable holding the at-rest encryption key');
}

export const registerAudit: RegisterCommand = (audit: Command) => {
  sourceOptions(
    audit
      .command('verify')
      .description('Check audit files (or a directory, or the Redis stream): report the first modified, deleted, inserted or reordered record, truncation, and records appended after a clean shutdown')
      .argument('[paths...]', 'audit .jsonl files or directories (default: audit.file.dir)'),
  )
    .option('--public-key <key>', 'trusted checkpoint public key: base64url/hex, PEM, or @file (repeatable)', collect)
    .option('--json', 'machine-readable report')
    .option('--strict', 'also fail on warnings (unsigned tail, declared gaps, chain not starting at seq 0, a crashed writer\'s tail recovered by a later boot)')
    .option('--unsigned-slack <duration>', 'how long past audit.checkpoint.everyMs an unsigned record may be before it is an error (default 5m)')
    .option('--allow-unsigned-tail', 'report an overdue unsigned tail as a warning (a writer known to have crashed whose tail no later boot recovered)')
    .action(async (paths: string[], flags: VerifyFlags) => {
      process.exitCode = await runVerify(paths, flags);
    });

  audit
    .command('verify-receipt')
    .description('Check an x-sealgate-receipt token ("-" reads it from stdin)')
    .argument('<token>', 'the receipt token, or - for stdin')
    .option('-c, --config <file>', 'config file (audit key)')
    .option('--public-key <key>', 'receipt public key: base64url/hex, PEM, or @file (repeatable; GET /v1/receipts/keys lists them)', collect)
    .option('--request-id <id>', 'require this request id')
    .option('--input-digest <digest>', 'require this input digest')
    .option('--output-digest <digest>', 'require this output digest')
    .option('--policy-version <version>', 'require this policy version')
    .option('--measurement <hex>', 'require this enclave measurement')
    .option('--final', 'require the final receipt (not the provisional header of a stream)')
    .option('--json', 'machine-readable result')
    .action(async (token: string, flags: VerifyReceiptFlags) => {
      process.exitCode = await runVerifyReceipt(token, flags);
    });

  sourceOptions(
    audit
      .command('query')
      .description('List request records matching filters, after verifying the log (refused with exit 1 when it does not verify; --no-verify skips it)')
      .argument('[paths...]', 'audit .jsonl files or directories (default: audit.file.dir)'),
  )
    .option('--tenant <id>', 'only this tenant')
    .option('--since <time>', 'ISO time or a duration back from now (24h, 7d, 30m)')
    .option('--until <time>', 'ISO time or a duration back from now')
    .option('--action <action>', 'a verdict action (block, redact, pseudonymize, flag …)')
    .option('--category <category>', 'verdict category or prefix, e.g. pii or pii.phone_number (repeatable)', collect)
    .option('--status <code>', 'HTTP status, or 4xx / 5xx')
    .option('--outcome <kind>', 'allowed | flagged | transformed | blocked | rate_limited | rejected | failed')
    .option('--limit <n>', 'stop after n records')
    .option('--format <format>', 'table | json | csv', 'table')
    .option('--public-key <key>', 'trusted checkpoint public key for the verification (repeatable; default: the configured audit key)', collect)
    .option('--unsigned-slack <duration>', 'as for verify')
    .option('--allow-unsigned-tail', 'as for verify')
    .option('--no-verify', 'list records without verifying the chains first (faster; forged records read like real ones)')
    .action(async (paths: string[], flags: QueryFlags) => {
      process.exitCode = await runQuery(paths, flags);
    });

  sourceOptions(
    audit
      .command('recover')
      .description("Redis sink: sign the unsigned tails that crashed boots left (what a new boot does for its own instance), after re-verifying each as an unbroken chain; a broken tail is reported, not signed"),
  )
    .option('--instance <id>', 'recover the chains of this instance id (default: audit.instanceId / SEALGATE_INSTANCE_ID / host name)')
    .option('--all', 'recover the orphaned chains of every instance')
    .action(async (flags: RecoverFlags) => {
      process.exitCode = await runRecover(flags);
    });

  audit
    .command('retention')
    .description('Delete audit files older than N days (oldest first per chain; the chain stays verifiable from the retained start)')
    .argument('[dir]', 'audit directory (default: audit.file.dir)')
    .requiredOption('--days <n>', 'keep files written in the last n days')
    .option('--dry-run', 'list what would be deleted')
    .option('-c, --config <file>', 'config file')
    .action(async (dir: string | undefined, flags: { config?: string; days: string; dryRun?: boolean }) => {
      process.exitCode = await runRetention(dir, flags);
    });

  audit
    .command('keygen')
    .description('Create an Ed25519 audit signing key (and optionally an at-rest encryption key)')
    .requiredOption('--out <dir>', 'directory for the key files (NOT the audit log directory)')
    .option('--encryption', 'also create a 32-byte at-rest encryption key')
    .option('--force', 'overwrite existing key files')
    .action((flags: { out: string; encryption?: boolean; force?: boolean }) => {
      process.exitCode = runKeygen(flags);
    });
};
