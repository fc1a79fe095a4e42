/**
 * Token features for the English name/place/organisation tagger (shared by training and inference, so the
 * model sees exactly what it was trained on). Only "candidate" tokens are scored — capitalised words, and
 * connectors (of, and, de …) right after an entity token — everything else is O without a lookup: that keeps
 * the per-KB cost to a few dozen Map lookups on ordinary prose.
 */
import { EN_FIRST_NAMES, EN_NOT_NAMES, EN_SURNAMES, EN_TITLES } from '../dictionaries/en-names.js';
import { EN_ORG_SUFFIXES } from '../dictionaries/organizations.js';
import { EN_COUNTRIES, EN_PLACES } from '../dictionaries/places.js';

export const TAGS = ['O', 'B-PERSON', 'I-PERSON', 'B-LOCATION', 'I-LOCATION', 'B-ORGANIZATION', 'I-ORGANIZATION'] as const;
export type Tag = (typeof TAGS)[number];
export const TAG_COUNT = TAGS.length;

export interface Token {
  start: number;
  end: number;
  lower: string;
  shape: string;
  /** Non-space characters between the previous token and this one ("\n" when a line break intervenes). */
  gapBefore: string;
  /** Capitalised (or starts with a non-ASCII letter, e.g. Greek capitals, Þ, Ö). */
  capital: boolean;
}

/** Words (letters with inner apostrophes / hyphens) and digit runs; punctuation lives in the gaps. */
const TOKEN = /[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*|\d+/gu;
const UPPER = /^\p{Lu}/u;

function shapeOf(word: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < word.length && out.length < 6; i++) {
    const ch = word[i]!;
    const c = ch >= '0' && ch <= '9' ? 'd' : ch.toLowerCase() !== ch ? 'X' : ch.toUpperCase() !== ch ? 'x' : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let prevEnd = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const word = m[0];
    const gap = text.slice(prevEnd, m.index);
    const gapBefore = gap.includes('\n') ? '\n' : gap.replace(/\s+/g, '').slice(-2);
    tokens.push({ start: m.index, end: m.index + word.length, lower: word.toLowerCase(), shape: shapeOf(word), gapBefore, capital: UPPER.test(word) });
    prevEnd = m.index + word.length;
  }
  return tokens;
}

/** Lower-case connectors that may continue a name (Bank of America, Hawkins, Richardson and Santana, de la Cruz). */
export const CONNECTORS = new Set(['of', 'and', 'de', 'del', 'la', 'le', 'van', 'von', 'der', 'den', 'du', 'da', 'di', 'dos', 'das', 'y', 'the', 'for', 'bin', 'al']);

const TITLES = new Set(EN_TITLES);
const ORG_WORDS = new Set(EN_ORG_SUFFIXES.map((s) => s.toLowerCase().replace(/\.$/, '')));
const PLACES = new Set([...EN_PLACES, ...EN_COUNTRIES].map((p) => p.toLowerCase()));

/** Dictionary hits of one token, as a short code (c = common lower-case English word, f = first name, s = surname, p = place, o = org word, t = title, n = never a name). */
export function dictCode(lower: string, common: ReadonlySet<string>): string {
  let code = common.has(lower) ? 'c' : '';
  if (EN_FIRST_NAMES.has(lower)) code += 'f';
  if (EN_SURNAMES.has(lower)) code += 's';
  if (PLACES.has(lower)) code += 'p';
  if (ORG_WORDS.has(lower)) code += 'o';
  if (TITLES.has(lower)) code += 't';
  if (EN_NOT_NAMES.has(lower)) code += 'n';
  return code || '-';
}

export function isCandidate(tokens: readonly Token[], i: number, prevTag: number): boolean {
  const t = tokens[i]!;
  return t.capital || (prevTag !== 0 && CONNECTORS.has(t.lower) && tokens[i + 1]?.capital === true);
}

/**
 * Feature strings for token i given the previous tag. `dicts` caches dictCode per token. The order and
 * spelling of these strings is the model format: change them only together with retraining.
 */
export function featuresOf(tokens: readonly Token[], dicts: readonly string[], i: number, prevTag: number, out: string[]): void {
  const t = tokens[i]!;
  const p = tokens[i - 1];
  const n = tokens[i + 1];
  const p2 = tokens[i - 2];
  const n2 = tokens[i + 2];
  const pt = TAGS[prevTag]!;
  out.length = 0;
  out.push(
    'b',
    'w=' + t.lower,
    's=' + t.shape,
    'p3=' + t.lower.slice(0, 3),
    'x3=' + t.lower.slice(-3),
    'g<' + t.gapBefore,
    'g>' + (n ? n.gapBefore : '$'),
    'w-1=' + (p ? p.lower : '^'),
    'w+1=' + (n ? n.lower : '$'),
    'w-2=' + (p2 ? p2.lower : '^'),
    'w+2=' + (n2 ? n2.lower : '$'),
    's-1=' + (p ? p.shape : '^'),
    's+1=' + (n ? n.shape : '$'),
    'd=' + dicts[i],
    'd-1=' + (p ? dicts[i - 1] : '^'),
    'd+1=' + (n ? dicts[i + 1] : '$'),
    't-1=' + pt,
    't-1s=' + pt + t.shape,
    't-1w=' + pt + t.lower,
  );
}
