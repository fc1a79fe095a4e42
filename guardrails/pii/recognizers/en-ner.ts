/**
 * English person / place / organisation names from the trained tagger (guardrails/pii/ner/). Complements
 * the dictionary + cue recognizers (person.ts, location.ts, organization.ts): it finds unseen foreign names
 * from word shape and surrounding words. Its score (0.5–0.62) grows with the tagger's margin and stays
 * below the rule recognizers' confident scores, so a rule finding (an address, a cued name) wins an overlap.
 */
import { pathToFileURL } from 'node:url';
import { EN_FIRST_NAMES, EN_SURNAMES } from '../dictionaries/en-names.js';
import { EN_ORG_SUFFIXES } from '../dictionaries/organizations.js';
import { EN_COUNTRIES, EN_PLACES } from '../dictionaries/places.js';
import type { Tokens } from '../ner/features.js';
import { NerModel } from '../ner/model.js';
import { codeAt, isSpaceCode, type Candidate, type Recognizer } from '../types.js';

let model: NerModel | undefined;
/** Loaded on first use: detectors that never see Latin capitals never pay for it. */
// SEALGATE_PII_NER_WEIGHTS points at other weights (training experiments: ner/train.ts --dev --out).
const tagger = () => (model ??= NerModel.load(process.env.SEALGATE_PII_NER_WEIGHTS ? pathToFileURL(process.env.SEALGATE_PII_NER_WEIGHTS) : undefined));
/** The tagger's word dictionary (names-gate.ts asks which capitalised words it leaves unscored). */
export const taggerDictionary = () => tagger().dictionary;

/**
 * Minimum tagger margin per type, chosen on the development fold (training templates ≡ 2 mod 4, model trained
 * on ≡ 0 mod 4), never on the benchmark half: 6 for every type (dev F1 0.730; 4/4/10 gave 0.717, 8/6/6 0.727).
 */
export const EN_NER_MIN_MARGIN = { PERSON: 6, LOCATION: 6, ORGANIZATION: 6 } as const;

const ORG_WORDS = new Set(EN_ORG_SUFFIXES);
/**
 * Gazetteer places of two words or more (Hong Kong, Los Angeles, Sri Lanka): the tagger reads some as a first name
 * and a surname, and its PERSON (0.62) outranked the gazetteer's LOCATION (0.6). One-word places stay open to the
 * tagger: many are also names (Georgia, Austin, Florence, Sofia).
 */
const MULTIWORD_PLACES: ReadonlySet<string> = new Set([...EN_PLACES, ...EN_COUNTRIES].filter((p) => p.includes(' ')).map((p) => p.toLowerCase()));
const isCjk = (code: number) => code >= 0x3000 && code <= 0x9fff;
/** @ / _ # = \ (edge reads go through codeAt: -1 outside the text is none of them). */
const isHandleEdge = (c: number) => c === 64 || c === 47 || c === 95 || c === 35 || c === 61 || c === 92;
/** Latin, Greek or Cyrillic capital: without one there is nothing to tag (CJK-only text skips the tagger). */
const ALPHABETIC_CAPITAL = /[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f\u0391-\u03a9\u0400-\u042f]/;
export const AFTER_NUMBER = /\d[\s,]{0,2}$/;
/**
 * AFTER_NUMBER on the 8 characters before `start`, by codes: a digit, then at most two \s or `,` characters, right
 * before `start` (no slice, no regex; compared in test/unit/pii/ner-last-word.test.ts).
 */
export function numberJustBefore(text: string, start: number): boolean {
  const lo = Math.max(0, start - 8);
  for (let j = start - 1, k = 0; k <= 2 && j >= lo; k++, j--) {
    const c = text.charCodeAt(j);
    if (c >= 48 && c <= 57) return true;
    if (c !== 44 && !isSpaceCode(c)) return false;
  }
  return false;
}
/**
 * Whether a span starting at `start` of a text holding CJK could pass the checks below (a necessary condition):
 * not glued to CJK on its left, not right after a handle edge. The tagger skips stretches where no span could
 * (most Latin words in Chinese text: iPhone发布, @Norman_小牛, t.cn/RPiyosl). Module-level: no closure per text.
 */
export function mayKeepInCjkText(text: string, start: number): boolean {
  const before = codeAt(text, start - 1);
  if (isCjk(before) || isCjk(codeAt(text, start - 2)) || isHandleEdge(before)) return false;
  // A host name (mail.Example: a dot after a letter), or a house number right before (AFTER_NUMBER: a digit, then
  // at most two spaces or commas): dropped below whatever the span.
  if (before === 46 && isAsciiLetter(codeAt(text, start - 2))) return false;
  for (let d = start - 1; d >= start - 3 && d >= 0; d--) {
    const c = text.charCodeAt(d);
    if (c >= 48 && c <= 57) return false;
    if (c !== 44 && !isSpaceCode(c)) break;
  }
  return true;
}
const isKnownNameWord = (word: string) => {
  const lower = word.toLowerCase();
  return EN_FIRST_NAMES.has(lower) || EN_SURNAMES.has(lower);
};
const isWholeText = (text: string, start: number, end: number) => {
  for (let i = 0; i < start; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  for (let i = end; i < text.length; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
};
const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

export const enNerRecognizer: Recognizer = {
  name: 'en_ner',
  requires: { upper: true, taggable: true },
  entityTypes: ['PERSON', 'LOCATION', 'ORGANIZATION'],
  recognize(text, facts) {
    if (!facts.hasUpper || !ALPHABETIC_CAPITAL.test(text)) return [];
    const out: Candidate[] = [];
    for (const s of tagger().spans(text, facts.hasCjk ? mayKeepInCjkText : undefined)) {
      // Below both thresholds it may end with (its own, or ORGANIZATION's after the legal-form check): dropped
      // before the slice and split below (most tagged spans end here).
      if (s.margin < EN_NER_MIN_MARGIN[s.type] && (s.type !== 'PERSON' || s.margin < EN_NER_MIN_MARGIN.ORGANIZATION)) continue;
      const lastWord = lastWordOf(text, s.start, s.end);
      // "Smith Biotech Group" tagged as a person is still an organisation: the legal form decides.
      if (s.type === 'PERSON' && s.end - s.start > lastWord.length && ORG_WORDS.has(lastWord)) s.type = 'ORGANIZATION';
      else if (s.type === 'PERSON' && s.end - s.start > lastWord.length && MULTIWORD_PLACES.has(text.slice(s.start, s.end).toLowerCase())) s.type = 'LOCATION';
      if (s.margin < EN_NER_MIN_MARGIN[s.type]) continue;
      // One all-caps word is an acronym or a key (RAM, AKIAAAAAAAAAAAAA), unless it is city-length (OULU, LYCKSELE).
      if (s.end - s.start === lastWord.length && lastWord.length > 0 && lastWord === lastWord.toUpperCase()) {
        if (lastWord.length <= 3 || lastWord.length > 12) continue;
        // A lone all-caps word is a person only when it is a known name (JOHN, CHEN): enum values and status
        // words (PENDING, CANCELLED, SETTLED) are tagged like names and blocked tool schemas.
        if (s.type === 'PERSON' && !isKnownNameWord(lastWord)) continue;
      } else if (s.type === 'PERSON' && s.end - s.start === lastWord.length && isWholeText(text, s.start, s.end) && !isKnownNameWord(lastWord)) {
        // A text that is one capitalised word has no context to make it a name: an enum value or a label
        // (Cancelled, Refunded, Declined, Yearly, Auto) unless the dictionaries know it (Alice, Chen).
        continue;
      }
      // Latin words inside Chinese prose (iPhone发布, 去Apple店) are brands and code-switches, not English names.
      if (facts.hasCjk && (isCjk(codeAt(text, s.start - 1)) || isCjk(codeAt(text, s.end)) || isCjk(codeAt(text, s.start - 2)))) continue;
      // Handles, URL paths and identifiers (@Norman_小牛, t.cn/RPiyosl, user_Name) are not prose names.
      if (isHandleEdge(codeAt(text, s.start - 1)) || isHandleEdge(codeAt(text, s.end))) continue;
      // "5586 Þórunnarstræti", "04862 Victor Hugo u. 49": a name right after a house number is a street.
      if (numberJustBefore(text, s.start)) continue;
      // Host names (www.ArtistMovie.se, mail.Example.com): a word joined to a dot and a letter on either side.
      if ((codeAt(text, s.start - 1) === 46 && isAsciiLetter(codeAt(text, s.start - 2))) || (codeAt(text, s.end) === 46 && isAsciiLetter(codeAt(text, s.end + 1)))) continue;
      // Same property set and order as the rule recognizers' candidates (one object shape in the detector's loops).
      out.push({ type: s.type, start: s.start, end: s.end, score: Math.min(0.62, 0.5 + s.margin / 100), validator: 'en-ner', contextApplied: false });
    }
    if (out.length > 0) repeatedNames(text, out, tagger().tokensOf(text));
    return out;
  },
};

/**
 * `text.slice(start, end).split(/\s+/).pop()` without the slice and the regex split: the characters after the last
 * \s character of the span (isSpaceCode is \s), '' when the span ends with one. Compared in
 * test/unit/pii/ner-last-word.test.ts.
 */
export function lastWordOf(text: string, start: number, end: number): string {
  let k = end;
  while (k > start && !isSpaceCode(text.charCodeAt(k - 1))) k--;
  return text.slice(k, end);
}

const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c >= 0xc0 || c === 39 || c === 45;
const isUpper = (c: number) => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);

/**
 * Which characters the candidates cover, one byte per character: the overlap test of a repeated name reads its
 * own few characters instead of looping over every candidate (that loop made a long list of names quadratic:
 * each occurrence against each span found, 4.3 ms/KB at 256 KB against 1.9 at 32 KB).
 */
function coverageOf(length: number, spans: readonly Candidate[]): Uint8Array {
  const covered = new Uint8Array(length);
  for (const s of spans) covered.fill(1, s.start, s.end);
  return covered;
}

/** Whether [start, end) touches a covered character: what "overlaps some candidate" is for non-empty spans. */
function coveredIn(covered: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (covered[i] === 1) return true;
  return false;
}

/** Whether the word is letters only (isLetter): then its whole-word occurrences are exactly the letter runs equal to it. */
function lettersOnly(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (!isLetter(word.charCodeAt(i))) return false;
  return true;
}

/**
 * Start positions of the letter runs (maximal isLetter stretches) equal to one of the words, per word, in text
 * order: one walk of the text for all the words instead of one indexOf scan of the whole text per word (a
 * roster of distinct names made that the number of names times the text length).
 */
export function letterRunsEqualTo(text: string, words: ReadonlySet<string>, minLength: number, maxLength: number): Map<string, number[]> {
  const hits = new Map<string, number[]>();
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isLetter(text.charCodeAt(i))) i++;
    const length = i - start;
    // Words start with a capital: other runs are skipped before any slice.
    if (length < minLength || length > maxLength || !isUpper(text.charCodeAt(start))) continue;
    addRunHit(text, start, i, words, hits);
  }
  return hits;
}

/** Records the run [start, end) under its text when it is one of the words. */
function addRunHit(text: string, start: number, end: number, words: ReadonlySet<string>, hits: Map<string, number[]>): void {
  const run = text.slice(start, end);
  if (!words.has(run)) return;
  const list = hits.get(run);
  if (list === undefined) hits.set(run, [start]);
  else list.push(start);
}

/**
 * letterRunsEqualTo from the tagger's tokens of the text instead of a walk of every character: the same hits.
 * A letter run that can be one of the words starts with a capital (isUpper: A-Z, À-Þ but ×) after a character
 * that is not isLetter here, so below U+00C0 and no ASCII letter, `'` or `-`. There the tokenizer starts a token
 * (such a character ends a digit token and cannot be inside a word token: those hold letters and inner ' ’ -), and
 * the capital makes it a capitalised token (isUpperCode). So only capitalised tokens are looked at, each tested as
 * the walk tests a run's start; the run itself is read on from the token's end (every character of a word token
 * is isLetter here: ASCII letters, codes from U+00C0 on, ' and -). test/unit/pii/ner-repeat-paths.test.ts
 * compares both on generated texts.
 */
export function letterRunsAtTokens(text: string, tokens: Tokens, words: ReadonlySet<string>, minLength: number, maxLength: number): Map<string, number[]> {
  const hits = new Map<string, number[]>();
  const n = text.length;
  const count = tokens.count;
  const capital = tokens.capital;
  const starts = tokens.starts;
  const ends = tokens.ends;
  for (let t = 0; t < count; t++) {
    if (capital[t] !== 1) continue;
    const start = starts[t]!;
    if (!isUpper(text.charCodeAt(start)) || (start > 0 && isLetter(text.charCodeAt(start - 1)))) continue;
    let i = ends[t]!;
    while (i < n && isLetter(text.charCodeAt(i))) i++;
    const length = i - start;
    if (length < minLength || length > maxLength) continue;
    addRunHit(text, start, i, words, hits);
  }
  return hits;
}

/**
 * The code of the character `/^ +(\S)/` finds in `text.slice(end, end + 4)` (one or more spaces, then a character
 * outside \s), or -1 when it finds none: without the slice and the regex. Compared with them in
 * test/unit/pii/en-ner.test.ts.
 */
export function wordCodeAfterSpaces(text: string, end: number): number {
  const limit = Math.min(end + 4, text.length);
  let j = end;
  while (j < limit && text.charCodeAt(j) === 32) j++;
  if (j === end || j >= limit) return -1;
  const c = text.charCodeAt(j);
  return isSpaceCode(c) ? -1 : c;
}

/** From this text length on, repeatedNames finds occurrences in one walk and tests overlaps on a coverage array. */
const LINEAR_REPEATS_FROM = 1024;

/**
 * Whether a name word's occurrence at [at, end) may be a repeated name, apart from overlapping a span: a whole
 * word, not a handle, host name or file name part, and no capitalised word after it (Keller Road, Keller Group:
 * a longer name, a street or a company, that this is part of).
 */
function acceptable(text: string, at: number, end: number): boolean {
  if (isLetter(codeAt(text, at - 1)) || isLetter(codeAt(text, end))) return false;
  if (isHandleEdge(codeAt(text, at - 1)) || isHandleEdge(codeAt(text, end)) || codeAt(text, at - 1) === 46) return false;
  return !isUpper(wordCodeAfterSpaces(text, end));
}

/** Whether some candidate overlaps [start, end) (the short-text path: a few spans). */
function overlapsAny(out: readonly Candidate[], start: number, end: number): boolean {
  for (let k = 0; k < out.length; k++) if (out[k]!.start < end && start < out[k]!.end) return true;
  return false;
}

const repeatOf = (start: number, end: number, score: number): Candidate => ({ type: 'PERSON', start, end, score: Math.min(0.6, score), validator: 'en-ner-repeat', contextApplied: false });

/**
 * A person named in full once is the same person when one of the name's words comes back on its own
 * ("directed by Maria Keller and starring Keller", "Keller's song"): those occurrences are names too. Only
 * words of four letters or more from a two-word-or-longer PERSON span, capitalised, whole words, outside every
 * span found so far, and not followed by a capitalised word (Keller Road, Keller Group are other things).
 */
function repeatedNames(text: string, out: Candidate[], tokens?: Tokens): void {
  const found = out.length;
  // The words to search, each once, in the order of the spans that name them (the order decides which of two
  // overlapping occurrences is kept). A second search of one word adds nothing: each occurrence it would accept
  // either was added by the first, or overlapped a span then, and spans are only added.
  const words: { word: string; score: number }[] = [];
  const searched = new Set<string>();
  for (let k = 0; k < found; k++) {
    const p = out[k]!;
    if (p.type !== 'PERSON') continue;
    const name = text.slice(p.start, p.end);
    if (!name.includes(' ')) continue;
    for (const word of name.split(/\s+/)) {
      if (word.length < 4 || !isUpper(word.charCodeAt(0)) || searched.has(word)) continue;
      searched.add(word);
      words.push({ word, score: p.score });
    }
  }
  if (words.length === 0) return;
  if (text.length < LINEAR_REPEATS_FROM) {
    // A short text (a record, a prompt): one indexOf per word and each occurrence tested against the spans found
    // so far. The walk and coverage array below cost a Map, a Uint8Array and a pass over the text per call, more
    // than these few scans (~10 % of the tagger's time on the English records); below this length the scans are
    // bounded (words × text, occurrences × spans). Same occurrences, same order, same verdicts as below.
    for (const { word, score } of words) {
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
        const end = at + word.length;
        if (acceptable(text, at, end) && !overlapsAny(out, at, end)) out.push(repeatOf(at, end, score));
      }
    }
    return;
  }
  // Letters-only words (nearly all): their occurrences come from one walk of the text. A word with another
  // character in it (rare) is still found by indexOf, a scan per word.
  const plain = new Set<string>();
  let minLength = Infinity;
  let maxLength = 0;
  for (const { word } of words)
    if (lettersOnly(word)) {
      plain.add(word);
      minLength = Math.min(minLength, word.length);
      maxLength = Math.max(maxLength, word.length);
    }
  const runs = plain.size === 0 ? undefined : tokens !== undefined ? letterRunsAtTokens(text, tokens, plain, minLength, maxLength) : letterRunsEqualTo(text, plain, minLength, maxLength);
  const covered = coverageOf(text.length, out);
  const accept = (at: number, word: string, score: number): void => {
    const end = at + word.length;
    if (!acceptable(text, at, end) || coveredIn(covered, at, end)) return;
    out.push(repeatOf(at, end, score));
    covered.fill(1, at, end);
  };
  for (const { word, score } of words) {
    if (plain.has(word)) {
      for (const at of runs!.get(word) ?? []) accept(at, word, score);
    } else {
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) accept(at, word, score);
    }
  }
}
