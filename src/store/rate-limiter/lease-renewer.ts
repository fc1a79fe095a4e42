/**
 * Keeps the concurrency leases of requests still in flight from expiring. A lease expires after its
 * TTL so a crashed instance's slots are reclaimed, but a live request (a long stream) must keep
 * counting against its cap however long it runs: ONE timer per limiter, every TTL/3, renews every
 * active lease in one go (no timer per request), and stops while nothing is in flight.
 */
import type { Lease } from './types.js';

export class LeaseRenewer {
  private readonly active = new Map<string, Lease>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly intervalMs: number,
    /** Pushes the expiry of these leases to now + TTL. Errors are swallowed: the next tick tries again. */
    private readonly renew: (leases: Lease[]) => Promise<void> | void,
  ) {}

  /** Tracks a lease that holds a concurrency slot (others need no renewal). */
  add(lease: Lease): void {
    if (!lease.buckets.some((b) => (b.concurrentRequests ?? 0) > 0)) return;
    this.active.set(lease.id, lease);
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
    this.running = true;
    Promise.resolve()
      .then(() => this.renew([...this.active.values()]))
      .catch(() => {})
      .finally(() => {
        this.running = false;
      });
  }
}
