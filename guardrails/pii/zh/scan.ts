/**
 * One walk over a Chinese text for all the Chinese dictionary matchers (PairMatcher, DictionaryMatcher in `any`
 * mode: place names, counties, public figures, known organisations, organisation suffixes, account words,
 * generic place words). Each used to walk the whole text on its own, one bitset read per position; here a
 * position costs one read of a shared table that says which matchers' entries may start there (a mask per hash
 * of the position's two codes, and per code for the one-character entries), and only those matchers look.
 *
 * The hits are each matcher's own `find(text)`: at a position the mask rules out, no entry of the matcher
 * starts (the mask holds the first two codes of every entry of two characters or more, and every
 * one-character entry), so its own walk would not hit there either; at every other position the matcher's
 * `entryAt` says exactly what its walk would find there, and a hit moves the matcher on past its end, as its
 * walk does. The detector computes this once per text, on the first request (TextFacts.dictionaryHits).
 */
import { addCode, hasCode, newCodeSet } from '../../core/code-set.js';
import type { DictionaryHit } from '../recognizers/dictionary-matcher.js';

export interface ScannedMatcher {
  /** Position in the shared walk (see registerMatcher), or -1 when it walks on its own. */
  readonly scanSlot: number;
  /** The first two codes of each entry of two characters or more. */
  entryPairs(): Iterable<readonly [number, number]>;
  /** The one-character entries. */
  singleEntries(): Iterable<number>;
  /** The longest entry starting at `i` that the matcher's own walk would take there (`next`: the code at i + 1, or -1). */
  entryAt(text: string, i: number, code: number, next: number): string | undefined;
  find(text: string): DictionaryHit[];
}

/** A mask byte per slot: at most eight matchers share the walk (the built-in recognizers have seven). */
const MAX_SHARED = 8;
const PAIR_BITS = 18;
const pairSlot = (a: number, b: number): number => Math.imul((a << 16) | b, 0x9e3779b1) >>> (32 - PAIR_BITS);

const matchers: ScannedMatcher[] = [];
let pairMask: Uint8Array | undefined;
/**
 * One bit per pairMask slot (32 KB, built with it): 1 where the slot's mask is not 0. Under 2 % of the slots are
 * (4 943 entry pairs in 2^18 slots), so most positions of Chinese text stop at this read, which stays in cache next
 * to the other recognizers' tables, instead of a random read into the 256 KB mask (the walk's costliest line: 3.1 %
 * of the Chinese records' CPU samples, speed round 17). Same masks where a bit is set, 0 where none is: same hits.
 */
let pairBits = new Uint32Array(0);
let singleMask: Uint8Array | undefined;
let anySingle = newCodeSet();
/**
 * Codes below LOW_CODES: 1 where some entry (of any shared matcher) starts with that code. Few do (the entries are
 * Chinese words), so at most other positions of a digit- or Latin-heavy text (the generator's ZH rows are two
 * thirds digits, ASCII and punctuation) the walk reads no pair mask: a mask read there is a random access into a
 * 256 KB table, and most of the walk's time in the whole detector (its line held 7.7 % of a person-only
 * profile on those rows). A position whose code starts no entry has no hit for any matcher, so skipping it
 * changes no hit.
 */
const LOW_CODES = 0x3000;
let lowStart = new Uint8Array(LOW_CODES);

/** Called by each matcher's constructor: its slot in the shared walk, or -1 when the walk is full. */
export function registerMatcher(m: ScannedMatcher): number {
  if (matchers.length >= MAX_SHARED) return -1;
  matchers.push(m);
  // Tables are (re)built on the next walk: a matcher's constructor has not filled its entries yet.
  pairMask = undefined;
  return matchers.length - 1;
}

function buildTables(): void {
  const pairs = new Uint8Array(1 << PAIR_BITS);
  const bits = new Uint32Array(1 << (PAIR_BITS - 5));
  const singles = new Uint8Array(65536);
  const any = newCodeSet();
  const low = new Uint8Array(LOW_CODES);
  for (let k = 0; k < matchers.length; k++) {
    for (const [a, b] of matchers[k]!.entryPairs()) {
      const slot = pairSlot(a, b);
      pairs[slot]! |= 1 << k;
      bits[slot >>> 5]! |= 1 << (slot & 31);
      if (a < LOW_CODES) low[a] = 1;
    }
    for (const c of matchers[k]!.singleEntries()) {
      singles[c]! |= 1 << k;
      addCode(any, c);
      if (c < LOW_CODES) low[c] = 1;
    }
  }
  pairMask = pairs;
  pairBits = bits;
  singleMask = singles;
  anySingle = any;
  lowStart = low;
}

/** The matchers sharing the walk, by slot (tests compare the walk with each one's own find). */
export function sharedMatchers(): readonly ScannedMatcher[] {
  return matchers;
}

/** Where the matcher with each slot may next start a hit (reused: the walk is not re-entered). */
const resumeAt = new Int32Array(MAX_SHARED);

/**
 * The hits of a matcher with none in a text: one shared array instead of one per matcher and text (most texts
 * hit two or three of the seven). Its readers only iterate it (hitsIn's callers); nothing may push to it.
 */
const NO_HITS: DictionaryHit[] = [];

/** Every shared matcher's hits in `text`, by slot (NO_HITS for a matcher without any). */
export function scanDictionaries(text: string): DictionaryHit[][] {
  if (pairMask === undefined) buildTables();
  const pairs = pairMask!;
  const bits = pairBits;
  const singles = singleMask!;
  const any = anySingle;
  const low = lowStart;
  const count = matchers.length;
  const hits: DictionaryHit[][] = [];
  for (let k = 0; k < count; k++) {
    hits.push(NO_HITS);
    resumeAt[k] = 0;
  }
  const n = text.length;
  let next = n > 0 ? text.charCodeAt(0) : -1;
  for (let i = 0; i < n; i++) {
    const code = next;
    next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
    if (code < LOW_CODES && low[code] === 0) continue;
    let mask = 0;
    if (next >= 0) {
      const slot = pairSlot(code, next);
      if ((bits[slot >>> 5]! & (1 << (slot & 31))) !== 0) mask = pairs[slot]!;
    }
    if (hasCode(any, code)) mask |= singles[code]!;
    if (mask === 0) continue;
    for (let k = 0; mask !== 0; k++, mask >>>= 1) {
      if ((mask & 1) === 0 || i < resumeAt[k]!) continue;
      const entry = matchers[k]!.entryAt(text, i, code, next);
      if (entry === undefined) continue;
      let list = hits[k]!;
      if (list === NO_HITS) hits[k] = list = [];
      list.push({ start: i, end: i + entry.length, entry });
      resumeAt[k] = i + entry.length;
    }
  }
  return hits;
}

/**
 * The matcher's hits in `text`: from the detector's shared walk when it has one (`facts.dictionaryHits`), else the
 * matcher's own walk (a detector's text facts always offer it; other callers may not).
 */
export function hitsIn(m: ScannedMatcher, text: string, facts: { dictionaryHits?(slot: number): DictionaryHit[] | undefined }): DictionaryHit[] {
  return (m.scanSlot >= 0 && facts.dictionaryHits !== undefined ? facts.dictionaryHits(m.scanSlot) : undefined) ?? m.find(text);
}
