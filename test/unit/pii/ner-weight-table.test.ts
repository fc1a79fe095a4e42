import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate } from '../../../datasets/pii/generate.js';
import { TAG_COUNT, buildDictionary } from '../../../guardrails/pii/ner/features.js';
import { NerModel, WEIGHTS_URL, WeightTable } from '../../../guardrails/pii/ner/model.js';

/**
 * The tagger's weight table (speed round 15: 16-byte slots holding palette indices, and a 16-bit print per slot)
 * against the plain reading of the weights: a key's weights are its float32 values, an unknown key has none.
 * decide() sums exactly these values in feature order, so equal lookups give equal sums and findings.
 */
const reference = (rows: Array<[number, number[]]>) => new Map(rows.map(([k, w]) => [k, Float32Array.from(w)]));

function lookup(table: WeightTable, key: number): number[] | undefined {
  const b = table.slotOf(key);
  if (b < 0) return undefined;
  const w: number[] = [];
  for (let t = 0; t < TAG_COUNT; t++) w.push(table.weightAt(b, t));
  // addTo (the general path) adds the same values.
  const scores = new Float64Array(TAG_COUNT);
  table.addTo(key, scores);
  expect([...scores]).toEqual(w);
  return w;
}

function check(table: WeightTable, rows: Array<[number, number[]]>, random: () => number): void {
  const ref = reference(rows);
  for (const [key, w] of ref) {
    const got = lookup(table, key);
    if (got === undefined || got.some((x, t) => !Object.is(x, w[t]!))) expect([key, got]).toEqual([key, [...w]]);
  }
  // Unknown keys, and keys sharing a known key's print (top 16 bits) or its home slot (low bits).
  const known = [...ref.keys()];
  for (let k = 0; k < 60_000; k++) {
    const base = known[k % known.length]!;
    const key = k % 3 === 0 ? (random() * 2 ** 32) | 0 : k % 3 === 1 ? (base & 0xffff0000) | ((random() * 65536) & 0xffff) : (base & 0xffff) | ((random() * 65536) << 16);
    if (key === 0) continue;
    const got = lookup(table, key);
    const want = ref.get(key);
    if ((got === undefined) !== (want === undefined)) expect([key, got]).toEqual([key, want && [...want]]);
  }
}

function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) | 0;
    return ((s >>> 8) & 0xffffff) / 0x1000000;
  };
}

describe('the tagger weight table', () => {
  it('gives every shipped key its float32 weights and unknown keys none (packed: palette indices)', () => {
    const file = JSON.parse(readFileSync(WEIGHTS_URL, 'utf8')) as { features: Record<string, number[]> };
    const rows = Object.entries(file.features).map(([k, w]) => [Number(k), w] as [number, number[]]);
    const table = new WeightTable(rows, rows.length);
    expect(table.packed).toBe(true);
    check(table, rows, rng(1));
  });

  it('packs palette indices up to 4 095 (index 6 split over two words) and falls back to float32 slots above', () => {
    const random = rng(7);
    // 4 096 distinct values: the last index has every bit set; keys with prints 0 → 1 and 1 side by side.
    const make = (values: number) => {
      const rows: Array<[number, number[]]> = [];
      for (let r = 0; r < 3000; r++) {
        const key = r === 0 ? 5 : r === 1 ? 0x10005 : ((random() * 2 ** 32) | 0) || 9;
        rows.push([key, Array.from({ length: TAG_COUNT }, (_, t) => ((r * TAG_COUNT + t) % values) / 7 - 300)]);
      }
      return rows;
    };
    const packed = make(4096);
    const table = new WeightTable(packed, packed.length);
    expect(table.packed).toBe(true);
    expect(table.palette.length).toBe(4096);
    check(table, packed, random);
    const wide = make(4097);
    const wideTable = new WeightTable(wide, wide.length);
    expect(wideTable.packed).toBe(false);
    check(wideTable, wide, random);
  });

  it('tags as with float32 slots (decide reads the packed slots itself): same spans, same margins', () => {
    const file = JSON.parse(readFileSync(WEIGHTS_URL, 'utf8')) as { commonWords: string[]; features: Record<string, number[]> };
    const rows = Object.entries(file.features).map(([k, w]) => [Number(k), w] as [number, number[]]);
    const packed = new NerModel(new WeightTable(rows, rows.length), buildDictionary(file.commonWords));
    const wide = new NerModel(new WeightTable(rows, rows.length, { wide: true }), buildDictionary(file.commonWords));
    const texts = generate(1500, 15).map((r) => r.text);
    // Runs of capitalised words from the weights' own vocabulary and the generator's rows, shuffled.
    const words = texts.join(' ').split(/\s+/).filter((w) => /^[A-Z]/.test(w));
    const random = rng(3);
    for (let k = 0; k < 1500; k++) texts.push(Array.from({ length: 3 + Math.floor(random() * 12) }, () => (random() < 0.6 ? words[Math.floor(random() * words.length)]! : file.commonWords[Math.floor(random() * file.commonWords.length)]!)).join(random() < 0.8 ? ' ' : ', '));
    let spans = 0;
    for (const t of texts) {
      const a = packed.spans(t);
      const b = wide.spans(t);
      spans += a.length;
      if (JSON.stringify(a) !== JSON.stringify(b)) expect([t, a]).toEqual([t, b]);
    }
    expect(spans).toBeGreaterThan(1000);
  });

  it('keeps the last weights of a repeated key (as the row-per-key table did)', () => {
    const table = new WeightTable([[42, [1, 2, 3, 4, 5, 6, 7]], [42, [7, 6, 5, 4, 3, 2, 1]]], 2);
    expect(lookup(table, 42)).toEqual([7, 6, 5, 4, 3, 2, 1]);
  });
});
