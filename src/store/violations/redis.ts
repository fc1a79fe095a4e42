/**
 * Redis ViolationStore: shared by every gateway instance. Per subject (prefix `sealgate:viol:`):
 * `:c` consecutive count, `:w` sorted set of violation times (sliding window), `:u` for an API key the
 * sorted set of end users blocked in the window (member → latest time), `:p` penalty JSON with
 * a TTL equal to its duration, `:slot` a throttle gate (SET NX PX). One Lua script records atomically
 * using Redis' clock, so instances with skewed clocks still agree.
 */
import { randomUUID } from 'node:crypto';
import { REDIS_PREFIX, acquireRedis, defineLua, runScript, type RedisHandle } from '../redis-client.js';
import type { Penalty, ViolationCounts, ViolationStore } from './types.js';

const key = (subject: string, part: string) => `${REDIS_PREFIX}viol:${subject}:${part}`;

/** Distinct members kept per subject (the oldest go first), as in the memory store. */
const MAX_DISTINCT_MEMBERS = 10_000;

// KEYS: consecutive counter, window zset[, distinct-members zset]. ARGV: violated (1/0), window ms,
// unique member[, distinct member, its cap].
const RECORD = defineLua(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - window)
local consecutive = 0
if ARGV[1] == '1' then
  consecutive = redis.call('INCR', KEYS[1])
  redis.call('PEXPIRE', KEYS[1], window)
  redis.call('ZADD', KEYS[2], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[2], window)
else
  redis.call('DEL', KEYS[1])
end
if KEYS[3] == nil then
  return { consecutive, redis.call('ZCARD', KEYS[2]) }
end
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - window)
if ARGV[1] == '1' then
  redis.call('ZADD', KEYS[3], now, ARGV[4])
  redis.call('PEXPIRE', KEYS[3], window)
  redis.call('ZREMRANGEBYRANK', KEYS[3], 0, -tonumber(ARGV[5]) - 1)
end
return { consecutive, redis.call('ZCARD', KEYS[2]), redis.call('ZCARD', KEYS[3]) }
`);

export class RedisViolationStore implements ViolationStore {
  private constructor(private readonly redis: RedisHandle) {}

  static async connect(url: string): Promise<RedisViolationStore> {
    return new RedisViolationStore(await acquireRedis(url));
  }

  async record(subject: string, violated: boolean, windowMs: number, member?: string | null): Promise<ViolationCounts> {
    const keys = [key(subject, 'c'), key(subject, 'w')];
    const args = [violated ? '1' : '0', String(Math.max(1, Math.round(windowMs))), randomUUID()];
    // A member that names no one is stored as a NUL-prefixed name no end user's subject can spell.
    if (member !== undefined) {
      keys.push(key(subject, 'u'));
      args.push(member ?? '\u0000none', String(MAX_DISTINCT_MEMBERS));
    }
    const [consecutive, inWindow, distinct] = (await runScript(this.redis.client, RECORD, keys, args)) as [number, number, number?];
    const counts: ViolationCounts = { consecutive: Number(consecutive), inWindow: Number(inWindow) };
    if (member !== undefined) counts.distinctUsers = Number(distinct ?? 0);
    return counts;
  }

  async setPenalty(subject: string, penalty: Penalty): Promise<void> {
    const ttl = Math.max(1, Math.round(penalty.untilMs - Date.now()));
    await this.redis.client.set(key(subject, 'p'), JSON.stringify(penalty), { expiration: { type: 'PX', value: ttl } });
  }

  async getPenalty(subject: string): Promise<Penalty | undefined> {
    const raw = await this.redis.client.get(key(subject, 'p'));
    if (!raw) return undefined;
    const penalty = JSON.parse(raw) as Penalty;
    return penalty.untilMs > Date.now() ? penalty : undefined;
  }

  async takeSlot(subject: string, intervalMs: number): Promise<boolean> {
    const ok = await this.redis.client.set(key(subject, 'slot'), '1', { condition: 'NX', expiration: { type: 'PX', value: Math.max(1, Math.round(intervalMs)) } });
    return ok !== null;
  }

  async close(): Promise<void> {
    await this.redis.release();
  }
}
