/**
 * `createStores(config)`: picks each store's backend from the config: Redis when `redisUrl` (REDIS_URL)
 * is set, otherwise in-process (memory / file). Layout, one folder per store and one file
 * per backend:
 *
 *   src/store/<store>/types.ts    the interface
 *   src/store/<store>/memory.ts   in-process (or file.ts when it must survive restarts)
 *   src/store/<store>/redis.ts    shared across gateway instances; uses redis-client.ts
 *
 * Adding a backend is adding a file and one branch below; adding a store (replay cache, violation
 * counter …) is adding a folder and a field here. Every Redis store shares one connection per URL.
 */
import type { SealGateConfig } from '../config/schema.js';
import type { RateLimiter } from './rate-limiter/types.js';
import type { KeyStore } from './key-store/types.js';
import { MemoryRateLimiter } from './rate-limiter/memory.js';
import { RedisRateLimiter } from './rate-limiter/redis.js';
import { FileKeyStore } from './key-store/file.js';
import { RedisKeyStore } from './key-store/redis.js';

export type StoreBackend = 'memory' | 'redis';

export interface Stores {
  backend: StoreBackend;
  rateLimiter: RateLimiter;
  keyStore: KeyStore;
  close(): Promise<void>;
}

/** The Redis URL in effect. The config loader maps the REDIS_URL environment variable onto `redisUrl`. */
export function redisUrlOf(config: Pick<SealGateConfig, 'redisUrl'>): string | undefined {
  return config.redisUrl;
}

export async function createRateLimiter(config: Pick<SealGateConfig, 'redisUrl'>): Promise<RateLimiter> {
  const url = redisUrlOf(config);
  return url ? RedisRateLimiter.connect(url) : new MemoryRateLimiter();
}

export async function createKeyStore(config: Pick<SealGateConfig, 'redisUrl' | 'access'>): Promise<KeyStore> {
  const url = redisUrlOf(config);
  return url ? RedisKeyStore.connect(url) : new FileKeyStore(config.access.keysFile);
}

export async function createStores(config: Pick<SealGateConfig, 'redisUrl' | 'access'>): Promise<Stores> {
  const rateLimiter = await createRateLimiter(config);
  let keyStore: KeyStore;
  try {
    keyStore = await createKeyStore(config);
  } catch (err) {
    await rateLimiter.close();
    throw err;
  }
  return {
    backend: redisUrlOf(config) ? 'redis' : 'memory',
    rateLimiter,
    keyStore,
    async close() {
      await Promise.allSettled([rateLimiter.close(), keyStore.close()]);
    },
  };
}

export type { RateLimiter, BucketSpec, AcquireResult, Lease } from './rate-limiter/types.js';
export type { KeyStore, KeyRecord, KeyUsage, StoredKey } from './key-store/types.js';
