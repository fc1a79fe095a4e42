/**
 * Text normalisation for matching, with an offset map back to the original text.
 *
 * Detectors match on `normalize(text).text` and report spans in the ORIGINAL text via `toOriginal`.
 * What it does, per code point (so every output unit maps back to one input code point, or one letter and its marks):
 *  - Unicode NFKC (full-width digits/letters from Chinese IMEs → ASCII, ligatures, circled digits …);
 *  - a letter and the combining marks (U+0300–036F) after it composed where they can be (`e` + U+0301 → `é`);
 *  - removes zero-width, bidi-control, soft-hyphen, variation-selector and tag characters (used to split
 *    identifiers past filters, or to hide text);
 *  - ideographic space → ASCII space.
 * Digits split by spaces/dashes/dots (`138 0013 8000`) are NOT joined here — joining globally would merge
 * unrelated numbers; recognizers allow separators between digit groups and use `digitsOf` to validate.
 *
 * Hot path: pure-ASCII input without control characters returns an identity map with no allocation
 * beyond the result object; CJK ideographs skip the per-character NFKC call.
 */

export interface NormalizedText {
  /** The normalised text to match on. */
  readonly text: string;
  /** True when `text` differs from the original (offsets need mapping). */
  readonly changed: boolean;
  /** Maps a [start, end) span of the normalised text to the [start, end) span of the original text. */
  toOriginal(start: number, end: number): [number, number];
}

/**
 * Every Default_Ignorable_Code_Point (zero-width, bidi controls, soft hyphen, word joiner, BOM, variation
 * selectors …): invisible, removed. A hand-written list of the well-known ones left out the Arabic letter
 * mark U+061C, the Hangul fillers U+115F/U+1160/U+3164/U+FFA0, the combining grapheme joiner U+034F, Khmer
 * U+17B4/U+17B5, the Mongolian selectors U+180B–U+180F and U+2065: one of them between the letters of
 * 'Ignore all previous instructions…' reached the model past the intent classifier, and inside a keyword
 * past the tenant's rules.
 */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;
/**
 * Tag characters (U+E0000–E007F) and variation selectors 17–256 (U+E0100–E01EF): invisible too, and the
 * carriers of "ASCII smuggling" (guardrails/intent/decoders.ts decodes what they hide); removed here so
 * that they cannot split an identifier or a word.
 */
function isInvisibleAstral(cp: number): boolean {
  return (cp >= 0xe0000 && cp <= 0xe007f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}
/**
 * Combining diacritical marks (U+0300–036F) that compose with the letter before them (NFC/NFKC), minus the
 * combining grapheme joiner U+034F, which is invisible and removed like the other default-ignorables. Only a mark
 * after a letter copied unchanged composes: a mark after a mapped character (full-width, removed) stays as it is.
 */
const isComposingMark = (c: number): boolean => c >= 0x300 && c <= 0x36f && c !== 0x34f;
/** The second half of an astral character: never the base of a composition (the pair would be split). */
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Anything outside printable ASCII (plus tab/newline/CR) needs the slow path. */
const NEEDS_WORK = /[^\t\n\r\x20-\x7e]/;
/**
 * What the slow path maps: NEEDS_WORK minus the blocks mapCodePoint keeps unchanged without a lookup and the
 * punctuation of Chinese text that NFKC keeps and INVISIBLE lacks (‐ – — ‘ ’ “ ” • 、 。 《 》 「 」 【 】 and the rest of
 * U+3001–3035; not the ellipsis, which NFKC turns into three dots; checked
 * in test/unit/pii/normalize.test.ts): V8 skips those too instead of stopping at each for a cache lookup.
 */
export const SLOW_PATH = /[^\t\n\r\x20-\x7e\u2010\u2012-\u2016\u2018-\u2023\u3001-\u3035\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]/g;

/** Unchanged text. A class, not an object literal with an arrow: no closure per call on the hot path. */
class IdentityText implements NormalizedText {
  readonly changed = false;
  constructor(readonly text: string) {}
  toOriginal(start: number, end: number): [number, number] {
    return [start, end];
  }
}
const identity = (text: string): NormalizedText => new IdentityText(text);

/**
 * Cache of per-code-point results for non-trivial characters: the replacement, or UNCHANGED (bounded: the
 * alphabet is small). Keyed by code point so an unchanged character never allocates a string — on Chinese
 * text, `text[i]` per character was the detector's main source of garbage.
 */
const nfkcCache = new Map<number, string | typeof UNCHANGED>();
const NFKC_CACHE_MAX = 8192;
const UNCHANGED = 0;

/** The replacement of code point `cp` (`width` UTF-16 units at `i`), or UNCHANGED. */
function mapCodePoint(text: string, i: number, cp: number, width: number): string | typeof UNCHANGED {
  // Full-width ASCII block (U+FF01–FF5E) is the common case from Chinese input methods.
  if (cp >= 0xff01 && cp <= 0xff5e) return String.fromCharCode(cp - 0xfee0);
  if (cp === 0x3000) return ' ';
  // CJK unified ideographs (+ ext A) and Hangul syllables are NFKC-stable: skip the expensive call.
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xac00 && cp <= 0xd7a3)) return UNCHANGED;
  let out = nfkcCache.get(cp);
  if (out === undefined) {
    const ch = width === 1 ? text[i]! : text.slice(i, i + 2);
    const mapped = INVISIBLE.test(ch) || isInvisibleAstral(cp) ? '' : ch.normalize('NFKC');
    out = mapped === ch ? UNCHANGED : mapped;
    if (nfkcCache.size < NFKC_CACHE_MAX) nfkcCache.set(cp, out);
  }
  return out;
}

export function normalize(text: string): NormalizedText {
  if (!NEEDS_WORK.test(text)) return identity(text);

  // Only the changed pieces are recorded; between them the offset delta is constant, so a position
  // maps back by binary search over the pieces (no per-character arrays for long unchanged runs).
  const parts: string[] = [];
  const normStarts: number[] = [];
  const normEnds: number[] = [];
  const origStarts: number[] = [];
  const origEnds: number[] = [];
  let runStart = 0;
  let outLen = 0;

  // Only characters outside printable ASCII, tab/newline/CR and the NFKC-stable CJK and Hangul blocks can change:
  // V8 skips to them (a Chinese text is mostly ideographs), and each is mapped as before.
  const slow = SLOW_PATH;
  slow.lastIndex = 0;
  // test() rather than exec(): no match array per hit (SLOW_PATH matches one UTF-16 unit).
  while (slow.test(text)) {
    const i = slow.lastIndex - 1;
    const cp = text.charCodeAt(i);
    const full = cp >= 0xd800 && cp <= 0xdbff ? text.codePointAt(i)! : cp;
    const width = full > 0xffff ? 2 : 1;
    slow.lastIndex = i + width;
    // Combining marks after a letter copied as is (decomposed text: `e` + U+0301): the letter and its marks are one
    // character to the reader, so they are composed where they can be (`Jose\u0301` reads as `José`).
    if (isComposingMark(cp) && i > runStart && !isLowSurrogate(text.charCodeAt(i - 1))) {
      let j = i + 1;
      while (j < text.length && isComposingMark(text.charCodeAt(j))) j++;
      slow.lastIndex = j;
      const cluster = text.slice(i - 1, j);
      const composed = cluster.normalize('NFKC');
      if (composed === cluster) continue;
      if (i - 1 > runStart) {
        parts.push(text.slice(runStart, i - 1));
        outLen += i - 1 - runStart;
      }
      parts.push(composed);
      normStarts.push(outLen);
      origStarts.push(i - 1);
      normEnds.push(outLen + composed.length);
      origEnds.push(j);
      outLen += composed.length;
      runStart = j;
      continue;
    }
    const mapped = mapCodePoint(text, i, full, width);
    if (mapped === UNCHANGED) continue;
    if (i > runStart) {
      parts.push(text.slice(runStart, i));
      outLen += i - runStart;
    }
    parts.push(mapped);
    // One unit for one unit (，→ , and the other full-width forms) shifts no offset: mapped back through the
    // pieces before it exactly as through its own, so it needs none.
    if (width !== 1 || mapped.length !== 1) {
      normStarts.push(outLen);
      origStarts.push(i);
      normEnds.push(outLen + mapped.length);
      origEnds.push(i + width);
    }
    outLen += mapped.length;
    runStart = i + width;
  }
  if (runStart === 0) return identity(text);
  if (text.length > runStart) {
    parts.push(text.slice(runStart));
    outLen += text.length - runStart;
  }

  return new MappedText(parts.join(''), normStarts, normEnds, origStarts, origEnds, outLen);
}

/**
 * Changed text with its piece tables. A class rather than closures returned per call: on the detector's hot
 * path every non-ASCII text was allocating three closures.
 */
class MappedText implements NormalizedText {
  readonly changed = true;
  constructor(
    readonly text: string,
    private readonly normStarts: number[],
    private readonly normEnds: number[],
    private readonly origStarts: number[],
    private readonly origEnds: number[],
    private readonly outLen: number,
  ) {}

  /** Index of the last changed piece starting at or before `pos`, or -1. */
  private pieceAt(pos: number): number {
    const normStarts = this.normStarts;
    let lo = 0;
    let hi = normStarts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (normStarts[mid]! <= pos) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** Original offset of normalised position `pos`; `asEnd` maps a position inside a piece to the piece's end. */
  private mapPos(pos: number, asEnd: boolean): number {
    // Removed (empty) pieces never contain a unit, so they only shift the offsets after them.
    const unit = asEnd ? pos - 1 : pos;
    const j = this.pieceAt(unit);
    if (j < 0) return pos;
    if (unit < this.normEnds[j]!) return asEnd ? this.origEnds[j]! : this.origStarts[j]!;
    return this.origEnds[j]! + (pos - this.normEnds[j]!);
  }

  toOriginal(start: number, end: number): [number, number] {
    const s = this.mapPos(Math.max(0, Math.min(start, this.outLen)), false);
    const e = end <= start ? s : this.mapPos(Math.min(end, this.outLen), true);
    return [s, Math.max(s, e)];
  }
}

/** Digits (and letters) of an identifier with spaces, dashes and dots removed: `138 0013-8000` → `13800138000`. */
export function digitsOf(value: string): string {
  return value.replace(/[\s.\-]/g, '');
}
