/**
 * The audit trail writer: one per gateway instance. `record(outcome)` is the OutcomeObserver; it
 * builds and chains the record synchronously (cheap) and queues it; a flush loop appends batches
 * to the sink. Checkpoints are signed every N records, every T ms, on rotation and on close.
 *
 * Sink failure never drops silently: records stay queued and are retried with backoff; the trail
 * reports unhealthy, so in `fail_closed` mode the guard middleware answers 503 until the sink
 * recovers. Only when the bounded queue is full are new records dropped — counted in metrics,
 * logged, and declared in the chain by a `gap` record once writing resumes.
 */
import type { Logger } from 'pino';
import type { RequestOutcome } from '../gateway/outcome.js';
import { requestRecordBody, checkpointBody, gapBody } from './build.js';
import { ChainState, sealLine } from './chain.js';
import { signCheckpoint } from './checkpoint.js';
import { GENESIS_PREV } from './record.js';
import type { AuditKeys } from './keys.js';
import { sealRecordLine, type SealKey } from './seal.js';
import type { AuditSink, SinkItem } from './sinks/types.js';
import { PartialWriteError } from './sinks/types.js';
import { ChainTailError, checkTail } from './recovery.js';
import type { AuditMetrics } from './metrics.js';

export type SinkFailureMode = 'fail_closed' | 'buffer';

/** How long a queued record may wait for others before it is appended (see scheduleFlush). */
const FLUSH_LINGER_MS = 5;
/** A queue this long is appended without waiting. */
const FLUSH_NOW_RECORDS = 256;

export interface AuditTrailOptions {
  chain: string;
  keys: AuditKeys;
  sink: AuditSink;
  sealKey?: SealKey;
  checkpointEvery: number;
  checkpointIntervalMs: number;
  /** Segment rotation (file sink); omit for sinks without segments. */
  rotation?: { maxBytes: number; daily: boolean };
  onSinkFailure: SinkFailureMode;
  maxBuffered: number;
  retryBaseMs: number;
  retryMaxMs: number;
  logger: Logger;
  metrics?: AuditMetrics;
  /** Injectable clock for day rotation (tests). */
  clock?: () => Date;
  /** Ping the sink this often while idle, so an outage is noticed (and fail-closed engages) without waiting for a write. 0 = off. */
  probeIntervalMs?: number;
  /** This boot's id, named in a recovery checkpoint (`recovered.by`); default the chain id. */
  bootId?: string;
}

export interface AuditTrailStats {
  chain: string;
  nextSeq: number;
  written: number;
  queued: number;
  dropped: number;
  writeFailures: number;
  healthy: boolean;
}

export class AuditTrail {
  private readonly state: ChainState;
  private queue: SinkItem[] = [];
  /** Checkpoint lines in the queue, by index marker, to update the head once they are written. */
  private lastQueuedCheckpoint: string | undefined;
  private sinceCheckpoint = 0;
  private segmentBytes = 0;
  private segmentDay = '';
  private flushing: Promise<void> | undefined;
  private lingerTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryDelay: number;
  private readonly checkpointTimer: NodeJS.Timeout | undefined;
  private readonly probeTimer: NodeJS.Timeout | undefined;
  private failing = false;
  private closed = false;
  /** Set when close() queues the closing checkpoint: nothing may follow it in the chain (verify reports it as appended). */
  private sealed = false;
  private lost = { count: 0, from: new Date(0), until: new Date(0) };
  private counters = { written: 0, dropped: 0, writeFailures: 0 };
  private drainWaiters: Array<() => void> = [];

  private constructor(
    private readonly opts: AuditTrailOptions,
    tip: { nextSeq: number; prev: string; orphaned?: { from: number; until: number } } | undefined,
  ) {
    this.state = new ChainState(opts.chain, tip?.nextSeq ?? 0, tip?.prev ?? GENESIS_PREV);
    this.retryDelay = opts.retryBaseMs;
    if (opts.rotation) this.startSegment(opts.clock?.() ?? new Date());
    // Continues the previous run's chain. After a crash its unsigned tail, re-verified by open(), is signed here and named as recovered.
    if (tip) this.enqueueCheckpoint('resume', tip.orphaned);
    if (opts.checkpointIntervalMs > 0) {
      this.checkpointTimer = setInterval(() => {
        if (this.sinceCheckpoint > 0) this.enqueueCheckpoint('interval');
      }, opts.checkpointIntervalMs);
      this.checkpointTimer.unref();
    }
    if (opts.probeIntervalMs && opts.sink.ping) {
      this.probeTimer = setInterval(() => void this.probe(), opts.probeIntervalMs);
      this.probeTimer.unref();
    }
  }

  /** Is the sink reachable? Marks the trail unhealthy on failure and healthy again once nothing is pending. */
  async probe(): Promise<boolean> {
    if (this.closed || !this.opts.sink.ping) return this.healthy;
    if (this.flushing) return this.healthy; // a write in flight will tell
    try {
      await this.opts.sink.ping();
    } catch (err) {
      if (!this.failing) this.onWriteFailure(err);
      return false;
    }
    if (this.failing) {
      if (this.queue.length > 0) this.retryNow();
      else this.markRecovered();
    }
    return this.healthy;
  }

  private markRecovered(): void {
    this.failing = false;
    this.retryDelay = this.opts.retryBaseMs;
    this.opts.metrics?.healthy.set(1);
    this.opts.logger.warn({ chain: this.state.chain, sink: this.opts.sink.kind }, 'audit sink recovered');
  }

  /**
   * Opens the sink; when an earlier run of the chain exists, re-verifies its end from the last signed
   * checkpoint (recovery.ts) and continues it. Throws ChainTailError when that end is broken: the
   * writer neither signs nor links to a tampered tail (the caller picks another chain).
   */
  static async open(opts: AuditTrailOptions): Promise<AuditTrail> {
    const end = await opts.sink.open(opts.chain);
    let tip: { nextSeq: number; prev: string; orphaned?: { from: number; until: number } } | undefined;
    if (end) {
      const checked = checkTail(opts.chain, end.lines, { sealKey: opts.sealKey, publicKeys: new Map([[opts.keys.kid, opts.keys.publicKey]]) });
      if (!checked.ok) {
        await opts.sink.close(false);
        throw new ChainTailError(opts.chain, checked.seq, checked.problem);
      }
      tip = { nextSeq: checked.nextSeq, prev: checked.prev, orphaned: checked.tail };
    }
    const trail = new AuditTrail(opts, tip);
    opts.metrics?.healthy.set(1);
    if (tip?.orphaned) {
      opts.logger.warn(
        { chain: opts.chain, from: tip.orphaned.from, until: tip.orphaned.until, bootId: opts.bootId ?? opts.chain },
        'audit chain resumed after a crash: its unsigned tail was re-verified and is signed by a recovery checkpoint',
      );
    } else if (tip) opts.logger.info({ chain: opts.chain, seq: tip.nextSeq }, 'audit chain resumed');
    else opts.logger.info({ chain: opts.chain, sink: opts.sink.kind, kid: opts.keys.kid }, 'audit chain started');
    return trail;
  }

  /** False while the sink is failing (fail-closed mode refuses requests then). */
  get healthy(): boolean {
    return !this.failing;
  }

  get failureMode(): SinkFailureMode {
    return this.opts.onSinkFailure;
  }

  /** The OutcomeObserver: never throws, never awaits the sink. */
  readonly record = (outcome: RequestOutcome): void => {
    if (this.sealed) {
      // A request that ends while shutdown drains the queue: the chain already ends with `close`.
      this.counters.dropped += 1;
      this.opts.metrics?.dropped.inc();
      this.opts.logger.error({ chain: this.state.chain, requestId: outcome.requestId }, 'audit record after the closing checkpoint dropped (request finished during shutdown)');
      return;
    }
    if (this.queue.length >= this.opts.maxBuffered) {
      this.recordLoss(outcome.startedAt);
      return;
    }
    if (this.lost.count > 0) this.enqueueGap();
    this.maybeRotate();
    const body = requestRecordBody(outcome, this.state.chain, this.state.nextSeq, this.state.prev);
    this.enqueueLine(sealLine(body));
    this.sinceCheckpoint += 1;
    if (this.sinceCheckpoint >= this.opts.checkpointEvery) this.enqueueCheckpoint('count');
    this.scheduleFlush();
  };

  private recordLoss(at: Date): void {
    if (this.lost.count === 0) {
      this.lost.from = at;
      this.opts.logger.error({ chain: this.state.chain, queued: this.queue.length }, 'audit buffer full: dropping records (a gap record will declare them)');
    }
    this.lost.count += 1;
    this.lost.until = at;
    this.counters.dropped += 1;
    this.opts.metrics?.dropped.inc();
  }

  private enqueueGap(): void {
    const body = gapBody(this.state.chain, this.state.nextSeq, this.state.prev, this.lost.count, 'buffer_full', this.lost.from, this.lost.until);
    this.opts.logger.error({ chain: this.state.chain, lost: this.lost.count }, 'audit records lost while the sink was down; gap recorded');
    this.lost = { count: 0, from: new Date(0), until: new Date(0) };
    this.enqueueLine(sealLine(body));
  }

  private enqueueLine({ line, hash }: { line: string; hash: string }): void {
    const stored = this.opts.sealKey ? sealRecordLine(this.opts.sealKey, line) : line;
    this.queue.push(stored);
    this.segmentBytes += stored.length + 1;
    this.state.advance(hash);
  }

  private enqueueCheckpoint(reason: 'count' | 'interval' | 'rotate' | 'close' | 'resume', orphaned?: { from: number; until: number }): void {
    const recovered = orphaned && { from: orphaned.from, until: orphaned.until, by: this.opts.bootId ?? this.state.chain };
    const records = orphaned ? orphaned.until - orphaned.from + 1 : this.sinceCheckpoint;
    const body = checkpointBody(this.state.chain, this.state.nextSeq, this.state.prev, reason, records, this.opts.keys.kid, new Date(), recovered);
    const sealed = sealLine(body, (hash) => signCheckpoint(this.opts.keys.signingKey, hash));
    this.enqueueLine(sealed);
    this.lastQueuedCheckpoint = sealed.line;
    this.sinceCheckpoint = 0;
    this.scheduleFlush();
  }

  private maybeRotate(): void {
    const rot = this.opts.rotation;
    if (!rot) return;
    const now = this.opts.clock?.() ?? new Date();
    const newDay = rot.daily && now.toISOString().slice(0, 10) !== this.segmentDay;
    if (this.segmentBytes > 0 && (this.segmentBytes >= rot.maxBytes || newDay)) {
      // Seal the old segment with a signed checkpoint, then start the next one linked to it.
      this.enqueueCheckpoint('rotate');
      this.startSegment(now);
    }
  }

  private startSegment(at: Date): void {
    this.queue.push({ rotate: true, firstSeq: this.state.nextSeq, at });
    this.segmentBytes = 0;
    this.segmentDay = at.toISOString().slice(0, 10);
  }

  /**
   * Records wait up to FLUSH_LINGER_MS for company, so a trickle of requests costs one file append
   * per batch rather than one per request (each append is a system call and a promise round on the
   * event loop). A large queue, drain() and close() write at once.
   */
  private scheduleFlush(now = false): void {
    if (this.flushing || this.retryTimer) return;
    if (this.lingerTimer) {
      if (!now && this.queue.length < FLUSH_NOW_RECORDS) return;
      clearTimeout(this.lingerTimer);
      this.lingerTimer = undefined;
    } else if (!now && this.queue.length < FLUSH_NOW_RECORDS) {
      this.lingerTimer = setTimeout(() => {
        this.lingerTimer = undefined;
        this.scheduleFlush(true);
      }, FLUSH_LINGER_MS);
      return;
    }
    this.flushing = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.flushLoop());
  }

  private async flushLoop(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue;
        const headLine = this.lastQueuedCheckpoint;
        this.queue = [];
        this.lastQueuedCheckpoint = undefined;
        try {
          await this.opts.sink.write(batch);
        } catch (err) {
          const written = err instanceof PartialWriteError ? err.written : 0;
          // Put back what did not land, in order, ahead of anything queued meanwhile.
          this.queue = batch.slice(written).concat(this.queue);
          this.lastQueuedCheckpoint ??= headLine;
          this.onWriteFailure(err instanceof PartialWriteError ? err.cause : err);
          return;
        }
        const records = batch.filter((i) => typeof i === 'string').length;
        this.counters.written += records;
        this.opts.metrics?.written.inc(records);
        if (headLine) await this.opts.sink.writeHead(headLine).catch((err: unknown) => this.onWriteFailure(err));
        if (this.failing) this.markRecovered();
      }
    } finally {
      this.flushing = undefined;
      this.opts.metrics?.queued.set(this.queue.length);
      if (this.queue.length === 0) for (const w of this.drainWaiters.splice(0)) w();
    }
  }

  private onWriteFailure(err: unknown): void {
    this.counters.writeFailures += 1;
    this.opts.metrics?.writeFailures.inc();
    this.opts.metrics?.healthy.set(0);
    const first = !this.failing;
    this.failing = true;
    const message = err instanceof Error ? err.message : String(err);
    if (first || this.counters.writeFailures % 100 === 0) {
      this.opts.logger.error(
        { chain: this.state.chain, sink: this.opts.sink.kind, err: message, queued: this.queue.length, mode: this.opts.onSinkFailure },
        'audit sink write failed; records kept and retried',
      );
    }
    if (this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.scheduleFlush(true);
    }, this.retryDelay);
    this.retryTimer.unref();
    this.retryDelay = Math.min(this.retryDelay * 2, this.opts.retryMaxMs);
  }

  /** Resolves once everything queued so far is written (or rejects after timeoutMs). */
  async drain(timeoutMs = 5000): Promise<void> {
    if (this.queue.length === 0 && !this.flushing) return;
    this.scheduleFlush(true);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`audit trail did not drain within ${timeoutMs} ms (${this.queue.length} queued)`)), timeoutMs);
      this.drainWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Retry now instead of waiting for the backoff timer (used by tests and by shutdown). */
  retryNow(): void {
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
    }
    this.scheduleFlush(true);
  }

  stats(): AuditTrailStats {
    return {
      chain: this.state.chain,
      nextSeq: this.state.nextSeq,
      written: this.counters.written,
      queued: this.queue.length,
      dropped: this.counters.dropped,
      writeFailures: this.counters.writeFailures,
      healthy: this.healthy,
    };
  }

  /** Seal the chain with a closing checkpoint, write what is queued (bounded wait), close the sink. */
  async close(timeoutMs = 5000): Promise<void> {
    if (this.closed) return;
    if (this.checkpointTimer) clearInterval(this.checkpointTimer);
    if (this.probeTimer) clearInterval(this.probeTimer);
    if (this.lost.count > 0) this.enqueueGap();
    this.enqueueCheckpoint('close');
    this.sealed = true;
    this.retryNow();
    try {
      await this.drain(timeoutMs);
    } catch (err) {
      this.opts.logger.error({ chain: this.state.chain, queued: this.queue.length, err: (err as Error).message }, 'audit records not written at shutdown');
    }
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.lingerTimer) clearTimeout(this.lingerTimer);
    await this.opts.sink.close(this.queue.length === 0 && !this.failing);
  }
}
