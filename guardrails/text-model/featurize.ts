/**
 * Hashed n-gram featuriser shared by every text-model classifier (fastText / Vowpal-style hashing trick).
 *
 * Features of the evasion-normalised text:
 *  - Latin/digit words: unigrams, adjacent-word bigrams, and character 3- and 4-grams of "^word$"
 *    (so "ignoring", "ignored" and a misspelt "ignroe" still share features);
 *  - CJK runs: character unigrams, bigrams and trigrams (no segmenter: fast, and robust to the
 *    unusual word boundaries of insults and slang that dictionaries split badly).
 * Each feature is hashed (FNV-1a with a per-kind seed) into `buckets` slots; values are sublinear
 * term frequencies (1 + ln count), L2-normalised. One pass over the text, no substring allocation.
 * Optionally (a model's `lexicon`), keyword-lexicon hits are appended after normalisation (appendLexiconFeatures).
 */
import { normalizeForModel } from './evasion.js';
import { float32Array, int32Array, uint16Array } from './slab.js';
import { compileLexicon, type CompiledLexicon, type Lexicon } from './lexicon.js';
import { TOXICITY_LEXICON, toxicityLexicon } from '../toxicity/lexicon.js';
import { harmLexicon } from '../intent/harm-lexicon.js';
import { TOXICITY_FEATURE_LEXICON } from '../toxicity/feature-lexicon.js';

/**
 * Keyword lexicons whose hits become features: the toxicity model ships 'toxicity'; 'toxicity+harm' was measured (MODEL_CARD.md);
 * 'toxicity+implicit[-noess]' add the feature-only lexicon of toxicity/feature-lexicon.ts (eleventh session; measured, not shipped).
 */
export const LEXICON_SETS = ['toxicity', 'toxicity+harm', 'toxicity+implicit', 'toxicity+implicit-noess'] as const;
export type LexiconSet = (typeof LEXICON_SETS)[number];

export interface FeaturizerConfig {
  /** Number of hash buckets (power of two). */
  readonly buckets: number;
  /** Keyword-lexicon features appended to every view (absent: n-grams only). */
  readonly lexicon?: LexiconSet | undefined;
}

export interface SparseFeatures {
  /** Unique bucket indices (first-seen order). */
  readonly indices: Int32Array;
  /** L2-normalised values, aligned with `indices`. */
  readonly values: Float32Array;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SEED_WORD = 0x9e3779b1;
const SEED_WORD_BIGRAM = 0x85ebca6b;
const SEED_CHAR3 = 0xc2b2ae35;
const SEED_CHAR4 = 0x27d4eb2f;
const SEED_CJK1 = 0x165667b1;
const SEED_CJK2 = 0xd3a2646c;
const SEED_CJK3 = 0xfd7046c5;
const BOUNDARY = 0x5e; // '^' marks word starts and ends in character n-grams

const enum CharKind {
  Other = 0,
  Word = 1,
  Cjk = 2,
}

function kindOf(c: number): CharKind {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x27) return CharKind.Word;
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) return CharKind.Cjk;
  // Other letters (accented Latin left after normalisation, Cyrillic, Kana, Hangul …) count as word chars.
  if (c >= 0xc0 && c < 0x2000) return CharKind.Word;
  if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7a3)) return CharKind.Word;
  return CharKind.Other;
}

function hashCodes(seed: number, a: number, b: number, c: number, d: number, n: number): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  h = Math.imul(h ^ a, FNV_PRIME);
  if (n > 1) h = Math.imul(h ^ b, FNV_PRIME);
  if (n > 2) h = Math.imul(h ^ c, FNV_PRIME);
  if (n > 3) h = Math.imul(h ^ d, FNV_PRIME);
  return h >>> 0;
}

/** Reusable scratch buffer of raw hashes (the hot path allocates only the result arrays). */
let scratch = new Int32Array(4096);

function pushHash(count: number, h: number): number {
  if (count === scratch.length) {
    const bigger = new Int32Array(scratch.length * 2);
    bigger.set(scratch);
    scratch = bigger;
  }
  scratch[count] = h;
  return count + 1;
}

/** Raw feature counts of one text: the unit windows are merged from (see views.ts). */
export interface FeatureCounts {
  readonly indices: Int32Array;
  readonly counts: Uint16Array;
}

/** Features of already-normalised text (training normalises once and caches). */
export function featurizeNormalized(s: string, config: FeaturizerConfig): SparseFeatures {
  return appendLexiconFeatures(normalizeCounts(countFeatures(s, config)), s, config);
}

/** Hashed n-gram counts of already-normalised text. */
export function countFeatures(s: string, config: FeaturizerConfig): FeatureCounts {
  const mask = config.buckets - 1;
  let n = 0;
  // Rolling window of the last 3 code units inside the current word (with the start boundary).
  let c1 = 0;
  let c2 = 0;
  let c3 = 0;
  let wordLen = 0;
  let wordHash = 0;
  let prevWordHash = 0;
  let hasPrevWord = false;
  let cjkLen = 0;
  let k1 = 0;
  let k2 = 0;

  const endWord = (): void => {
    if (wordLen === 0) return;
    // Closing boundary n-grams: "rd^" and "ord^".
    n = pushHash(n, hashCodes(SEED_CHAR3, c2, c1, BOUNDARY, 0, 3) & mask);
    if (wordLen >= 2) n = pushHash(n, hashCodes(SEED_CHAR4, c3, c2, c1, BOUNDARY, 4) & mask);
    n = pushHash(n, (wordHash ^ SEED_WORD) & mask);
    if (hasPrevWord) n = pushHash(n, (Math.imul(prevWordHash, 0x2c1b3c6d) ^ wordHash ^ SEED_WORD_BIGRAM) & mask);
    prevWordHash = wordHash;
    hasPrevWord = true;
    wordLen = 0;
  };

  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    const kind = kindOf(c);
    if (kind === CharKind.Word) {
      cjkLen = 0;
      if (wordLen === 0) {
        c3 = 0;
        c2 = BOUNDARY;
        c1 = c;
        wordHash = Math.imul(FNV_OFFSET ^ c, FNV_PRIME) >>> 0;
      } else {
        // n-grams ending at this character: (c2 c1 c) and (c3 c2 c1 c).
        n = pushHash(n, hashCodes(SEED_CHAR3, c2, c1, c, 0, 3) & mask);
        if (wordLen >= 2) n = pushHash(n, hashCodes(SEED_CHAR4, c3, c2, c1, c, 4) & mask);
        c3 = c2;
        c2 = c1;
        c1 = c;
        wordHash = Math.imul(wordHash ^ c, FNV_PRIME) >>> 0;
      }
      wordLen += 1;
      continue;
    }
    endWord();
    if (kind === CharKind.Cjk) {
      n = pushHash(n, hashCodes(SEED_CJK1, c, 0, 0, 0, 1) & mask);
      if (cjkLen >= 1) n = pushHash(n, hashCodes(SEED_CJK2, k1, c, 0, 0, 2) & mask);
      if (cjkLen >= 2) n = pushHash(n, hashCodes(SEED_CJK3, k2, k1, c, 0, 3) & mask);
      k2 = k1;
      k1 = c;
      cjkLen += 1;
    } else if (c !== 0x20) {
      // Punctuation breaks CJK runs and word bigrams; a plain space only ends the word.
      cjkLen = 0;
      if (c !== 0x2c && c !== 0x2d) hasPrevWord = false;
    }
  }
  endWord();
  return toCounts(n, config.buckets);
}

/**
 * Dense per-bucket counters reused across calls (one per bucket count): counting is O(n) with no sort;
 * `touched` lists the buckets to read back and reset. Features come out in first-seen order, which is
 * deterministic for a given text.
 */
const counters = new Map<number, Uint16Array>();
let touched = new Int32Array(4096);

function counterFor(buckets: number, n: number): Uint16Array {
  let counts = counters.get(buckets);
  if (!counts) {
    counts = new Uint16Array(buckets);
    counters.set(buckets, counts);
  }
  if (touched.length < n) touched = new Int32Array(Math.max(n, touched.length * 2));
  return counts;
}

/**
 * Short texts (most prompts and answers) are counted in a small open-addressing table instead of the dense
 * per-bucket array: the table stays in the L1 cache, where the dense array (buckets × 2 bytes, 512 KB at the
 * shipped size) costs two scattered cache lines per n-gram and evicts the server's own working set. Same
 * counts, same first-seen order.
 */
const SMALL_TABLE_MAX = 1024;
const SMALL_SLOTS = 2048; // a power of two ≥ 2 × SMALL_TABLE_MAX: probes stay short
const smallKeys = new Int32Array(SMALL_SLOTS).fill(-1);
const smallCounts = new Uint16Array(SMALL_SLOTS);
const smallSlotOf = new Int32Array(SMALL_TABLE_MAX);

function toCountsSmall(n: number): FeatureCounts {
  if (touched.length < n) touched = new Int32Array(Math.max(n, touched.length * 2));
  let unique = 0;
  for (let i = 0; i < n; i += 1) {
    const h = scratch[i]!;
    let slot = Math.imul(h, 0x9e3779b1) >>> 21; // top 11 bits: SMALL_SLOTS = 2^11
    for (;;) {
      const key = smallKeys[slot]!;
      if (key === h) {
        const c = smallCounts[slot]!;
        if (c < 0xffff) smallCounts[slot] = c + 1;
        break;
      }
      if (key === -1) {
        smallKeys[slot] = h;
        smallCounts[slot] = 1;
        smallSlotOf[unique] = slot;
        touched[unique++] = h;
        break;
      }
      slot = (slot + 1) & (SMALL_SLOTS - 1);
    }
  }
  const indices = int32Array(unique);
  const out = uint16Array(unique);
  for (let j = 0; j < unique; j += 1) {
    const slot = smallSlotOf[j]!;
    indices[j] = touched[j]!;
    out[j] = smallCounts[slot]!;
    smallKeys[slot] = -1;
  }
  return { indices, counts: out };
}

function toCounts(n: number, buckets: number): FeatureCounts {
  if (n <= SMALL_TABLE_MAX) return toCountsSmall(n);
  const counts = counterFor(buckets, n);
  let unique = 0;
  for (let i = 0; i < n; i += 1) {
    const h = scratch[i]!;
    const c = counts[h]!;
    if (c === 0) touched[unique++] = h;
    if (c < 0xffff) counts[h] = c + 1;
  }
  return drain(counts, unique);
}

function drain(counts: Uint16Array, unique: number): FeatureCounts {
  const indices = int32Array(unique);
  const out = uint16Array(unique);
  for (let j = 0; j < unique; j += 1) {
    const h = touched[j]!;
    indices[j] = h;
    out[j] = counts[h]!;
    counts[h] = 0;
  }
  return { indices, counts: out };
}

/** Sums the counts of several windows: the whole text's features without featurising it twice. */
export function mergeCounts(parts: readonly FeatureCounts[], buckets: number): FeatureCounts {
  if (parts.length === 1) return parts[0]!;
  const total = parts.reduce((sum, p) => sum + p.indices.length, 0);
  const counts = counterFor(buckets, total);
  let unique = 0;
  for (const part of parts) {
    for (let k = 0; k < part.indices.length; k += 1) {
      const h = part.indices[k]!;
      const c = counts[h]!;
      if (c === 0) touched[unique++] = h;
      counts[h] = Math.min(0xffff, c + part.counts[k]!);
    }
  }
  return drain(counts, unique);
}

/** 1 + ln(count) for small counts (the common case), computed once. */
const SUBLINEAR = Float64Array.from({ length: 256 }, (_, k) => (k === 0 ? 0 : 1 + Math.log(k)));

/** Sublinear term frequency (1 + ln count), L2-normalised. */
export function normalizeCounts(c: FeatureCounts): SparseFeatures {
  const n = c.indices.length;
  const values = float32Array(n);
  let sumSq = 0;
  for (let j = 0; j < n; j += 1) {
    const count = c.counts[j]!;
    const v = count < 256 ? SUBLINEAR[count]! : 1 + Math.log(count);
    values[j] = v;
    sumSq += v * v;
  }
  if (n > 0) {
    const inv = 1 / Math.sqrt(sumSq);
    for (let j = 0; j < n; j += 1) values[j] = values[j]! * inv;
  }
  return { indices: c.indices, values };
}

/** Normalise (evasion) then featurise. */
export function featurize(text: string, config: FeaturizerConfig): SparseFeatures {
  return featurizeNormalized(normalizeForModel(text), config);
}

/**
 * Lexicon features (issue 4, MODEL_CARD.md): one hashed feature per matched category of the hand-written keyword
 * lexicons (a category's English and Chinese words share it, so a weight learned on one language carries to the
 * other) plus one "any category" feature, at a fixed value, appended to the L2-normalised n-gram features. The
 * fifth session measured values 0.3, 0.6 and 1.0 alike.
 */
export const LEXICON_FEATURE_VALUE = 0.6;
const SEED_LEXICON = 0x6c8e9cf5;
/** Several lexicons in one automaton (one pass over the text, not one per lexicon); categories named `<name>:<category>`. */
function combined(parts: ReadonlyArray<readonly [string, Lexicon]>): CompiledLexicon {
  return compileLexicon(Object.fromEntries(parts.flatMap(([name, lex]) => Object.entries(lex).map(([c, e]) => [`${name}:${c}`, e] as const))));
}

// Name '' = a combined lexicon whose categories carry their prefix. Feature-only categories ('tf:') add their own
// features but not "any", so "any" keeps its shipped meaning. The measured-only sets compile on first use, not at
// import (no shipped model names them).
let implicitSets: { all: CompiledLexicon; noEssentialise: CompiledLexicon } | undefined;
const implicit = (): { all: CompiledLexicon; noEssentialise: CompiledLexicon } =>
  (implicitSets ??= {
    all: combined([
      ['tox', TOXICITY_LEXICON],
      ['tf', TOXICITY_FEATURE_LEXICON],
    ]),
    noEssentialise: combined([
      ['tox', TOXICITY_LEXICON],
      ['tf', Object.fromEntries(Object.entries(TOXICITY_FEATURE_LEXICON).filter(([c]) => c !== 'essentialise'))],
    ]),
  });
const LEXICONS: Readonly<Record<LexiconSet, ReadonlyArray<readonly [string, CompiledLexicon]>>> = {
  toxicity: [['tox', toxicityLexicon]],
  'toxicity+harm': [
    ['tox', toxicityLexicon],
    ['harm', harmLexicon],
  ],
  get 'toxicity+implicit'() {
    return [['', implicit().all]] as const;
  },
  get 'toxicity+implicit-noess'() {
    return [['', implicit().noEssentialise]] as const;
  },
};

const lexiconBucketCache = new Map<string, number>();
function lexiconBucket(key: string, buckets: number): number {
  const k = `${buckets}:${key}`;
  let b = lexiconBucketCache.get(k);
  if (b === undefined) {
    let h = (FNV_OFFSET ^ SEED_LEXICON) >>> 0;
    for (let i = 0; i < key.length; i += 1) h = Math.imul(h ^ key.charCodeAt(i), FNV_PRIME);
    b = (h >>> 0) & (buckets - 1);
    lexiconBucketCache.set(k, b);
  }
  return b;
}

/** Buckets of the lexicon categories matched in a normalised text, in lexicon order, then "any" when one matched. */
export function lexiconBuckets(normalized: string, buckets: number, set: LexiconSet): number[] {
  const out: number[] = [];
  let any = false;
  for (const [name, lex] of LEXICONS[set]) {
    for (const c of lex.match(normalized)) {
      const key = name === '' ? c : `${name}:${c}`;
      out.push(lexiconBucket(key, buckets));
      if (!key.startsWith('tf:')) any = true;
    }
  }
  if (any) out.push(lexiconBucket('any', buckets));
  return out;
}

/** The features with the config's lexicon features appended (a bucket already present gets the value added); unchanged without a lexicon or a hit. */
export function appendLexiconFeatures(f: SparseFeatures, normalized: string, config: FeaturizerConfig): SparseFeatures {
  if (!config.lexicon) return f;
  const hits = lexiconBuckets(normalized, config.buckets, config.lexicon);
  if (hits.length === 0) return f;
  const n = f.indices.length;
  const indices = int32Array(n + hits.length);
  const values = float32Array(n + hits.length);
  indices.set(f.indices);
  values.set(f.values);
  let m = n;
  for (const b of hits) {
    let k = m - 1;
    while (k >= 0 && indices[k] !== b) k -= 1;
    if (k >= 0) values[k] = values[k]! + LEXICON_FEATURE_VALUE;
    else {
      indices[m] = b;
      values[m] = LEXICON_FEATURE_VALUE;
      m += 1;
    }
  }
  return m === indices.length ? { indices, values } : { indices: indices.subarray(0, m), values: values.subarray(0, m) };
}
