/**
 * Worst-case inputs of the PII detector (issues 2 and 3): one text is one synchronous detect call, so a part of
 * it that grows faster than the text holds the event loop. Each test times a large input against eight
 * back-to-back runs of its eighth (the same work when linear: ratio ~1; quadratic ~8) and fails above
 * 3x on the best of three rounds, like test/unit/guardrails/regex-audit.test.ts (no absolute times).
 * On the old code: a long list of English names (every repeated name word checked against every span, indexOf
 * over all candidates per finding for its recognizer, the kept-span insertion below) and resolveOverlaps over many
 * spans ranked against text order (an array insertion per kept span) grew quadratically.
 */
import { describe, expect, it } from 'vitest';
import { createPiiDetector } from '../../../guardrails/pii/index.js';
import { resolveOverlaps, type Scored } from '../../../guardrails/pii/resolve.js';

const detector = createPiiDetector();

const NAMES = ['John Smith', 'Mary Johnson', 'Robert Brown', 'Dr. Alice Walker', 'Mr. James Lee'];

/** About `chars` of a comma-separated list of names (each repeated many times: thousands of PERSON findings). */
function nameList(chars: number): string {
  let text = '';
  for (let i = 0; text.length < chars; i++) text += `${NAMES[(i * 7) % NAMES.length]}, `;
  return text;
}

/** `count` disjoint spans whose rank (score) runs against text order: every kept span lands first. */
function rankedAgainstText(count: number): Scored[] {
  return Array.from({ length: count }, (_, i) => ({ start: 10 * i, end: 10 * i + 5, score: i / count, type: 'PERSON' }));
}

function cpuMs(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * Growth of `run` from its small to its large input: the large run's time over eight runs of the small one, each
 * side the best of `rounds` measurements (process CPU time is inflated at random on a loaded host, e.g. a parallel
 * test run: one inflated large run read a linear input as growing).
 */
function expectLinear(small: () => void, large: () => void, rounds = 3): void {
  small();
  large();
  let smallMs = Infinity;
  let largeMs = Infinity;
  for (let round = 0; round < rounds; round++) {
    smallMs = Math.min(smallMs, cpuMs(() => {
      for (let k = 0; k < 8; k++) small();
    }));
    largeMs = Math.min(largeMs, cpuMs(large));
    if (largeMs / Math.max(smallMs, 1) <= 3) return;
  }
  expect(largeMs / Math.max(smallMs, 1), `8 x small ${smallMs.toFixed(1)} ms, large ${largeMs.toFixed(1)} ms`).toBeLessThanOrEqual(3);
}

describe('PII detector worst-case growth', () => {
  it('a long list of English names grows linearly (32 KB x8 against 256 KB)', () => {
    // Larger than the other inputs: below ~32 KB the quadratic parts hid under the linear work (old code: 2.2x
    // at 16/128 KB, 5.0x at 32/256 KB; now 0.7x).
    const small = nameList(32 * 1024);
    const large = nameList(256 * 1024);
    expectLinear(() => detector.detect(small), () => detector.detect(large));
  }, 120_000);

  it('resolveOverlaps over many spans ranked against text order grows linearly', () => {
    const small = rankedAgainstText(8_000);
    const large = rankedAgainstText(64_000);
    expectLinear(() => resolveOverlaps(small), () => resolveOverlaps(large));
  }, 60_000);
});

/** The definition: rank (score, longer, earlier, type; stable), keep each span that overlaps no kept one, by start. */
function naiveResolve<T extends Scored>(items: readonly T[]): T[] {
  const ranked = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => b.item.score - a.item.score || b.item.end - b.item.start - (a.item.end - a.item.start) || a.item.start - b.item.start || (a.item.type < b.item.type ? -1 : a.item.type > b.item.type ? 1 : 0) || a.index - b.index)
    .map((x) => x.item);
  const kept: T[] = [];
  for (const item of ranked) if (!kept.some((k) => k.start < item.end && item.start < k.end)) kept.push(item);
  return kept.sort((a, b) => a.start - b.start);
}

describe('resolveOverlaps on many items (the character map and the counted path) keeps what the definition keeps', () => {
  it('random overlapping spans with tied scores', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (const count of [300, 1000, 3000]) {
      const items = Array.from({ length: count }, (_, id) => {
        const start = Math.floor(random() * count * 3);
        return { id, start, end: start + 1 + Math.floor(random() * 12), score: Math.round(random() * 4) / 4, type: random() < 0.5 ? 'PERSON' : 'LOCATION' };
      });
      expect(resolveOverlaps(items).map((x) => x.id)).toEqual(naiveResolve(items).map((x) => x.id));
    }
  });

  it('short spans (the character map), long spans and spans far into the text (the counted path)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    // [most span lengths, a few long ones, how far the spans reach per item]: short spans on a short text, on
    // average over 16 characters, and a text over 64 characters per item.
    for (const [short, long, reach] of [[6, 40, 3], [40, 400, 3], [6, 40, 200]] as const) {
      for (const count of [257, 600, 2000]) {
        const items = Array.from({ length: count }, (_, id) => {
          const start = Math.floor(random() * count * reach);
          const length = 1 + Math.floor(random() * (random() < 0.05 ? long : short));
          return { id, start, end: start + length, score: Math.round(random() * 4) / 4, type: random() < 0.5 ? 'PERSON' : 'LOCATION' };
        });
        expect(resolveOverlaps(items).map((x) => x.id)).toEqual(naiveResolve(items).map((x) => x.id));
      }
    }
  });
});
