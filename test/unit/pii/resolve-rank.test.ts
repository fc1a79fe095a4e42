/**
 * resolveOverlaps ranks a handful of candidates by a binary insertion sort and keeps the winners, both inserting
 * by a written-out shift instead of splice; the result must be exactly what the comparator sort and splice code
 * gave (the same objects in the same order). Compared on generated candidate sets with ties of every kind (same
 * score, length, start and type; -0 and 0), nested and overlapping spans, and sizes from 1 to 400 (above 32 the
 * ranking is the native comparator sort, the keep loop is still the new one).
 */
import { describe, expect, it } from 'vitest';
import { compareForResolution, resolveOverlaps, type Scored } from '../../../guardrails/pii/resolve.js';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
}

/** The code it replaced, verbatim in effect: comparator sort, then neighbour checks and splice. */
function reference<T extends Scored>(items: readonly T[]): T[] {
  if (items.length <= 1) return [...items];
  const ranked = [...items].sort(compareForResolution);
  const kept: T[] = [];
  for (const item of ranked) {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid]!.start < item.start) lo = mid + 1;
      else hi = mid;
    }
    const prev = kept[lo - 1];
    const next = kept[lo];
    if ((prev && prev.end > item.start) || (next && next.start < item.end)) continue;
    kept.splice(lo, 0, item);
  }
  return kept;
}

describe('resolveOverlaps ranking', () => {
  it('keeps the same candidates in the same order as the comparator sort', () => {
    const r = rng(20261129);
    const types = ['PHONE_NUMBER', 'PERSON', 'ADDRESS', 'LOCATION', 'ORGANIZATION', 'CN_RESIDENT_ID', 'US_SSN'];
    const scores = [0.2, 0.35, 0.5, 0.55, 0.6, 0.62, 0.85, 0.95, 1, 0, -0, 0.5 + 7.3 / 100];
    for (let k = 0; k < 3_000; k++) {
      const n = 1 + Math.floor(r() * (k % 3 === 0 ? 400 : 40));
      const span = 50 + Math.floor(r() * (k % 5 === 0 ? 100_000 : 8_000));
      const items: Array<Scored & { id: number }> = [];
      for (let i = 0; i < n; i++) {
        if (i > 0 && r() < 0.1) {
          // A copy of an earlier item's span and score: a tie on everything before the type.
          const o = items[Math.floor(r() * items.length)]!;
          // (Sometimes of another type: then the type's order decides.)
          items.push({ ...o, type: r() < 0.5 ? o.type : types[Math.floor(r() * types.length)]!, id: i });
          continue;
        }
        const start = Math.floor(r() * span);
        const length = r() < 0.02 ? 0 : 1 + Math.floor(r() * (r() < 0.1 ? 3_000 : 40));
        const score = r() < 0.7 ? scores[Math.floor(r() * scores.length)]! : Math.round(r() * 1000) / 1000;
        items.push({ start, end: start + length, score, type: types[Math.floor(r() * types.length)]!, id: i });
      }
      expect(resolveOverlaps(items).map((c) => c.id)).toEqual(reference(items).map((c) => c.id));
    }
  }, 60_000);
});
