/** Picks the rate limiter backend: Redis (shared by every gateway instance) when `redisUrl` is set, else in-process. */
import type { SealGateConfig } from '../../config/schema.js';
import { MemoryRateLimiter } from './memory.js';
import { RedisRateLimiter } from './redis.js';
import type { RateLimiter } from './types.js';

export async function createRateLimiter(config: Pick<SealGateConfig, 'redisUrl'>): Promise<RateLimiter> {
  return config.redisUrl ? RedisRateLimiter.connect(config.redisUrl) : new MemoryRateLimiter();
}

export type { RateLimiter, BucketSpec, AcquireResult, AxisState, Lease } from './types.js';
export { MemoryRateLimiter } from './memory.js';
export { RedisRateLimiter } from './redis.js';
