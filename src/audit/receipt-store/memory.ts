/** In-process receipt store: a bounded map (oldest evicted first) with a time-to-live. */
import type { ReceiptStore, StoredReceipt } from './types.js';

export class MemoryReceiptStore implements ReceiptStore {
  private readonly map = new Map<string, StoredReceipt & { expires: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
  ) {}

  async put(requestId: string, receipt: StoredReceipt): Promise<void> {
    const key = keyOf(receipt.tenantId, requestId);
    this.map.delete(key); // re-insert so the final receipt counts as newest
    this.map.set(key, { ...receipt, expires: Date.now() + this.ttlMs });
    if (this.map.size > this.maxEntries) this.map.delete(this.map.keys().next().value!);
  }

  async get(tenantId: string, requestId: string): Promise<StoredReceipt | undefined> {
    const key = keyOf(tenantId, requestId);
    const hit = this.map.get(key);
    if (!hit) return undefined;
    if (hit.expires < Date.now()) {
      this.map.delete(key);
      return undefined;
    }
    return { tenantId: hit.tenantId, token: hit.token };
  }

  async close(): Promise<void> {
    this.map.clear();
  }
}

/** Tenant and request id, unambiguously (a tenant id may hold any character). */
const keyOf = (tenantId: string, requestId: string): string => `${tenantId.length}:${tenantId}:${requestId}`;
