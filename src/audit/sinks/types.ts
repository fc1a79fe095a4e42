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

/** Where an earlier run left a chain: its stored lines from at or before its last signed checkpoint (or from its first record) to its end. */
export interface ChainEnd {
  lines: readonly string[];
}

export interface AuditSink {
  readonly kind: string;
  /**
   * Prepare to write `chain`. Returns the end of an earlier run of the same chain (the writer
   * re-verifies it from its last signed checkpoint and continues it) or undefined for a fresh chain.
   */
  open(chain: string): Promise<ChainEnd | undefined>;
  /** Append items in order. Throws when nothing durable happened, so the caller can retry the same items. */
  write(items: readonly SinkItem[]): Promise<void>;
  /** Store the latest signed checkpoint line of the chain (plaintext: it holds no content). */
  writeHead(checkpointLine: string): Promise<void>;
  /** Cheap reachability check (readiness, and noticing an outage while idle). Throws when unreachable. */
  ping?(): Promise<void>;
  /** `clean`: everything queued was written, the closing checkpoint included (the chain needs no recovery). */
  close(clean?: boolean): Promise<void>;
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
