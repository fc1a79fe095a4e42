/**
 * Exact lookup of Chinese dictionary entries (two characters or more) indexed by their first two UTF-16 codes:
 * the same hits as DictionaryMatcher in `any` mode (at each position the longest entry wins and the scan
 * continues after it), but a position costs one bitset read (a hash of its two codes) and, when that hits, one
 * integer Map lookup of the pair — with a few thousand entries (county names) most CJK characters start some
 * entry, and a first-character index alone would compare strings at nearly every position.
 */
import type { DictionaryHit } from '../recognizers/dictionary-matcher.js';
import { registerMatcher, type ScannedMatcher } from './scan.js';

const PAIR_BITS = 18;
/** The top PAIR_BITS bits of a Fibonacci hash of the two 16-bit codes (UTF-16 code units: no masking needed). */
const pairHash = (a: number, b: number): number => Math.imul((a << 16) | b, 0x9e3779b1) >>> (32 - PAIR_BITS);

/**
 * A set of character pairs as a 2^18-bit bitset (32 KB) over a multiplicative hash of the two codes: a pair not
 * in the set is ruled out by one read, except for the ~1 % of pairs whose hash collides with a member's. (The
 * 8 KB set over (a·31 + b) & 0xffff that it replaces let 2-6 % of the positions of Chinese text through to the
 * Map lookup, and those lookups were most of a matcher's time: 2.3-2.7 µs/KB per matcher over the Weibo texts,
 * 1.4-1.5 with this set, same hits.)
 */
export class PairSet {
  private readonly bits = new Uint32Array(1 << (PAIR_BITS - 5));

  add(a: number, b: number): void {
    const h = pairHash(a, b);
    this.bits[h >>> 5]! |= 1 << (h & 31);
  }

  /** False when the pair (a, b) is certainly not in the set. */
  mayHave(a: number, b: number): boolean {
    const h = pairHash(a, b);
    return (this.bits[h >>> 5]! & (1 << (h & 31))) !== 0;
  }
}
/**
 * Two UTF-16 codes as one number, one-to-one: a·65536 + b shifted by a constant so that pairs whose first code
 * lies in U+2000–U+9FFF (CJK ideographs, CJK and general punctuation) stay within V8's small integers. Unshifted,
 * every pair starting with an ideograph was above 2^30: a heap number per Set / Map lookup, hashed as a double.
 */
export const pairKey = (a: number, b: number): number => (a - 0x6000) * 65536 + b;

export class PairMatcher implements ScannedMatcher {
  /** Each entry's first two codes: most positions are ruled out before the Map lookup. */
  private readonly pairs = new PairSet();
  /** pairKey(first code, second code) → entries with that prefix, longest first. */
  private readonly byPair = new Map<number, string[]>();
  private readonly pairList: Array<readonly [number, number]> = [];
  readonly scanSlot: number = registerMatcher(this);

  constructor(entries: readonly string[]) {
    for (const entry of [...new Set(entries)].filter((e) => e.length >= 2).sort((a, b) => b.length - a.length)) {
      const key = pairKey(entry.charCodeAt(0), entry.charCodeAt(1));
      this.pairs.add(entry.charCodeAt(0), entry.charCodeAt(1));
      this.pairList.push([entry.charCodeAt(0), entry.charCodeAt(1)]);
      const list = this.byPair.get(key);
      if (list) list.push(entry);
      else this.byPair.set(key, [entry]);
    }
  }

  entryPairs(): Iterable<readonly [number, number]> {
    return this.pairList;
  }

  singleEntries(): Iterable<number> {
    return [];
  }

  /** What find takes at position i (zh/scan.ts): the longest entry starting there, if any. */
  entryAt(text: string, i: number, code: number, next: number): string | undefined {
    if (next < 0) return undefined;
    const list = this.byPair.get(pairKey(code, next));
    if (list === undefined) return undefined;
    for (let k = 0; k < list.length; k++) {
      const entry = list[k]!;
      if (entry.length > 2 && !text.startsWith(entry, i)) continue;
      return entry;
    }
    return undefined;
  }

  find(text: string): DictionaryHit[] {
    const hits: DictionaryHit[] = [];
    const pairs = this.pairs;
    const byPair = this.byPair;
    const n = text.length - 1;
    // One bitset read per position: the pair set rules out a position on its own (whether its character starts
    // no entry or starts some but not with this second character); a hash collision costs only the Map lookup.
    let next = n > 0 ? text.charCodeAt(0) : 0;
    for (let i = 0; i < n; i++) {
      const code = next;
      next = text.charCodeAt(i + 1);
      if (!pairs.mayHave(code, next)) continue;
      const list = byPair.get(pairKey(code, next));
      if (list === undefined) continue;
      for (let k = 0; k < list.length; k++) {
        const entry = list[k]!;
        if (entry.length > 2 && !text.startsWith(entry, i)) continue;
        hits.push({ start: i, end: i + entry.length, entry });
        i += entry.length - 1;
        // The scan resumes after the hit: its next pair starts at the character after the hit's last.
        if (i < n) next = text.charCodeAt(i + 1);
        break;
      }
    }
    return hits;
  }
}
