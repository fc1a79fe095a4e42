/**
 * Deterministic overlap resolution: highest score wins, then the longer span, then the earlier start,
 * then the entity type name. The result is sorted by start offset. Same input → same output, always.
 */
export interface Scored {
  start: number;
  end: number;
  score: number;
  type: string;
}

export function compareForResolution(a: Scored, b: Scored): number {
  return b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0);
}

/**
 * `[...items].sort(compareForResolution)`: a binary insertion sort for the few candidates of a typical text
 * (stable like Array.prototype.sort, so equal-ranked items keep their order and the result is the same), the
 * native sort for many.
 */
function rank<T extends Scored>(items: readonly T[]): T[] {
  const n = items.length;
  if (n > 32) return [...items].sort(compareForResolution);
  const out: T[] = [];
  for (let i = 0; i < n; i++) {
    const item = items[i]!;
    // First position whose item ranks strictly after `item` (after every equal one: stable).
    let lo = 0;
    let hi = i;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareForResolution(out[mid]!, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    // out.splice(lo, 0, item), written out (a builtin call per item on a handful of items).
    out.push(item);
    for (let k = i; k > lo; k--) out[k] = out[k - 1]!;
    out[lo] = item;
  }
  return out;
}

/** Above this many items the kept spans are counted in Fenwick trees instead of kept in a sorted array. */
const COUNTED_FROM = 256;

export function resolveOverlaps<T extends Scored>(items: readonly T[]): T[] {
  if (items.length <= 1) return [...items];
  const ranked = rank(items);
  if (items.length > COUNTED_FROM) {
    // Non-empty spans only (an empty one overlaps nothing by the neighbour test below, but a character map cannot
    // tell); short ones on the whole (a Chinese document's 300-500 names and places) are kept on a character map.
    let limit = 0;
    let characters = 0;
    let nonEmpty = true;
    for (let k = 0; k < items.length; k++) {
      const item = items[k]!;
      if (item.start >= item.end) nonEmpty = false;
      if (item.end > limit) limit = item.end;
      characters += item.end - item.start;
    }
    if (nonEmpty) {
      const short = characters <= COVERED_CHARACTERS_PER_ITEM * items.length && limit <= MAP_CHARACTERS_PER_ITEM * items.length;
      return short ? resolveByCoverage(ranked, limit) : resolveCounted(ranked);
    }
  }
  // Kept spans never overlap, so sorted by start they are also sorted by end: binary search for neighbours.
  const kept: T[] = [];
  for (const item of ranked) {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid]!.start < item.start) lo = mid + 1;
      else hi = mid;
    }
    // Read only inside the array: kept[-1] is a named-property lookup up the prototype chain, not an element read
    // (and kept[kept.length] an out-of-bounds one), a slow path taken for most items of a short list.
    const prev = lo > 0 ? kept[lo - 1] : undefined;
    const next = lo < kept.length ? kept[lo] : undefined;
    if ((prev && prev.end > item.start) || (next && next.start < item.end)) continue;
    kept.push(item);
    for (let k = kept.length - 1; k > lo; k--) kept[k] = kept[k - 1]!;
    kept[lo] = item;
  }
  return kept;
}

/**
 * Above this many characters per item on average resolveCounted keeps the spans instead: a character map reads up
 * to every character of every item (long nested spans: items × their length).
 */
const COVERED_CHARACTERS_PER_ITEM = 16;
/** …or when the map would be longer than this per item (a few spans far into a long text: the map's own cost). */
const MAP_CHARACTERS_PER_ITEM = 64;

/**
 * resolveOverlaps for many short non-empty spans, same result: a kept span's characters are marked in a map of
 * the text, and an item overlaps some kept span exactly when one of its characters is marked. Reading an item's
 * few characters costs less than resolveCounted's offset sort, binary searches and tree updates (a Chinese 8 KB
 * document's ~440 candidates: 75 us instead of 180 in a micro run of the whole resolution).
 */
function resolveByCoverage<T extends Scored>(ranked: readonly T[], limit: number): T[] {
  const covered = new Uint8Array(limit);
  const kept: T[] = [];
  next: for (let k = 0; k < ranked.length; k++) {
    const item = ranked[k]!;
    const end = item.end;
    for (let i = item.start; i < end; i++) if (covered[i] === 1) continue next;
    covered.fill(1, item.start, end);
    kept.push(item);
  }
  // Disjoint and non-empty: distinct starts, so the order is the same as resolveCounted's.
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * resolveOverlaps for many items, same result: inserting each kept span into an array sorted by start shifts
 * the spans after it, and items come in rank order, not text order, so thousands of findings (a long list of
 * names) made that quadratic. Here the kept spans are counted instead: disjoint non-empty spans overlapping
 * [s, e) number #(start < e) − #(end ≤ s) (a kept span ending by s also starts before e), two prefix counts in
 * Fenwick trees over the distinct offsets; the kept spans are sorted by start once at the end (disjoint and
 * non-empty: distinct starts).
 */
function resolveCounted<T extends Scored>(ranked: readonly T[]): T[] {
  const n = ranked.length;
  const offsets = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    offsets[2 * i] = ranked[i]!.start;
    offsets[2 * i + 1] = ranked[i]!.end;
  }
  offsets.sort();
  let m = 0;
  for (let i = 0; i < offsets.length; i++) if (i === 0 || offsets[i] !== offsets[m - 1]) offsets[m++] = offsets[i]!;
  // 1-based rank of an offset among the distinct ones.
  const rankOf = (value: number): number => {
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (offsets[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  const starts = new Int32Array(m + 1);
  const ends = new Int32Array(m + 1);
  const add = (tree: Int32Array, at: number): void => {
    for (let i = at; i <= m; i += i & -i) tree[i]!++;
  };
  /** How many counted offsets rank at most `at`. */
  const upTo = (tree: Int32Array, at: number): number => {
    let sum = 0;
    for (let i = at; i > 0; i -= i & -i) sum += tree[i]!;
    return sum;
  };
  const kept: T[] = [];
  for (const item of ranked) {
    const s = rankOf(item.start);
    const e = rankOf(item.end);
    if (upTo(starts, e - 1) - upTo(ends, s) > 0) continue;
    add(starts, s);
    add(ends, e);
    kept.push(item);
  }
  return kept.sort((a, b) => a.start - b.start);
}
