/**
 * Token features for the English name/place/organisation tagger, shared by training and inference so the
 * model sees exactly what it was trained on. Hot-path design: no regex and no strings per token — one
 * char-code pass finds tokens, per-token attributes (lower-case word hash, shape, prefix/suffix, dictionary
 * bits) are computed only for tokens near a candidate, and features are 32-bit hashes of (template, value)
 * looked up in an open-addressing table. Only "candidate" tokens are scored — capitalised words, and
 * connectors (of, and, de …) right after an entity token; everything else is O without a lookup.
 */
import { EN_FIRST_NAMES, EN_NOT_NAMES, EN_SURNAMES, EN_TITLES } from '../dictionaries/en-names.js';
import { EN_ORG_SUFFIXES } from '../dictionaries/organizations.js';
import { EN_COUNTRIES, EN_PLACES } from '../dictionaries/places.js';
import { codeAt } from '../types.js';

export const TAGS = ['O', 'B-PERSON', 'I-PERSON', 'B-LOCATION', 'I-LOCATION', 'B-ORGANIZATION', 'I-ORGANIZATION'] as const;
export const TAG_COUNT = TAGS.length;
export const FEATURE_COUNT = 19;

/** FNV-1a over char codes. */
export function fnv(h: number, code: number): number {
  return Math.imul(h ^ code, 16777619);
}
// 2166136261 as a signed 32-bit value: the same hashes (the first step applies ToInt32 anyway), but a small integer, so the
// hash variables never start as a heap number (the tagger and the organisation scan allocated one per character).
export const FNV_START = 2166136261 | 0;
/** Hash of a lower-case word as the tokenizer computes it (for dictionaries built from strings). */
export function wordHash(lower: string): number {
  let h = FNV_START;
  for (let i = 0; i < lower.length; i++) h = fnv(h, lower.charCodeAt(i));
  return h | 0;
}
/** Feature key = mix of (template id, value hash), a signed 32-bit int (stays unboxed); never 0 (0 marks an empty table slot). */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0xc2b2ae35);
  h = (h ^ (h >>> 13)) | 0;
  return h === 0 ? 1 : h;
}

// Dictionary bits.
export const COMMON = 1;
export const FIRST = 2;
export const SURNAME = 4;
const PLACE = 8;
const ORG = 16;
const TITLE = 32;
export const NOT_NAME = 64;
/** Not a feature: marks the connector words below. */
const CONNECTOR = 128;
/** A capitalised token with no capitalised token after it is scored unless these bits of its word are COMMON alone (names-gate.ts relies on it). */
export const SCORED_ALONE = COMMON | FIRST | SURNAME | PLACE | ORG | TITLE;
/**
 * Word hash → dictionary bits, open addressing over typed arrays: a Map keyed by 32-bit hashes boxes every
 * key above 2^30 as a heap number, which made this lookup the tagger's hottest line.
 */
export class WordBits {
  private readonly keys: Int32Array;
  private readonly bits: Uint8Array;
  private readonly mask: number;
  /** `capacity`: the number of distinct words; the table stays at most half full. */
  constructor(capacity: number) {
    let size = 1024;
    while (size < capacity * 2) size *= 2;
    this.keys = new Int32Array(size);
    this.bits = new Uint8Array(size);
    this.mask = size - 1;
  }
  add(hash: number, bit: number): void {
    const key = hash === 0 ? 1 : hash;
    let slot = key & this.mask;
    while (this.keys[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
    this.keys[slot] = key;
    this.bits[slot]! |= bit;
  }
  get(hash: number): number {
    const key = hash === 0 ? 1 : hash;
    let slot = key & this.mask;
    for (;;) {
      const k = this.keys[slot]!;
      if (k === key) return this.bits[slot]!;
      if (k === 0) return 0;
      slot = (slot + 1) & this.mask;
    }
  }
}

/** Word hash → dictionary bits (one lookup per token instead of one per list). */
export function buildDictionary(commonWords: readonly string[]): WordBits {
  // Sized by the distinct words (~11k): a table sized by an estimate was 320 KB, mostly empty, and its lookups
  // compete for cache with the other recognizers' dictionaries in the full detector.
  const entries: Array<[number, number]> = [];
  const add = (words: Iterable<string>, bit: number) => {
    for (const w of words) entries.push([wordHash(w.toLowerCase()), bit]);
  };
  add(commonWords, COMMON);
  add(EN_FIRST_NAMES, FIRST);
  add(EN_SURNAMES, SURNAME);
  add([...EN_PLACES, ...EN_COUNTRIES], PLACE);
  add(EN_ORG_SUFFIXES.map((s) => s.replace(/\.$/, '')), ORG);
  add(EN_TITLES, TITLE);
  add(EN_NOT_NAMES, NOT_NAME);
  add(CONNECTORS, CONNECTOR);
  const bits = new WordBits(new Set(entries.map(([h]) => (h === 0 ? 1 : h))).size);
  for (const [hash, bit] of entries) bits.add(hash, bit);
  return bits;
}

/** Lower-case connectors that may continue a name (Bank of America, Hawkins, Richardson and Santana, de la Cruz). */
const CONNECTORS = ['of', 'and', 'de', 'del', 'la', 'le', 'van', 'von', 'der', 'den', 'du', 'da', 'di', 'dos', 'das', 'y', 'the', 'for', 'bin', 'al'];

const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const LETTER = /[\p{L}\p{M}]/u;
/**
 * Latin, Greek and Cyrillic letters by range (no allocation); CJK and other scripts end a token (the tagger
 * reads alphabetic names only); anything else asks the Unicode regex.
 */
function isLetter(c: number): boolean {
  if (c < 0xc0) return isAsciiLetter(c);
  if (c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (c >= 0x300 && c <= 0x52f) return true;
  if (c >= 0x2e80) return false;
  // Memoised per code (0 untested, 1 no, 2 yes): the general punctuation of Chinese social-media text (“ ” … — ★)
  // lies here, and each test was a one-character string and a Unicode regex.
  let known = LETTER_MEMO[c]!;
  if (known === 0) known = LETTER_MEMO[c] = LETTER.test(String.fromCharCode(c)) ? 2 : 1;
  return known === 2;
}
const LETTER_MEMO = new Uint8Array(0x2e80);
const isDigit = (c: number) => c >= 48 && c <= 57;
export const lowerCode = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c < 0xc0 ? c : c < 0x2e80 ? memoLower(c) : String.fromCharCode(c).toLowerCase().charCodeAt(0));
export const isUpperCode = (c: number) => (c >= 65 && c <= 90) || (c >= 0xc0 && (c < 0x2e80 ? memoLower(c) !== c : String.fromCharCode(c).toLowerCase() !== String.fromCharCode(c)));
/**
 * The first code of a letter's lower-case form, memoised below U+2E80 (the letters tokens hold; 0 untested: no
 * such letter lowers to U+0000): on accented names each call built two one-character strings, a garbage source.
 * isUpperCode's test (the lower-cased one-character string differs) is the same as first code ≠ code there,
 * since no code below U+2E80 lowers to a string starting with itself and longer than one unit
 * (test/unit/pii/ner-lower.test.ts checks both against the string forms over that range).
 */
function memoLower(c: number): number {
  let l = LOWER_MEMO[c]!;
  if (l === 0) l = LOWER_MEMO[c] = String.fromCharCode(c).toLowerCase().charCodeAt(0);
  return l;
}
const LOWER_MEMO = new Uint16Array(0x2e80);

const START = 0x5354; // "^" sentinel values for neighbours outside the text
const END = 0x454e;

/**
 * Tokens of one text: words (letters with inner apostrophes / hyphens) and digit runs; punctuation lives in
 * the gaps. Attributes are filled lazily by `ensure(i)`.
 */
export class Tokens {
  // Typed arrays reused across texts (grown on demand): tagging allocates nothing per token.
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  /** 1 when capitalised (ASCII capital, or a non-ASCII upper-case letter: Þórunn, ΛΕΥΚΩΣΙΑ). */
  capital = new Uint8Array(256);
  private word = new Int32Array(256);
  private shape = new Int32Array(256);
  private prefix = new Int32Array(256);
  private suffix = new Int32Array(256);
  private gap = new Int32Array(256);
  private dict = new Uint8Array(256);
  private dictBits = new Uint8Array(256);
  private done = new Uint8Array(256);
  /** Number of tokens. */
  count = 0;
  text = '';

  constructor(private readonly dictionary: WordBits) {}

  /** Tokenizes `text` (previous contents are discarded). */
  reset(text: string): this {
    this.text = text;
    this.count = 0;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isDigit(c)) {
        const s = i;
        while (i < n && isDigit(text.charCodeAt(i))) i++;
        this.push(s, i, 0);
      } else if (isLetter(c)) {
        const s = i;
        i++;
        for (;;) {
          while (i < n && isLetter(text.charCodeAt(i))) i++;
          const d = codeAt(text, i);
          // Inner apostrophe / hyphen joins (O'Neil, Weeks-Rivas); a trailing one does not.
          if ((d === 39 || d === 0x2019 || d === 45) && i + 1 < n && isLetter(text.charCodeAt(i + 1))) i++;
          else break;
        }
        this.push(s, i, isUpperCode(c) ? 1 : 0);
      } else if (c >= 0x2e80) {
        // A run of CJK (no code from U+2E80 on is a letter or a digit here): skipped with one comparison a
        // character instead of isDigit and isLetter's range tests (most of a Chinese text).
        i++;
        while (i < n && text.charCodeAt(i) >= 0x2e80) i++;
      } else i++;
    }
    this.done.fill(0, 0, this.count);
    return this;
  }

  private push(start: number, end: number, capital: number): void {
    if (this.count === this.starts.length) this.grow();
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.capital[this.count] = capital;
    this.count++;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const bigger = <T extends Int32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    this.starts = bigger(this.starts);
    this.ends = bigger(this.ends);
    this.capital = bigger(this.capital);
    this.word = bigger(this.word);
    this.shape = bigger(this.shape);
    this.prefix = bigger(this.prefix);
    this.suffix = bigger(this.suffix);
    this.gap = bigger(this.gap);
    this.dict = bigger(this.dict);
    this.dictBits = bigger(this.dictBits);
    this.done = bigger(this.done);
  }

  /** Word hash of token i (lower-cased). */
  wordOf(i: number): number {
    this.ensure(i);
    return this.word[i]!;
  }

  dictOf(i: number): number {
    this.ensure(i);
    return this.dict[i]!;
  }

  isConnector(i: number): boolean {
    this.ensure(i);
    return (this.dictBits[i]! & CONNECTOR) !== 0;
  }

  private ensure(i: number): void {
    if (this.done[i] === 1) return;
    this.done[i] = 1;
    const text = this.text;
    const s = this.starts[i]!;
    const e = this.ends[i]!;
    let w = FNV_START;
    let shape = FNV_START;
    let lastClass = -1;
    let shapeLen = 0;
    let prefix = FNV_START;
    for (let k = s; k < e; k++) {
      const c = text.charCodeAt(k);
      const l = lowerCode(c);
      w = fnv(w, l);
      if (k < s + 3) prefix = fnv(prefix, l);
      // Shape: runs collapsed, X upper, x lower, d digit, other chars as themselves; at most 6 classes.
      const cls = isDigit(c) ? 1 : l !== c ? 2 : isUpperCode(c) ? 2 : isLetter(c) ? 3 : c;
      if (cls !== lastClass && shapeLen < 6) {
        shape = fnv(shape, cls);
        shapeLen++;
      }
      lastClass = cls;
    }
    let suffix = FNV_START;
    for (let k = Math.max(s, e - 3); k < e; k++) suffix = fnv(suffix, lowerCode(text.charCodeAt(k)));
    // Gap: "\n" when a line break intervenes, else the last two non-space characters before the token.
    const from = i > 0 ? this.ends[i - 1]! : 0;
    let gap = FNV_START;
    let newline = false;
    let kept = 0;
    for (let k = s - 1; k >= from; k--) {
      const c = text.charCodeAt(k);
      if (c === 10) {
        newline = true;
        break;
      }
      if (c === 32 || c === 9 || c === 13) continue;
      if (kept < 2) gap = fnv(gap, c);
      kept++;
    }
    this.word[i] = w | 0;
    this.shape[i] = shape | 0;
    this.prefix[i] = prefix | 0;
    this.suffix[i] = suffix | 0;
    this.gap[i] = newline ? 10 : kept === 0 ? 0 : gap | 0;
    const bits = this.dictionary.get(w | 0);
    this.dictBits[i] = bits;
    this.dict[i] = bits & ~CONNECTOR;
  }

  /** Is token i scored at all (given the previous token's tag)? */
  isCandidate(i: number, prevTag: number): boolean {
    if (this.capital[i] === 1) {
      // A capitalised common word standing alone (a sentence start, "Please", "Thanks") is O without scoring:
      // most capitalised tokens in prose are these. Words in a name/place/org list are always scored.
      if (i + 1 < this.count && this.capital[i + 1] === 1) return true;
      return (this.dictOf(i) & SCORED_ALONE) !== COMMON;
    }
    return prevTag !== 0 && i + 1 < this.count && this.capital[i + 1] === 1 && this.isConnector(i);
  }

  /**
   * The FEATURE_COUNT feature keys of token i given the previous tag, written into `out`. The templates and
   * their ids are the model format: change them only together with retraining.
   */
  features(i: number, prevTag: number, out: Int32Array): void {
    // No closures here: this runs once per candidate token.
    const n = this.count;
    this.ensure(i);
    const hasPrev = i > 0;
    const hasNext = i + 1 < n;
    if (hasPrev) this.ensure(i - 1);
    if (hasNext) this.ensure(i + 1);
    if (i > 1) this.ensure(i - 2);
    if (i + 2 < n) this.ensure(i + 2);
    const word = this.word;
    const shape = this.shape;
    const dict = this.dict;
    out[0] = mix(1, 0);
    out[1] = mix(2, word[i]!);
    out[2] = mix(3, shape[i]!);
    out[3] = mix(4, this.prefix[i]!);
    out[4] = mix(5, this.suffix[i]!);
    out[5] = mix(6, this.gap[i]!);
    out[6] = mix(7, hasNext ? this.gap[i + 1]! : END);
    out[7] = mix(8, hasPrev ? word[i - 1]! : START);
    out[8] = mix(9, hasNext ? word[i + 1]! : END);
    out[9] = mix(10, i > 1 ? word[i - 2]! : START);
    out[10] = mix(11, i + 2 < n ? word[i + 2]! : END);
    out[11] = mix(12, hasPrev ? shape[i - 1]! : START);
    out[12] = mix(13, hasNext ? shape[i + 1]! : END);
    out[13] = mix(14, dict[i]!);
    out[14] = mix(15, hasPrev ? dict[i - 1]! : START);
    out[15] = mix(16, hasNext ? dict[i + 1]! : END);
    out[16] = mix(17, prevTag);
    out[17] = mix(mix(18, prevTag), shape[i]!);
    out[18] = mix(mix(19, prevTag), word[i]!);
  }
}
