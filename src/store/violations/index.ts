/** Picks the ViolationStore backend like the other stores: Redis when `redisUrl` is set, else memory. */
import type { SealGateConfig } from '../../config/schema.js';
import { MemoryViolationStore } from './memory.js';
import { RedisViolationStore } from './redis.js';
import type { ViolationStore } from './types.js';

export async function createViolationStore(config: Pick<SealGateConfig, 'redisUrl'>): Promise<ViolationStore> {
  return config.redisUrl ? RedisViolationStore.connect(config.redisUrl) : new MemoryViolationStore();
}

export { MemoryViolationStore, RedisViolationStore };
export type { Penalty, ViolationCounts, ViolationStore } from './types.js';
