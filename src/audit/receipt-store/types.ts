/** Where issued receipts are kept for GET /v1/receipts/{id}. One file per backend. */
export interface StoredReceipt {
  tenantId: string;
  token: string;
}

export interface ReceiptStore {
  put(requestId: string, receipt: StoredReceipt): Promise<void>;
  get(requestId: string): Promise<StoredReceipt | undefined>;
  close(): Promise<void>;
}
