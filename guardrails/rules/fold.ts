/**
 * Case folding that keeps UTF-16 length (so offsets from `normalize()` still map back to the original).
 * Keyword terms and scanned text go through the same `normalize → foldCase` so a term written in
 * full-width, mixed case or split by zero-width characters still matches.
 */
import { HOMOGLYPHS } from '../core/homoglyphs.js';
import { normalize, type NormalizedText } from '../core/normalize.js';

export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return foldHomoglyphs(lower);
  // Rare: a character whose lowercase is longer (e.g. U+0130). Fold per unit, keeping it when it would grow.
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const l = ch.toLowerCase();
    out += l.length === 1 ? l : ch;
  }
  return foldHomoglyphs(out);
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
 * Normalised + folded text for matching, with the offset map back to the original. Whitespace runs
 * become one space (`project   nightingale` matches `project nightingale`).
 */
export function prepareForMatching(text: string, normalizedText?: NormalizedText): { folded: string; normalized: NormalizedText } {
  // The caller may have normalised the text already (the regex rules read it too): NFKC once per text.
  const normalized = normalizedText ?? normalize(text);
  const folded = foldCase(normalized.text);
  if (!NEEDS_COLLAPSE.test(folded)) return { folded, normalized };
  const map: number[] = [];
  let out = '';
  // Whether `out` ends with a space, kept as a flag: `out.endsWith(' ')` flattened the string being built
  // at every character, so a long text took quadratic time (a 256 KB message with two keyword rules: ~100 s).
  let space = false;
  for (let i = 0; i < folded.length; i++) {
    const ch = folded[i]!;
    if (/\s/.test(ch)) {
      if (space) continue;
      out += ' ';
      space = true;
    } else {
      out += ch;
      space = false;
    }
    map.push(i);
  }
  const inner = normalized;
  return {
    folded: out,
    normalized: {
      text: out,
      changed: true,
      toOriginal: (start, end) => inner.toOriginal(map[start] ?? folded.length, end > 0 ? (map[end - 1] ?? folded.length - 1) + 1 : 0),
    },
  };
}

/** The same transformation for a dictionary term. */
export function foldTerm(term: string): string {
  return foldCase(normalize(term.trim()).text).replace(/\s+/g, ' ');
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]/;

/** Word-ish characters that are not CJK: CJK text has no spaces, so boundaries only apply to alphabetic scripts. */
export function isBoundarySensitive(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch) && !CJK.test(ch);
}
