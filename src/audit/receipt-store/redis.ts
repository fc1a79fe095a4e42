/** Redis receipt store: any gateway instance can answer GET /v1/receipts/{id}. Shares the store connection. */
import { acquireRedis, REDIS_PREFIX, type RedisHandle } from '../../store/redis-client.js';
import type { ReceiptStore, StoredReceipt } from './types.js';

export class RedisReceiptStore implements ReceiptStore {
  private constructor(
    private readonly handle: RedisHandle,
    private readonly ttlSec: number,
  ) {}

  static async connect(url: string, ttlSec: number): Promise<RedisReceiptStore> {
    return new RedisReceiptStore(await acquireRedis(url), ttlSec);
  }

  private key(requestId: string): string {
    return `${REDIS_PREFIX}receipt:${requestId}`;
  }

  async put(requestId: string, receipt: StoredReceipt): Promise<void> {
    await this.handle.client.set(this.key(requestId), JSON.stringify(receipt), { EX: this.ttlSec });
  }

  async get(requestId: string): Promise<StoredReceipt | undefined> {
    const raw = await this.handle.client.get(this.key(requestId));
    return raw ? (JSON.parse(raw) as StoredReceipt) : undefined;
  }

  async close(): Promise<void> {
    await this.handle.release();
  }
}
