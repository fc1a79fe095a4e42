/**
 * The English name/place/organisation tagger: an averaged perceptron over hashed token features
 * (features.ts), greedy left-to-right decoding, trained by ner/train.ts on the presidio-research synthetic rows
 * of the training template half plus our own templates (see guardrails/models/PII_MODEL_CARD.md).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { FEATURE_COUNT, TAG_COUNT, TAGS, Tokens, buildDictionary, type WordBits } from './features.js';

// Local copies: under tsx/esbuild an imported binding is read through a getter call, too slow for inner loops.
const TAGS_N: number = TAG_COUNT;
const FEATURES_N: number = FEATURE_COUNT;

export const WEIGHTS_URL = new URL('./en-ner.weights.json', import.meta.url);
export const WEIGHTS_FORMAT = 'sealgate-pii-ner-2';

const weightsFileSchema = z.object({
  format: z.literal(WEIGHTS_FORMAT),
  tags: z.array(z.string()),
  /** Words seen lower-case in ordinary English prose (a capitalised one is likely a sentence start, not a name). */
  commonWords: z.array(z.string()),
  /** Feature hash (decimal) → one weight per tag. */
  features: z.record(z.string().regex(/^-?\d+$/), z.array(z.number()).length(TAGS_N)),
});

export interface TaggedSpan {
  type: 'PERSON' | 'LOCATION' | 'ORGANIZATION';
  start: number;
  end: number;
  /** Mean per-token margin of the chosen tag over the best other allowed tag (≥ 0). */
  margin: number;
}

/** I-X only continues B-X / I-X. */
export const allowedAfter = (prev: number, tag: number) => !(tag > 0 && tag % 2 === 0 && prev !== tag && prev !== tag - 1);

/**
 * Feature hash → weights, open addressing over typed arrays (no per-lookup allocation, no string hashing).
 * Compact: a slot is the key and the index of its weights (one 8-byte pair), the weights are stored densely
 * in insertion order. ~280 KB instead of ~1 MB (a weight row per slot, mostly empty): in the full detector the
 * tagger's lookups competed for cache with the dictionaries of the other recognizers.
 */
export class WeightTable {
  /** [key, row + 1] per slot; key 0 marks an empty slot. */
  private readonly slots: Int32Array;
  private readonly values: Float32Array;
  private readonly mask: number;

  constructor(entries: Iterable<[number, ArrayLike<number>]>, size: number) {
    let capacity = 1024;
    while (capacity < size * 2) capacity *= 2;
    this.slots = new Int32Array(capacity * 2);
    this.values = new Float32Array(Math.max(1, size) * TAGS_N);
    this.mask = capacity - 1;
    let rows = 0;
    for (const [key, w] of entries) {
      let slot = key & this.mask;
      while (this.slots[slot * 2] !== 0 && this.slots[slot * 2] !== key) slot = (slot + 1) & this.mask;
      let row = this.slots[slot * 2 + 1]! - 1;
      if (row < 0) {
        row = rows++;
        if ((row + 1) * TAGS_N > this.values.length) throw new Error('pii ner: more weight rows than the table was sized for');
        this.slots[slot * 2] = key;
        this.slots[slot * 2 + 1] = row + 1;
      }
      for (let k = 0; k < TAGS_N; k++) this.values[row * TAGS_N + k] = w[k]!;
    }
  }

  /** The weights, row after row (`rowOf` gives a key's row start). */
  get weights(): Float32Array {
    return this.values;
  }

  /** Index in `weights` of the first of `key`'s TAGS_N weights, or -1 when the key is unknown. */
  rowOf(key: number): number {
    let slot = key & this.mask;
    for (;;) {
      const k = this.slots[slot * 2]!;
      if (k === 0) return -1;
      if (k === key) return (this.slots[slot * 2 + 1]! - 1) * TAGS_N;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Adds the weights of `key` (if known) to `scores`. */
  addTo(key: number, scores: Float64Array): void {
    let slot = key & this.mask;
    for (;;) {
      const k = this.slots[slot * 2]!;
      if (k === 0) return;
      if (k === key) {
        const base = (this.slots[slot * 2 + 1]! - 1) * TAGS_N;
        for (let t = 0; t < TAGS_N; t++) scores[t]! += this.values[base + t]!;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
  }
}

export class NerModel {
  private readonly features = new Int32Array(FEATURES_N);
  private readonly scores = new Float64Array(TAGS_N);
  private readonly tokens: Tokens;

  constructor(
    private readonly weights: WeightTable,
    readonly dictionary: WordBits,
  ) {
    this.tokens = new Tokens(dictionary);
  }

  static load(url: URL = WEIGHTS_URL): NerModel {
    const file = weightsFileSchema.parse(JSON.parse(readFileSync(url, 'utf8')));
    if (file.tags.join() !== TAGS.join()) throw new Error('pii ner weights: tag set does not match this build');
    const entries = Object.entries(file.features).map(([k, w]) => [Number(k), w] as [number, number[]]);
    return new NerModel(new WeightTable(entries, entries.length), buildDictionary(file.commonWords));
  }

  /**
   * Entity spans (contiguous B/I runs) with their mean margin. `mayKeep(text, start)`, when given, says whether a span
   * starting at that offset could be kept by the caller: stretches of tokens none of which it holds for are not
   * tagged at all, and what they would have yielded is left out (the caller would have dropped it anyway).
   *
   * Why that leaves every other span as it was: a token is scored only if it is capitalised, or a lower-case
   * connector word before a capitalised token (Tokens.isCandidate); any other token gets O and resets the
   * previous tag to O. So decoding restarts from O after each such token, and the maximal runs of tokens that
   * might be scored (capitalised tokens and the tokens right before one: a superset) are decoded independently
   * of each other. A span lies within one run and starts at one of its tokens.
   */
  spans(text: string, mayKeep?: (text: string, start: number) => boolean): TaggedSpan[] {
    const tokens = this.tokens.reset(text);
    const out: TaggedSpan[] = [];
    const n = tokens.count;
    if (mayKeep === undefined) {
      this.decodeRange(tokens, 0, n, out);
      return out;
    }
    const capital = tokens.capital;
    const starts = tokens.starts;
    let i = 0;
    while (i < n) {
      // A token that is capitalised or precedes a capitalised token might be scored; nothing else is.
      if (capital[i] !== 1 && !(i + 1 < n && capital[i + 1] === 1)) {
        i++;
        continue;
      }
      let j = i;
      // The last token of the run at which a kept span may start (-1: none).
      let last = -1;
      while (j < n && (capital[j] === 1 || (j + 1 < n && capital[j + 1] === 1))) {
        // (A run's first token, when not capitalised, follows an O: it is not scored, so no span starts there.)
        if ((j > i || capital[j] === 1) && mayKeep(text, starts[j]!)) last = j;
        j++;
      }
      if (last >= 0) this.decodeRange(tokens, i, j, out, last);
      i = j;
    }
    return out;
  }

  /**
   * Greedy decoding of tokens [from, to), starting after an O (the text's start, or a token that is not scored),
   * closing the last span at `to` (the text's end, or a token that is not scored).
   *
   * `lastStart`: past this token no span the caller keeps can start (spans(): the last token mayKeep holds for).
   * Decoding stops at the first later token that follows an O, since from there on it could only yield spans
   * starting after `lastStart` (which the caller drops): in Chinese log rows the run of a log level goes on through
   * keys and hex fragments (`WARN 配置泄露 AccessKeyId=LTAI…`), each a scored token.
   */
  private decodeRange(tokens: Tokens, from: number, to: number, out: TaggedSpan[], lastStart: number = to): void {
    let open: TaggedSpan | undefined;
    let count = 0;
    let prev = 0;
    for (let i = from; i <= to; i++) {
      // After an O (prev 0) no span is open: whatever follows starts after lastStart.
      if (i > lastStart && prev === 0) return;
      const scored = i < to && tokens.isCandidate(i, prev);
      const continues = scored && this.decide(tokens, i, prev);
      const best = scored ? this.lastTag : 0;
      if (continues) {
        open!.end = tokens.ends[i]!;
        open!.margin += this.lastMargin;
        count++;
      } else {
        if (open) {
          open.margin /= count;
          out.push(open);
          open = undefined;
        }
        if (best !== 0) {
          open = { type: TAGS[best]!.slice(2) as TaggedSpan['type'], start: tokens.starts[i]!, end: tokens.ends[i]!, margin: this.lastMargin };
          count = 1;
        }
      }
      prev = best;
    }
  }

  private lastTag = 0;
  private lastMargin = 0;

  /** Scores token i, sets lastTag / lastMargin; true when the tag continues the open span (I-X). */
  private decide(tokens: Tokens, i: number, prev: number): boolean {
    const s = this.scores;
    tokens.features(i, prev, this.features);
    if (TAGS_N === 7) {
      // The current tag set: the seven sums in locals (registers) rather than read and written back in the scores
      // array for each of the FEATURES_N rows; same additions in the same order, so the same doubles.
      const table = this.weights;
      const w = table.weights;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let s4 = 0;
      let s5 = 0;
      let s6 = 0;
      for (let f = 0; f < FEATURES_N; f++) {
        const r = table.rowOf(this.features[f]!);
        if (r < 0) continue;
        s0 += w[r]!;
        s1 += w[r + 1]!;
        s2 += w[r + 2]!;
        s3 += w[r + 3]!;
        s4 += w[r + 4]!;
        s5 += w[r + 5]!;
        s6 += w[r + 6]!;
      }
      s[0] = s0;
      s[1] = s1;
      s[2] = s2;
      s[3] = s3;
      s[4] = s4;
      s[5] = s5;
      s[6] = s6;
    } else {
      s.fill(0);
      for (let f = 0; f < FEATURES_N; f++) this.weights.addTo(this.features[f]!, s);
    }
    let best = 0;
    for (let k = 1; k < TAGS_N; k++) if (allowedAfter(prev, k) && s[k]! > s[best]!) best = k;
    let second = -Infinity;
    for (let k = 0; k < TAGS_N; k++) if (k !== best && allowedAfter(prev, k) && s[k]! > second) second = s[k]!;
    this.lastTag = best;
    this.lastMargin = s[best]! - second;
    return best !== 0 && best % 2 === 0;
  }
}
