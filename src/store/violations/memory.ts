/** In-process ViolationStore (the default without Redis): same semantics as the Redis one. */
import type { Penalty, ViolationCounts, ViolationStore } from './types.js';

interface SubjectState {
  consecutive: number;
  /** Violation timestamps inside the window, oldest first. */
  times: number[];
  penalty?: Penalty;
  nextSlotAt?: number;
  /** Members recorded with a violation → their latest violation time, oldest first. */
  members?: Map<string, number>;
}

/** Bounds memory: the least recently touched subjects are forgotten first. */
const MAX_SUBJECTS = 100_000;
/** Distinct members kept per subject (the oldest go first); the count saturates there, far above any sensible rule. */
export const MAX_DISTINCT_MEMBERS = 10_000;
/** Stands for a violation that names no member (a key's request without an end user). */
const NO_MEMBER = '\u0000none';

export class MemoryViolationStore implements ViolationStore {
  private readonly subjects = new Map<string, SubjectState>();

  constructor(private readonly now: () => number = Date.now) {}

  private state(subject: string): SubjectState {
    let s = this.subjects.get(subject);
    if (s) {
      this.subjects.delete(subject); // re-insert: Map order is our LRU order
    } else {
      s = { consecutive: 0, times: [] };
      if (this.subjects.size >= MAX_SUBJECTS) this.subjects.delete(this.subjects.keys().next().value!);
    }
    this.subjects.set(subject, s);
    return s;
  }

  async record(subject: string, violated: boolean, windowMs: number, member?: string | null): Promise<ViolationCounts> {
    const now = this.now();
    // A clean request of a subject with no record changes nothing: it takes no room either, so fresh
    // end-user ids cannot push the records (and penalties) of others out of the store.
    if (!violated && !this.subjects.has(subject)) return member === undefined ? { consecutive: 0, inWindow: 0 } : { consecutive: 0, inWindow: 0, distinctUsers: 0 };
    const s = this.state(subject);
    while (s.times.length > 0 && s.times[0]! <= now - windowMs) s.times.shift();
    // A streak whose last violation left the window is over (the Redis counter expires the same way).
    if (s.times.length === 0) s.consecutive = 0;
    if (violated) {
      s.consecutive += 1;
      s.times.push(now);
    } else {
      s.consecutive = 0;
    }
    if (member === undefined) return { consecutive: s.consecutive, inWindow: s.times.length };
    const members = (s.members ??= new Map());
    for (const [m, at] of members) {
      if (at > now - windowMs) break;
      members.delete(m);
    }
    if (violated) {
      const m = member ?? NO_MEMBER;
      members.delete(m); // re-insert: Map order is time order
      if (members.size >= MAX_DISTINCT_MEMBERS) members.delete(members.keys().next().value!);
      members.set(m, now);
    }
    return { consecutive: s.consecutive, inWindow: s.times.length, distinctUsers: members.size };
  }

  async setPenalty(subject: string, penalty: Penalty): Promise<void> {
    this.state(subject).penalty = penalty;
  }

  async getPenalty(subject: string): Promise<Penalty | undefined> {
    const s = this.subjects.get(subject);
    if (!s?.penalty) return undefined;
    if (s.penalty.untilMs <= this.now()) {
      s.penalty = undefined;
      return undefined;
    }
    return s.penalty;
  }

  async takeSlot(subject: string, intervalMs: number): Promise<boolean> {
    const now = this.now();
    const s = this.state(subject);
    if (s.nextSlotAt !== undefined && now < s.nextSlotAt) return false;
    s.nextSlotAt = now + intervalMs;
    return true;
  }

  async close(): Promise<void> {
    this.subjects.clear();
  }
}
