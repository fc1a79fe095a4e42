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
 *   So `unscoredAlone(w)` leaves every token O: no span.
 * - person: the run is the word alone; EN_NOT_NAMES ends it (as does a one-letter word: no run). Otherwise it
 *   scores 0.15, + 0.2 at most (a person verb after it), no first name, surname or cue (cueBefore on the same 24
 *   characters): at most 0.35, below 0.5, so the list pass lifts nothing either, and below a threshold over
 *   PERSON_PLAIN_MAX it is dropped.
 * - location and organisation gazetteers (case-sensitive, whole words): a hit's ASCII capitals are capitals of
 *   the text, so each capital word of the entry is one of these plain words: they are BLOCKED (blockedWords);
 *   entries with another upper-case letter cannot match.
 * - organisation suffixes and "X of" heads: the token starting at w's capital has w's letters before its first
 *   other character, so a SUFFIX_SET / OF_HEADS entry it equals starts with them: those words are blocked too.
 *
 * The address recognizer needs a digit or CJK (its own first checks) and declares that instead.
 * test/unit/pii/names-gate.test.ts runs the bench corpora and adversarial texts with and without the gate.
 */
import { EN_FIRST_NAMES, EN_NOT_NAMES, EN_SURNAMES } from '../dictionaries/en-names.js';
import { EN_KNOWN_ORGS } from '../dictionaries/organizations.js';
import { EN_COUNTRIES, EN_PLACES } from '../dictionaries/places.js';
import { unscoredAlone, type WordBits } from '../ner/features.js';
import { taggerDictionary } from './en-ner.js';
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
let blocked: Set<string> | undefined;

/**
 * The capital words of the gazetteer entries that could match a gated text (BLOCKED above), and the leading letters
 * of the organisation suffixes and heads. An entry matches in such a text only with each of its capital words a
 * plain word there, and then with an ASCII letter or digit between two of them (else the first is followed by a
 * capitalised word): entries without one (New York, The Hague) cannot match and block nothing.
 */
function blockedWords(): Set<string> {
  const out = new Set<string>();
  for (const entry of [...EN_PLACES, ...EN_COUNTRIES, ...EN_KNOWN_ORGS]) {
    // An entry without any upper-case letter could match text with no capital at all: no gate is exact then.
    if (entry === entry.toLowerCase()) throw new Error(`names gate: lower-case gazetteer entry ${JSON.stringify(entry)}`);
    // Another upper-case letter than A-Z: the gated texts hold none, so the entry cannot match them.
    const other = entry.replace(/[A-Z]/g, '');
    if (other !== other.toLowerCase()) continue;
    const words = [...entry.matchAll(/[A-Z][a-z]*/g)];
    let reachable = true;
    for (let k = 1; k < words.length && reachable; k++) {
      const gap = entry.slice(words[k - 1]!.index + words[k - 1]![0].length, words[k]!.index);
      reachable = /[A-Za-z0-9]/.test(gap);
    }
    if (reachable) for (const w of words) out.add(w[0].toLowerCase());
  }
  for (const entry of [...SUFFIX_SET, ...OF_HEADS]) {
    const lead = /^[A-Za-z]+/.exec(entry);
    if (lead) out.add(lead[0].toLowerCase());
  }
  return out;
}

/**
 * Which of the names family may find something in `text` at threshold `minScore` (RULES_MAY | TAGGER_MAY; 0:
 * neither), from its capitals (`from`: the first one's offset), as explained above. The caller has checked: no
 * CJK, no upper-case letter but A-Z.
 */
export function commonCapitalsOnly(text: string, from: number, minScore: number): number {
  const dict = (dictionary ??= taggerDictionary());
  const block = (blocked ??= blockedWords());
  const n = text.length;
  let may = 0;
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
    const w = text.slice(p, j).toLowerCase();
    if (!unscoredAlone(dict, w)) may |= TAGGER_MAY;
    if ((may & RULES_MAY) === 0) {
      if (block.has(w)) may |= RULES_MAY;
      else if (j - p > 1 && !EN_NOT_NAMES.has(w)) {
        if (!(minScore > PERSON_PLAIN_MAX) || EN_FIRST_NAMES.has(w) || EN_SURNAMES.has(w) || cueBefore(text.slice(Math.max(0, p - 24), p)) !== 0) may |= RULES_MAY;
      }
    }
    if (may === (RULES_MAY | TAGGER_MAY)) return may;
    p = j - 1;
  }
  return may;
}
