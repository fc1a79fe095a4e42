import { codeAt, forEachAnchoredMatch, forEachMatch, isDigitCode, isSpaceCode, stickyMatchAt, type Candidate, type Recognizer } from '../types.js';
import { addCode, hasCode, newCodeSet } from '../../core/code-set.js';

/**
 * Chinese addresses are chains of administrative and street components, each ending in a suffix:
 * 省 / 市 / 区 / 县 / 镇 / 路 / 街 / 号 / 栋 / 室 … A component's prefix excludes function characters
 * (我住在 / 寄到) so the span starts at the place name. Components are matched one at a time and chained
 * when adjacent, which keeps the regex simple (bounded, no nested optional groups).
 */
const ZH_SUFFIXES = ['特别行政区', '自治区', '自治州', '自治县', '省', '市', '区', '县', '旗', '盟', '镇', '乡', '街道', '村', '社区', '大道', '路', '街', '巷', '胡同', '弄', '里', '小区', '花园', '公寓', '大厦', '广场', '新村', '家园', '苑', '园'];
const ZH_SUFFIX_FIRST = new Set(ZH_SUFFIXES.map((w) => w[0]!));
/** Characters that never belong to a place name (particles, verbs of 住在/寄到, punctuation, digits, Latin). */
const ZH_NOT_PLACE_CHARS = new Set('的是在我你他她住到于从址寄送和与及或也都就请把给了'.split(''));
/** Numbered parts: 88号, 3-501室, 5栋, B座 */
const ZH_NUMBERED = /\d{1,5}(?:-\d{1,5})?(?:号院|号楼|号|弄|栋|幢|座|楼|层|室|单元|户)|[A-Za-z]\d{0,4}(?:栋|座|区|单元)/g;
/** The first character of each of ZH_NUMBERED's suffixes (all ideographs): every match holds one (most texts with digits hold none). */
const NUMBERED_SUFFIX_CHARS = '号弄栋幢座楼层室单户区';
const ZH_NUMBERED_SUFFIX = new RegExp(`[${NUMBERED_SUFFIX_CHARS}]`, 'g');
const NUMBERED_SUFFIX = newCodeSet();
for (const ch of NUMBERED_SUFFIX_CHARS) addCode(NUMBERED_SUFFIX, ch.charCodeAt(0));
/** ZH_NUMBERED tried at one position. */
const ZH_NUMBERED_AT = new RegExp(ZH_NUMBERED.source, 'y');
/** A character of a ZH_NUMBERED match before its suffix: digit, '-', ASCII letter. */
const isNumberedPart = (c: number) => (c >= 48 && c <= 57) || c === 45 || ((c | 32) >= 97 && (c | 32) <= 122);
/** The most such characters before the suffix (5 digits, '-', 5 digits). */
const NUMBERED_PREFIX_MAX = 11;

/**
 * The matches of a global ZH_NUMBERED scan, found from the suffixes: a match is 1–11 part characters
 * (isNumberedPart) followed by its suffix, so it starts within the run of part characters right before a
 * suffix character, at most 11 before it. For each suffix character (in text order) the sticky regex is tried
 * at those starts, left to right and not before the previous match's end: the positions, in the order, a
 * global scan would try and could match at (every other position is followed by a non-part, non-suffix
 * character within 11). On the generator's digit-heavy Chinese rows the global scan stopped at every digit.
 */
export function numberedParts(text: string, raw: Array<{ start: number; end: number; text: string }>): void {
  const positions: number[] = [];
  ZH_NUMBERED_SUFFIX.lastIndex = 0;
  while (ZH_NUMBERED_SUFFIX.test(text)) positions.push(ZH_NUMBERED_SUFFIX.lastIndex - 1);
  numberedPartsAt(text, positions, positions.length, raw);
}

/** numberedParts, from the positions of the suffix characters (ascending; the detector's come from namedComponents' walk). */
function numberedPartsAt(text: string, positions: ArrayLike<number>, count: number, raw: Array<{ start: number; end: number; text: string }>): void {
  const at = ZH_NUMBERED_AT;
  let lastEnd = 0;
  for (let k = 0; k < count; k++) {
    const p = positions[k]!;
    // A global scan goes on from the end of the last match.
    if (p < lastEnd) continue;
    let from = p;
    while (from > lastEnd && p - from < NUMBERED_PREFIX_MAX && isNumberedPart(text.charCodeAt(from - 1))) from--;
    for (let s = from; s < p; s++) {
      at.lastIndex = s;
      const m = at.exec(text);
      if (m === null) continue;
      const end = s + m[0].length;
      raw.push({ start: s, end, text: m[0] });
      lastEnd = end;
      break;
    }
  }
}

/**
 * Named components: a suffix preceded by 1–7 place-name characters, scanning left to right (equivalent to a
 * lazy `X{1,7}?(suffix)` regex, without its per-position backtracking over ~30 alternatives).
 */
const NOT_PLACE_CLASS = '的是在我你他她住到于从址寄送和与及或也都就请把给了';
/** Admin suffixes that take a one-character name (沪/渝 aside, e.g. 赵县, 沙市): roads and buildings need two. */
const ZH_ADMIN_ONE_CHAR = /[县市区镇乡村]/;

/** Characters that can start a suffix, by UTF-16 code. */
const SUFFIX_FIRST = newCodeSet();
for (const c of ZH_SUFFIX_FIRST) addCode(SUFFIX_FIRST, c.charCodeAt(0));
/** The suffixes starting with each character, in ZH_SUFFIXES order (the first that occurs wins, as in a scan of the whole list). */
const SUFFIXES_BY_FIRST = new Map<number, string[]>();
for (const w of ZH_SUFFIXES) {
  const list = SUFFIXES_BY_FIRST.get(w.charCodeAt(0));
  if (list) list.push(w);
  else SUFFIXES_BY_FIRST.set(w.charCodeAt(0), [w]);
}
/** The code of each ZH_NOT_PLACE_CHARS character (all single UTF-16 units): no one-character string per position. */
const NOT_PLACE = newCodeSet();
for (const ch of ZH_NOT_PLACE_CHARS) addCode(NOT_PLACE, ch.charCodeAt(0));
const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fff;
/**
 * What namedComponents asks of an ideograph, one byte per code (NUMBERED_SUFFIX, SUFFIX_FIRST and NOT_PLACE as
 * bits, and the one-character admin suffixes of ZH_ADMIN_ONE_CHAR): one read per character instead of up to three
 * bitset reads and a regex test.
 */
const ADDR_CLASS = new Uint8Array(65536);
const CLASS_NUMBERED = 1;
const CLASS_SUFFIX_FIRST = 2;
const CLASS_NOT_PLACE = 4;
const CLASS_ADMIN_ONE = 8;
for (let c = 0x4e00; c <= 0x9fff; c++) {
  const ch = String.fromCharCode(c);
  ADDR_CLASS[c] = (hasCode(NUMBERED_SUFFIX, c) ? CLASS_NUMBERED : 0) | (hasCode(SUFFIX_FIRST, c) ? CLASS_SUFFIX_FIRST : 0) | (hasCode(NOT_PLACE, c) ? CLASS_NOT_PLACE : 0) | (ZH_ADMIN_ONE_CHAR.test(ch) ? CLASS_ADMIN_ONE : 0);
}

/** Positions of numbered-part suffix characters found by namedComponents' walk (reused: the walk is not re-entered). */
let numberedAt = new Int32Array(64);
let numberedCount = 0;
function recordNumbered(p: number): void {
  if (numberedCount === numberedAt.length) {
    const bigger = new Int32Array(numberedAt.length * 2);
    bigger.set(numberedAt);
    numberedAt = bigger;
  }
  numberedAt[numberedCount++] = p;
}

/**
 * Appends the named components to `into`. With `numbered` it also lists, in the same walk, where the
 * numbered parts' suffix characters are (numberedAt / numberedCount, for numberedPartsAt): a regex scan of the
 * whole text for them was a walk of its own.
 */
function namedComponents(text: string, into: Array<{ start: number; end: number; text: string }>, numbered: boolean): void {
  // Runs of CJK ideographs: components never cross a run edge. One pass over the codes (it was three: skip to a
  // run, find its end, walk it), no regex match objects, no run copies.
  const n = text.length;
  numberedCount = 0;
  // Start of the current run of ideographs (-1: outside one), and of the current segment within it.
  let runStart = -1;
  let segmentStart = 0;
  // Last particle/verb (住在, 寄到) seen so far: it ends a place name, the segment restarts after it. Tracked
  // while walking (a backwards scan per suffix character was quadratic: 大 × 50 000 took ~20 s).
  let lastNonPlace = -1;
  for (let p = 0; p < n; p++) {
    const c = text.charCodeAt(p);
    if (!isHan(c)) {
      runStart = -1;
      continue;
    }
    const cls = ADDR_CLASS[c]!;
    if (numbered && (cls & CLASS_NUMBERED) !== 0) recordNumbered(p);
    if (runStart < 0) {
      runStart = p;
      segmentStart = p;
      lastNonPlace = -1;
    }
    if (p > runStart && (cls & CLASS_SUFFIX_FIRST) !== 0) {
      if (lastNonPlace >= segmentStart) segmentStart = lastNonPlace + 1;
    } else {
      if ((cls & CLASS_NOT_PLACE) !== 0) lastNonPlace = p;
      continue;
    }
    if (p - segmentStart < 2 && !(p - segmentStart === 1 && (cls & CLASS_ADMIN_ONE) !== 0)) continue;
    // Suffixes are all ideographs, so a match lies inside this run.
    let suffix = '';
    for (const w of SUFFIXES_BY_FIRST.get(c)!) if (text.startsWith(w, p)) { suffix = w; break; }
    if (!suffix) continue;
    const start = Math.max(segmentStart, p - 7);
    const end = p + suffix.length;
    into.push({ start, end, text: text.slice(start, end) });
    segmentStart = end;
    // The suffix's other characters are skipped by the walk (区 of 社区 / 自治区): listed here.
    if (numbered) for (let q = p + 1; q < end; q++) if (hasCode(NUMBERED_SUFFIX, text.charCodeAt(q))) recordNumbered(q);
    // (The next position, `end`, is in the same run when it is an ideograph: runStart stays.)
    p = end - 1;
  }
}

/** The suffix positions namedComponents' walk lists, for tests (the same as a scan for the suffix characters). */
export function numberedSuffixPositions(text: string): number[] {
  namedComponents(text, [], true);
  return Array.from(numberedAt.subarray(0, numberedCount));
}

const ZH_STREET = /(?:大道|路|街|巷|胡同|弄|号|栋|幢|室|单元|小区|村|镇|乡|楼|层)$/;
const ZH_ADDRESS_CUE = /地址|住址|住在|家住|寄到|送到|收货|居住|位于|户籍|address/;
/** Components chain when they touch or overlap, or one space or comma (， too) lies between them. */
function joinsNext(text: string, end: number, nextStart: number): boolean {
  if (nextStart <= end) return true;
  if (nextStart - end > 1) return false;
  const c = text.charCodeAt(end);
  return c === 44 || c === 0xff0c || isSpaceCode(c);
}

/** Appends the Chinese address chains to `out` (no array of their own to spread into it). */
function chineseAddresses(text: string, hasDigit: boolean, out: Candidate[]): void {
  const raw: Array<{ start: number; end: number; text: string }> = [];
  // Numbered parts need a digit: most Chinese texts have none, and the walk need not list their suffixes.
  // (ZH_NUMBERED tried every digit of a long number before failing: numberedParts starts from the suffixes.)
  namedComponents(text, raw, hasDigit);
  if (hasDigit) numberedPartsAt(text, numberedAt, numberedCount, raw);
  if (raw.length === 0) return;
  raw.sort((a, b) => a.start - b.start);
  let i = 0;
  while (i < raw.length) {
    let j = i;
    // Chain adjacent components (allowing one space or comma between them).
    while (j + 1 < raw.length && joinsNext(text, raw[j]!.end, raw[j + 1]!.start)) j++;
    const start = raw[i]!.start;
    const end = raw[j]!.end;
    const length = j - i + 1;
    // A cue word among the 8 characters before the chain.
    const cue = ZH_ADDRESS_CUE.test(text.slice(Math.max(0, start - 8), start).toLowerCase());
    let score: number;
    // One component alone (北京市, 山路, 一路走好) is a place or a word, not an address, unless a cue says so.
    if (length === 1) score = cue ? 0.55 : 0.1;
    else {
      let hasStreet = false;
      for (let k = i; k <= j && !hasStreet; k++) hasStreet = ZH_STREET.test(raw[k]!.text);
      score = 0.2 + 0.15 * Math.min(length, 4) + (hasStreet ? 0.15 : 0) + (cue ? 0.3 : 0);
    }
    out.push({ type: 'ADDRESS', start, end, score: Math.min(1, score), validator: 'zh-address', contextApplied: true });
    i = j + 1;
  }
}

const UP = 'A-Z\\u00c0-\\u00de';
const LETTER = 'A-Za-z\\u00c0-\\u024f';
const STREET_SUFFIX =
  '(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Square|Sq|Highway|Hwy|Parkway|Pkwy|Circle|Cir|Trail|Crescent|Close|Row|Alley|Plaza|Gardens|Path|Loop|Pike|Run|Walk|View|Ridge|Hill|Park|Strasse|Straße|Str|Rue|Via|Calle|Avenida|Katu|Gatan|Vej|Weg|Laan)';
/** 221B Baker Street, Apt. 4 / 1600 Pennsylvania Ave NW, Washington, DC 20500 */
export const EN_STREET = new RegExp(
  // An optional leading number group: "17151 2450 Crown St" (a building number before the street's own).
  `(?<![\\w])(?:\\d{1,6}[ ])?\\d{1,6}[A-Za-z]?(?:[ ][${UP}\\d][${LETTER}'\\-]*){1,4}?[ ]${STREET_SUFFIX}\\.?(?![${LETTER}])` +
    `(?:[ ](?:NE|NW|SE|SW|N|S|E|W)(?![${LETTER}]))?(?:,?[ ](?:Apt\\.?|Apartment|Suite|Ste\\.?|Unit|#)[ ]?[\\w\\-]{1,6})?` +
    `(?:,?\\s{1,3}[${UP}][${LETTER}'\\-]+(?:[ ][${UP}][${LETTER}'\\-]+){0,2})?(?:,?[ ](?:[A-Z]{2}))?(?:,?[ ]\\d{5}(?:-\\d{4})?)?`,
  'g',
);
/** Number + street name + number (European order: Koskikatu 25, Rue Gafsa 12) or unit lines (Apt. 329, Suite 282). */
const EN_UNIT = /(?<![\w])(?:Apt\.?|Apartment|Suite|Unit|Flat|Box|PO Box|P\.O\. Box)[ ]#?\d{1,6}[A-Za-z]?(?![\w])/g;
export const EN_EURO = /(?<![\w])[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]{2,}(?:katu|tie|vägen|gatan|gade|vej|straße|strasse|weg|laan|straat|utca|ulica|gasse|platz|allee)[ ]\d{1,4}[A-Za-z]?(?![\w])/g;
const EN_EURO_AT = new RegExp(EN_EURO.source, 'y');
/** EN_EURO's [a-z\u00df-\u00ff]: the letters after its capital, street words included. */
const isEuroLower = (c: number) => (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff);
const isEuroCapital = (c: number) => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde);

/**
 * EN_EURO's matches (Koskikatu 25), as a global scan finds them, from the spaces before a digit: a match is a
 * capital, lower-case letters up to its street word, one space and a digit, so the capital is where the
 * lower-case run before such a space starts (one per space). The global scan opened on every capital of the text
 * (its lookbehind comes first), and 8 KB documents ran it over all their text.
 */
export function forEachEuroStreet(text: string, onMatch: (m: RegExpExecArray) => void): void {
  let lastEnd = 0;
  for (let at = text.indexOf(' ', 1); at >= 0; at = text.indexOf(' ', at + 1)) {
    const next = codeAt(text, at + 1);
    if (next < 48 || next > 57) continue;
    let j = at;
    while (j > 0 && isEuroLower(text.charCodeAt(j - 1))) j--;
    const start = j - 1;
    if (start < lastEnd || at - j < 5 || !isEuroCapital(text.charCodeAt(start))) continue;
    EN_EURO_AT.lastIndex = start;
    const m = EN_EURO_AT.exec(text);
    if (m === null) continue;
    lastEnd = start + m[0].length;
    onMatch(m);
  }
}

/**
 * House number + street name + number, the continental order (28245 Puruntie 82, 3482 Via Franscini 71,
 * Rua do Arenque 1634): capitalised name words, optionally joined by short lower-case particles. Words are
 * capped at 64 letters: an accented capital is no \w, so the lookbehind lets a match start at every letter of
 * a long run ("ÉÉÉ…") and an unbounded word scanned to its end from each start (quadratic: 32 KB took 1.5 s).
 * The lookbehind is read after the first character (a digit or a capital, the source's
 * `(?<![\w.,])(?:\d{1,6}[ ])?[UP]` split by which one opens the match): a pattern that opens with a lookbehind is
 * tried at every position of the text, one that opens with a class skips ahead to where the class matches (this
 * scan alone 0.72x on the 8 KB documents). test/unit/pii/address-anchored.test.ts compares it with the old form.
 */
export const EN_NUMBERED_STREET = new RegExp(
  `(?:\\d(?<![\\w.,]\\d)\\d{0,5}[ ][${UP}]|[${UP}](?<![\\w.,][${UP}]))[${LETTER}'\\-]{2,64}(?:[ ](?:[a-z]{1,3}[ ])?[${UP}][${LETTER}'\\-]{2,64}){0,2}[ ]\\d{1,5}[A-Za-z]?(?![\\w]|[.,]\\d)`,
  'g',
);
/**
 * Streets named by a leading abbreviation (Polish, Spanish) or a trailing street word (Hungarian), with their
 * number: ul. Chrzanowska 61, Avda. Rio Nalon 58, Kálmán Imre u. 12., Árpád fejedelem útja 3. A house number
 * before them (9383 ul. Chrzanowska 61) is added by withHouseNumber. The Hungarian form opens on any capitalised
 * word, so it runs only when its street word occurs.
 */
const EU_ABBREVIATED_STREET = new RegExp(
  `(?<![\\w])(?:ul|al|os|pl|Ul|Al|Avda|Av)\\.[ ][${UP}][${LETTER}'\\-]+(?:[ ][${UP}][${LETTER}'\\-]+){0,2}[ ]\\d{1,4}[A-Za-z]?(?![\\w])`,
  'g',
);
const ABBREVIATION_WORDS = /(?:ul|al|os|pl|avda|av)\. /;
const HU_STREET_WORD = / (?:u\.|utca|út|útja|tér|körút) \d/;
const HU_STREET = new RegExp(
  `(?<![\\w])[${UP}][${LETTER}'\\-]{1,64}(?:[ ][${LETTER}'\\-]{1,64}){0,2}[ ](?:u\\.|utca|út|útja|tér|körút)[ ]\\d{1,4}[A-Za-z]?\\.?(?![\\w])`,
  'g',
);
/** Street words that open a street's name in French, Italian, Spanish and Portuguese addresses. */
const OPENING_STREET_WORD = '(?:Rue|rue|Rua|rua|Via|Viale|Piazza|Piazzetta|Calle|Avenida|Avenue|Av|Avda|Paseo|Chemin|Boulevard)\\.?';
/** After a house number the lower-case forms too (33 avenue de Provence); "via" stays out (sent via email 24 …). */
const OPENING_STREET_WORD_ANY_CASE = '(?:Rue|rue|Rua|rua|Via|Viale|viale|Piazza|piazza|Calle|calle|Avenida|avenida|Avenue|avenue|Av|Avda|Paseo|paseo|Chemin|chemin|Boulevard|boulevard)\\.?';
/** Their letters, lower-cased: the two patterns below run only when one occurs (one literal alternation scan). */
const OPENING_WORDS_LOWER = /\b(?:rue|rua|via|viale|piazza|piazzetta|calle|avenida|avenue|av|avda|paseo|chemin|boulevard)\b/;
/** Such a street with its number after the name: Via delle Coste 41, rue du centre 320 (any words, bounded by the number). */
export const OPENING_STREET = new RegExp(`(?<![\\w])${OPENING_STREET_WORD}(?:[ ][${LETTER}'\\-]+){1,5}?[ ]\\d{1,5}[A-Za-z]?(?![\\w])`, 'g');
/** …or right after its number: 56 rue La Boétie, 33 avenue de Provence (capitalised words and particles only). */
export const NUMBERED_OPENING_STREET = new RegExp(
  `(?<=(?<![\\w])\\d{1,5}[ ])${OPENING_STREET_WORD_ANY_CASE}(?:[ ](?:(?:de|del|della|delle|di|da|do|dos|das|du|des|la|le|e|y)[ ])?[${UP}][${LETTER}'\\-]+){1,3}(?![\\w])`,
  'g',
);
/** Where either street word occurs: both patterns open with their street word, so they are tried there only (forEachAnchoredMatch). */
const OPENING_WORD_ANCHOR = new RegExp(`${OPENING_STREET_WORD}|${OPENING_STREET_WORD_ANY_CASE}`, 'g');
const OPENING_STREET_AT = new RegExp(OPENING_STREET.source, 'y');
const NUMBERED_OPENING_STREET_AT = new RegExp(NUMBERED_OPENING_STREET.source, 'y');
/**
 * The street words' lower-case forms, each before a word edge: in the lower-cased text, at every position where
 * either pattern can match (its street word is one of these, lower-cased, and a `.` or a space follows it), and at
 * a few more (true, trivia: the sticky patterns refuse those at once). Fewer alternatives than OPENING_WORD_ANCHOR's
 * 41 case forms, and scanned once for both patterns.
 */
const OPENING_WORD_LOWER_ANCHOR = /(?:rue|rua|via|viale|piazza|piazzetta|calle|avenida|avenue|av|avda|paseo|chemin|boulevard)\b/g;
/** The anchor's hits in one text (reused: the scan is not re-entered). */
const openingHits: number[] = [];

/** forEachAnchoredMatch over a list of anchor positions in text order: the sticky pattern tried at each one outside a match. */
function forEachListedMatch(positions: readonly number[], count: number, sticky: RegExp, text: string, onMatch: (m: RegExpExecArray) => void): void {
  let lastEnd = 0;
  for (let k = 0; k < count; k++) {
    const at = positions[k]!;
    if (at >= lastEnd) lastEnd = stickyMatchAt(sticky, text, at, onMatch, lastEnd);
  }
}

/**
 * The matches of OPENING_STREET, then those of NUMBERED_OPENING_STREET, as their global scans find them. With the
 * lower-cased text (same length: same offsets), one scan of OPENING_WORD_LOWER_ANCHOR lists the positions both are
 * tried at: a superset of OPENING_WORD_ANCHOR's hits where a match can start, so the same matches (a sticky match
 * starts with a street word, so only at such a position, and skipping the positions inside a match as
 * forEachAnchoredMatch does). The two scans of the 41-form alternation were 2.3 % of the English 8 KB documents' CPU
 * samples (its lower-case forms open on a b c p r v, letters of most words).
 */
export function forEachOpeningStreet(text: string, onMatch: (m: RegExpExecArray) => void, lower?: string): void {
  if (lower === undefined || lower.length !== text.length) {
    forEachAnchoredMatch(OPENING_WORD_ANCHOR, text, OPENING_STREET_AT, text, onMatch);
    forEachAnchoredMatch(OPENING_WORD_ANCHOR, text, NUMBERED_OPENING_STREET_AT, text, onMatch);
    return;
  }
  let count = 0;
  const anchor = OPENING_WORD_LOWER_ANCHOR;
  anchor.lastIndex = 0;
  for (let a = anchor.exec(lower); a !== null; a = anchor.exec(lower)) {
    const at = a.index;
    anchor.lastIndex = at + 1;
    openingHits[count++] = at;
  }
  if (count === 0) return;
  forEachListedMatch(openingHits, count, OPENING_STREET_AT, text, onMatch);
  forEachListedMatch(openingHits, count, NUMBERED_OPENING_STREET_AT, text, onMatch);
}
/** Up to two number groups right before a street (a house number, then the street's own: 8116 56 rue La Boétie). */
const NUMBERS_BEFORE = /(?<![\w])(?:\d{1,6}[ ]){1,2}$/;
function withHouseNumber(text: string, start: number): number {
  const m = NUMBERS_BEFORE.exec(text.slice(Math.max(0, start - 14), start));
  return m ? start - m[0].length : start;
}
/** Greek street + number (Λεωφόρος Συγγρού 119), after a house number only. */
const GREEK_STREET = /(?<![\w])\d{1,6}[ ][\u0391-\u03a9][\u0386-\u03ce]+(?:[ ][\u0391-\u03a9][\u0386-\u03ce]+){0,2}[ ]\d{1,5}(?![\w])/g;
/** US military mail: USNS Bergman / FPO AP 93757, PSC 5420, Box 2708 / APO AA 33879 (any case). */
const MILITARY = /(?<![\w])(?:(?:USNS|USNV|USS|USCGC)[ ][A-Za-z\u00c0-\u024f'\-]{2,20}|(?:PSC|CMR|Unit)[ ]\d{3,5},?[ ]Box[ ]\d{3,5})\s{1,4}(?:APO|FPO|DPO)[ ](?:AA|AE|AP)[ ]\d{5}(?!\d)/gi;
/**
 * "the corner of 3744 Retreat Avenue and Władysława Route": both streets and the phrase itself (the name-shaped
 * second street is not a person). Requires a digit in the first street (the recognizer runs only on texts with one).
 */
const CORNER = /(?<![\w])[Tt]he corner of (?=[^\n?!;]{0,40}\d)[^\n?!;]{3,50}? and [^\n?!;,]{2,50}?(?=[ ]?(?:[\n?!;,]|\.(?:\s|$)|$))/g;

/** After an address cue (address: / lives at / office is at), the rest of the clause is the address. */
export const ADDRESS_CUE = /\b(?:address(?: is|:)|lives at|live at|living at|located at|office is at|ship(?:ped)? to|deliver(?:ed)? to|moved to|send it to|mail it to)\s{1,5}(?=[\dA-Z\u00c0-\u00de])/gi;
const CLAUSE = /^[^\n?!;]{6,90}?(?=\s*(?:[?!;\n]|\.(?:\s|$)(?<!\b(?:Apt|St|Ave|Rd|Dr|No|Ste|u)\.\s?)|$))/;

/**
 * Literal pieces of ADDRESS_CUE: the case-insensitive `\b` alternation is only run when one occurs in the
 * lower-cased text. One alternation instead of nine `includes` scans (same answer: any piece occurs).
 */
const ADDRESS_CUE_WORDS = /address|live|located at|office is at|ship|deliver|moved to|send it to|mail it to/;
/**
 * Where an ADDRESS_CUE match may start, in the lower-cased text (ASCII letters only match ASCII letters in a
 * case-insensitive non-Unicode regex, so each match's letters are these words there): the cue words plus
 * `living at`, which the gate above does not list.
 */
const ADDRESS_CUE_ANCHOR = new RegExp(`${ADDRESS_CUE_WORDS.source}|living at`, 'g');
const ADDRESS_CUE_AT = new RegExp(ADDRESS_CUE.source, 'iy');
/** ADDRESS_CUE's matches as its global scan finds them (`lower`: the text lower-cased). */
export function forEachAddressCue(text: string, lower: string, onMatch: (m: RegExpExecArray) => void): void {
  // The lower-cased text's offsets are the text's when no character changed length (İ is the one that grows).
  if (lower.length === text.length) forEachAnchoredMatch(ADDRESS_CUE_ANCHOR, lower, ADDRESS_CUE_AT, text, onMatch);
  else forEachMatch(ADDRESS_CUE, text, onMatch);
}

const MILITARY_WORDS = /\b[afd]po [a][aep] \d/;
const GREEK_CAPITAL = /[\u0391-\u03a9]/;
const hasGreek = (text: string) => GREEK_CAPITAL.test(text);

/** Any word of the rarer shapes (continental street words and abbreviations, corners, military mail, Greek letters). */
const OTHER_SHAPES = /\b(?:rue|rua|via|viale|piazza|piazzetta|calle|avenida|avenue|av|avda|paseo|chemin|boulevard|ul|al|os|pl)\b|corner of|po a[aep] \d| (?:u\.|utca|út|útja|tér|körút) \d|[\u03ac-\u03ce]/;

function otherShapes(text: string, lower: string, out: Candidate[]): void {
  const street = (m: RegExpExecArray) => {
    out.push({ type: 'ADDRESS', start: withHouseNumber(text, m.index), end: m.index + m[0].length, score: 0.6, validator: 'eu-street', contextApplied: false });
  };
  if (OPENING_WORDS_LOWER.test(lower)) {
    forEachOpeningStreet(text, street, lower);
  }
  if (ABBREVIATION_WORDS.test(lower)) forEachMatch(EU_ABBREVIATED_STREET, text, street);
  if (HU_STREET_WORD.test(text)) forEachMatch(HU_STREET, text, street);
  if (text.includes('corner of')) forEachMatch(CORNER, text, (m) => {
    out.push({ type: 'ADDRESS', start: m.index, end: m.index + m[0].length, score: 0.75, validator: 'en-corner', contextApplied: false });
  });
  if (MILITARY_WORDS.test(lower)) forEachMatch(MILITARY, text, (m) => {
    out.push({ type: 'ADDRESS', start: m.index, end: m.index + m[0].length, score: 0.85, validator: 'us-military', contextApplied: false });
  });
  if (hasGreek(text)) forEachMatch(GREEK_STREET, text, (m) => {
    out.push({ type: 'ADDRESS', start: m.index, end: m.index + m[0].length, score: 0.5, validator: 'eu-street', contextApplied: false });
  });
}

/** A character of a street name's last word: EN_NUMBERED_STREET's [A-Za-z\u00c0-\u024f'\-] (EN_EURO's endings are ASCII). */
const isNameEnd = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f) || c === 39 || c === 45;
/** Somewhere a name character, one space, a digit (`Puruntie 82`, `Koskikatu 25`): what both scans need. */
function hasNumberAfterWord(text: string): boolean {
  for (let at = text.indexOf(' ', 1); at >= 0; at = text.indexOf(' ', at + 1)) {
    const next = codeAt(text, at + 1);
    if (next >= 48 && next <= 57 && isNameEnd(text.charCodeAt(at - 1))) return true;
  }
  return false;
}

/** EN_STREET's [A-Z\u00c0-\u00de\d]: what opens the word after its number. */
const isStreetWordStart = (c: number) => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde) || (c >= 48 && c <= 57);
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** EN_STREET's street word, tried at one position. */
const STREET_SUFFIX_AT = new RegExp(`${STREET_SUFFIX}\\.?(?![${LETTER}])`, 'y');
/**
 * What EN_STREET needs (`\d{1,6}[A-Za-z]?(?:[ ][UP\d]…){1,4}?[ ]Street…`): a digit (or a digit and one ASCII
 * letter: 221B), a space and a capital or a digit, and after that space another space before a street word.
 * Chinese log rows with a capital (`2024-10-05 10:00:00 ERROR 支付失败`; none of the generator's 451 such ZH rows) lack it, and there the street
 * scan stopped at every digit.
 */
export function hasStreetShape(text: string): boolean {
  let after = -1;
  for (let at = text.indexOf(' ', 1); at >= 0; at = text.indexOf(' ', at + 1)) {
    if (after < 0) {
      if (!isStreetWordStart(codeAt(text, at + 1))) continue;
      const prev = text.charCodeAt(at - 1);
      if ((prev >= 48 && prev <= 57) || (isAsciiLetter(prev) && at >= 2 && isDigitCode(text.charCodeAt(at - 2)))) after = at;
      continue;
    }
    STREET_SUFFIX_AT.lastIndex = at + 1;
    if (STREET_SUFFIX_AT.test(text)) return true;
  }
  return false;
}

/** Either list in one scan: most texts hold neither, and then pay one scan instead of two. */
const CUE_OR_SHAPE_WORDS = new RegExp(`${ADDRESS_CUE_WORDS.source}|${OTHER_SHAPES.source}`);

const isHanAt = (text: string, at: number) => {
  const c = codeAt(text, at);
  return c >= 0x4e00 && c <= 0x9fff;
};
function englishAddresses(text: string, lower: string, hasUpper: boolean, hasCjk: boolean): Candidate[] {
  const out: Candidate[] = [];
  // (CUE_OR_SHAPE_WORDS matches exactly where one of the two lists does. On Chinese text V8 scans each list alone
  // several times faster than the joined alternation — generator ZH rows: joined 2.5 µs/KB, cue words 0.36, other
  // shapes 1.35 — and without a capital only the cue words can matter there; on Latin text the joined scan is faster.)
  const words = hasCjk || CUE_OR_SHAPE_WORDS.test(lower);
  if (words && ADDRESS_CUE_WORDS.test(lower)) {
    forEachAddressCue(text, lower, (m) => {
      const start = m.index + m[0].length;
      const clause = CLAUSE.exec(text.slice(start, start + 100));
      if (clause && /\d/.test(clause[0])) out.push({ type: 'ADDRESS', start, end: start + clause[0].trimEnd().length, score: 0.7, validator: 'en-address-cue', contextApplied: true });
    });
  }
  // The four street patterns need a capital ([A-Z\u00c0-\u00de], where × U+00D7 is the one non-capital): a text
  // without one (most Chinese text) skips them.
  if (hasUpper || text.includes('\u00d7')) {
    // EN_NUMBERED_STREET and EN_EURO end in a name letter, a space and a number: without that, neither scan.
    const numberAfterWord = hasNumberAfterWord(text);
    if (numberAfterWord) forEachMatch(EN_NUMBERED_STREET, text, (m) => {
      // A number glued to a Chinese character is a model number (骁龙8 Gen 3, 麒麟9000 Pro 2), no house number.
      if (hasCjk && isHanAt(text, m.index - 1)) return;
      // Without a leading house number ("Page 12") the shape is too common to stand alone.
      const score = /^\d/.test(m[0]) ? 0.5 : 0.25;
      out.push({ type: 'ADDRESS', start: m.index, end: m.index + m[0].length, score, validator: 'eu-street', contextApplied: false });
    });
    // (Checked on Chinese text only: on Latin text most address rows have the shape and the scan is fast.)
    if (!hasCjk || hasStreetShape(text)) forEachMatch(EN_STREET, text, (m) => {
      out.push({ type: 'ADDRESS', start: m.index, end: m.index + m[0].length, score: 0.75, validator: 'en-street', contextApplied: false });
    });
    forEachMatch(EN_UNIT, text, (m) => {
      out.push({ type: 'ADDRESS', start: m.index, end: m.index + m[0].length, score: 0.45, validator: 'en-unit', contextApplied: false });
    });
    if (numberAfterWord) forEachEuroStreet(text, (m) => {
      out.push({ type: 'ADDRESS', start: m.index, end: m.index + m[0].length, score: 0.55, validator: 'eu-street', contextApplied: false });
    });
  }
  // The shapes below are rare: one scan of the lower-cased text for any of their words decides whether to look
  // (not in Chinese text without a capital letter).
  if (words && (hasUpper || !hasCjk) && OTHER_SHAPES.test(lower)) otherShapes(text, lower, out);
  return chainEnglish(text, out);
}

/**
 * Capitals a city line may start with: Latin-1's (UP), Latin Extended-A/B's (Č, Ł, Ś, Ż, Ő: Črni Vrh, Łódź, Świnoujście),
 * Greek. (Extended-A alternates capital and small letter; a part is a capital and then letters, so a small
 * letter there is rare enough not to matter.)
 */
const PART_UP = `${UP}\\u0100-\\u024f\\u0391-\\u03a9`;
/**
 * The gap before one more part: spaces, commas, "???" (lost bullets of a pasted list), and e-mail quote markers at
 * a line start ("\n> ", "\n>> "): an address quoted in a reply is still one address.
 */
const GAP_UNIT = `(?:[\\s,]|\\?\\?\\?|(?<=\\n[ ]?)>{1,3})`;
/** One more line of an address after a street line: unit, city, region code, country, postcode. */
const NEXT_PART = new RegExp(
  `${GAP_UNIT}{1,6}(?:(?:Apt\\.?|Apartment|Suite|Ste\\.?|Unit|Flat|Box|PO Box|P\\.O\\. Box)[ ]#?\\d{1,6}[A-Za-z]?|\\d{4,6}(?:-\\d{4})?|[A-Z]{2}(?![${LETTER}])|[${PART_UP}][${LETTER}\\u0386-\\u03ce\\u2206'\\-]+(?:[ ](?:(?:de|del|la|le|du|di|da|do|dos|das|van|von|der|den|am|an|im|sur|en|y|nad|pod|pri|na|ob)[ ])?[${PART_UP}][${LETTER}\\u0386-\\u03ce\\u2206'\\-]+){0,2})`,
  'y',
);

/** Between two parts of one address: GAP_UNIT's spaces, commas, "???" and quote markers (written out: a literal the regex audit reads). */
const PART_GAP = /^(?:[\s,]|\?\?\?|(?<=\n[ ]?)>{1,3}){0,6}$/;

/**
 * Street lines, unit lines and the parts after them form one address: adjacent candidates are merged
 * (the unit line alone would be too weak), then the address is extended over following unit / city /
 * region / postcode parts (at most five; a full stop ends it).
 */
function chainEnglish(text: string, candidates: Candidate[]): Candidate[] {
  if (candidates.length === 0) return candidates;
  // A cue clause ("ship to …") is a fallback: where a structured street match exists, the clause would only over-extend.
  candidates = candidates.filter(
    (c) => c.validator !== 'en-address-cue' || !candidates.some((o) => o !== c && o.validator !== 'en-address-cue' && o.start < c.end && c.start < o.end),
  );
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Candidate[] = [];
  for (const c of candidates) {
    const last = merged[merged.length - 1];
    if (last && c.start <= last.end + 10 && PART_GAP.test(text.slice(last.end, Math.max(last.end, c.start)))) {
      last.end = Math.max(last.end, c.end);
      last.score = Math.min(1, Math.max(last.score, c.score) + 0.1);
      continue;
    }
    // A copy written out rather than spread: a spread copy got a map of its own (no transition from the literal's),
    // so the detector's loop over candidates saw a third and fourth candidate map.
    merged.push({ type: c.type, start: c.start, end: c.end, score: c.score, validator: c.validator, contextApplied: c.contextApplied });
  }
  for (const c of merged) {
    if (c.score < 0.45) continue;
    for (let step = 0; step < 5; step++) {
      NEXT_PART.lastIndex = c.end;
      const m = NEXT_PART.exec(text);
      if (!m || /\n\s*\n/.test(m[0])) break;
      c.end += m[0].length;
      // Each further part (unit, city, region, country, postcode) makes the whole more surely an address, so
      // a street + unit + city + country + postcode block outranks the country or a name-shaped street inside it.
      if (step < 3) c.score = Math.min(0.85, c.score + 0.05);
    }
  }
  return merged;
}

export const addressRecognizer: Recognizer = {
  name: 'address',
  requires: { digitOrCjk: true },
  entityTypes: ['ADDRESS'],
  recognize(text, facts) {
    const out: Candidate[] = facts.hasDigit ? englishAddresses(text, facts.lower, facts.hasUpper, facts.hasCjk) : [];
    if (facts.hasCjk) chineseAddresses(text, facts.hasDigit, out);
    return out;
  },
};
