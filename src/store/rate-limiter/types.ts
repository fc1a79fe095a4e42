/**
 * RateLimiter: token buckets for requests/minute and tokens/minute plus a concurrent-request cap,
 * checked for several owners at once (tenant, key, token) all-or-nothing, so a request that one
 * bucket rejects consumes nothing from the others.
 */

export interface BucketSpec {
  /** Stable owner id, e.g. `tenant:acme`, `key:k_123`. */
  id: string;
  requestsPerMinute?: number;
  tokensPerMinute?: number;
  concurrentRequests?: number;
}

/** The state of the most constrained bucket on each axis, for the x-ratelimit-* headers. */
export interface AxisState {
  limit: number;
  remaining: number;
  /** Milliseconds until the bucket is full again. */
  resetMs: number;
}

export interface AcquireResult {
  allowed: boolean;
  /** Why it was refused (which axis of which bucket), when it was. */
  reason?: { bucketId: string; axis: 'requests' | 'tokens' | 'concurrency' };
  /** Milliseconds after which a retry can succeed (refused requests only). */
  retryAfterMs: number;
  requests?: AxisState;
  tokens?: AxisState;
  /** Present when allowed: pass it to `release` once the response is over. */
  lease?: Lease;
}

export interface Lease {
  id: string;
  buckets: readonly BucketSpec[];
  estimatedTokens: number;
}

export interface RateLimiter {
  /** Take one request and `estimatedTokens` tokens from every bucket, or nothing at all. */
  acquire(buckets: readonly BucketSpec[], estimatedTokens: number): Promise<AcquireResult>;
  /** Free the concurrency slot and charge the difference between real and estimated token usage. */
  release(lease: Lease, actualTokens: number): Promise<void>;
  /** Resolves when the backend is reachable (for /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A concurrency slot whose holder vanished (crashed instance) is reclaimed after this long. A holder
 * still alive renews its leases every third of this (LeaseRenewer), so a request running longer
 * (a long stream) keeps counting against the cap.
 */
export const LEASE_TTL_MS = 10 * 60_000;

export interface RateLimiterOptions {
  /** Lease TTL in ms (default LEASE_TTL_MS); short values are for tests. */
  leaseTtlMs?: number;
}
export const WINDOW_MS = 60_000;
