/**
 * Crash recovery of a chain's unsigned tail. A writer that is killed (SIGKILL, OOM, power) after
 * appending records but before signing a checkpoint over them leaves an "orphaned" tail that no
 * signature covers; verify reports it as `unsigned` once it is overdue. The next writer of that
 * chain re-verifies the tail here — every record's bytes against its hash, each `prev` linking to
 * the record before, sequence numbers without holes, starting from the last signed checkpoint (or
 * from genesis) — and only then signs a checkpoint over it that says so (`recovered`). A tail that
 * fails any of these checks is reported and left unsigned: recovery never blesses a broken chain.
 *
 * What recovery cannot tell: records that form a valid hash chain but were written by someone else
 * (appended, or the last record replaced with a recomputed hash) before the recovery — no key
 * covered them yet. The recovered range is named in the checkpoint so an auditor knows those records
 * were signed after the fact, by another boot.
 */
import type { KeyObject } from 'node:crypto';
import type { Logger } from 'pino';
import { checkpointBody } from './build.js';
import { sealLine } from './chain.js';
import { signCheckpoint, verifyChainRegistration, verifyCheckpoint } from './checkpoint.js';
import type { AuditKeys } from './keys.js';
import { GENESIS_PREV } from './record.js';
import { sealRecordLine, type SealKey } from './seal.js';
import type { RedisSink } from './sinks/redis.js';
import { AuditKeyError, readStoredLine } from './verify.js';

export interface RecoveredRange {
  /** First and last seq of the orphaned tail. */
  from: number;
  until: number;
  /** Request records among them. */
  requests: number;
}

export type TailCheck =
  | { ok: true; nextSeq: number; prev: string; tail?: RecoveredRange }
  | { ok: false; seq?: number; problem: string };

export interface TailCheckOptions {
  sealKey?: SealKey;
  /** Keys whose checkpoints are trusted as the anchor (the writer's own public key). */
  publicKeys: Map<string, KeyObject>;
}

/** Why a chain cannot be resumed or recovered: its stored tail is broken (tampered, or not readable). */
export class ChainTailError extends Error {
  override name = 'ChainTailError';
  constructor(
    readonly chain: string,
    readonly seq: number | undefined,
    readonly problem: string,
  ) {
    super(`audit chain ${chain}: unsigned tail fails re-verification${seq !== undefined ? ` at seq ${seq}` : ''}: ${problem}`);
  }
}

/**
 * Re-verify the end of a chain. `lines` are the chain's stored lines in order, starting at or before
 * its last signed checkpoint (or at its first record) and running to its end. Returns where the
 * chain continues and the unsigned tail after the last checkpoint, if any; or the first problem.
 * Throws AuditKeyError when the lines are sealed and the key is missing or wrong.
 */
export function checkTail(chain: string, lines: readonly string[], opts: TailCheckOptions): TailCheck {
  // The last checkpoint: scan back from the end (the tail is short; the lines before it are verify's business).
  let anchorAt = -1;
  let prev = GENESIS_PREV;
  let expected = 0;
  for (let i = lines.length - 1; i >= 0; i--) {
    const read = readStoredLine(lines[i]!, opts.sealKey);
    if (read.record?.kind !== 'checkpoint') continue;
    const cp = read.record;
    const key = opts.publicKeys.get(cp.kid);
    if (!key) return { ok: false, seq: cp.seq, problem: `the last checkpoint (seq ${cp.seq}) is signed with key id ${cp.kid}, not this writer's key: the tail cannot be re-verified from it` };
    if (!verifyCheckpoint(key, read.hash!, cp.sig)) return { ok: false, seq: cp.seq, problem: `the last checkpoint (seq ${cp.seq}) has an invalid signature` };
    if (cp.chain !== chain) return { ok: false, seq: cp.seq, problem: `the last checkpoint belongs to chain ${cp.chain}` };
    anchorAt = i;
    prev = read.hash!;
    expected = cp.seq + 1;
    break;
  }
  let tail: RecoveredRange | undefined;
  for (let i = anchorAt + 1; i < lines.length; i++) {
    const read = readStoredLine(lines[i]!, opts.sealKey);
    const rec = read.record;
    if (!rec || !read.hash) return { ok: false, seq: expected, problem: read.problem ?? 'unreadable record' };
    if (rec.chain !== chain) return { ok: false, seq: rec.seq, problem: `a record of chain ${rec.chain} is among its records` };
    if (anchorAt < 0 && i === 0 && rec.seq !== 0) {
      return { ok: false, seq: rec.seq, problem: `the chain's records before seq ${rec.seq} are not available (trimmed or removed) and no signed checkpoint follows them: nothing to re-verify from` };
    }
    if (rec.seq !== expected) return { ok: false, seq: expected, problem: rec.seq > expected ? `seq ${expected}..${rec.seq - 1} missing (deleted or reordered)` : `seq ${rec.seq} appears after seq ${expected - 1} (inserted or reordered)` };
    if (rec.prev !== prev) return { ok: false, seq: rec.seq, problem: `seq ${rec.seq} does not link to seq ${rec.seq - 1} (a record was replaced)` };
    tail ??= { from: rec.seq, until: rec.seq, requests: 0 };
    tail.until = rec.seq;
    if (rec.kind === 'request') tail.requests += 1;
    prev = read.hash;
    expected = rec.seq + 1;
  }
  return { ok: true, nextSeq: expected, prev, tail };
}

export interface OrphanRecoveryOptions {
  sink: RedisSink;
  keys: AuditKeys;
  sealKey?: SealKey;
  /** This boot's chain: named in `recovered.by`, never recovered itself. */
  bootChain: string;
  logger: Logger;
  /** Recover every instance's orphaned chains, not only the sink's own instance's (`sealgate audit recover --all`). */
  allInstances?: boolean;
}

export interface OrphanSweep {
  /** Chains whose recovery checkpoint was written. */
  recovered: string[];
  /** Chains whose tail failed re-verification: reported, unregistered, left unsigned. */
  broken: Array<{ chain: string; seq?: number; problem: string }>;
  /** Chains whose lock is still held (a live writer, a crashed one whose lock has not expired yet, or another recoverer). */
  held: string[];
  /** Chains registered without a valid signature of this audit key: never signed. */
  unsigned: string[];
}

/**
 * Redis sink: find this instance's chains that a crashed boot left registered, take each one's lock
 * (SET NX PX: only one boot recovers a chain, and never one a live writer holds), re-verify its tail
 * from the last signed checkpoint and sign it with a closing checkpoint that names the range and this
 * boot (`reason: close`, `recovered`). The chain then ends: this boot writes its own chain, as every
 * boot does. A broken tail is logged and left as it is (verify reports it); the chain is unregistered
 * so later boots do not retry it.
 */
const warnedUnsigned = new Set<string>();

export async function recoverOrphanedChains(opts: OrphanRecoveryOptions): Promise<OrphanSweep> {
  const { sink, keys, logger } = opts;
  const sweep: OrphanSweep = { recovered: [], broken: [], held: [], unsigned: [] };
  const mine = (await sink.openChains()).filter((c) => (opts.allInstances || c.instance === sink.instance) && c.chain !== opts.bootChain);
  for (const orphan of mine) {
    if (!verifyChainRegistration(keys.publicKey, orphan.chain, orphan.sig)) {
      sweep.unsigned.push(orphan.chain);
      // Not started by a holder of this audit key (or by one with another key): never signed here.
      if (!warnedUnsigned.has(orphan.chain)) {
        warnedUnsigned.add(orphan.chain);
        logger.error({ chain: orphan.chain }, 'audit chain registered as open without a valid signature of this audit key: not recovered');
      }
      continue;
    }
    const token = await sink.lockChain(orphan.chain);
    if (!token) {
      sweep.held.push(orphan.chain);
      continue;
    }
    let settled = false;
    try {
      const lines = await sink.chainLines(orphan.chain, orphan.from);
      const checked = checkTail(orphan.chain, lines, { sealKey: opts.sealKey, publicKeys: new Map([[keys.kid, keys.publicKey]]) });
      if (!checked.ok) {
        logger.error({ chain: orphan.chain, seq: checked.seq, problem: checked.problem }, 'audit chain of a crashed boot NOT recovered: its unsigned tail fails re-verification (run sealgate audit verify)');
        await sink.settleChain(orphan.chain, token);
        settled = true;
        sweep.broken.push({ chain: orphan.chain, seq: checked.seq, problem: checked.problem });
        continue;
      }
      let checkpoint: { stored: string; head: string } | undefined;
      if (checked.tail) {
        const { from, until } = checked.tail;
        const body = checkpointBody(orphan.chain, checked.nextSeq, checked.prev, 'close', until - from + 1, keys.kid, new Date(), { from, until, by: opts.bootChain });
        const { line } = sealLine(body, (hash) => signCheckpoint(keys.signingKey, hash));
        checkpoint = { stored: opts.sealKey ? sealRecordLine(opts.sealKey, line) : line, head: line };
      }
      await sink.settleChain(orphan.chain, token, checkpoint);
      settled = true;
      sweep.recovered.push(orphan.chain);
      logger.warn(
        { chain: orphan.chain, from: checked.tail?.from, until: checked.tail?.until, by: opts.bootChain },
        checked.tail ? 'audit chain of a crashed boot recovered: its unsigned tail was re-verified and signed by a closing recovery checkpoint' : 'audit chain of a crashed boot ended on a signed checkpoint: unregistered',
      );
    } finally {
      if (!settled) await sink.unlockChain(orphan.chain, token);
    }
  }
  return sweep;
}

/**
 * Runs recoverOrphanedChains at boot and again every lock lifetime while an orphan's lock is still
 * held (a crashed boot's lock lives on until it expires) or Redis is unreachable. Never throws.
 */
export function startOrphanRecovery(opts: OrphanRecoveryOptions): { stop(): void; settled: Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let resolveSettled!: () => void;
  const settled = new Promise<void>((resolve) => (resolveSettled = resolve));
  const run = async (): Promise<void> => {
    let again = false;
    try {
      const sweep = await recoverOrphanedChains(opts);
      again = sweep.held.length > 0;
    } catch (err) {
      if (err instanceof AuditKeyError) {
        opts.logger.error({ err: err.message }, 'audit chains of crashed boots not recovered: their records cannot be read with the configured keys');
      } else {
        opts.logger.warn({ err: (err as Error).message }, 'audit recovery of crashed boots failed; retrying');
        again = true;
      }
    }
    if (stopped) return;
    if (!again) return resolveSettled();
    timer = setTimeout(() => void run(), opts.sink.lockTtlMs);
    timer.unref();
  };
  void run();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      resolveSettled();
    },
    settled,
  };
}
