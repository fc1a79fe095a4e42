/**
 * Keeps the concurrency leases of requests still in flight from expiring. A lease expires after its
 * TTL so a crashed instance's slots are reclaimed, but a live request (a long stream) must keep
 * counting against its cap however long it runs: ONE timer per limiter, every TTL/3, renews every
 * active lease in one go (no timer per request), and stops while nothing is in flight. A lease is
 * renewed for at most `maxAgeMs` (6 h by default, beyond any model stream): a code path that never
 * released its lease gets its slot back then, as it did after the TTL before renewal existed.
 */
import type { Lease } from './types.js';

export const MAX_LEASE_AGE_MS = 6 * 60 * 60 * 1000;

export class LeaseRenewer {
  /** Lease → when it was added. */
  private readonly active = new Map<string, { lease: Lease; since: number }>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly intervalMs: number,
    /** Pushes the expiry of these leases to now + TTL. Errors are swallowed: the next tick tries again. */
    private readonly renew: (leases: Lease[]) => Promise<void> | void,
    private readonly maxAgeMs: number = MAX_LEASE_AGE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Tracks a lease that holds a concurrency slot (others need no renewal). */
  add(lease: Lease): void {
    if (!lease.buckets.some((b) => (b.concurrentRequests ?? 0) > 0)) return;
    this.active.set(lease.id, { lease, since: this.now() });
    if (!this.timer) {
      this.timer = setInterval(() => this.tick(), this.intervalMs);
      this.timer.unref();
    }
  }

  /** Stops renewing (call before releasing, so a renewal never follows the release). */
  delete(lease: Lease): void {
    this.active.delete(lease.id);
    if (this.active.size === 0) this.stop();
  }

  /** Leases being renewed (for tests and diagnostics). */
  get size(): number {
    return this.active.size;
  }

  close(): void {
    this.active.clear();
    this.stop();
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    // A slow backend: skip a tick rather than pile renewals up.
    if (this.running || this.active.size === 0) return;
    const oldest = this.now() - this.maxAgeMs;
    const leases: Lease[] = [];
    for (const [id, entry] of this.active) {
      if (entry.since < oldest) this.active.delete(id);
      else leases.push(entry.lease);
    }
    if (leases.length === 0) return this.stop();
    this.running = true;
    Promise.resolve()
      .then(() => this.renew(leases))
      .catch(() => {})
      .finally(() => {
        this.running = false;
      });
  }
}
