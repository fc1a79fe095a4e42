/** Redis replay cache: `SET key 1 NX PX ttl` is atomic, so it holds across gateway instances. */
import { REDIS_PREFIX, acquireRedis, type RedisHandle } from '../redis-client.js';
import type { ReplayCache } from './types.js';

export class RedisReplayCache implements ReplayCache {
  private constructor(private readonly handle: RedisHandle) {}

  static async connect(url: string): Promise<RedisReplayCache> {
    return new RedisReplayCache(await acquireRedis(url));
  }

  async claim(id: string, ttlMs: number): Promise<boolean> {
    const reply = await this.handle.client.set(`${REDIS_PREFIX}replay:${id}`, '1', { NX: true, PX: Math.max(1, Math.ceil(ttlMs)) });
    return reply === 'OK';
  }

  async close(): Promise<void> {
    await this.handle.release();
  }
}
