/** Picks the key store backend: Redis when `redisUrl` is set, else the keys file (`access.keysFile`). */
import type { SealGateConfig } from '../../config/schema.js';
import { FileKeyStore } from './file.js';
import { RedisKeyStore } from './redis.js';
import type { KeyStore } from './types.js';

export async function createKeyStore(config: Pick<SealGateConfig, 'redisUrl' | 'access'>): Promise<KeyStore> {
  return config.redisUrl ? RedisKeyStore.connect(config.redisUrl) : new FileKeyStore(config.access.keysFile);
}

export type { KeyStore, KeyRecord, KeyUsage, StoredKey, KeyPatch } from './types.js';
export { FileKeyStore } from './file.js';
export { RedisKeyStore } from './redis.js';
