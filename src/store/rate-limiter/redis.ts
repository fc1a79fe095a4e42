/**
 * Redis RateLimiter: ONE Lua script does refill, check and take for every bucket of a request
 * atomically, using Redis' own clock (TIME), so any number of gateway instances share the limits
 * exactly. Per bucket: a hash {r, t, ts} (request and token buckets) and a sorted set of concurrency
 * leases scored by expiry, so a crashed instance's slots are reclaimed after LEASE_TTL_MS.
 * Single Redis node (the keys of one request may live in different cluster slots).
 */
import { randomUUID } from 'node:crypto';
import { REDIS_PREFIX, acquireRedis, defineLua, runScript, type RedisHandle } from '../redis-client.js';
import { LEASE_TTL_MS, WINDOW_MS, type AcquireResult, type AxisState, type BucketSpec, type Lease, type RateLimiter, type RateLimiterOptions } from './types.js';
import { LeaseRenewer } from './lease-renewer.js';

// KEYS: per bucket i, KEYS[2i-1] = state hash, KEYS[2i] = lease zset.
// ARGV: mode ('acquire' | 'release'), lease id, tokens (estimate | actual - estimate), lease ttl ms,
//       then per bucket: rpm, tpm, concurrency (0 = no limit on that axis).
// Returns integers (Lua numbers are truncated on the way out): allowed, reason bucket index, reason axis
// (1 requests, 2 tokens, 3 concurrency), retry-after ms, then limit/remaining/reset-ms for requests and
// tokens (-1 when no bucket limits that axis).
const BUCKET_SCRIPT = defineLua(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local mode, lease, amount, ttl = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
local window = ${WINDOW_MS}
local n = #KEYS / 2
local rpm, tpm, conc, req, tok = {}, {}, {}, {}, {}
for i = 1, n do
  rpm[i] = tonumber(ARGV[2 + 3 * i]); tpm[i] = tonumber(ARGV[3 + 3 * i]); conc[i] = tonumber(ARGV[4 + 3 * i])
  local v = redis.call('HMGET', KEYS[2 * i - 1], 'r', 't', 'ts')
  local elapsed = math.max(0, now - (tonumber(v[3]) or now))
  req[i] = math.min(rpm[i], (tonumber(v[1]) or rpm[i]) + elapsed * rpm[i] / window)
  tok[i] = math.min(tpm[i], (tonumber(v[2]) or tpm[i]) + elapsed * tpm[i] / window)
end
local function save(i)
  redis.call('HSET', KEYS[2 * i - 1], 'r', req[i], 't', tok[i], 'ts', now)
  redis.call('PEXPIRE', KEYS[2 * i - 1], 2 * window)
end
if mode == 'release' then
  for i = 1, n do
    redis.call('ZREM', KEYS[2 * i], lease)
    if tpm[i] > 0 and amount ~= 0 then
      tok[i] = math.min(tpm[i], math.max(-tpm[i], tok[i] - amount))
      save(i)
    end
  end
  return 1
end
local reason_i, reason_axis, retry = 0, 0, 0
for i = 1, n do
  if rpm[i] > 0 and req[i] < 1 then
    retry = math.max(retry, math.ceil((1 - req[i]) * window / rpm[i]))
    if reason_i == 0 then reason_i, reason_axis = i, 1 end
  end
  if tpm[i] > 0 then
    local need = math.max(1, math.min(amount, tpm[i]))
    if tok[i] < need then
      retry = math.max(retry, math.ceil((need - tok[i]) * window / tpm[i]))
      if reason_i == 0 then reason_i, reason_axis = i, 2 end
    end
  end
  if conc[i] > 0 then
    redis.call('ZREMRANGEBYSCORE', KEYS[2 * i], '-inf', now)
    if redis.call('ZCARD', KEYS[2 * i]) >= conc[i] then
      retry = math.max(retry, 1000)
      if reason_i == 0 then reason_i, reason_axis = i, 3 end
    end
  end
end
local allowed = 0
if reason_i == 0 then
  allowed = 1
  for i = 1, n do
    if rpm[i] > 0 then req[i] = req[i] - 1 end
    if tpm[i] > 0 then tok[i] = math.max(-tpm[i], tok[i] - amount) end
    if rpm[i] > 0 or tpm[i] > 0 then save(i) end
    if conc[i] > 0 then
      redis.call('ZADD', KEYS[2 * i], now + ttl, lease)
      redis.call('PEXPIRE', KEYS[2 * i], ttl)
    end
  end
end
local rl, rr, rs, tl, tr, ts = -1, -1, -1, -1, -1, -1
for i = 1, n do
  if rpm[i] > 0 then
    local rem = math.max(0, math.floor(req[i]))
    if rl < 0 or rem < rr then rl, rr, rs = rpm[i], rem, math.ceil((rpm[i] - req[i]) * window / rpm[i]) end
  end
  if tpm[i] > 0 then
    local rem = math.max(0, math.floor(tok[i]))
    if tl < 0 or rem < tr then tl, tr, ts = tpm[i], rem, math.ceil((tpm[i] - tok[i]) * window / tpm[i]) end
  end
end
return { allowed, reason_i, reason_axis, retry, rl, rr, rs, tl, tr, ts }
`);

// Renews leases still in flight. KEYS: lease zsets; ARGV: ttl ms, then the lease id for each key.
// XX: a lease already released (or reclaimed) is never added back, so a renewal racing a release
// cannot leak a slot.
const RENEW_SCRIPT = defineLua(`
local t = redis.call('TIME')
local expiry = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[1])
for i = 1, #KEYS do
  redis.call('ZADD', KEYS[i], 'XX', expiry, ARGV[i + 1])
  redis.call('PEXPIRE', KEYS[i], tonumber(ARGV[1]))
end
return 1
`);
/** Lease slots renewed per script call (bounds the size of one call). */
const RENEW_BATCH = 500;

const AXES = ['requests', 'tokens', 'concurrency'] as const;

/**
 * Retries of a failed release, in ms after the failure (~2 minutes in all; past that the lease's TTL
 * reclaims the slot). Without them a Redis blip while a request ended kept its concurrency slot taken for
 * LEASE_TTL_MS: a key allowed one request at a time was refused for ten minutes with nothing in flight.
 */
const RELEASE_RETRY_MS = [250, 500, 1000, 2000, 4000, 8000, 15_000, 30_000, 60_000];
/** Failed releases waiting for a retry, at most (a long outage must not grow memory without bound). */
const MAX_PENDING_RELEASES = 10_000;

export class RedisRateLimiter implements RateLimiter {
  private readonly pendingReleases = new Set<NodeJS.Timeout>();
  private closed = false;
  private readonly leaseTtlMs: number;
  private readonly renewer: LeaseRenewer;

  private constructor(
    private readonly redis: RedisHandle,
    options: RateLimiterOptions,
  ) {
    this.leaseTtlMs = options.leaseTtlMs ?? LEASE_TTL_MS;
    this.renewer = new LeaseRenewer(Math.max(1, Math.floor(this.leaseTtlMs / 3)), (leases) => this.renew(leases));
  }

  static async connect(url: string, options: RateLimiterOptions = {}): Promise<RedisRateLimiter> {
    return new RedisRateLimiter(await acquireRedis(url), options);
  }

  /** Leases in flight being renewed (for tests and diagnostics). */
  get activeLeases(): number {
    return this.renewer.size;
  }

  async acquire(specs: readonly BucketSpec[], estimatedTokens: number): Promise<AcquireResult> {
    const leaseId = randomUUID();
    const reply = (await this.run('acquire', leaseId, estimatedTokens, specs)) as number[];
    const [allowed, reasonIndex, reasonAxis, retryAfterMs] = reply;
    const result: AcquireResult = {
      allowed: allowed === 1,
      retryAfterMs: retryAfterMs ?? 0,
      requests: axis(reply[4], reply[5], reply[6]),
      tokens: axis(reply[7], reply[8], reply[9]),
    };
    if (result.allowed) {
      result.lease = { id: leaseId, buckets: specs, estimatedTokens };
      this.renewer.add(result.lease);
    } else result.reason = { bucketId: specs[(reasonIndex ?? 1) - 1]!.id, axis: AXES[(reasonAxis ?? 1) - 1]! };
    return result;
  }

  async release(lease: Lease, actualTokens: number): Promise<void> {
    this.renewer.delete(lease);
    try {
      await this.run('release', lease.id, actualTokens - lease.estimatedTokens, lease.buckets);
    } catch (err) {
      this.retryRelease(lease, 0);
      throw err;
    }
  }

  /**
   * Frees the lease's concurrency slots again later. Only the slot is retried (token amount 0): ZREM is
   * idempotent, while the failed call may have settled the tokens already (its reply lost) and a second
   * settlement would count them twice.
   */
  private retryRelease(lease: Lease, attempt: number): void {
    if (this.closed || attempt >= RELEASE_RETRY_MS.length || this.pendingReleases.size >= MAX_PENDING_RELEASES) return;
    if (!lease.buckets.some((b) => (b.concurrentRequests ?? 0) > 0)) return;
    const timer = setTimeout(() => {
      this.pendingReleases.delete(timer);
      if (this.closed) return;
      this.run('release', lease.id, 0, lease.buckets).catch(() => this.retryRelease(lease, attempt + 1));
    }, RELEASE_RETRY_MS[attempt]);
    timer.unref();
    this.pendingReleases.add(timer);
  }

  private async renew(leases: readonly Lease[]): Promise<void> {
    const keys: string[] = [];
    const ids: string[] = [];
    for (const lease of leases)
      for (const spec of lease.buckets)
        if ((spec.concurrentRequests ?? 0) > 0) {
          keys.push(`${REDIS_PREFIX}cc:${spec.id}`);
          ids.push(lease.id);
        }
    for (let i = 0; i < keys.length; i += RENEW_BATCH)
      await runScript(this.redis.client, RENEW_SCRIPT, keys.slice(i, i + RENEW_BATCH), [String(this.leaseTtlMs), ...ids.slice(i, i + RENEW_BATCH)]);
  }

  async ping(): Promise<void> {
    await this.redis.client.ping();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.renewer.close();
    for (const timer of this.pendingReleases) clearTimeout(timer);
    this.pendingReleases.clear();
    await this.redis.release();
  }

  private run(mode: 'acquire' | 'release', leaseId: string, tokens: number, specs: readonly BucketSpec[]): Promise<unknown> {
    const keys: string[] = [];
    const args = [mode, leaseId, String(Math.round(tokens)), String(this.leaseTtlMs)];
    for (const spec of specs) {
      keys.push(`${REDIS_PREFIX}rl:${spec.id}`, `${REDIS_PREFIX}cc:${spec.id}`);
      args.push(String(spec.requestsPerMinute ?? 0), String(spec.tokensPerMinute ?? 0), String(spec.concurrentRequests ?? 0));
    }
    return runScript(this.redis.client, BUCKET_SCRIPT, keys, args);
  }
}

function axis(limit: number | undefined, remaining: number | undefined, resetMs: number | undefined): AxisState | undefined {
  if (limit === undefined || limit < 0) return undefined;
  return { limit, remaining: remaining ?? 0, resetMs: resetMs ?? 0 };
}
