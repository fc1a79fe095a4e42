/**
 * How a placeholder may come back from a model: `<PHONE_1>`, `< PHONE_1 >`, `<phone_1>`, in full-width or CJK
 * angle brackets (`＜PHONE_1＞`, `〈PHONE_1〉`: Chinese answers often re-type the brackets), with a zero-padded
 * number (`<PHONE_01>`), Markdown-escaped (`\<PHONE_1\>`, `\<ID\_NUMBER\_1\>`: a model writing Markdown escapes
 * brackets and underscores), with a space for an underscore (`<PHONE _1>`, `<ID NUMBER_1>`, `<email 1>`),
 * HTML-escaped (`&lt;PHONE_1&gt;`), JSON/Unicode-escaped in code (`\u003cPHONE_1\u003e`), self-closing
 * (`<PHONE_1/>`), with full-width letters, digits or underscore in the name (`<ＰＨＯＮＥ_１>`) and with zero-width
 * characters inside (`<PHONE\u200B_1>`). Shared by the session's restore, the stream restorer and the gateway's
 * stream cutting, so they agree on what an unfinished placeholder looks like.
 */

/** Zero-width characters a model or an editor may leave inside a name (soft hyphen, ZWSP, ZWNJ, ZWJ, word joiner, BOM). */
const ZW = '\\u00AD\\u200B-\\u200D\\u2060\\uFEFF';
const LETTER = 'A-Za-z\\uFF21-\\uFF3A\\uFF41-\\uFF5A';
const DIGIT = '0-9\\uFF10-\\uFF19';
/** `<` in any bracket (optionally Markdown-escaped), HTML-escaped, or Unicode-escaped (not after an escaped backslash). */
const OPEN = '(?:(?:(?<!\\\\)\\\\)?[<＜〈]|&lt;|(?<!\\\\)\\\\u003[cC])';
const CLOSE = '(?:\\\\?[>＞〉]|&gt;|\\\\u003[eE])';

/**
 * A whole placeholder; group 1 is its name. The name's parts (a letter, an optionally escaped underscore, a space
 * or a zero-width character) cannot match a digit and each starts with a different character, so matching is
 * linear. Lenient on purpose: only names the session issued are restored, everything else stays as written. A
 * backslash that is itself escaped (`\\<`, `\\u003c`, as in a JSON string's source) is not the placeholder's:
 * replacing it would break the escape.
 */
export const PLACEHOLDER_PATTERN = new RegExp(
  `${OPEN}[\\s${ZW}]{0,2}([${LETTER}](?:[${LETTER}]|\\\\?[_\\uFF3F]|[ ${ZW}]){0,39}(?:\\\\?[_\\uFF3F]| )[${ZW}]?[${DIGIT}]{1,6})[\\s${ZW}]{0,2}(?:/[\\s${ZW}]{0,2})?${CLOSE}`,
  'g',
);

/**
 * A prefix of a placeholder without its closing bracket (possibly just the start of its opener: `\`, `&l`, `\u00`):
 * what the stream restorer may hold back. Never stricter than PLACEHOLDER_PATTERN
 * (test/unit/pii/restore-escaped-placeholders.test.ts checks every prefix); one character class per name form, so
 * it cannot backtrack far.
 */
export const OPEN_PREFIX = new RegExp(
  `^(?:\\\\(?:u(?:0(?:03?)?)?)?|&(?:lt?)?|${OPEN}[\\s${ZW}]{0,2}(?:[${LETTER}][${LETTER}_\\uFF3F\\\\ ${ZW}]{0,78}(?:[${DIGIT}]{1,6}[\\s${ZW}]{0,2}(?:/[\\s${ZW}]{0,2})?(?:\\\\(?:u(?:0(?:03?)?)?)?|&(?:gt?)?)?)?)?)$`,
);

/** Longest text PLACEHOLDER_PATTERN can match: a held-back tail longer than this is no placeholder. */
export const MAX_PLACEHOLDER_LENGTH = 110;

const OPENERS = ['<', '＜', '〈', '&lt;'] as const;
const CLOSERS = ['>', '＞', '〉', '&gt;', '\\u003e', '\\u003E'] as const;
/** Openers of more than one character, whose start may be all a chunk ends with. */
const LONG_OPENERS = ['&lt;', '\\u003c'] as const;
const BRACKETS = '<＜〈';

/** Whether `text` holds any opener (the cheap check before a restore). */
export function hasPlaceholderOpener(text: string): boolean {
  return text.includes('<') || text.includes('＜') || text.includes('〈') || text.includes('&lt;') || text.includes('\\u003');
}

/**
 * The start of the last opener that begins at or before `from` (default: the end), or -1: the backslash before a
 * bracket when it is escaped (`\<`), so that a cut there keeps the escape with its placeholder; the `&` of `&lt;`
 * and the backslash of `\u003c`.
 */
export function lastPlaceholderOpener(text: string, from = text.length - 1): number {
  let last = -1;
  for (const o of OPENERS) last = Math.max(last, text.lastIndexOf(o, from));
  for (let u = text.lastIndexOf('\\u003', from); u > last; u = u > 0 ? text.lastIndexOf('\\u003', u - 1) : -1) {
    if ((text.charCodeAt(u + 5) | 0x20) === 0x63) last = u; // \u003c or \u003C
  }
  return last > 0 && BRACKETS.includes(text[last]!) && text.charCodeAt(last - 1) === 0x5c ? last - 1 : last;
}

/**
 * Where the end of `text` starts a multi-character opener it does not finish (`&l`, `\u00`, or the `\` that may
 * escape a bracket), or -1: the next chunk may complete it.
 */
export function trailingPartialOpener(text: string): number {
  const last = text.charCodeAt(text.length - 1);
  // Only `\ u 0 3 & l t` end such a start: most texts are answered by this one comparison.
  if (last !== 0x5c && last !== 0x75 && last !== 0x30 && last !== 0x33 && last !== 0x26 && last !== 0x6c && last !== 0x74) return -1;
  for (let k = Math.min(5, text.length); k >= 1; k--) {
    const start = text.length - k;
    if (LONG_OPENERS.some((o) => text.startsWith(o.slice(0, k), start))) return start;
  }
  return -1;
}

/** The end (just past it) of the first closer at or after `from`, or -1. */
export function placeholderCloserEnd(text: string, from: number): number {
  let end = -1;
  let first = -1;
  for (const c of CLOSERS) {
    const i = text.indexOf(c, from);
    if (i >= 0 && (first < 0 || i < first)) {
      first = i;
      end = i + c.length;
    }
  }
  return end;
}

const NON_ASCII = /[^\x00-\x7f]/;
const ZERO_WIDTH = new RegExp(`[${ZW}]`, 'g');

/** Escapes dropped, full-width folded, zero-width removed, upper case, a run of spaces and underscores read as one `_`. */
function foldName(name: string): string {
  let n = name.replace(/\\/g, '');
  if (NON_ASCII.test(n)) n = n.normalize('NFKC').replace(ZERO_WIDTH, '');
  return n.toUpperCase().replace(/[ _]+/g, '_');
}

/**
 * The issued name a placeholder as written stands for: escapes dropped, full-width folded, zero-width characters
 * removed, upper case, a space or a run of separators read as one underscore, the number without zero padding.
 */
export function canonicalPlaceholderName(name: string): string {
  return foldName(name).replace(/_0+(\d)/, '_$1');
}

const TAIL_PARTS = new RegExp(`^${OPEN}[\\s${ZW}]*([^${DIGIT}]*)([${DIGIT}]*)([^]*)$`);

/**
 * Whether `tail` (what follows an opener up to the end of the text so far) may still become a placeholder for
 * one of `names` (canonical names): a stream holds back only such a tail, and releases prose (`< not a name`,
 * `<div class`, `&lt;span`) at once.
 */
export function mayBecomePlaceholder(tail: string, names: Iterable<string>): boolean {
  if (!OPEN_PREFIX.test(tail)) return false;
  const parts = TAIL_PARTS.exec(tail);
  if (!parts) return true; // an opener not written out yet (`&l`, `\u00`)
  const name = foldName(parts[1]!);
  const digits = parts[2]!.normalize('NFKC').replace(/^0+/, '');
  const exact = parts[3] !== '' && digits !== '';
  const prefix = name + digits;
  for (const n of names) if (exact ? n === prefix : n.startsWith(prefix)) return true;
  return false;
}

/** How a restored value is written where its placeholder was written escaped: `\u003c…` in code, `&lt;…` in HTML. */
function escapedLike(written: string, value: string): string {
  if (written.charCodeAt(0) === 0x26) return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (written.charCodeAt(0) === 0x5c && written.charCodeAt(1) === 0x75) return JSON.stringify(value).slice(1, -1);
  return value;
}

/**
 * Replaces every placeholder `valueOf` knows with its value; unknown ones stay as written. `json`: the text is
 * JSON source (tool-call arguments, a JSON answer), so every value goes back JSON-escaped.
 */
export function replacePlaceholders(text: string, valueOf: (name: string) => string | undefined, json = false): string {
  return text.replace(PLACEHOLDER_PATTERN, (whole: string, name: string) => {
    const value = valueOf(name);
    if (value === undefined) return whole;
    return json ? JSON.stringify(value).slice(1, -1) : escapedLike(whole, value);
  });
}
