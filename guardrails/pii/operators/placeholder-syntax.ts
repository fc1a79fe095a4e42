/**
 * How a placeholder may come back from a model: `<PHONE_1>`, `< PHONE_1 >`, `<phone_1>`, in full-width or CJK
 * angle brackets (`＜PHONE_1＞`, `〈PHONE_1〉`: Chinese answers often re-type the brackets), with a zero-padded
 * number (`<PHONE_01>`), Markdown-escaped (`\<PHONE_1\>`, `\<ID\_NUMBER\_1\>`: a model writing Markdown escapes
 * brackets and underscores) and with a space for an underscore (`<PHONE _1>`, `<ID NUMBER_1>`). Shared by the
 * session's restore, the stream restorer and the gateway's stream cutting, so they agree on what an unfinished
 * placeholder looks like.
 */

/**
 * A whole placeholder; group 1 is its name. The name's parts (letters, an optionally escaped underscore, and in an
 * upper-case name a space) cannot match a digit and each starts with a different character, so matching is
 * linear. A space stands for an underscore only in an upper-case name (`<ID NUMBER_1>`): in lower case it is
 * prose (`< not a placeholder`), which the stream restorer must not hold back. A backslash that is itself escaped
 * (`\\<`, as in a JSON string's source) is not the placeholder's: replacing it would break the escape.
 */
export const PLACEHOLDER_PATTERN =
  /(?:(?<!\\)\\)?[<＜〈]\s{0,2}((?:[A-Za-z](?:[A-Za-z]|\\?_){0,39}\\?_|[A-Z](?:[A-Z]|\\?_| ){0,39}(?:\\?_| ))\d{1,6})\s{0,2}\\?[>＞〉]/g;

/**
 * A prefix of a placeholder without its closing bracket (possibly just its escaping backslash): what the stream
 * restorer holds back. Never stricter than PLACEHOLDER_PATTERN (test/unit/pii/restore-escaped-placeholders.test.ts
 * checks every prefix); one character class per name form, so it cannot backtrack far.
 */
export const OPEN_PREFIX = /^\\?(?:[<＜〈]\s{0,2}(?:(?:[A-Za-z][A-Za-z_\\]{0,78}|[A-Z][A-Z_ \\]{0,78})(?:\d{1,6}\s{0,2}\\?)?)?)?$/;

/** Longest text PLACEHOLDER_PATTERN can match: a held-back tail longer than this is no placeholder. */
export const MAX_PLACEHOLDER_LENGTH = 96;

const OPENERS = ['<', '＜', '〈'] as const;
const CLOSERS = ['>', '＞', '〉'] as const;

/** Whether `text` holds any opening bracket (the cheap check before a restore). */
export function hasPlaceholderOpener(text: string): boolean {
  return text.includes('<') || text.includes('＜') || text.includes('〈');
}

/**
 * The last opening bracket at or before `from` (default: the end), or -1; the backslash before it when it is
 * escaped (`\<`), so that a cut there keeps the escape with its placeholder.
 */
export function lastPlaceholderOpener(text: string, from = text.length - 1): number {
  let last = -1;
  for (const o of OPENERS) last = Math.max(last, text.lastIndexOf(o, from));
  return last > 0 && text.charCodeAt(last - 1) === 0x5c ? last - 1 : last;
}

/** The first closing bracket at or after `from`, or -1. */
export function nextPlaceholderCloser(text: string, from: number): number {
  let first = -1;
  for (const c of CLOSERS) {
    const i = text.indexOf(c, from);
    if (i >= 0 && (first < 0 || i < first)) first = i;
  }
  return first;
}

/**
 * The issued name a placeholder as written stands for: escapes dropped, upper case, a space or a run of
 * separators read as one underscore, the number without zero padding.
 */
export function canonicalPlaceholderName(name: string): string {
  return name.replace(/\\/g, '').toUpperCase().replace(/[ _]+/g, '_').replace(/_0+(\d)/, '_$1');
}
