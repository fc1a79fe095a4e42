/**
 * Case folding that keeps UTF-16 length (so offsets from `normalize()` still map back to the original).
 * Keyword terms and scanned text go through the same `normalize → foldCase` so a term written in
 * full-width, mixed case or split by zero-width characters still matches, and a Chinese term matches in
 * Traditional and Simplified characters alike (both fold to Simplified, one unit for one: core/traditional.ts).
 */
import { HOMOGLYPHS } from '../core/homoglyphs.js';
import { normalize, type NormalizedText } from '../core/normalize.js';
import { foldTraditional } from '../core/traditional.js';

export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return foldTraditional(foldHomoglyphs(lower));
  // Rare: a character whose lowercase is longer (e.g. U+0130). Fold per unit, keeping it when it would grow.
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const l = ch.toLowerCase();
    out += l.length === 1 ? l : ch;
  }
  return foldTraditional(foldHomoglyphs(out));
}

const NON_ASCII = /[^\x00-\x7f]/;
/** HOMOGLYPHS by UTF-16 code (every key is one unit): a lookup without a string per character. */
const HOMOGLYPH_CODES = new Map(Object.entries(HOMOGLYPHS).map(([from, to]) => [from.charCodeAt(0), to]));

/**
 * Cyrillic/Greek look-alikes and small capitals → the Latin letter, one unit for one: terms and text fold
 * alike, so 'glоbex' (Cyrillic о) matches a rule for globex, and a Cyrillic term still matches Cyrillic text.
 */
function foldHomoglyphs(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const latin = code < 0x80 ? undefined : HOMOGLYPH_CODES.get(code);
    if (latin === undefined) continue;
    out += text.slice(from, i) + latin;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * Any white space but a single ASCII space: \u2028, \u2029 and \u1680 are white space the model reads as a
 * word break but NFKC keeps, so listing a few (tab, newline, NBSP) let `project\u2028titan` pass a rule for
 * `project titan`.
 */
const NEEDS_COLLAPSE = /\s{2,}|[^\S ]/;

/**
 * Combining diacritical marks (the blocks used for "Zalgo" text: underline, strike-through, overlays, accents).
 * The normaliser works per code point, so a mark stays after its letter: `p̲r̲o̲j̲e̲c̲t̲ t̲i̲t̲a̲n̲` (U+0332 after each
 * letter) read as "project titan" to a model but passed a keyword rule for it, and `cafe\u0301` (decomposed, as
 * macOS writes file names) missed a rule for `café`.
 */
const MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/;
const isMark = (code: number) =>
  (code >= 0x300 && code <= 0x36f) || (code >= 0x1ab0 && code <= 0x1aff) || (code >= 0x1dc0 && code <= 0x1dff) || (code >= 0x20d0 && code <= 0x20ff) || (code >= 0xfe20 && code <= 0xfe2f);

/**
 * Latin letters with diacritics → the ASCII letter (`é` → `e`, `ṕ` → `p`), so accents added to a Latin term
 * do not hide it (and a term written with accents matches without them). Only letters whose decomposition is an
 * ASCII letter plus combining marks: Cyrillic й/ё and Greek letters keep their identity.
 */
const LATIN_BASE = (() => {
  const map = new Map<string, string>();
  for (const [from, to] of [[0xc0, 0x24f], [0x1e00, 0x1eff]] as const) {
    for (let cp = from; cp <= to; cp++) {
      const ch = String.fromCharCode(cp);
      const nfd = ch.normalize('NFD');
      if (nfd.length > 1 && /^[A-Za-z]$/.test(nfd[0]!) && [...nfd.slice(1)].every((m) => isMark(m.charCodeAt(0)))) map.set(ch, nfd[0]!);
    }
  }
  // ß upper-cases to SS (ẞ lower-cases to ß): read as `ss`, or `STRASSE` misses a rule for `straße` and back.
  map.set('ß', 'ss');
  return map;
})();
const LATIN_ACCENTED = /[\u00c0-\u024f\u1e00-\u1eff]/;

/** Copied as is: not white space, a mark, an accented Latin letter or half of a surrogate pair (JS `\s` listed out). */
function isPlain(code: number): boolean {
  if (code < 0x80) return true; // ASCII white space is tested by the caller
  if (code >= 0xd800 && code <= 0xdfff) return false;
  if (isSpaceCode(code)) return false;
  if ((code >= 0xc0 && code <= 0x24f) || (code >= 0x1e00 && code <= 0x1eff)) return false;
  return !isMark(code);
}

/**
 * Normalised + folded text for matching, with the offset map back to the original. Whitespace runs
 * become one space (`project   nightingale` matches `project nightingale`); combining marks are composed
 * where they can be and dropped where not, and accented Latin letters read as their ASCII letter.
 */
export function prepareForMatching(text: string, normalizedText?: NormalizedText): { folded: string; normalized: NormalizedText } {
  // The caller may have normalised the text already (the regex rules read it too): NFKC once per text.
  const normalized = normalizedText ?? normalize(text);
  const folded = foldCase(normalized.text);
  if (!NEEDS_COLLAPSE.test(folded) && !MARKS.test(folded) && !LATIN_ACCENTED.test(folded)) return { folded, normalized };
  const mapped = foldMarks(folded, normalized, true);
  return { folded: mapped.text, normalized: mapped };
}

/**
 * For the regex rules: `text` (already normalised, case kept) with combining marks composed or dropped and
 * accented Latin letters read as ASCII, spans mapped through `inner` to the original; undefined when there is
 * nothing to change. White space is kept as it is.
 */
export function withoutMarks(text: string, inner: NormalizedText): NormalizedText | undefined {
  if (!MARKS.test(text) && !LATIN_ACCENTED.test(text)) return undefined;
  return foldMarks(text, inner, false);
}

/** The loop behind both: marks, accented Latin letters and (when `collapse`) white-space runs. */
function foldMarks(folded: string, inner: NormalizedText, collapse: boolean): NormalizedText {
  // Per output unit: where it starts in `folded` and where the input it stands for ends (marks dropped after a
  // letter belong to it, so a match ending on the letter covers them). Never longer than `folded`.
  const starts = new Int32Array(folded.length);
  const ends = new Int32Array(folded.length);
  let count = 0;
  let out = '';
  // Whether `out` ends with a space, kept as a flag: `out.endsWith(' ')` flattened the string being built
  // at every character, so a long text took quadratic time (a 256 KB message with two keyword rules: ~100 s).
  let space = false;
  // Plain runs (no white space to fold, no mark after) are copied in one slice.
  let runFrom = -1;
  const flushRun = (to: number) => {
    if (runFrom < 0) return;
    out += folded.slice(runFrom, to);
    for (let k = runFrom; k < to; k++) {
      starts[count] = k;
      ends[count++] = k + 1;
    }
    runFrom = -1;
  };
  for (let i = 0; i < folded.length; ) {
    const code = folded.charCodeAt(i);
    const white = collapse && (code === 32 || (code >= 9 && code <= 13));
    if (!white && (isPlain(code) || (!collapse && isSpaceCode(code))) && !(i + 1 < folded.length && isMark(folded.charCodeAt(i + 1)))) {
      if (runFrom < 0) runFrom = i;
      space = false;
      i++;
      continue;
    }
    flushRun(i);
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < folded.length ? 2 : 1;
    let next = i + width;
    while (next < folded.length && isMark(folded.charCodeAt(next))) next++;
    if (isMark(code)) {
      // Marks with no letter before them (text that opens with one): nothing to read.
      i = next;
      continue;
    }
    let unit = folded.slice(i, i + width);
    if (next > i + width) {
      // A letter and its marks: one character if they compose (e + U+0301 → é), else the letter alone.
      const composed = folded.slice(i, next).normalize('NFC');
      if (composed.length === 1 || (composed.length === 2 && composed.codePointAt(0)! > 0xffff)) unit = composed;
    }
    unit = LATIN_BASE.get(unit) ?? unit;
    if (collapse && (white || /\s/.test(unit))) {
      if (!space) {
        out += ' ';
        starts[count] = i;
        ends[count++] = next;
        space = true;
      }
    } else {
      for (let k = 0; k < unit.length; k++) {
        starts[count] = unit.length === width ? i + k : i;
        ends[count++] = unit.length === width && k < unit.length - 1 ? i + k + 1 : next;
      }
      out += unit;
      space = false;
    }
    i = next;
  }
  flushRun(folded.length);
  return {
    text: out,
    changed: true,
    toOriginal: (start, end) => inner.toOriginal(start < count ? starts[start]! : folded.length, end > 0 ? (end - 1 < count ? ends[end - 1]! : folded.length) : 0),
  };
}

/** JS `\s` outside ASCII (ASCII white space is tested apart). */
function isSpaceCode(code: number): boolean {
  return code === 0x85 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** The same transformation for a dictionary term. */
export function foldTerm(term: string): string {
  return prepareForMatching(term.trim()).folded.trim();
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]/;

/** Word-ish characters that are not CJK: CJK text has no spaces, so boundaries only apply to alphabetic scripts. */
export function isBoundarySensitive(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch) && !CJK.test(ch);
}
