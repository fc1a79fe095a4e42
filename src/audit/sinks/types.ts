/**
 * An audit sink stores chain lines in order. Adding a backend is adding a file next to this one.
 * The trail (src/audit/trail.ts) owns chaining, sealing, checkpoints and rotation policy; a sink
 * only appends, starts new segments when told to, and keeps the latest signed checkpoint ("head")
 * where verify can find it to detect truncation.
 */

/** Start a new segment (file) whose first record will have this sequence number. */
export interface RotateMarker {
  rotate: true;
  firstSeq: number;
  at: Date;
}

export type SinkItem = string | RotateMarker;

export interface ChainTip {
  nextSeq: number;
  prev: string;
}

export interface AuditSink {
  readonly kind: string;
  /**
   * Prepare to write `chain`. Returns where an earlier run of the same chain left off (the writer
   * then continues that chain) or undefined for a fresh chain.
   */
  open(chain: string): Promise<ChainTip | undefined>;
  /** Append items in order. Throws when nothing durable happened, so the caller can retry the same items. */
  write(items: readonly SinkItem[]): Promise<void>;
  /** Store the latest signed checkpoint line of the chain (plaintext: it holds no content). */
  writeHead(checkpointLine: string): Promise<void>;
  /** Cheap reachability check (readiness, and noticing an outage while idle). Throws when unreachable. */
  ping?(): Promise<void>;
  close(): Promise<void>;
}

export function isRotate(item: SinkItem): item is RotateMarker {
  return typeof item !== 'string';
}

/** A write that failed after durably writing the first `written` items. */
export class PartialWriteError extends Error {
  override name = 'PartialWriteError';
  constructor(
    override readonly cause: unknown,
    readonly written: number,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}
