/** Where issued receipts are kept for GET /v1/receipts/{id}. One file per backend. */
export interface StoredReceipt {
  tenantId: string;
  token: string;
}

/**
 * Receipts are kept per tenant: a request id may be chosen by the client (x-request-id), so two tenants
 * can use the same one, and neither may replace (or see) the other's receipt.
 */
export interface ReceiptStore {
  put(requestId: string, receipt: StoredReceipt): Promise<void>;
  get(tenantId: string, requestId: string): Promise<StoredReceipt | undefined>;
  close(): Promise<void>;
}
