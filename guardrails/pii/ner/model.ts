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

/** A key's top 16 bits, 1 for 0 (0 marks an empty slot); the slot index comes from the low bits. */
const printOf = (key: number) => key >>> 16 || 1;

/**
 * Feature hash → weights, open addressing over typed arrays (no per-lookup allocation, no string hashing). Packed
 * (the shipped weights): a slot is 16 bytes, the key and the row's TAGS_N weights as 12-bit indices into a palette
 * of the distinct float32 values (3 331 in en-ner.weights.json: the JSON holds three decimals), and a probe walks a
 * 32 KB array of 16-bit prints of the keys first. A known key reads a print and one line of the 256 KB slots, an
 * unknown one (a quarter of the probes) only prints, where the earlier layout (8-byte key/row slots, 128 KB, then
 * 28-byte rows elsewhere, 228 KB) read a slot line for both and then one or two row lines: on this host those
 * loads were the tagger's costliest lines (speed round 15). Wide (more than 4 096 distinct values, e.g. the
 * unrounded weights of `train.ts --dev`): the key and the float32 bits of the weights, 1 + TAGS_N words a slot.
 * Either way a weight reads back as the same float32 as before, so the sums (and findings) are the same.
 */
export class WeightTable {
  /** Per slot `stride` words: the key (0: empty slot), then the weights (palette indices or float32 bits). */
  readonly slots: Int32Array;
  /**
   * Per slot the key's top 16 bits (printOf; 0: empty slot), 32 KB: a probe walks this array and reads a slot's key
   * only where the print matches, so an unknown key (a quarter of the probes, most of them words not seen in
   * training) is settled without touching the 256 KB slots.
   */
  readonly prints: Uint16Array;
  /** Packed: the distinct float32 weights. */
  readonly palette: Float32Array;
  readonly packed: boolean;
  readonly stride: number;
  readonly mask: number;
  /** Wide: the slots' words read as float32. */
  private readonly floats: Float32Array;

  /** `wide`: float32 slots whatever the palette's size (tests compare the packed decoding with it). */
  constructor(entries: Iterable<[number, ArrayLike<number>]>, size: number, options: { wide?: boolean } = {}) {
    // A repeated key keeps its last weights (as the row-per-key layout overwrote them).
    const rows = new Map<number, ArrayLike<number>>();
    for (const [key, w] of entries) rows.set(key, w);
    if (rows.size > Math.max(1, size)) throw new Error('pii ner: more weight rows than the table was sized for');
    // Distinct float32 values by bit pattern (so -0 stays -0).
    const f32 = new Float32Array(1);
    const bits = new Int32Array(f32.buffer);
    const index = new Map<number, number>();
    const values: number[] = [];
    for (const w of rows.values())
      for (let t = 0; t < TAGS_N; t++) {
        f32[0] = w[t]!;
        if (!index.has(bits[0]!)) {
          index.set(bits[0]!, values.length);
          values.push(f32[0]!);
        }
      }
    this.packed = TAGS_N === 7 && values.length <= 4096 && options.wide !== true;
    this.stride = this.packed ? 4 : 1 + TAGS_N;
    this.palette = Float32Array.from(this.packed ? values : []);
    let capacity = 1024;
    while (capacity < size * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = new Int32Array(capacity * this.stride);
    this.prints = new Uint16Array(capacity);
    this.floats = new Float32Array(this.slots.buffer);
    for (const [key, w] of rows) {
      let slot = key & this.mask;
      while (this.prints[slot] !== 0) slot = (slot + 1) & this.mask;
      const b = slot * this.stride;
      this.slots[b] = key;
      this.prints[slot] = printOf(key);
      if (this.packed) {
        const p = (t: number) => {
          f32[0] = w[t]!;
          return index.get(bits[0]!)!;
        };
        // Indices 0–5 in the low 24 bits of words 1–3 (two each), index 6 split over the top bytes of words 1 and 2.
        this.slots[b + 1] = p(0) | (p(1) << 12) | ((p(6) & 0xff) << 24);
        this.slots[b + 2] = p(2) | (p(3) << 12) | ((p(6) >>> 8) << 24);
        this.slots[b + 3] = p(4) | (p(5) << 12);
      } else for (let t = 0; t < TAGS_N; t++) this.floats[b + 1 + t] = w[t]!;
    }
  }

  /** Index in `slots` of `key`'s slot, or -1 when the key is unknown. */
  slotOf(key: number): number {
    const prints = this.prints;
    const print = printOf(key);
    let slot = key & this.mask;
    for (;;) {
      const p = prints[slot]!;
      if (p === print) {
        if (this.slots[slot * this.stride] === key) return slot * this.stride;
      } else if (p === 0) return -1;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Weight t of the row in slot b (from slotOf). */
  weightAt(b: number, t: number): number {
    if (!this.packed) return this.floats[b + 1 + t]!;
    const s = this.slots;
    const i = t === 6 ? (s[b + 1]! >>> 24) | ((s[b + 2]! >>> 24) << 8) : (s[b + 1 + (t >> 1)]! >>> ((t & 1) * 12)) & 0xfff;
    return this.palette[i]!;
  }

  /** Adds the weights of `key` (if known) to `scores`. */
  addTo(key: number, scores: Float64Array): void {
    const b = this.slotOf(key);
    if (b < 0) return;
    for (let t = 0; t < TAGS_N; t++) scores[t]! += this.weightAt(b, t);
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
  /**
   * The tokens of `text` when it is the text the last `spans` call tokenized (every token of it: the lazy decoding
   * skips scoring, not tokenizing), else undefined. Read-only for the caller; the next `spans` call reuses them.
   */
  tokensOf(text: string): Tokens | undefined {
    return this.tokens.text === text ? this.tokens : undefined;
  }

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
    const table = this.weights;
    if (TAGS_N === 7 && table.packed) {
      // The current tag set: the seven sums in locals (registers) rather than read and written back in the scores
      // array for each of the FEATURES_N rows; same additions in the same order, so the same doubles.
      const slots = table.slots;
      const palette = table.palette;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let s4 = 0;
      let s5 = 0;
      let s6 = 0;
      for (let f = 0; f < FEATURES_N; f++) {
        const b = table.slotOf(this.features[f]!);
        if (b < 0) continue;
        const w1 = slots[b + 1]!;
        const w2 = slots[b + 2]!;
        const w3 = slots[b + 3]!;
        s0 += palette[w1 & 0xfff]!;
        s1 += palette[(w1 >>> 12) & 0xfff]!;
        s2 += palette[w2 & 0xfff]!;
        s3 += palette[(w2 >>> 12) & 0xfff]!;
        s4 += palette[w3 & 0xfff]!;
        s5 += palette[(w3 >>> 12) & 0xfff]!;
        s6 += palette[(w1 >>> 24) | ((w2 >>> 24) << 8)]!;
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
      for (let f = 0; f < FEATURES_N; f++) table.addTo(this.features[f]!, s);
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
