/**
 * Replay protection for confidential requests: a request id may be used once within its TTL.
 * Combined with the timestamp window (ids older than the window are refused anyway) the cache
 * only needs to remember ids for about twice the window.
 */
export interface ReplayCache {
  /** Atomically records `id`; true when it was new, false when it was already seen (a replay). */
  claim(id: string, ttlMs: number): Promise<boolean>;
  close(): Promise<void>;
}
