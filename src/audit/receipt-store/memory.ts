/** In-process receipt store: a bounded map (oldest evicted first) with a time-to-live. */
import type { ReceiptStore, StoredReceipt } from './types.js';

export class MemoryReceiptStore implements ReceiptStore {
  private readonly map = new Map<string, StoredReceipt & { expires: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
  ) {}

  async put(requestId: string, receipt: StoredReceipt): Promise<void> {
    this.map.delete(requestId); // re-insert so the final receipt counts as newest
    this.map.set(requestId, { ...receipt, expires: Date.now() + this.ttlMs });
    if (this.map.size > this.maxEntries) this.map.delete(this.map.keys().next().value!);
  }

  async get(requestId: string): Promise<StoredReceipt | undefined> {
    const hit = this.map.get(requestId);
    if (!hit) return undefined;
    if (hit.expires < Date.now()) {
      this.map.delete(requestId);
      return undefined;
    }
    return { tenantId: hit.tenantId, token: hit.token };
  }

  async close(): Promise<void> {
    this.map.clear();
  }
}
