/**
 * The enclave's own replay refusal. The main thread is not trusted, so its replay cache cannot be
 * the guarantee: a host that captured a sealed request could hand it to the enclave again and get
 * a second model call. As OHTTP leaves replay to the server with a date check (RFC 9458 §6.5), the
 * enclave accepts a request only while its timestamp is within the window of its own clock, and
 * remembers each accepted request id until that timestamp leaves the window: one use per id.
 *
 * Memory is bounded. When the cache is full the oldest id is forgotten and the floor rises to its
 * timestamp: from then on no request stamped at or before the floor is accepted, so a forgotten id
 * can never be used again (under a flood, old-but-valid requests are refused as stale instead).
 */
import { ProtocolError, checkTimestamp } from '../src/protocol/index.js';

export class ReplayGuard {
  /** Request id → its timestamp, in arrival order (about timestamp order). */
  private readonly seen = new Map<string, number>();
  /** Requests stamped at or before this may reuse a forgotten id. */
  private floorMs = Number.NEGATIVE_INFINITY;
  private lastSweepMs = 0;

  constructor(
    private readonly windowMs: number,
    private readonly maxEntries: number,
  ) {}

  /** Before decrypting: the timestamp is within the window and above the floor. */
  checkTimestamp(timestampMs: number, nowMs: number): void {
    checkTimestamp(timestampMs, nowMs, this.windowMs);
    if (timestampMs <= this.floorMs) {
      throw new ProtocolError('stale_timestamp', 'request timestamp is older than the enclave can still check for replays (under load): resend');
    }
  }

  /**
   * After the AEAD check (so only an authentic request id can take a slot): true the first time
   * `id` is seen, false for a replay. `timestampMs` must have passed `checkTimestamp`.
   */
  claim(id: string, timestampMs: number, nowMs: number): boolean {
    this.sweep(nowMs);
    if (this.seen.has(id)) return false;
    if (this.seen.size >= this.maxEntries) {
      const [oldestId, oldestTimestamp] = this.seen.entries().next().value!;
      this.seen.delete(oldestId);
      this.floorMs = Math.max(this.floorMs, oldestTimestamp);
    }
    this.seen.set(id, timestampMs);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  /**
   * Drops ids whose timestamp has left the window (a replay of them is refused as stale), at most
   * once a second, in arrival order up to the first id still in the window: one id with a clock far
   * ahead delays the sweep of the ones behind it, which only keeps them longer than needed.
   */
  private sweep(nowMs: number): void {
    if (nowMs - this.lastSweepMs < 1_000) return;
    this.lastSweepMs = nowMs;
    for (const [id, timestampMs] of this.seen) {
      if (timestampMs + this.windowMs >= nowMs) break;
      this.seen.delete(id);
    }
  }
}
