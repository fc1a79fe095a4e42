/**
 * ViolationStore: counts policy violations per subject (an end user of a tenant, or an API key) so
 * repeat offenders can be warned, throttled or suspended. Two counters per subject: consecutive
 * violations (reset by a clean request) and violations within a sliding window; plus the penalty in
 * force. Memory and Redis implementations behave the same; only Redis is shared across instances.
 */

export interface ViolationCounts {
  /** Violating requests in a row, this one included (0 after a clean request, or once the last violation left the window). */
  consecutive: number;
  /** Violating requests within the window, this one included. */
  inWindow: number;
  /**
   * Distinct members (the key's end users) recorded with a violation within the window; only when
   * `record` was given a member argument (a string, or null for a violation that names none).
   */
  distinctUsers?: number;
}

export interface Penalty {
  kind: 'throttle' | 'suspend';
  /** Epoch ms when the penalty ends. */
  untilMs: number;
  /** Throttle: at most one request per this many ms while it lasts. */
  intervalMs?: number;
}

export interface ViolationStore {
  /**
   * Records one request's outcome for a subject and returns the counts after it. With `member`
   * (an API key's end user, null for none) a violation also adds that member to the subject's distinct
   * set, and the counts carry `distinctUsers`.
   */
  record(subject: string, violated: boolean, windowMs: number, member?: string | null): Promise<ViolationCounts>;
  setPenalty(subject: string, penalty: Penalty): Promise<void>;
  /** The penalty in force, if any (expired penalties are gone). */
  getPenalty(subject: string): Promise<Penalty | undefined>;
  /** Throttle gate: true if the subject may proceed now (then no other request for `intervalMs`). */
  takeSlot(subject: string, intervalMs: number): Promise<boolean>;
  close(): Promise<void>;
}
