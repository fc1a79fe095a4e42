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

export function resolveOverlaps<T extends Scored>(items: readonly T[]): T[] {
  if (items.length <= 1) return [...items];
  const ranked = [...items].sort(compareForResolution);
  const kept: T[] = [];
  for (const item of ranked) {
    let overlaps = false;
    for (const k of kept) {
      if (item.start < k.end && k.start < item.end) {
        overlaps = true;
        break;
      }
    }
    if (!overlaps) kept.push(item);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
