/**
 * How a placeholder may come back from a model: `<PHONE_1>`, `< PHONE_1 >`, `<phone_1>`, in full-width or CJK
 * angle brackets (`＜PHONE_1＞`, `〈PHONE_1〉`: Chinese answers often re-type the brackets) and with a zero-padded
 * number (`<PHONE_01>`). Shared by the session's restore, the stream restorer and the gateway's stream cutting, so
 * they agree on what an unfinished placeholder looks like.
 */

/** A whole placeholder; group 1 is its name. */
export const PLACEHOLDER_PATTERN = /[<＜〈]\s{0,2}([A-Za-z][A-Za-z_]{0,39}_\d{1,6})\s{0,2}[>＞〉]/g;

/** A prefix of a placeholder without its closing bracket. */
export const OPEN_PREFIX = /^[<＜〈]\s{0,2}(?:[A-Za-z][A-Za-z_]{0,39}(?:_\d{0,6})?)?\s{0,2}$|^[<＜〈]\s{0,2}[A-Za-z][A-Za-z_]{0,39}_\d{1,6}\s{0,2}$/;

const OPENERS = ['<', '＜', '〈'] as const;
const CLOSERS = ['>', '＞', '〉'] as const;

/** Whether `text` holds any opening bracket (the cheap check before a restore). */
export function hasPlaceholderOpener(text: string): boolean {
  return text.includes('<') || text.includes('＜') || text.includes('〈');
}

/** The last opening bracket at or before `from` (default: the end), or -1. */
export function lastPlaceholderOpener(text: string, from = text.length - 1): number {
  let last = -1;
  for (const o of OPENERS) last = Math.max(last, text.lastIndexOf(o, from));
  return last;
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

/** The issued name a placeholder as written stands for: upper case, number without zero padding. */
export function canonicalPlaceholderName(name: string): string {
  return name.toUpperCase().replace(/_0+(\d)/, '_$1');
}
