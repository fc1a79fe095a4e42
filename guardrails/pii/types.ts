import type { Sensitivity } from '../core/types.js';
import { AFTER, BEFORE, firstReachingOccurrence } from './context.js';
import type { DictionaryHit } from './recognizers/dictionary-matcher.js';

/** Credentials: reported under the `secret.` category family; every other type under `pii.`. */
const SECRET_ENTITY_TYPES = ['CLOUD_ACCESS_KEY', 'API_TOKEN', 'JWT', 'PRIVATE_KEY', 'PASSWORD', 'URL_CREDENTIALS'] as const;

/** Every entity type the PII detector can report. Adding a recognizer may add a type here. */
export const ENTITY_TYPES = [
  'EMAIL_ADDRESS',
  'PHONE_NUMBER',
  'CREDIT_CARD',
  'BANK_ACCOUNT',
  'IBAN_CODE',
  'CN_RESIDENT_ID',
  'CN_USCC',
  'PASSPORT',
  'US_SSN',
  'IP_ADDRESS',
  'MAC_ADDRESS',
  'CN_LICENSE_PLATE',
  'HK_ID_CARD',
  'TW_NATIONAL_ID',
  'MO_RESIDENT_ID',
  'CN_TRAVEL_PERMIT',
  'DATE_OF_BIRTH',
  ...SECRET_ENTITY_TYPES,
  'PERSON',
  'ADDRESS',
  'LOCATION',
  'ORGANIZATION',
] as const;

export type EntityType = (typeof ENTITY_TYPES)[number];

export const SECRET_TYPES: ReadonlySet<EntityType> = new Set(SECRET_ENTITY_TYPES);

/** A match proposed by a recognizer, in NORMALISED text offsets, before context scoring and overlap resolution. */
export interface Candidate {
  type: EntityType;
  start: number;
  end: number;
  /** Score before context words are applied. */
  score: number;
  /** Validator that accepted the value (`luhn`, `gb11643` …), kept in the finding's meta. */
  validator?: string;
  /**
   * Skip the generic context adjustment (the recognizer already used context itself). The built-in recognizers
   * always set it (true or false) after `validator`, so their candidates share one object shape in the
   * detector's loops.
   */
  contextApplied?: boolean;
}

/** Cheap facts about the text computed once, so recognizers can skip work. */
export interface TextFacts {
  hasDigit: boolean;
  hasAt: boolean;
  hasCjk: boolean;
  hasUpper: boolean;
  /** Number of ASCII digits: identifiers need at least 7–8 of them. */
  digitCount: number;
  /** Longest run of consecutive ASCII digits (`\d{6}` needs 6). */
  longestDigitRun: number;
  /** Most digits in one chain of digits with at most one space or dash between two of them (`4111 1111-1111`: 12). */
  longestDigitChain: number;
  /** The same with a dot also joining (`555.123.4567`: 10). */
  longestDottedDigitChain: number;
  /**
   * Most joiners (a space, dash or dot between two digits) in one such dotted chain (`555.123.4567`: 2,
   * `13:45:49`: 0): NANP, grouped SSNs and grouped phones need 2.
   */
  mostChainJoins: number;
  /** Most dots among them (`192.168.1.1`: 3, `2024.05.12`: 2): an IPv4 address needs 3. */
  mostChainDots: number;
  /**
   * Some `:` or `-` has two more 3 and 6 characters before it, or some `.` another 5 before it: where a MAC
   * address's hint (`:hh:hh:`, `.hhhh.`) can be (clock times, dates and phone numbers have none). Always true for
   * texts of 1024 characters or more.
   */
  macHint: boolean;
  /**
   * Some character pair or triple that every token secret (secrets.ts TOKEN_RULES) holds: two ASCII capitals in a
   * row (AKIA…, ASIA…, LTAI, AKID, AIza, -----BEGIN), `_` (gh?_, github_pat_, _live_, _test_), `sk-`, `xox` and a
   * `-` after one more character (xoxb-), or `eyJ`. Most prose has none. Always true for texts of 1024 characters or
   * more; undefined (facts made elsewhere) counts as true.
   */
  tokenHint?: boolean;
  /**
   * A `:`, `=` or `：`: with 是 and 为 (CJK, so hasCjk) the separators a `key = value` secret needs. Always true for
   * texts of 1024 characters or more; undefined counts as true.
   */
  assignmentSeparator?: boolean;
  /**
   * False when the rule recognizers of names (person, location, organisation) can find nothing that reaches the
   * threshold: no CJK, and no upper-case letter, or only A-Z capitals opening plain words of
   * recognizers/names-gate.ts that none of them acts on. Undefined (facts made elsewhere) counts as true.
   */
  mayHoldName?: boolean;
  /** The same for the tagger (en_ner): false when it scores no token (names-gate.ts). Undefined counts as true. */
  mayTagName?: boolean;
  /** Lower-cased text, for cheap "is any context word present at all" gates. */
  lower: string;
  /**
   * True when candidates that can only pass with a context word may be skipped if no such word occurs
   * anywhere in the text (set when the detector's threshold is above every context-free base score).
   */
  contextGate: boolean;
  /** The detector's threshold: findings scoring below it are dropped. */
  minScore: number;
  /** Where context words occur (shared by the gates below and by scoring, so each list is searched once). */
  context?: { occurrences(words: readonly string[]): number[] };
  /**
   * The maximal runs of 6 or more ASCII digits, [start, end, start, end, …] in text order: found by one scan per
   * text on first use, shared by the recognizers whose matches start at such a run (USCC, 18-digit resident IDs).
   */
  sixDigitRuns?(): readonly number[];
  /** The hits of the Chinese dictionary matcher in this slot, from one shared walk of the text (zh/scan.ts hitsIn). */
  dictionaryHits?(slot: number): DictionaryHit[] | undefined;
}

/** True when any of `words` occurs in the lower-cased text (used to skip context-only recognizers early). */
export function mentionsAny(facts: TextFacts, words: readonly string[] | undefined): boolean {
  if (!facts.contextGate) return true;
  if (!words) return false;
  if (facts.context) return facts.context.occurrences(words).length > 0;
  for (const w of words) if (facts.lower.includes(w)) return true;
  return false;
}

export interface Recognizer {
  /** Short name; findings carry `pii.<name>` as detector. */
  readonly name: string;
  readonly entityTypes: readonly EntityType[];
  /** `text` is normalised (guardrails/core/normalize); returned offsets are into it. */
  recognize(text: string, facts: TextFacts): Candidate[];
  /**
   * Facts without which `recognize` returns no candidate (its own first checks say so): the detector then does not
   * call it. On short rows most recognizers return at once, and a call that does nothing (a megamorphic call, the
   * function's context, an empty array) cost ~30 ns each: 0.35 µs of a 5 µs Weibo row without digits.
   * test/unit/pii/recognizer-requires.test.ts checks each built-in declaration against its recognizer.
   */
  readonly requires?: RecognizerRequires;
}

/** Necessary facts for a recognizer to find anything (every field optional: absent means no requirement). */
export interface RecognizerRequires {
  /** At least this many ASCII digits (TextFacts.digitCount). */
  digits?: number;
  /** A digit chain of at least this many digits (TextFacts.longestDigitChain). */
  digitChain?: number;
  /** A digit run of at least this length (TextFacts.longestDigitRun). */
  digitRun?: number;
  /** An `@` (TextFacts.hasAt). */
  at?: boolean;
  /** An upper-case letter (TextFacts.hasUpper). */
  upper?: boolean;
  /** A CJK ideograph (TextFacts.hasCjk). */
  cjk?: boolean;
  /** A digit or a CJK ideograph (TextFacts.hasDigit || hasCjk). */
  digitOrCjk?: boolean;
  /** A text that may hold a name for the rule recognizers (TextFacts.mayHoldName). */
  names?: boolean;
  /** A text in which the tagger may score a token (TextFacts.mayTagName). */
  taggable?: boolean;
}

/** Whether `facts` meet `req` (for tests and other callers; the detector checks the same from typed arrays). */
export function meetsRequires(facts: TextFacts, req: RecognizerRequires | undefined): boolean {
  if (!req) return true;
  return facts.digitCount >= (req.digits ?? 0) && facts.longestDigitChain >= (req.digitChain ?? 0) && facts.longestDigitRun >= (req.digitRun ?? 0) &&
    (!req.at || facts.hasAt) && (!req.upper || facts.hasUpper) && (!req.cjk || facts.hasCjk) && (!req.digitOrCjk || facts.hasDigit || facts.hasCjk) &&
    (!req.names || facts.mayHoldName !== false) && (!req.taggable || facts.mayTagName !== false);
}

export type SensitivityMap = Partial<Record<EntityType, Sensitivity>>;

/** An ASCII digit's character code. */
export const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

/** Real characters kept around a window so lookarounds (at most 2 characters here) read the text's own. */
const WINDOW_PAD = 3;

/**
 * forEachMatch for a regex whose candidates can only pass the threshold with a positive context word of their
 * type (`score`, their highest base score, below the threshold; context words are the built-in ones, which
 * `facts.contextGate` says): then only the stretches of text within reach of such a word are scanned. Same matches as forEachMatch minus those no
 * context word can reach (which scoring would drop), provided that `isPart(code)` holds for every character a
 * match can contain and the regex's lookarounds read at most 2 characters beyond a match.
 *
 * Why: by ContextIndex.nearest's rule (same offsets), a word at [s, e) reaches a candidate starting in
 * [e, s + BEFORE] or ending in [e − AFTER, s]. Either way the candidate has a
 * character in [s − AFTER − 1, e + BEFORE + 1). That range is widened on both sides until the next character is
 * no part of any match, so a match touching it lies wholly inside, and the scan of the window (3 real characters
 * of padding either side, for lookarounds) finds it as a scan of the whole text would: no match crosses a window
 * edge, so a whole-text scan enters each window afresh.
 */
export function forEachMatchNear(
  regex: RegExp,
  text: string,
  facts: TextFacts,
  words: readonly string[] | undefined,
  score: number,
  isPart: (code: number) => boolean,
  onMatch: (m: RegExpExecArray) => void,
): void {
  if (!facts.contextGate || score >= facts.minScore || !facts.context) {
    forEachMatch(regex, text, onMatch);
    return;
  }
  if (!words) return;
  const occ = facts.context.occurrences(words);
  const n = text.length;
  let k = 0;
  while (k < occ.length) {
    let from = Math.max(0, occ[k]! - AFTER - 1);
    let to = Math.min(n, occ[k + 1]! + BEFORE + 1);
    k += 2;
    while (from > 0 && isPart(text.charCodeAt(from - 1))) from--;
    for (;;) {
      while (to < n && isPart(text.charCodeAt(to))) to++;
      // Take in the next words' ranges while they reach this window (occurrences are sorted by start).
      if (k >= occ.length || occ[k]! - AFTER - 1 > to) break;
      to = Math.max(to, Math.min(n, occ[k + 1]! + BEFORE + 1));
      k += 2;
    }
    const sliceFrom = Math.max(0, from - WINDOW_PAD);
    const piece = text.slice(sliceFrom, Math.min(n, to + WINDOW_PAD));
    regex.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = regex.exec(piece)) !== null) {
      const length = m[0].length;
      const start = m.index + sliceFrom;
      // Matches in the padding lie wholly outside the window (its edges touch non-part characters): not ours.
      if (start >= from && start + length <= to) {
        m.index = start;
        onMatch(m);
      }
      if (length === 0) regex.lastIndex++;
    }
  }
}

/**
 * Whether one of `words` stands within reach of the span [start, end) by the context scorer's rule (ending at most
 * BEFORE characters before it, or starting at most AFTER characters after it, ContextIndex.measure): for recognizers
 * whose shape is only worth proposing next to particular words (a bare 8-digit number next to 台胞证). The words must
 * be in some type's context list, which is what the detector's context index finds; without an index (facts made
 * elsewhere) the lower-cased text is searched.
 */
export function wordNear(facts: TextFacts, words: readonly string[], start: number, end: number): boolean {
  if (facts.context) {
    const occ = facts.context.occurrences(words);
    for (let k = firstReachingOccurrence(occ, start); k < occ.length; k += 2) {
      const s = occ[k]!;
      const e = occ[k + 1]!;
      if (s > end + AFTER) break;
      if ((e <= start && s >= start - BEFORE) || (s >= end && e <= end + AFTER)) return true;
    }
    return false;
  }
  const window = facts.lower.slice(Math.max(0, start - BEFORE), end + AFTER);
  const offset = Math.max(0, start - BEFORE);
  for (const w of words) {
    for (let at = window.indexOf(w); at >= 0; at = window.indexOf(w, at + 1)) {
      const s = at + offset;
      const e = s + w.length;
      if ((e <= start && s >= start - BEFORE) || (s >= end && e <= end + AFTER)) return true;
    }
  }
  return false;
}

/**
 * `text.charCodeAt(i)`, or -1 outside the text (where charCodeAt gives NaN), for reads at a span's edges (the
 * character before or after it). An out-of-range charCodeAt deoptimises V8's optimised code: each site did so
 * once, the first time a span touched the text's start or end, and the recompilation of a large recognizer cost
 * 10–100 ms of CPU — well into the bench's timed passes. -1 compares like NaN with any character code (never
 * equal to one, never inside a range), so it may replace charCodeAt wherever the result is only compared or
 * range-tested; not as an array index or in arithmetic.
 */
export function codeAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : -1;
}

/** A character of JavaScript's \s class (white space and line terminators), by UTF-16 code. */
export function isSpaceCode(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * `table[text.charCodeAt(i)]` for a per-code table, 0 outside the text (where the read gave undefined), without
 * the out-of-range reads (see codeAt). Only for tests against a non-zero value (`=== 1`, `!== 1`).
 */
export function tableAt(table: Uint8Array, text: string, i: number): number {
  return i >= 0 && i < text.length ? table[text.charCodeAt(i)]! : 0;
}

/**
 * For a sticky regex whose matches start exactly where a run of `isRunChar` characters before an `anchor` starts
 * (its lookbehind forbids a run character before the match): tries the regex once per occurrence of the anchor,
 * at the start of the run before it, if that run is 1..`maxRun` long. Starts inside the previous match are
 * skipped, so the matches are those a global scan of the whole text finds, in text order.
 */
export function forEachRunStartMatch(
  text: string,
  anchor: string,
  maxRun: number,
  isRunChar: (code: number) => boolean,
  sticky: RegExp,
  onMatch: (start: number, m: RegExpExecArray) => void,
): void {
  let lastEnd = 0;
  for (let at = text.indexOf(anchor); at >= 0; at = text.indexOf(anchor, at + 1)) {
    let start = at;
    while (start > 0 && at - start <= maxRun && isRunChar(text.charCodeAt(start - 1))) start--;
    if (start === at || start < lastEnd || (start > 0 && isRunChar(text.charCodeAt(start - 1)))) continue;
    sticky.lastIndex = start;
    const m = sticky.exec(text);
    if (m === null) continue;
    lastEnd = start + m[0].length;
    onMatch(start, m);
  }
}

/**
 * The matches a global scan of `sticky`'s pattern finds, for a pattern whose every match starts where `anchor` (a
 * global regex, no lookbehind needed) matches in `anchorText` (the text itself, or a copy of the same length whose
 * anchor hits are a superset: the lower-cased text for a case-insensitive pattern). Each anchor hit not inside the
 * previous match is tried with the sticky form, in text order: a global scan tries the same positions and fails at
 * every other one. Why: a pattern opening with a lookbehind (`(?<![\w])Rue…`) is tried at every position of the
 * text by V8, and on 8 KB documents that word occurs somewhere, so the recognizer scanned all of it; a literal
 * alternation is scanned several times faster. `sticky` must not match the empty string.
 */
export function forEachAnchoredMatch(anchor: RegExp, anchorText: string, sticky: RegExp, text: string, onMatch: (m: RegExpExecArray) => void): void {
  let lastEnd = 0;
  anchor.lastIndex = 0;
  for (let a = anchor.exec(anchorText); a !== null; a = anchor.exec(anchorText)) {
    const at = a.index;
    // The next hit may start inside this one (the scan resumes one character on), but not inside a match.
    anchor.lastIndex = at + 1 > lastEnd ? at + 1 : lastEnd;
    if (at < lastEnd) continue;
    lastEnd = stickyMatchAt(sticky, text, at, onMatch, lastEnd);
  }
}

/** Tries `sticky` at `at`; on a match calls onMatch and returns where it ends, else returns `lastEnd` unchanged. */
export function stickyMatchAt(sticky: RegExp, text: string, at: number, onMatch: (m: RegExpExecArray) => void, lastEnd: number): number {
  sticky.lastIndex = at;
  const m = sticky.exec(text);
  if (m === null) return lastEnd;
  onMatch(m);
  return at + m[0].length;
}

/** Iterate a global regex safely (never loops on empty matches). */
export function forEachMatch(regex: RegExp, text: string, onMatch: (m: RegExpExecArray) => void): void {
  regex.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = regex.exec(text)) !== null) {
    onMatch(m);
    if (m[0].length === 0) regex.lastIndex++;
  }
}

/** A run of 6+ ASCII digits (greedy: a global scan finds the maximal runs). */
const SIX_DIGITS = /\d{6,}/g;

/** The maximal runs of 6+ ASCII digits of `text`, [start, end, …]: facts.sixDigitRuns when the facts have it, else a scan. */
export function sixDigitRuns(text: string, facts: TextFacts): readonly number[] {
  if (facts.sixDigitRuns) return facts.sixDigitRuns();
  return scanSixDigitRuns(text);
}

/** One scan for the maximal runs of 6+ ASCII digits, [start, end, …]. */
export function scanSixDigitRuns(text: string): number[] {
  const runs: number[] = [];
  SIX_DIGITS.lastIndex = 0;
  for (let m = SIX_DIGITS.exec(text); m !== null; m = SIX_DIGITS.exec(text)) runs.push(m.index, m.index + m[0].length);
  return runs;
}
