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

  /** Per tenant (encoded: no ':' inside), then the request id. */
  private key(tenantId: string, requestId: string): string {
    return `${REDIS_PREFIX}receipt:${encodeURIComponent(tenantId)}:${requestId}`;
  }

  async put(requestId: string, receipt: StoredReceipt): Promise<void> {
    await this.handle.client.set(this.key(receipt.tenantId, requestId), JSON.stringify(receipt), { EX: this.ttlSec });
  }

  async get(tenantId: string, requestId: string): Promise<StoredReceipt | undefined> {
    const raw = await this.handle.client.get(this.key(tenantId, requestId));
    return raw ? (JSON.parse(raw) as StoredReceipt) : undefined;
  }

  async close(): Promise<void> {
    await this.handle.release();
  }
}
