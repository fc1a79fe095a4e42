/** Picks the replay cache backend: Redis when `redisUrl` is set, else in-process. */
import type { SealGateConfig } from '../../config/schema.js';
import { MemoryReplayCache } from './memory.js';
import { RedisReplayCache } from './redis.js';
import type { ReplayCache } from './types.js';

export async function createReplayCache(config: Pick<SealGateConfig, 'redisUrl'>): Promise<ReplayCache> {
  return config.redisUrl ? RedisReplayCache.connect(config.redisUrl) : new MemoryReplayCache();
}

export type { ReplayCache } from './types.js';
export { MemoryReplayCache } from './memory.js';
export { RedisReplayCache } from './redis.js';
