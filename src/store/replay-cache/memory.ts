/** In-process replay cache: fine for one gateway instance; use Redis when several share traffic. */
import type { ReplayCache } from './types.js';

export class MemoryReplayCache implements ReplayCache {
  private readonly seen = new Map<string, number>();
  private lastSweep = 0;

  constructor(
    private readonly now: () => number = Date.now,
    /** Hard cap so a flood of unique ids cannot exhaust memory; the oldest entries go first. */
    private readonly maxEntries = 1_000_000,
  ) {}

  async claim(id: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    this.sweep(now);
    const expiresAt = this.seen.get(id);
    if (expiresAt !== undefined && expiresAt > now) return false;
    if (this.seen.size >= this.maxEntries) {
      const oldest = this.seen.keys().next();
      if (!oldest.done) this.seen.delete(oldest.value);
    }
    this.seen.delete(id);
    this.seen.set(id, now + ttlMs);
    return true;
  }

  /** Amortised expiry: at most one pass per second, in insertion order (≈ expiry order). */
  private sweep(now: number): void {
    if (now - this.lastSweep < 1000) return;
    this.lastSweep = now;
    for (const [id, expiresAt] of this.seen) {
      if (expiresAt > now) break;
      this.seen.delete(id);
    }
  }

  async close(): Promise<void> {
    this.seen.clear();
  }
}
