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

export function resolveOverlaps<T extends Scored>(items: readonly T[]): T[] {
  if (items.length <= 1) return [...items];
  const ranked = rank(items);
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
