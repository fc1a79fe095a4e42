/**
 * When a text cannot hold a name (speed round 16): the exact condition under which the person, location,
 * organisation and tagger recognizers all find nothing that can reach the threshold, on a text without CJK
 * (their Chinese paths need no capitals) whose capitals are only ASCII ones (no other upper-case letter).
 * Then every English path starts at a capital, and each capital here opens a "plain word": [A-Z][a-z]*, with
 * no letter, digit, apostrophe or hyphen (the tokenizers' joiners) on either side, and no capitalised word
 * next (the next ASCII letter or digit is not a capital; non-ASCII characters are passed over). For such a
 * word w (lower-cased), each recognizer finds nothing (the tagger and the three rule recognizers separately):
 *
 * - tagger (en-ner): a capitalised token with no capitalised token after it is scored only if its dictionary
 *   bits are other than COMMON alone (Tokens.isCandidate); lower-case tokens are scored only after a scored one.
 *   So with the bits of every such word COMMON alone (SCORED_ALONE) every token is O: no span.
 * - person: the run is the word alone; EN_NOT_NAMES ends it (as does a one-letter word: no run). Otherwise it
 *   scores 0.15, + 0.2 at most (a person verb after it), no first name, surname or cue (cueBefore on the same 24
 *   characters): at most 0.35, below 0.5, so the list pass lifts nothing either, and below a threshold over
 *   PERSON_PLAIN_MAX it is dropped.
 * - location and organisation gazetteers (case-sensitive, whole words): a hit's ASCII capitals are capitals of
 *   the text, so each capital word of the entry is one of these plain words: they are blocked (blockedWords);
 *   entries with another upper-case letter cannot match.
 * - location's place cues (flew to, grew up in: location.ts placeCueBefore): a word right after one is not safe.
 * - organisation suffixes and "X of" heads: the token starting at w's capital has w's letters before its first
 *   other character, so a SUFFIX_SET / OF_HEADS entry it equals starts with them: those words are blocked too.
 *
 * The address recognizer needs a digit or CJK (its own first checks) and declares that instead.
 * test/unit/pii/names-gate.test.ts runs the bench corpora and adversarial texts with and without the gate.
 */
import { EN_NOT_NAMES } from '../dictionaries/en-names.js';
import { EN_KNOWN_ORGS } from '../dictionaries/organizations.js';
import { EN_COUNTRIES, EN_PLACES } from '../dictionaries/places.js';
import { COMMON, FIRST, FNV_START, NOT_NAME, SCORED_ALONE, SURNAME, fnv, wordHash, type WordBits } from '../ner/features.js';
import { taggerDictionary } from './en-ner.js';
import { placeCueBefore } from './location.js';
import { OF_HEADS, SUFFIX_SET } from './organization.js';
import { cueBefore } from './person.js';

/** A plain capitalised word that is no listed non-name scores at most 0.15 + 0.2 (a person verb after it) as a person. */
export const PERSON_PLAIN_MAX = 0.36;

const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** ASCII, no letter or digit, no apostrophe or hyphen: ends a word for every tokenizer involved. */
const isPlainEdge = (c: number) => c < 128 && !isAlnum(c) && c !== 39 && c !== 45;

/** commonCapitalsOnly's bits: a rule recognizer (person, location, organisation) may find a name; the tagger may. */
export const RULES_MAY = 1;
export const TAGGER_MAY = 2;

let dictionary: WordBits | undefined;
/** Blocked words (blockedWords) by their word hash's low 30 bits: a hash shared with another word only blocks that one too. */
let blocked: Set<number> | undefined;
/** EN_NOT_NAMES by the low 30 bits of their word hashes; null where two share them (then the Set decides). */
let notNames: Map<number, string | null> | undefined;
const KEY = 0x3fffffff;

function notNameKeys(): Map<number, string | null> {
  const out = new Map<number, string | null>();
  for (const w of EN_NOT_NAMES) {
    const key = wordHash(w) & KEY;
    out.set(key, out.has(key) ? null : w);
  }
  return out;
}

/** Whether text[p, j) (a capital, then a-z) lower-cased is in EN_NOT_NAMES, `key` its hash's low 30 bits; no string made but on a shared key. */
function isNotName(text: string, p: number, j: number, key: number): boolean {
  const w = notNames!.get(key);
  if (w === undefined) return false;
  if (w === null) return EN_NOT_NAMES.has(text.slice(p, j).toLowerCase());
  if (w.length !== j - p || w.charCodeAt(0) !== text.charCodeAt(p) + 32) return false;
  for (let k = p + 1; k < j; k++) if (text.charCodeAt(k) !== w.charCodeAt(k - p)) return false;
  return true;
}

/**
 * The capital words of the gazetteer entries that could match a gated text (see above), and the leading letters
 * of the organisation suffixes and heads. An entry matches in such a text only with each of its capital words a
 * plain word there, and then with an ASCII letter or digit between two of them (else the first is followed by a
 * capitalised word): entries without one (New York, The Hague) cannot match and block nothing.
 */
function blockedWords(): Set<number> {
  const words = new Set<string>();
  for (const entry of [...EN_PLACES, ...EN_COUNTRIES, ...EN_KNOWN_ORGS]) {
    // An entry without any upper-case letter could match text with no capital at all: no gate is exact then.
    if (entry === entry.toLowerCase()) throw new Error(`names gate: lower-case gazetteer entry ${JSON.stringify(entry)}`);
    // Another upper-case letter than A-Z: the gated texts hold none, so the entry cannot match them.
    const other = entry.replace(/[A-Z]/g, '');
    if (other !== other.toLowerCase()) continue;
    const capitalWords = [...entry.matchAll(/[A-Z][a-z]*/g)];
    let reachable = true;
    for (let k = 1; k < capitalWords.length && reachable; k++) {
      const gap = entry.slice(capitalWords[k - 1]!.index + capitalWords[k - 1]![0].length, capitalWords[k]!.index);
      reachable = /[A-Za-z0-9]/.test(gap);
    }
    if (reachable) for (const w of capitalWords) words.add(w[0].toLowerCase());
  }
  for (const entry of [...SUFFIX_SET, ...OF_HEADS]) {
    const lead = /^[A-Za-z]+/.exec(entry);
    if (lead) words.add(lead[0].toLowerCase());
  }
  return new Set([...words].map((w) => wordHash(w) & KEY));
}

/**
 * Which of the names family may find something in `text` at threshold `minScore` (RULES_MAY | TAGGER_MAY; 0:
 * neither), from its capitals (`from`: the first one's offset), as explained above. The caller has checked: no
 * CJK, no upper-case letter but A-Z.
 */
export function commonCapitalsOnly(text: string, from: number, minScore: number): number {
  const n = text.length;
  // First the shapes alone (no lookups): most texts with a name fail here, at a capitalised word after another.
  let words = 0;
  for (let p = from; p < n; p++) {
    const c = text.charCodeAt(p);
    if (c < 65 || c > 90) continue;
    if (p > 0 && !isPlainEdge(text.charCodeAt(p - 1))) return RULES_MAY | TAGGER_MAY;
    let j = p + 1;
    while (j < n && text.charCodeAt(j) >= 97 && text.charCodeAt(j) <= 122) j++;
    if (j < n && !isPlainEdge(text.charCodeAt(j))) return RULES_MAY | TAGGER_MAY;
    let k = j;
    while (k < n && !isAlnum(text.charCodeAt(k))) k++;
    if (k < n && text.charCodeAt(k) <= 90 && text.charCodeAt(k) >= 65) return RULES_MAY | TAGGER_MAY;
    if (words === WORDS.length / 2) return RULES_MAY | TAGGER_MAY;
    WORDS[2 * words] = p;
    WORDS[2 * words + 1] = j;
    words++;
    p = k - 1;
  }
  const dict = (dictionary ??= taggerDictionary());
  const block = (blocked ??= blockedWords());
  notNames ??= notNameKeys();
  let may = 0;
  // Last word first: a name tends to come after the sentence's first word, and settles both bits at one lookup.
  for (let w = words - 1; w >= 0; w--) {
    const p = WORDS[2 * w]!;
    const j = WORDS[2 * w + 1]!;
    // The word's hash as the tagger computes it (lower-cased codes).
    let h = fnv(FNV_START, text.charCodeAt(p) + 32);
    for (let i = p + 1; i < j; i++) h = fnv(h, text.charCodeAt(i));
    const bits = dict.get(h);
    if ((bits & SCORED_ALONE) !== COMMON) may |= TAGGER_MAY;
    if ((may & RULES_MAY) === 0 && !ruleSafe(text, p, j, h & KEY, bits, block, minScore)) may |= RULES_MAY;
    if (may === (RULES_MAY | TAGGER_MAY)) return may;
  }
  return may;
}
/** The plain words' [start, end) offsets, for the second pass (the detector gates texts of at most 16 capitals). */
const WORDS = new Int32Array(32);

/**
 * Whether person, location and organisation find nothing at text[p, j) (see above). `bits`: the tagger dictionary's
 * bits of the word's hash. Every EN_NOT_NAMES / EN_FIRST_NAMES / EN_SURNAMES word's hash carries that list's bit, so
 * a bit's absence settles "not listed"; its presence is checked against the word itself (NOT_NAME) or taken as a
 * name (FIRST, SURNAME: at worst a skip missed).
 */
function ruleSafe(text: string, p: number, j: number, key: number, bits: number, block: Set<number>, minScore: number): boolean {
  // One letter: no person run (a run's first word has a lower-case letter after its capital).
  const plain = j - p > 1 && !((bits & NOT_NAME) !== 0 && isNotName(text, p, j, key));
  if (plain && (!(minScore > PERSON_PLAIN_MAX) || (bits & (FIRST | SURNAME)) !== 0)) return false;
  if (block.has(key)) return false;
  // A place cue before any capitalised word (flew to |Horten) lets the location recognizer report it.
  if (placeCueBefore(text, p)) return false;
  return !plain || cueBefore(text.slice(Math.max(0, p - 24), p)) === 0;
}
