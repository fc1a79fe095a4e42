/**
 * Shared state behind small interfaces, one folder per store and one file per backend:
 *
 *   src/store/<store>/types.ts    the interface
 *   src/store/<store>/memory.ts   in-process (file.ts when it must survive restarts, e.g. keys)
 *   src/store/<store>/redis.ts    shared across gateway instances, via redis-client.ts (one connection per URL)
 *   src/store/<store>/index.ts    `create<Store>(config)`: Redis when `redisUrl` (REDIS_URL) is set
 *
 * Adding a backend is adding a file and a branch in that store's index.ts; adding a store (replay
 * cache, violation counter …) is adding a folder. `createStores` builds the ones access control needs.
 */
import type { SealGateConfig } from '../config/schema.js';
import { createRateLimiter, type RateLimiter } from './rate-limiter/index.js';
import { createKeyStore, type KeyStore } from './key-store/index.js';

export type StoreBackend = 'memory' | 'redis';

export interface Stores {
  backend: StoreBackend;
  rateLimiter: RateLimiter;
  keyStore: KeyStore;
  close(): Promise<void>;
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
    backend: config.redisUrl ? 'redis' : 'memory',
    rateLimiter,
    keyStore,
    async close() {
      await Promise.allSettled([rateLimiter.close(), keyStore.close()]);
    },
  };
}

export { createRateLimiter, createKeyStore };
export type { RateLimiter, KeyStore };
