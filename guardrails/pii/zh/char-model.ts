/**
 * Background statistics of Chinese text (character unigrams and bigrams, log2-bucketed counts from
 * licence-"yes" corpora; built by zh/build-char-stats.ts). The Chinese name scorer asks two things of it:
 * how strongly two adjacent characters form a word (pointwise mutual information), and how common a character
 * is in running text (given-name characters such as 晗, 彤, 萱 are rare outside names).
 * Loaded on first use: detectors that never see Chinese text never pay for it.
 */
import { readFileSync } from 'node:fs';
import { codeAt } from '../types.js';

const LOG_03 = Math.log(0.3);
const HAN_FIRST = 0x4e00;
const HAN_LAST = 0x9fff;
const pairKey = (a: number, b: number) => (a - HAN_FIRST) * (HAN_LAST - HAN_FIRST + 1) + (b - HAN_FIRST);

interface CharStatsFile {
  total: number;
  unigram: Record<string, string>;
  bigram: Record<string, string>;
}

export class ZhCharModel {
  /**
   * Count bucket per UTF-16 code, + 1 (0: unseen; the stats only hold CJK ideographs U+4E00–9FFF), and the count and
   * log P of each bucket: one byte per code instead of a double for the count and another for its log (two 512 KB
   * tables, of which the name scorers read ~170 KB at random per Chinese text, evicted from cache by the other
   * recognizers' tables between two texts). The same doubles: each bucket's are computed by the expressions the
   * per-code tables used.
   */
  private readonly uniBucket = new Uint8Array(65536);
  private readonly bucketUni: Float64Array;
  private readonly bucketLogUni: Float64Array;
  /**
   * Pair counts keyed by (a − 0x4E00) · 0x5200 + (b − 0x4E00), open addressing over typed arrays: key + 1 per
   * slot (0 = empty) and the count's bucket + 1. The name scorers ask several pairs per candidate; a Map lookup
   * cost several times a probe here, and ~80 000 Map entries took more memory than these ~1.3 MB.
   */
  private readonly pairKeys: Int32Array;
  private readonly pairBuckets: Uint8Array;
  private readonly pairShift: number;
  /** Count of each bucket (the geometric middle of [2^k, 2^(k+1))), by bucket + 1. */
  private readonly bucketCount: Float64Array;
  private readonly logTotal: number;
  private readonly total: number;

  private constructor(file: CharStatsFile) {
    this.total = file.total;
    this.logTotal = Math.log(file.total);
    // Bucket k holds counts in [2^k, 2^(k+1)): use the geometric middle.
    const unigramBuckets = Object.entries(file.unigram);
    if (unigramBuckets.length > 254) throw new Error('zh-char-stats.json: too many unigram buckets');
    this.bucketUni = new Float64Array(unigramBuckets.length + 1);
    this.bucketLogUni = new Float64Array(unigramBuckets.length + 1);
    // Slot 0: an unseen character (count 0).
    this.bucketLogUni[0] = Math.log(0.5 / this.total);
    unigramBuckets.forEach(([k, chars], b) => {
      const n = 2 ** (Number(k) + 0.5);
      this.bucketUni[b + 1] = n;
      this.bucketLogUni[b + 1] = Math.log((n + 0.5) / this.total);
      // (A character listed in two buckets keeps the last, as the per-code table's assignment did.)
      for (let i = 0; i < chars.length; i++) this.uniBucket[chars.charCodeAt(i)] = b + 1;
    });
    let pairs = 0;
    let maxBucket = 0;
    for (const [k, list] of Object.entries(file.bigram)) {
      pairs += list.length >> 1;
      maxBucket = Math.max(maxBucket, Number(k));
    }
    if (maxBucket > 250) throw new Error('zh-char-stats.json: bigram bucket out of range');
    let bits = 10;
    while (1 << bits < pairs * 3) bits++;
    this.pairShift = 32 - bits;
    this.pairKeys = new Int32Array(1 << bits);
    this.pairBuckets = new Uint8Array(1 << bits);
    this.bucketCount = new Float64Array(maxBucket + 2);
    for (const [k, list] of Object.entries(file.bigram)) {
      this.bucketCount[Number(k) + 1] = 2 ** (Number(k) + 0.5);
      // A pair listed twice keeps its last bucket (as Map.set did).
      for (let i = 0; i + 1 < list.length; i += 2) {
        const key = pairKey(list.charCodeAt(i), list.charCodeAt(i + 1)) + 1;
        const slot = this.slotOf(key);
        this.pairKeys[slot] = key;
        this.pairBuckets[slot] = Number(k) + 1;
      }
    }
  }

  /** The slot holding `key` (pair key + 1), or the empty slot where it would go (linear probing). */
  private slotOf(key: number): number {
    const mask = this.pairKeys.length - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> this.pairShift;
    for (;;) {
      const k = this.pairKeys[slot]!;
      if (k === key || k === 0) return slot;
      slot = (slot + 1) & mask;
    }
  }

  static load(url: URL = new URL('./zh-char-stats.json', import.meta.url)): ZhCharModel {
    const file = JSON.parse(readFileSync(url, 'utf8')) as CharStatsFile;
    if (typeof file.total !== 'number' || typeof file.unigram !== 'object' || typeof file.bigram !== 'object') throw new Error('zh-char-stats.json: bad format');
    return new ZhCharModel(file);
  }

  /** Approximate count of a character (0 when unseen). */
  count(code: number): number {
    return code >= 0 && code < 65536 ? this.bucketUni[this.uniBucket[code]!]! : 0;
  }

  /** Approximate count of the pair (0 below the kept minimum). */
  pairCount(a: number, b: number): number {
    if (a < HAN_FIRST || a > HAN_LAST || b < HAN_FIRST || b > HAN_LAST) return 0;
    return this.bucketCount[this.pairBuckets[this.slotOf(pairKey(a, b) + 1)]!]!;
  }

  /**
   * Pointwise mutual information of two adjacent characters, natural log, smoothed: > 2 means the pair is
   * a word far more often than chance (高兴, 方便, 青年); ≤ 0 means the two rarely touch (a likely word edge).
   */
  pmi(a: number, b: number): number {
    const ab = this.pairCount(a, b);
    if (ab === 0) return -1;
    return Math.log(ab) + this.logTotal - Math.log(this.count(a) + 1) - Math.log(this.count(b) + 1);
  }

  /** log P(c) in running text, add-half smoothed (= Math.log(this.unigram(code))), by the code's count bucket. */
  logUnigram(code: number): number {
    // Past the end of the text charCodeAt gives NaN: an unseen character, like unigram() says.
    return this.bucketLogUni[code >= 0 && code < 65536 ? this.uniBucket[code]! : 0]!;
  }

  /** log P(b | a) (= Math.log(this.conditional(a, b))); most adjacent pairs are unseen and cost one table read. */
  logConditional(a: number, b: number): number {
    const ca = this.count(a);
    if (ca === 0) return this.logUnigram(b);
    const pair = this.pairCount(a, b);
    if (pair === 0) return LOG_03 + this.logUnigram(b);
    return Math.log(0.7 * (pair / ca) + 0.3 * this.unigram(b));
  }

  /** P(c) in running text, add-half smoothed. */
  unigram(code: number): number {
    return (this.count(code) + 0.5) / this.total;
  }

  /**
   * P(b | a) for adjacent characters: the bigram estimate interpolated with the unigram (Jelinek-Mercer,
   * λ = 0.7); when `a` is not counted (punctuation, Latin) just P(b).
   */
  conditional(a: number, b: number): number {
    const ca = this.count(a);
    const uni = this.unigram(b);
    if (ca === 0) return uni;
    return 0.7 * (this.pairCount(a, b) / ca) + 0.3 * uni;
  }

  /** log frequency per million characters (0 for unseen characters). */
  perMillion(code: number): number {
    const n = this.count(code);
    return n === 0 ? 0 : Math.log((n * 1e6) / Math.exp(this.logTotal));
  }
}

let model: ZhCharModel | undefined;
export const zhCharModel = (): ZhCharModel => (model ??= ZhCharModel.load());

/**
 * A two-character gazetteer name whose first character forms a word with the character before it, or whose
 * last forms one with the character after it, is part of other words: 全国美食 (国美), 中国足球 (国足),
 * 一汽车 (一汽), 北京东路 (京东). Background character statistics decide (zh/char-model.ts).
 */
export function insideWord(text: string, start: number, end: number): boolean {
  if (end - start !== 2) return false;
  const m = zhCharModel();
  // (-1 outside the text, an unseen character to the model as NaN was: no out-of-range read.)
  return m.pmi(codeAt(text, start - 1), text.charCodeAt(start)) > 3 || m.pmi(text.charCodeAt(end - 1), codeAt(text, end)) > 3;
}
