/**
 * In-process RateLimiter (the default). Same arithmetic as the Redis Lua script, so a deployment can
 * switch backends without changing behaviour; only the Redis one is shared across gateway instances.
 */
import { randomUUID } from 'node:crypto';
import {
  LEASE_TTL_MS,
  WINDOW_MS,
  type AcquireResult,
  type AxisState,
  type BucketSpec,
  type Lease,
  type RateLimiter,
  type RateLimiterOptions,
} from './types.js';
import { LeaseRenewer } from './lease-renewer.js';

interface BucketState {
  requests: number;
  tokens: number;
  updatedAt: number;
  /** leaseId → expiry (ms since epoch). */
  leases: Map<string, number>;
}

export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, BucketState>();
  private lastSweep = 0;
  private readonly leaseTtlMs: number;
  private readonly renewer: LeaseRenewer;

  constructor(
    private readonly now: () => number = Date.now,
    options: RateLimiterOptions = {},
  ) {
    this.leaseTtlMs = options.leaseTtlMs ?? LEASE_TTL_MS;
    this.renewer = new LeaseRenewer(Math.max(1, Math.floor(this.leaseTtlMs / 3)), (leases) => this.renew(leases));
  }

  async acquire(specs: readonly BucketSpec[], estimatedTokens: number): Promise<AcquireResult> {
    const now = this.now();
    if (now - this.lastSweep > WINDOW_MS) this.sweep(now);
    const states = specs.map((spec) => this.refill(spec, now));
    let retryAfterMs = 0;
    let reason: AcquireResult['reason'];

    specs.forEach((spec, i) => {
      const state = states[i]!;
      const rpm = spec.requestsPerMinute ?? 0;
      const tpm = spec.tokensPerMinute ?? 0;
      const conc = spec.concurrentRequests ?? 0;
      if (rpm > 0 && state.requests < 1) {
        retryAfterMs = Math.max(retryAfterMs, Math.ceil(((1 - state.requests) * WINDOW_MS) / rpm));
        reason ??= { bucketId: spec.id, axis: 'requests' };
      }
      if (tpm > 0) {
        const need = Math.max(1, Math.min(estimatedTokens, tpm));
        if (state.tokens < need) {
          retryAfterMs = Math.max(retryAfterMs, Math.ceil(((need - state.tokens) * WINDOW_MS) / tpm));
          reason ??= { bucketId: spec.id, axis: 'tokens' };
        }
      }
      if (conc > 0) {
        for (const [id, expiry] of state.leases) if (expiry <= now) state.leases.delete(id);
        if (state.leases.size >= conc) {
          // No way to know when a slot frees up: suggest a short wait.
          retryAfterMs = Math.max(retryAfterMs, 1000);
          reason ??= { bucketId: spec.id, axis: 'concurrency' };
        }
      }
    });

    if (reason) return { allowed: false, reason, retryAfterMs, ...axes(specs, states) };

    const lease: Lease = { id: randomUUID(), buckets: specs, estimatedTokens };
    specs.forEach((spec, i) => {
      const state = states[i]!;
      const tpm = spec.tokensPerMinute ?? 0;
      if ((spec.requestsPerMinute ?? 0) > 0) state.requests -= 1;
      if (tpm > 0) state.tokens = Math.max(-tpm, state.tokens - estimatedTokens);
      if ((spec.concurrentRequests ?? 0) > 0) state.leases.set(lease.id, now + this.leaseTtlMs);
    });
    this.renewer.add(lease);
    return { allowed: true, retryAfterMs: 0, lease, ...axes(specs, states) };
  }

  async release(lease: Lease, actualTokens: number): Promise<void> {
    this.renewer.delete(lease);
    const now = this.now();
    const extra = actualTokens - lease.estimatedTokens;
    for (const spec of lease.buckets) {
      const state = this.refill(spec, now);
      state.leases.delete(lease.id);
      const tpm = spec.tokensPerMinute ?? 0;
      if (tpm > 0 && extra !== 0) state.tokens = Math.min(tpm, Math.max(-tpm, state.tokens - extra));
    }
  }

  /** Pushes the expiry of leases still in flight (held by this process) to now + TTL. */
  private renew(leases: readonly Lease[]): void {
    const expiry = this.now() + this.leaseTtlMs;
    for (const lease of leases)
      for (const spec of lease.buckets) {
        // Like Redis' ZADD XX: only a slot still held is renewed, never one given back.
        const held = this.buckets.get(spec.id)?.leases;
        if (held?.has(lease.id)) held.set(lease.id, expiry);
      }
  }

  /** Leases in flight being renewed (for tests and diagnostics). */
  get activeLeases(): number {
    return this.renewer.size;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.renewer.close();
    this.buckets.clear();
  }

  /**
   * Forget buckets idle for two windows with nothing in flight: they are full again by then, so a
   * fresh bucket is the same thing. Keeps memory bounded with many short-lived token buckets.
   */
  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [id, state] of this.buckets) {
      for (const [lease, expiry] of state.leases) if (expiry <= now) state.leases.delete(lease);
      if (state.leases.size === 0 && now - state.updatedAt > 2 * WINDOW_MS) this.buckets.delete(id);
    }
  }

  /** Number of buckets held (for tests and diagnostics). */
  get size(): number {
    return this.buckets.size;
  }

  private refill(spec: BucketSpec, now: number): BucketState {
    const rpm = spec.requestsPerMinute ?? 0;
    const tpm = spec.tokensPerMinute ?? 0;
    let state = this.buckets.get(spec.id);
    if (!state) {
      state = { requests: rpm, tokens: tpm, updatedAt: now, leases: new Map() };
      this.buckets.set(spec.id, state);
      return state;
    }
    const elapsed = Math.max(0, now - state.updatedAt);
    if (rpm > 0) state.requests = Math.min(rpm, state.requests + (elapsed * rpm) / WINDOW_MS);
    if (tpm > 0) state.tokens = Math.min(tpm, state.tokens + (elapsed * tpm) / WINDOW_MS);
    state.updatedAt = now;
    return state;
  }
}

/** Most constrained bucket per axis, as OpenAI's x-ratelimit-* headers report it. */
function axes(specs: readonly BucketSpec[], states: readonly BucketState[]): { requests?: AxisState; tokens?: AxisState } {
  let requests: AxisState | undefined;
  let tokens: AxisState | undefined;
  specs.forEach((spec, i) => {
    const state = states[i]!;
    const rpm = spec.requestsPerMinute ?? 0;
    const tpm = spec.tokensPerMinute ?? 0;
    if (rpm > 0) {
      const remaining = Math.max(0, Math.floor(state.requests));
      if (!requests || remaining < requests.remaining)
        requests = { limit: rpm, remaining, resetMs: Math.ceil(((rpm - state.requests) * WINDOW_MS) / rpm) };
    }
    if (tpm > 0) {
      const remaining = Math.max(0, Math.floor(state.tokens));
      if (!tokens || remaining < tokens.remaining)
        tokens = { limit: tpm, remaining, resetMs: Math.ceil(((tpm - state.tokens) * WINDOW_MS) / tpm) };
    }
  });
  return { requests, tokens };
}
