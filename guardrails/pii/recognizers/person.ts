import { ZH_COMMON_FULL_NAMES, ZH_COMPOUND_SURNAMES, ZH_FOREIGN_GIVEN_NAMES, ZH_GIVEN_NAME_CHARS, ZH_HONORIFICS, ZH_NAME_CUES, ZH_NOT_IN_GIVEN_NAME, ZH_NOT_NAMES, ZH_SURNAMES, ZH_TITLES_BEFORE_NAME, ZH_TRADITIONAL_SURNAMES, ZH_TRANSLITERATION_CHARS, ZH_WORDS_ENDING_IN_SURNAME, ZH_WORDS_OPENING_WITH_SURNAME } from '../dictionaries/zh-names.js';
import { EN_FIRST_NAMES, EN_NOT_NAMES, EN_SURNAMES, EN_TITLES } from '../dictionaries/en-names.js';
import { EN_ORG_SUFFIXES } from '../dictionaries/organizations.js';
import { EN_PLACES, ZH_COUNTRIES, ZH_PLACES, ZH_PREFECTURES } from '../dictionaries/places.js';
import { ZH_PUBLIC_FIGURES } from '../dictionaries/zh-public-figures.js';
import { codeAt, forEachMatch, isSpaceCode, tableAt, type Candidate, type Recognizer, type TextFacts } from '../types.js';
import { listedNamesNotPeople } from './organization.js';
import { foldTraditionalCode } from '../../core/traditional.js';
import { insideWord, zhCharModel } from '../zh/char-model.js';
import { PairMatcher, pairKey } from '../zh/pair-matcher.js';
import { hitsIn } from '../zh/scan.js';
import { closesEverydayWord } from '../zh/everyday-words.js';

const isCjk = (ch: string | undefined) => ch !== undefined && ch >= '\u4e00' && ch <= '\u9fff';
const ZH_AFTER_NAME_VERBS = ['说', '表示', '认为', '告诉', '指出', '称', '透露', '介绍', '回应', '曾', '是', '的微博', '在微博',
  // Speech, reporting and news verbs with a person as subject (王某坦言, 李某主演, 张某执导), and wishes addressed to one (生日快乐).
  '坦言', '直言', '强调', '承认', '写道', '问道', '答道', '笑道', '回忆', '主演', '执导', '出演', '演唱', '献唱', '代言', '加盟', '生日快乐'];
/** Characters that commonly stand right before a name (verbs and particles of address). */
const ZH_BEFORE_NAME = new Set('说和跟给叫是的对问找让被把与及同向请求替帮陪见约谢'.split(''));
// 丶 灬 丿 乀 彡 are ideographs by code but decoration by use: separators inside social-media nicknames
// (小鱼丶, 阿飞灬大侠). They delimit a name like punctuation.
const ZH_CLAUSE_END = /[，。！？,.!?\n)）丶灬丿乀彡]/;
const ZH_CLAUSE_START = /[，。！？：:,.!?\n\s(（丶灬丿乀彡]/;
const ZH_BOUNDARY_BEFORE = /[\s\p{P}\p{S}\d@#：:，。！？、“”"'（）()【】\[\]丶灬丿乀彡]/u;

// First/last characters of the word lists: one Set lookup rules out most positions before any startsWith.
const firstChars = (words: readonly string[]) => new Set(words.map((w) => w[0]!));
/**
 * The same as UTF-16 code tables (1 = some word starts / ends with it): no one-character string per lookup — a
 * CJK character read as text[i] is a fresh allocation. Past the text's ends the code is NaN and the read
 * undefined: no word, as before.
 */
function codeTable(chars: Iterable<string>): Uint8Array {
  const table = new Uint8Array(65536);
  for (const c of chars) {
    if (c.length !== 1) throw new Error('person recognizer: empty word in a word list');
    table[c.charCodeAt(0)] = 1;
  }
  return table;
}
/**
 * A word list with its first- and last-character code tables, built once at load: startsWithAny / endsWithAny take
 * it directly (they looked both tables up in a Map keyed by the list on every call: one hash lookup per position
 * tested, on every surname character of running text). A table entry is 0 (no word starts / ends with that code)
 * or 1 + the index of the bucket of the words that do: a hit compares only those words, not the whole list (the
 * cue-and-title list has ~100 words, and 是 / 和 / 人 / 长 before a surname end several of them).
 */
interface WordList {
  readonly words: readonly string[];
  readonly first: Uint8Array;
  readonly last: Uint8Array;
  readonly byFirst: ReadonlyArray<readonly string[]>;
  readonly byLast: ReadonlyArray<readonly string[]>;
}
function bucketed(words: readonly string[], at: (w: string) => number): { table: Uint8Array; buckets: string[][] } {
  const table = new Uint8Array(65536);
  const buckets: string[][] = [];
  for (const w of words) {
    if (w.length === 0) throw new Error('person recognizer: empty word in a word list');
    const c = w.charCodeAt(at(w));
    if (table[c] === 0) {
      if (buckets.length === 255) throw new Error('person recognizer: a word list with more than 255 first or last characters');
      buckets.push([]);
      table[c] = buckets.length;
    }
    buckets[table[c]! - 1]!.push(w);
  }
  return { table, buckets };
}
function wordList(words: readonly string[]): WordList {
  const first = bucketed(words, () => 0);
  const last = bucketed(words, (w) => w.length - 1);
  return { words, first: first.table, last: last.table, byFirst: first.buckets, byLast: last.buckets };
}
function startsWithAny(text: string, at: number, list: WordList): boolean {
  const c = codeAt(text, at);
  if (c < 0) return false;
  const b = list.first[c]!;
  if (b === 0) return false;
  const words = list.byFirst[b - 1]!;
  for (let k = 0; k < words.length; k++) if (text.startsWith(words[k]!, at)) return true;
  return false;
}
function endsWithAny(text: string, at: number, list: WordList): boolean {
  if (at === 0) return false;
  const b = list.last[text.charCodeAt(at - 1)]!;
  if (b === 0) return false;
  const words = list.byLast[b - 1]!;
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (at - w.length >= 0 && text.startsWith(w, at - w.length)) return true;
  }
  return false;
}
/** Length of the longest word of `list` starting at `at`, else 0. */
function wordLengthAt(text: string, at: number, list: WordList): number {
  const c = codeAt(text, at);
  const b = c < 0 ? 0 : list.first[c]!;
  if (b === 0) return 0;
  const words = list.byFirst[b - 1]!;
  let longest = 0;
  for (let k = 0; k < words.length; k++) if (words[k]!.length > longest && text.startsWith(words[k]!, at)) longest = words[k]!.length;
  return longest;
}
/** Length of the first of ZH_HONORIFICS (in list order) that starts at `at`, else 0 (a loop: no closure per call). */
function honorificLengthAt(text: string, at: number): number {
  for (let k = 0; k < ZH_HONORIFICS.length; k++) if (text.startsWith(ZH_HONORIFICS[k]!, at)) return ZH_HONORIFICS[k]!.length;
  return 0;
}
/** ZH_WORDS_ENDING_IN_SURNAME by their two UTF-16 codes as one number: a Set lookup without building a string. */
const WORDS_ENDING_IN_SURNAME = new Set([...ZH_WORDS_ENDING_IN_SURNAME].map((w) => pairKey(w.charCodeAt(0), w.charCodeAt(1))));
/** ZH_NOT_NAMES the same way (only two-character words are ever looked up). */
const COMMON_NAME_PAIRS = new Set(ZH_COMMON_FULL_NAMES.map((w) => pairKey(w.charCodeAt(0), w.charCodeAt(1))));
const NOT_NAME_PAIRS = new Set([...ZH_NOT_NAMES].filter((w) => w.length === 2).map((w) => pairKey(w.charCodeAt(0), w.charCodeAt(1))));
const COMPOUND_FIRST = firstChars(ZH_COMPOUND_SURNAMES);
const COMPOUND_FIRST_CODE = new Uint8Array(65536);
for (const c of COMPOUND_FIRST) COMPOUND_FIRST_CODE[c.charCodeAt(0)] = 1;
/**
 * The compound surnames by their two codes (all have two characters: checked here). surnameNameAt asked
 * startsWith of all 20 at every 上 / 东 / 西 / 南 / 长 / 公 / 夏 … (1 556 positions of the Chinese records).
 */
const COMPOUND_PAIRS = new Set(
  ZH_COMPOUND_SURNAMES.map((w) => {
    if (w.length !== 2) throw new Error(`compound surname of ${w.length} characters: ${w}`);
    return pairKey(w.charCodeAt(0), w.charCodeAt(1));
  }),
);
const NOT_GIVEN_CHAR = new Uint8Array(65536);
for (const c of ZH_NOT_IN_GIVEN_NAME) NOT_GIVEN_CHAR[c.charCodeAt(0)] = 1;
/** Characters that can start a surname, by UTF-16 code: one array read per character (no regex match objects). */
const SURNAME_START = new Uint8Array(65536);
for (const c of [...ZH_SURNAMES, ...COMPOUND_FIRST, ...ZH_TRADITIONAL_SURNAMES.keys()]) {
  const code = c.charCodeAt(0);
  // chineseNameShapes looks for surnames among the ideographs only.
  if (code < 0x4e00 || code > 0x9fff) throw new Error(`surname character outside U+4E00–9FFF: ${c}`);
  SURNAME_START[code] = 1;
}
/** UTF-16 code of a one-character surname → the code of its simplified form (0: not a surname). */
const SURNAME_SIMPLIFIED = new Uint16Array(65536);
for (const c of ZH_SURNAMES) SURNAME_SIMPLIFIED[c.charCodeAt(0)] = c.charCodeAt(0);
for (const [traditional, simplified] of ZH_TRADITIONAL_SURNAMES) SURNAME_SIMPLIFIED[traditional.charCodeAt(0)] = simplified.charCodeAt(0);

/** Name cues and the occupations written before a name, one list: one last-character lookup per candidate. */
const CUES_AND_TITLES = [...ZH_NAME_CUES, ...ZH_TITLES_BEFORE_NAME];
const HONORIFICS_LIST = wordList(ZH_HONORIFICS);
const NAME_CUES_LIST = wordList(ZH_NAME_CUES);
const TITLES_BEFORE_NAME_LIST = wordList(ZH_TITLES_BEFORE_NAME);
const CUES_AND_TITLES_LIST = wordList(CUES_AND_TITLES);
const AFTER_NAME_VERBS_LIST = wordList(ZH_AFTER_NAME_VERBS);
/** One-character cues (ZH_NAME_CUES ending in them are conjunctions / verbs, not labels). */
const ZH_WEAK_CUES = new Set(['和', '跟', '与', '给', '找', '问', '致']);
/** What may follow a name used as a whole @handle. */
const HANDLE_END = /[:：\s/@,，。!！?？)）\]]/;
/** Where a Weibo-style handle that starts with a Chinese name may end: 张小平: / 李明ABC12 / 王浩tony / 陳美玲@ */
const HANDLE_NAME_END = /[:：\s/@,，。!！?？)）\[\]A-Za-z0-9_\-丶·]/;
/** Particles that end a handle's name part even without a separator (海边的小鱼). */
const HANDLE_NAME_STOP = new Set('的了是在和与之爱说'.split(''));

/** Surname frequency rank (the list is in population order): P(surname) ∝ 1 / (rank + 8), a Zipf-like fit. */
const SURNAME_LOG_PROB = (() => {
  const list = [...ZH_SURNAMES];
  const weights = list.map((_, r) => 1 / (r + 8));
  const sum = weights.reduce((x, y) => x + y, 0);
  // By UTF-16 code (one array read per candidate); characters that are no surname keep log(1e-4).
  const byCode = new Float64Array(65536).fill(Math.log(1e-4));
  list.forEach((c, r) => (byCode[c.charCodeAt(0)] = Math.log((0.97 * weights[r]!) / sum)));
  for (const [traditional, simplified] of ZH_TRADITIONAL_SURNAMES) byCode[traditional.charCodeAt(0)] = byCode[simplified.charCodeAt(0)]!;
  return byCode;
})();
const COMPOUND_SURNAME_LOG_PROB = Math.log(0.03 / ZH_COMPOUND_SURNAMES.length);
/** Given names draw ~70% of their characters from the typical given-name characters, the rest like ordinary text. */
const GIVEN_TYPICAL_PROB = 0.7 / ZH_GIVEN_NAME_CHARS.size;
const GIVEN_NAME_CHAR = new Uint8Array(65536);
for (const c of ZH_GIVEN_NAME_CHARS) GIVEN_NAME_CHAR[c.charCodeAt(0)] = 1;
const LOG_03 = Math.log(0.3);
/** Same range as isCjk, on a code (NaN outside the text: false). */
const isCjkCode = (c: number) => c >= 0x4e00 && c <= 0x9fff;
/** Prior odds that a name starts at a given position of running text (log). */
const NAME_START_LOG_PRIOR = Math.log(1 / 60);

/**
 * Log-likelihood ratio that `text[i, i + surnameLength + given)` is a name rather than ordinary words, from
 * background Chinese text statistics (zh/char-model.ts, licence-"yes" corpora) and a name model written from
 * public facts (surname frequencies, typical given-name characters). Background: a character bigram chain
 * from the character before the span to the one after it. Name: a name starts here (prior), surname by its
 * frequency, given-name characters mostly from the typical set, and the next character unrelated to the
 * name. So 高兴 / 温室气 / 周边环 (common words) lose, 会上|宋婉晴|发言 wins.
 */
function nameLogOdds(text: string, i: number, surnameLength: number, given: number): number {
  const m = zhCharModel();
  const end = i + surnameLength + given;
  let name = NAME_START_LOG_PRIOR + (surnameLength === 2 ? COMPOUND_SURNAME_LOG_PROB : SURNAME_LOG_PROB[text.charCodeAt(i)]!);
  for (let k = i + surnameLength; k < end; k++) {
    const c = text.charCodeAt(k);
    name += GIVEN_NAME_CHAR[c] === 1 ? Math.log(GIVEN_TYPICAL_PROB + 0.3 * m.unigram(c)) : LOG_03 + m.logUnigram(c);
  }
  let background = 0;
  const from = isCjkCode(codeAt(text, i - 1)) ? i - 1 : i;
  if (from === i) background += m.logUnigram(text.charCodeAt(i));
  // (The model reads -1 past the text's end as it read NaN: an unseen character.)
  for (let k = from; k < end; k++) background += m.logConditional(text.charCodeAt(k), codeAt(text, k + 1));
  // The next character: after a name it is drawn like any text; in the background chain it follows the last character.
  if (isCjkCode(codeAt(text, end))) name += m.logUnigram(text.charCodeAt(end));
  else background -= m.logConditional(text.charCodeAt(end - 1), codeAt(text, end));
  return name - background;
}

const HARD_RIGHT_EDGE = /[@/\[:：\n]/;
const HARD_EDGE_BONUS = 0.1;
const MEASURE_SURNAMES = new Set(['张', '包', '段', '万']);
const VERB_SURNAMES = new Set('祝贺戴管易姜甘尚向于万查连谈解储'.split(''));
/** Pronouns, plural marker and modals: what stands before a verb (我|祝, 们|向, 要|管). */
const SUBJECT_BEFORE_VERB = new Set('我你他她它们要想会都也还就再先来去'.split('').map((c) => c.charCodeAt(0)));
const NUMERAL_CODE = codeTable('0123456789一二三四五六七八九十两几数百千万多每这那哪');
/**
 * A numeral right before i, or a numeral and one \s character (what /[\d一二三四五六七八九十两几数百千万多每][\s]?$/ said of
 * text.slice(max(0, i - 2), i)), by codes: no slice and no regex per 张 / 包 / 段 / 万.
 */
function numeralBefore(text: string, i: number): boolean {
  if (i === 0) return false;
  const c = text.charCodeAt(i - 1);
  if (NUMERAL_CODE[c] === 1) return true;
  return i >= 2 && isSpaceCode(c) && NUMERAL_CODE[text.charCodeAt(i - 2)] === 1;
}

/**
 * The character before a surname character forms a word with it (感谢, 对于, 汗颜): a strong pair seen often
 * enough in background text that the count is no accident of a name (觉得|郭… is seen a few times).
 */
function closesWord(before: number, surname: number): boolean {
  const m = zhCharModel();
  return m.pmi(before, surname) > 3 && m.pairCount(before, surname) >= 16;
}

/**
 * A one-character regex test by UTF-16 code, memoised (each code is tested once, on first sight): no string per
 * call. Only for positions inside the text — a code past its ends (NaN) reads as no match, where the regex
 * would have tested the string "undefined".
 */
function charTest(regex: RegExp): (code: number) => boolean {
  // 0: not tested yet, 1: no match, 2: match.
  const memo = new Uint8Array(65536);
  return (code) => {
    const known = memo[code];
    if (known === undefined) return false;
    if (known !== 0) return known === 2;
    const match = regex.test(String.fromCharCode(code));
    memo[code] = match ? 2 : 1;
    return match;
  };
}
/** The separators between a cue and a name. */
const isCueSeparator = charTest(/[:：\s]/);
const isBoundaryBefore = charTest(ZH_BOUNDARY_BEFORE);
const isClauseStart = charTest(ZH_CLAUSE_START);
const isClauseEnd = charTest(ZH_CLAUSE_END);
const isHardRightEdge = charTest(HARD_RIGHT_EDGE);
const isHandleEnd = charTest(HANDLE_END);
const isHandleNameEnd = charTest(HANDLE_NAME_END);
const BEFORE_NAME_CODE = codeTable(ZH_BEFORE_NAME);
const WEAK_CUE_CODE = codeTable(ZH_WEAK_CUES);
const MEASURE_SURNAME_CODE = codeTable(MEASURE_SURNAMES);
const VERB_SURNAME_CODE = codeTable(VERB_SURNAMES);
const ZENG = '曾'.charCodeAt(0);

/**
 * Provinces, cities, prefectures and countries (the location recognizer's gazetteer) that start with a surname
 * character (高雄, 林芝, 金华, 常州, 马来西亚), by their first character's code: for placeAt.
 */
const PLACES_BY_FIRST = new Map<number, string[]>();
for (const place of new Set([...ZH_PLACES, ...ZH_PREFECTURES, ...ZH_COUNTRIES])) {
  const c = place.charCodeAt(0);
  if (place.length < 2 || (SURNAME_SIMPLIFIED[c] === 0 && COMPOUND_FIRST_CODE[c] !== 1)) continue;
  const list = PLACES_BY_FIRST.get(c);
  if (list) list.push(place);
  else PLACES_BY_FIRST.set(c, [place]);
}
/**
 * The two-character places of the same gazetteer (天池, 丽江, 金华, 华山), by their two codes: a given name that is
 * also a place (顾|天池, 冯|金华) for the surname scorer.
 */
const PLACE_PAIRS = new Set(
  [...new Set([...ZH_PLACES, ...ZH_PREFECTURES, ...ZH_COUNTRIES])].filter((p) => p.length === 2).map((p) => pairKey(p.charCodeAt(0), p.charCodeAt(1))),
);
/** 游 before a place is the verb (游天池, 游丽江), not the surname. */
const YOU = '游'.charCodeAt(0);
/** What a given name that is also a place adds at a name's edges (顾天池 0.46-0.49 -> 0.66-0.69, over the place's 0.6). */
const PLACE_GIVEN_BONUS = 0.2;
/** A gazetteer place name starts at `i` and ends by `end` (inside a name reading that starts at i). */
function placeAt(text: string, i: number, end: number): boolean {
  const places = PLACES_BY_FIRST.get(text.charCodeAt(i));
  if (places === undefined) return false;
  for (let k = 0; k < places.length; k++) if (places[k]!.length <= end - i && text.startsWith(places[k]!, i)) return true;
  return false;
}

/** Surname (single or compound) + 1–2 given-name characters, scored by the words right around it. */
const boundaryBeforeOf = (text: string, i: number) => i === 0 || isBoundaryBefore(text.charCodeAt(i - 1));

/**
 * Appends to `out` (no intermediate array to copy) the readings scoring at least `keepFrom`: the detector drops a
 * candidate below its threshold (these carry their context already), and the steps after this one read only
 * candidates of 0.5 or more, so the caller passes min(threshold, 0.5) and the weak readings (most surname
 * characters in running text) cost no object. Returns where the next surname may start.
 */
function surnameNameAt(text: string, i: number, code: number, out: Candidate[], keepFrom: number): number {
  // (Codes, not one-character strings, in this loop: a CJK character as a string is a fresh allocation.)
  let surnameLength = 0;
  if (SURNAME_SIMPLIFIED[code] !== 0) surnameLength = 1;
  if (COMPOUND_FIRST_CODE[code] === 1 && i + 1 < text.length && COMPOUND_PAIRS.has(pairKey(code, text.charCodeAt(i + 1)))) surnameLength = 2;
  if (surnameLength === 0) return i + 1;
  // 张 / 包 / 段 after a number are measure words: 2 张成人票, 三包.
  if (MEASURE_SURNAME_CODE[code] === 1 && numeralBefore(text, i)) return i + 1;
  const g = i + surnameLength;
  let given = 0;
  // A handle that is exactly a surname + one or two characters (@刘强东:, //@李明ABC12:) is read as a
  // name whatever the characters: handles are chosen, not running text.
  const atHandle = codeAt(text, i - 1) === 64;
  let wholeHandle = false;
  if (atHandle) {
    let h = g;
    while (h < text.length && h - g < 3 && isCjk(text[h]) && !HANDLE_NAME_STOP.has(text[h]!)) h++;
    wholeHandle = h - g >= 1 && h - g <= 2 && (h >= text.length || isHandleNameEnd(text.charCodeAt(h)));
    if (wholeHandle) given = h - g;
  }
  if (wholeHandle) {
    // given set above
  } else if (startsWithAny(text, g, HONORIFICS_LIST)) given = 0;
  else if (isCjkCode(codeAt(text, g)) && NOT_GIVEN_CHAR[text.charCodeAt(g)] !== 1) {
    given = 1;
    if (isCjkCode(codeAt(text, g + 1)) && NOT_GIVEN_CHAR[text.charCodeAt(g + 1)] !== 1 && !startsWithAny(text, g + 1, HONORIFICS_LIST)) given = 2;
  }
  // 谢谢 / 马上 / 高兴: an everyday word, not a surname + given name.
  // (A traditional-script surname is looked up by its simplified form: 關注 = 关注.)
  const simplifiedCode = SURNAME_SIMPLIFIED[code] || code;
  if (given > 0 && NOT_NAME_PAIRS.has(pairKey(simplifiedCode, text.charCodeAt(i + 1)))) return i + 1;
  // Two given-name characters or one: whichever the name model prefers over the background (林晗|来了 vs 林晗雪).
  let odds = given > 0 ? nameLogOdds(text, i, surnameLength, given) : 0;
  // A given name that is also a place (顾|天池, 冯|金华): the place is a whole, not a one-character given name + a
  // character of the next word.
  const placeGiven = given === 2 && PLACE_PAIRS.has(pairKey(text.charCodeAt(g), text.charCodeAt(g + 1)));
  // (Not when the longer reading ends at punctuation or the end of the text: a natural edge for a full name.)
  if (given === 2 && isCjkCode(codeAt(text, g + 2)) && !wholeHandle && !placeGiven) {
    const shorter = nameLogOdds(text, i, surnameLength, 1);
    if (shorter > odds + 1) {
      given = 1;
      odds = shorter;
    }
  }
  const end = g + given;
  const honorificAfter = startsWithAny(text, end, HONORIFICS_LIST);
  // Surname + title alone (王女士) needs a clean left edge: 感谢老师 is not 谢老师. A character before it that
  // forms no word with the surname (陪着|沈老师, 新来的|范老师) is an edge too.
  const boundaryBefore = boundaryBeforeOf(text, i);
  // (Nor when the surname closes a word with the character before it: 对于|大爷, 谢谢|小姐姐; nor 曾 "great-"
  // before a grandparent: 曾爷爷 is a great-grandfather.)
  if (given === 0 && honorificAfter && code === ZENG && (text.startsWith('爷爷', end) || text.startsWith('奶奶', end))) return i + 1;
  // 我祝老师…, 同学们向老师问好, 我管老师叫…: after a subject or a modal, 祝 / 向 / 管 … are the verb.
  if (given === 0 && honorificAfter && VERB_SURNAME_CODE[code] === 1 && SUBJECT_BEFORE_VERB.has(codeAt(text, i - 1))) return i + 1;
  if (given === 0 && (!honorificAfter || (isCjkCode(codeAt(text, i - 1)) && closesWord(foldTraditionalCode(text.charCodeAt(i - 1)), simplifiedCode)) || !(boundaryBefore || endsWithAny(text, i, NAME_CUES_LIST) || BEFORE_NAME_CODE[text.charCodeAt(i - 1)] === 1 || zhCharModel().pmi(text.charCodeAt(i - 1), simplifiedCode) < 0.5))) return i + 1;
  // Skip a colon or spaces between a cue and the name (联系人：李娜).
  let cueEnd = i;
  while (cueEnd > 0 && cueEnd > i - 3 && isCueSeparator(text.charCodeAt(cueEnd - 1))) cueEnd--;
  // An occupation or office right before the name (主任|杜长其, 记者|王某) is a cue as strong as a label.
  const cueBefore = endsWithAny(text, cueEnd, CUES_AND_TITLES_LIST);
  // A one-character cue (和 / 跟 / 给 …) is weak evidence: 和周边环境 is no name.
  const strongCue = cueBefore && WEAK_CUE_CODE[text.charCodeAt(cueEnd - 1)] !== 1;
  // A reading that opens with a city's, province's or country's name (高雄|客运, 林芝|游客, 高雄客|家) is the place:
  // only a cue, a title after it or a mention makes it a person (我叫高雄, 高雄先生, @高雄).
  if (given > 0 && !strongCue && !atHandle && !honorificAfter && placeAt(text, i, end)) return i + 1;
  // A brand or an everyday word, not a name, without a cue, a title or a mention: a goods word right after the surname
  // and one or two characters (戴森|吹风机, 柯达|胶卷: the reading 戴森吹 takes the goods word's first character), or a
  // listed word opening with the surname (胡萝卜, 马卡龙, 杨枝甘露, 孔明灯).
  // (Past the listed word: 杨枝甘露 hides no 甘 + 露 either.)
  if (given > 0 && !strongCue && !atHandle && !honorificAfter) {
    if (startsWithAny(text, g + 1, GOODS_AFTER_BRAND_LIST) || (given === 2 && startsWithAny(text, g + 2, GOODS_AFTER_BRAND_LIST))) return i + 1;
    const word = wordLengthAt(text, i, WORDS_OPENING_WITH_SURNAME_LIST);
    if (word > 0) return i + word;
  }
  // A word of thanks before a surname + title (谢谢|李医生, 感谢|王老师, 多谢|陈女士, 感谢|方芳老师): the surname that closes the
  // word starts no name, and the title is the next surname's (the reading 谢李 / 谢方芳 would hide 李医生 / 方芳).
  if (honorificAfter && given > 0 && SURNAME_SIMPLIFIED[text.charCodeAt(g)] !== 0 && i > 0 && WORDS_ENDING_IN_SURNAME.has(pairKey(foldTraditionalCode(text.charCodeAt(i - 1)), simplifiedCode))) return i + 1;
  // The surname closes an everyday word with the character before it (博文|心晴, 一叶|孤舟; in either script: 感謝|大家,
  // 多謝 — the words and the character statistics are Simplified, so both characters are read folded): no name starts there
  // without a cue or a title. (Not after a particle or verb of address: 对|方芳 is "to 方芳"; nor when that
  // character already closes a word with the one before it: 另外|孙某, 黑人|文某.)
  if (!strongCue && !atHandle && i > 0 && WORDS_ENDING_IN_SURNAME.has(pairKey(foldTraditionalCode(text.charCodeAt(i - 1)), simplifiedCode)) && BEFORE_NAME_CODE[text.charCodeAt(i - 1)] !== 1 && !(honorificAfter && given > 0) && !(isCjkCode(codeAt(text, i - 2)) && zhCharModel().pmi(text.charCodeAt(i - 2), text.charCodeAt(i - 1)) > 3)) return i + 1;
  // Surname + one character that is a common word together (宁静, 盛夏, 周边, 温室) needs a cue or a title —
  // or a particle or verb of address right before it, or a mention: 我和陈阳, @陈浩 (the background text has
  // names in it too, so a frequent pair may be a frequent name).
  // (Not one of the most common full names: 张伟 and 王芳 are frequent pairs because they are names.)
  const commonName = given === 1 && surnameLength === 1 && COMMON_NAME_PAIRS.has(pairKey(simplifiedCode, text.charCodeAt(g)));
  if (commonName) odds = Math.max(odds, 3);
  if (given === 1 && surnameLength === 1 && !commonName && !strongCue && !honorificAfter && zhCharModel().pmi(simplifiedCode, text.charCodeAt(g)) > 2.5 && !(codeAt(text, i - 1) === 64 || (i > 0 && BEFORE_NAME_CODE[text.charCodeAt(i - 1)] === 1))) return i + 1;
  const verbAfter = startsWithAny(text, end, AFTER_NAME_VERBS_LIST);
  let score = 0.25;
  if (cueBefore) score += 0.4;
  if (honorificAfter) score += 0.4;
  if (boundaryBefore) score += 0.1;
  if (verbAfter) score += 0.2;
  if (given === 2) score += 0.05;
  // Background statistics vs name model; a doubled character (王王王, 林林总总, 宋宋) is not a surname + given name.
  // (The background text contains names too — 张伟 is a frequent bigram there — so with a cue or a title
  // the statistics may lower the score only a little.)
  // A mention / handle that is a whole name (@王小明: …, //@李娜 …) names a person.
  const handle = given > 0 && (wholeHandle || (atHandle && (end >= text.length || isHandleEnd(text.charCodeAt(end)))));
  if (given > 0) score += text.charCodeAt(g) === text.charCodeAt(i + surnameLength - 1) ? -0.3 : Math.max(strongCue || honorificAfter || handle ? -0.1 : -0.4, Math.min(0.35, 0.1 * odds));
  if (handle) score += 0.3;
  // A handle that opens with a full name (@王小明爱吃鱼): people put their own name first.
  else if (atHandle && given === 2) score += 0.15;
  // 祝 / 贺 / 戴 / 管 / 易 / 姜 are verbs, adverbs or food far more often than surnames (祝大家, 贺喜, 戴帽子,
  // 易碎品, 生姜片): without a cue, a title or a handle they need more evidence.
  else if (VERB_SURNAME_CODE[code] === 1 && !strongCue && !honorificAfter) score -= 0.15;
  // Two typical given-name characters after a surname (张婧瑶, 李思涵) look like a full name on their own.
  // Only at a word edge: inside running text (初夏清新, 大吉大利) a surname character is just a character.
  const edgeBefore = boundaryBefore || !isCjkCode(text.charCodeAt(i - 1)) || BEFORE_NAME_CODE[text.charCodeAt(i - 1)] === 1;
  if (given === 2 && edgeBefore && GIVEN_NAME_CHAR[text.charCodeAt(g)] === 1 && GIVEN_NAME_CHAR[text.charCodeAt(g + 1)] === 1) score += 0.2;
  // Standing alone between punctuation (，张伟， / 联系人 王芳\n) is how names appear in forms and lists.
  if ((i === 0 || isClauseStart(text.charCodeAt(i - 1))) && given > 0 && (end >= text.length || isClauseEnd(text.charCodeAt(end)))) score += 0.15;
  // Right before a mention, a repost marker or an emoticon, or at the very end (…小店王芳@, 李总:, 阿杰⏎):
  // where handles and signatures end.
  else if (given > 0 && (end >= text.length || isHardRightEdge(text.charCodeAt(end)))) score += HARD_EDGE_BONUS;
  // A surname right before a place at a name's edges (，顾天池, 驰鸣天下顾天池⏎, 联系人：冯金华) is someone named after the
  // place: the place alone (0.6) would otherwise win over a rarer surname's reading. Not after a character the
  // surname closes a word with (旅游|天池), nor for a surname that is a verb or a preposition there (游天池, 向西藏).
  if (placeGiven && VERB_SURNAME_CODE[code] !== 1 && code !== YOU && !(isCjkCode(codeAt(text, i - 1)) && closesWord(foldTraditionalCode(text.charCodeAt(i - 1)), simplifiedCode)) &&
    (edgeBefore || cueBefore || verbAfter || end >= text.length || isClauseEnd(text.charCodeAt(end)) || isHardRightEdge(text.charCodeAt(end)))) score += PLACE_GIVEN_BONUS;
  // Honorific with surname only (张先生): the name is the surname plus its title.
  const spanEnd = given === 0 ? end + honorificLengthAt(text, end) : end;
  if (Math.min(1, score) >= keepFrom) out.push({ type: 'PERSON', start: i, end: spanEnd, score: Math.min(1, score), validator: 'zh-surname', contextApplied: true });
  // A weak reading whose surname closes a word with the character before it (主任|杜长其: 任 is a surname
  // too) does not hide the next surname inside it.
  if (score >= 0.5 || !((isCjkCode(codeAt(text, i - 1)) && closesWord(foldTraditionalCode(text.charCodeAt(i - 1)), simplifiedCode)) || endsWithAny(text, i + 1, TITLES_BEFORE_NAME_LIST))) return spanEnd;
  return i + 1;
}

/** Characters of Weibo-style emoticons and interjections ([泪][泪], 哈哈, 嗯嗯): a doubled one is no pet name. */
const NOT_PET_NAME = new Set('泪爱心赞汗哭笑怒晕衰吐酷嘘囧喵汪啦呜嘿嗯哦噢呀哇嘛哼咳嘻呵哈吼嗷喔嘎咦呃唉哎啊么'.split(''));
/**
 * Pet names made of one doubled character (圆圆, 婷婷, 壮壮): the pair must be rare as a word in background
 * text (哈哈, 天天, 妈妈, 慢慢 are common words there), and a given-name character, a cue before it or a verb
 * after it makes it a name.
 */
function petNameAt(text: string, k: number, out: Candidate[]): void {
  const c = text.charCodeAt(k);
  if (codeAt(text, k - 1) === c || codeAt(text, k + 2) === c) return;
  const m = zhCharModel();
  // 哈哈 / 妈妈 are words in background text; 跷跷板: the pair is part of a word with the next character.
  if ((NAME_CLASS[c]! & NOT_PET) !== 0 || m.pmi(c, codeAt(text, k + 2)) > 3) return;
  let cueEnd = k;
  while (cueEnd > 0 && cueEnd > k - 3 && isCueSeparator(text.charCodeAt(cueEnd - 1))) cueEnd--;
  // A pair the background text knows (莉莉, 胖胖: names and nicknames are in it too) is a name only after a
  // strong cue (我是莉莉, 我家胖胖), and never a kinship word or a common doubled word (妈妈, 宝宝, 天天).
  const pairs = m.pairCount(c, c);
  if (pairs > 3 && (pairs >= 12 || KIN_DOUBLED.has(text[k]!) || !(endsWithAny(text, cueEnd, PET_CUES_LIST) || (endsWithAny(text, cueEnd, NAME_CUES_LIST) && WEAK_CUE_CODE[text.charCodeAt(cueEnd - 1)] !== 1)))) return;
  let score = 0.3;
  if (GIVEN_NAME_CHAR[c] === 1) score += 0.15;
  const handle = codeAt(text, k - 1) === 64 && (k + 2 >= text.length || HANDLE_END.test(text[k + 2]!));
  // (One-character cues such as 和 / 给 count half: 和婷婷 yes, 滑梯和跷跷板 no.)
  const cue = endsWithAny(text, cueEnd, NAME_CUES_LIST);
  if ((cue && WEAK_CUE_CODE[text.charCodeAt(cueEnd - 1)] !== 1) || endsWithAny(text, cueEnd, PET_CUES_LIST) || handle) score += 0.2;
  else if (cue) score += 0.1;
  if (startsWithAny(text, k + 2, AFTER_NAME_VERBS_LIST) || startsWithAny(text, k + 2, HONORIFICS_LIST)) score += 0.15;
  // A doubled given-name character standing alone between punctuation is someone called by name (，兰兰，);
  // interjections (嗯嗯, 拜拜) have no given-name character.
  else if (GIVEN_NAME_CHAR[c] === 1 && (k === 0 || ZH_CLAUSE_START.test(text[k - 1]!)) && (k + 2 >= text.length || ZH_CLAUSE_END.test(text[k + 2]!))) score += 0.1;
  if (score >= 0.5) out.push({ type: 'PERSON', start: k, end: k + 2, score, validator: 'zh-pet-name', contextApplied: true });
}

/**
 * A name is usually written the same way each time it occurs in a message: a Chinese candidate that
 * passes (≥ 0.5) lends its score (a little less) to the other occurrences of the same string (林悦 … 林悦).
 */
function sameNameElsewhere(text: string, out: Candidate[], from: number): void {
  const end = out.length;
  // Bounded work on long texts: at most SAME_NAME_LIMIT passing names, each looked up within SAME_NAME_WINDOW
  // characters on either side (a name repeats within one message, not across a pasted document).
  let budget = SAME_NAME_LIMIT;
  for (let k = from; k < end && budget > 0; k++) {
    const c = out[k]!;
    if (c.score < 0.5 || c.end - c.start < 2) continue;
    budget--;
    const name = text.slice(c.start, c.end);
    const w0 = Math.max(0, c.start - SAME_NAME_WINDOW);
    const window = text.slice(w0, Math.min(text.length, c.end + SAME_NAME_WINDOW));
    const own = c.start - w0;
    // Most names occur once: one search on each side settles it without collecting anything.
    if (window.indexOf(name, own + name.length) < 0 && (own < name.length || window.lastIndexOf(name, own - name.length) < 0)) continue;
    for (let p = window.indexOf(name); p >= 0; p = window.indexOf(name, p + name.length)) {
      if (p !== own) out.push({ type: 'PERSON', start: w0 + p, end: w0 + p + name.length, score: c.score - 0.05, validator: 'zh-same-name', contextApplied: true });
    }
  }
}
const SAME_NAME_WINDOW = 400;
const SAME_NAME_LIMIT = 16;
/**
 * 小李 / 老王 / 阿袁: 小, 老 or 阿 before a surname is how people address each other. Not when the surname
 * character forms a word with the next character (小王子, 老马识途) or the prefix with the character before
 * it (大小王, 古老): background character statistics decide.
 */
function familiarNameAt(text: string, k: number, out: Candidate[]): void {
  const m = zhCharModel();
  const s = k + 1;
  // (Past the end of the text charCodeAt gives NaN and the table undefined: no surname either.)
  let sc = SURNAME_SIMPLIFIED[text.charCodeAt(s)];
  // 小 / 阿 + a typical given-name character (小玲, 阿娟) is a nickname too, with context on both sides.
  const givenOnly = !sc && GIVEN_NAME_CHAR[text.charCodeAt(s)] === 1 && text.charCodeAt(k) !== LAO;
  if (givenOnly) sc = text.charCodeAt(s);
  if (!sc) return;
  const after = codeAt(text, s + 1);
  const wordAfter = isCjkCode(after) && m.pmi(sc, after) > 1.5;
  const wordBefore = isCjkCode(codeAt(text, k - 1)) && m.pmi(text.charCodeAt(k - 1), text.charCodeAt(k)) > 2;
  const asWord = m.pmi(text.charCodeAt(k), sc) > 3.5 || m.pairCount(text.charCodeAt(k), sc) >= 20;
  // (阿阿宋: a doubled prefix is a stutter or an emoticon, not a form of address.)
  // 阿德|里安, 阿马|里洛: 阿 opening a transliterated run is a foreign name's first syllable, not a form of address.
  if (text.charCodeAt(k) === A && TRANSLIT[text.charCodeAt(s)] === 1 && TRANSLIT[after] === 1) return;
  if (wordAfter || wordBefore || asWord || codeAt(text, k - 1) === text.charCodeAt(k) || NOT_NAME_PAIRS.has(pairKey(text.charCodeAt(k), text.charCodeAt(k + 1))) || NOT_FAMILIAR.has(text.slice(k, k + 2))) return;
  // 阿 + a given-name character (阿珍, 阿明) is a name as often as 小 / 老 + a surname; 小 + one (小美, 小亭) is often a word.
  let score = givenOnly && text.charCodeAt(k) !== A ? 0.35 : 0.45;
  // What follows a name said on its own: a particle, an adverb or a time word (阿明在吗, 阿芳了, 阿珍今天请假).
  if (!isCjkCode(after) || AFTER_FAMILIAR_CODE[after] === 1 || startsWithAny(text, s + 1, AFTER_NAME_VERBS_LIST)) score += 0.1;
  // … and what precedes one: a word edge, a cue, or a verb of telling or meeting someone (告诉阿强, 碰到阿芳).
  if (boundaryBeforeOf(text, k) || endsWithAny(text, k, NAME_CUES_LIST) || BEFORE_NAME_CODE[text.charCodeAt(k - 1)] === 1 || endsWithAny(text, k, FAMILIAR_CUES_LIST)) score += 0.1;
  if (score >= 0.5) out.push({ type: 'PERSON', start: k, end: s + 1, score, validator: 'zh-familiar-name', contextApplied: true });
}
/** Particles, adverbs and time words that follow a familiar name and start no word with it (阿明|在吗, 老李|也, 小王|今天). */
const AFTER_FAMILIAR_CODE = codeTable('了吗呢啊呀吧哦嘛在也都又还就今明昨已正');
/** Verbs of telling, meeting and greeting someone, right before a familiar name (告诉|阿强, 碰到|阿芳, 恭喜|小林). */
const FAMILIAR_CUES_LIST = wordList(['告诉', '碰到', '遇到', '见到', '看到', '通知', '提醒', '喊', '叫', '等', '恭喜', '祝', '拜托', '麻烦']);
const TRANSLIT = new Uint8Array(65536);
for (const c of ZH_TRANSLITERATION_CHARS) TRANSLIT[c.charCodeAt(0)] = 1;
const LOG_TRANSLIT_CHAR = Math.log(1 / ZH_TRANSLITERATION_CHARS.size);
const TRANSLIT_START_LOG_PRIOR = Math.log(1 / 200);
/** Log-likelihood ratio a run needs (tuned on the Weibo train/dev rows: 3–9 change dev F1 by < 0.005). */
const TRANSLIT_MIN_ODDS = 5;
/**
 * Goods and industry words after which a transliterated run names a foreign brand, not a person: 克莱斯勒|汽车,
 * 伊莱克斯|冰箱. (Not 视频 / 音乐 / 香水: a person's video or perfume line is still the person.)
 */
const ZH_GOODS_AFTER_BRAND = ['汽车', '轿车', '跑车', '电器', '家电', '冰箱', '洗衣机', '空调', '电视机', '化妆品', '护肤品', '软件', '手表', '相机', '轮胎', '集团', '品牌', '旗舰店', '专卖店', '专柜',
  // Appliances, gadgets and beauty goods named by a brand (戴森吹风机, 柯达胶卷, 罗技鼠标, 兰蔻面霜): nobody's own word order.
  '吹风机', '电吹风', '胶卷', '胶片', '耳机', '音箱', '鼠标', '键盘', '显卡', '主板', '芯片', '处理器', '剃须刀', '电钻', '电饭煲', '面霜', '口红', '眼霜', '粉底', '防晒霜', '精华液'];
const GOODS_AFTER_BRAND_LIST = wordList(ZH_GOODS_AFTER_BRAND);
const WORDS_OPENING_WITH_SURNAME_LIST = wordList(ZH_WORDS_OPENING_WITH_SURNAME);

/** A dot joining the parts of a transliterated name: · • ． ・ . (by code: no one-character string per test). */
const isNameDot = (c: number) => c === 0xb7 || c === 0x2022 || c === 0xff0e || c === 0x30fb || c === 46;

/**
 * Transliterated foreign names (詹姆斯, 克里斯汀斯图尔特, 马克·扎克伯格): a run of three or more transliteration
 * characters that a uniform draw from those characters explains far better than background Chinese text
 * (the same likelihood ratio as nameLogOdds). Parts joined by a middle dot are one name.
 */
function transliteratedNameAt(text: string, i: number, out: Candidate[]): number {
  const m = zhCharModel();
  const n = text.length;
  let j = i;
  while (j < n && TRANSLIT[text.charCodeAt(j)] === 1) j++;
  // 去皮|切丝: a run whose first character closes an everyday word with the one before it is words, not a name.
  if (closesEverydayWord(text, i)) return j;
  let end = j;
  let dotted = false;
  // 马克·扎克伯格: continue over a middle dot into the next run.
  while (end + 1 < n && isNameDot(text.charCodeAt(end)) && TRANSLIT[text.charCodeAt(end + 1)] === 1) {
    dotted = true;
    end++;
    // After the dot: transliteration characters, and within the first two also any other ideograph that is
    // followed by one (克里斯·埃文斯), never a particle.
    const partStart = end;
    while (end < n && (TRANSLIT[text.charCodeAt(end)] === 1 || (end - partStart < 2 && end + 1 < n && isCjkCode(text.charCodeAt(end)) && TRANSLIT[text.charCodeAt(end + 1)] === 1 && (NAME_CLASS[text.charCodeAt(end)]! & NOT_GIVEN) === 0))) end++;
  }
  if (dotted || j - i >= 3) {
    let odds = TRANSLIT_START_LOG_PRIOR;
    const from = isCjkCode(codeAt(text, i - 1)) ? i - 1 : i;
    let background = from === i ? m.logUnigram(text.charCodeAt(i)) : 0;
    for (let k = from; k < j; k++) {
      if (k >= i) odds += LOG_TRANSLIT_CHAR;
      if (k + 1 < j || isCjkCode(codeAt(text, j))) background += m.logConditional(text.charCodeAt(k), text.charCodeAt(k + 1));
    }
    if (isCjkCode(codeAt(text, j))) odds += m.logUnigram(text.charCodeAt(j));
    odds -= background;
    // (At most 0.6 without a dot: a gazetteer place of at least the same length wins the overlap, 珠穆朗玛峰.)
    // Right before a goods or industry word (克莱斯勒|汽车, 伊莱克斯|冰箱) an undotted run is a foreign brand.
    const brand = !dotted && startsWithAny(text, end, GOODS_AFTER_BRAND_LIST);
    const score = dotted ? 0.8 : odds > TRANSLIT_MIN_ODDS && !brand ? Math.min(0.6, 0.5 + 0.02 * (odds - TRANSLIT_MIN_ODDS)) : 0;
    if (score >= 0.5) out.push({ type: 'PERSON', start: i, end, score, validator: 'zh-transliterated', contextApplied: true });
  }
  return end;
}

const ER = '儿'.charCodeAt(0);
/**
 * A given-name character + the diminutive 儿 (婷儿, 琳儿): a pet name when the pair is no word in background text
 * (女儿, 花儿, 一会儿 are) and it stands between word edges, like 小 + name character.
 */
function erNameAt(text: string, k: number, out: Candidate[]): void {
  const m = zhCharModel();
  const c = text.charCodeAt(k);
  const after = codeAt(text, k + 2);
  if (m.pmi(c, ER) > 2 || m.pairCount(c, ER) >= 8 || (isCjkCode(after) && m.pmi(ER, after) > 1.5)) return;
  if (isCjkCode(codeAt(text, k - 1)) && m.pmi(text.charCodeAt(k - 1), c) > 2) return;
  let score = 0.35;
  if (!isCjkCode(after) || startsWithAny(text, k + 2, AFTER_NAME_VERBS_LIST)) score += 0.1;
  if (boundaryBeforeOf(text, k) || endsWithAny(text, k, NAME_CUES_LIST) || BEFORE_NAME_CODE[text.charCodeAt(k - 1)] === 1) score += 0.1;
  if (score >= 0.5) out.push({ type: 'PERSON', start: k, end: k + 2, score, validator: 'zh-er-name', contextApplied: true });
}

/** Birth order and size words: 二哥 / 大姐 / 小叔 are family terms, not names. */
const KIN_NOT_NAME = new Set('一二三四五六七八九十大小老表堂'.split(''));
/** Pairs of this shape that are titles or words: 王爷 (a prince), 姑爷 (a son-in-law). */
const KIN_TITLE_WORDS = new Set(['王爷', '姑爷', '师爷', '少爷', '老爷', '佛爷', '白哥']);
/**
 * One name character + a kinship or boss title used as a nickname: 峰哥, 梅姐, 强叔, 胡总. The character must be
 * a surname or a typical given-name character and form no word with the title (大哥, 帅哥, 老总, 表姐 do), the
 * title none with the next character (总是), and the character none with the one before it.
 */
function kinTitleNameAt(text: string, k: number, out: Candidate[]): void {
  const c = text.charCodeAt(k);
  if ((NAME_CLASS[c]! & NOT_GIVEN) !== 0 || (GIVEN_NAME_CHAR[c] !== 1 && SURNAME_SIMPLIFIED[c] === 0)) return;
  const m = zhCharModel();
  // 林林总总 / 王爷 (a prince): a doubled character or a title word, not a nickname.
  if (codeAt(text, k - 1) === c || codeAt(text, k + 2) === text.charCodeAt(k + 1) || KIN_TITLE_WORDS.has(text.slice(k, k + 2))) return;
  if (KIN_NOT_NAME.has(text[k]!) || m.pmi(c, text.charCodeAt(k + 1)) > 1.5 || m.pmi(text.charCodeAt(k + 1), codeAt(text, k + 2)) > 2 || (isCjkCode(codeAt(text, k - 1)) && m.pmi(text.charCodeAt(k - 1), c) > 2)) return;
  // (No word edge needed: the checks above already say the pair is no word of running text — 昨天碰到|峰哥|了,
  // 多亏|强叔|帮忙. Edges only raise the score.)
  let score = 0.5;
  if (boundaryBeforeOf(text, k) || endsWithAny(text, k, NAME_CUES_LIST) || BEFORE_NAME_CODE[text.charCodeAt(k - 1)] === 1 || text[k - 1] === '@') score += 0.1;
  if (!isCjkCode(codeAt(text, k + 2)) || startsWithAny(text, k + 2, AFTER_NAME_VERBS_LIST)) score += 0.1;
  if (score >= 0.5) out.push({ type: 'PERSON', start: k, end: k + 2, score, validator: 'zh-kin-title', contextApplied: true });
}

const BEN = '本'.charCodeAt(0);
const MEN = '们'.charCodeAt(0);
/** First two UTF-16 codes of each title, as one number (a Set lookup without building a string). */
const TITLE_PAIRS = new Set<number>();
/** Titles and forms of address written after a given name or nickname (思琪小姐, 丽丽姑娘, 小雨小菇凉). */
/** Titles of office or profession: a qualifier before them (主治医生) is more likely than a nickname. */
const FORMAL_TITLES = ['同学', '老师', '医生', '医师', '教授', '博士', '先生', '女士'];
const ZH_TITLES_AFTER_NAME = ['小姐', '先生', '女士', '同学', '老师', '姑娘', '小姑娘', '小菇凉', '童鞋', '兄弟', '大侠', '医生', '医师', '博士', '教授', '阿姨', '叔叔'];
const FORMAL_TITLES_LIST = wordList(FORMAL_TITLES);
const TITLES_AFTER_NAME_LIST = wordList(ZH_TITLES_AFTER_NAME);
/**
 * Two characters right before such a title name someone when they are not an everyday word (这位小姐,
 * 大学同学, 各位老师 are not names): no particle or pronoun character, the two do not form a common word,
 * and the first forms no word with the character before it.
 */
function titledNameAt(text: string, k: number, out: Candidate[]): void {
  // Cheapest tests first: the two characters' classes, then the title by its first two codes, then statistics.
  const a = text.charCodeAt(k);
  const b = text.charCodeAt(k + 1);
  if (!isCjkCode(b) || ((NAME_CLASS[a]! | NAME_CLASS[b]!) & NOT_GIVEN) !== 0 || SURNAME_SIMPLIFIED[a] !== 0) return;
  if (k + 3 >= text.length || !TITLE_PAIRS.has(pairKey(text.charCodeAt(k + 2), text.charCodeAt(k + 3))) || !startsWithAny(text, k + 2, TITLES_AFTER_NAME_LIST) || !namelikePair(text, k)) return;
  // 宿管阿姨 / 主管老师: an everyday word before the title is a job, not a name.
  if (WORDS_ENDING_IN_SURNAME.has(pairKey(a, b))) return;
  // 本小姐 / 姑娘们: a phrase or a plural, not a title after a name.
  if (text.charCodeAt(k + 1) === BEN || codeAt(text, k + 2 + (text.startsWith('小', k + 2) && !text.startsWith('小姐', k + 2) ? 3 : 2)) === MEN) return;
  // Before a formal title, two characters with nothing of a name (no typical given-name character, no surname
  // before them) qualify it (主治|医生, 同班|同学, 网课|老师); after a surname they are a rare given name
  // (何璋珏先生). Casual titles (童鞋, 小姐, 姑娘) follow nicknames of any characters (丸子童鞋).
  if (GIVEN_NAME_CHAR[a] !== 1 && GIVEN_NAME_CHAR[b] !== 1 && k > 0 && SURNAME_SIMPLIFIED[text.charCodeAt(k - 1)] === 0 && startsWithAny(text, k + 2, FORMAL_TITLES_LIST)) return;
  out.push({ type: 'PERSON', start: k, end: k + 2, score: 0.55, validator: 'zh-titled-name', contextApplied: true });
}

/**
 * Two characters that could be a given name or nickname (not a surname start: the surname scorer has those):
 * no particle or pronoun character, not a common word together (a frequent pair is a word even when its
 * characters are frequent too: 数学, 大学), and the first forms no word with the character before it.
 */
function namelikePair(text: string, k: number): boolean {
  const a = text.charCodeAt(k);
  const b = codeAt(text, k + 1);
  if (!isCjkCode(a) || !isCjkCode(b) || ((NAME_CLASS[a]! | NAME_CLASS[b]!) & NOT_GIVEN) !== 0 || SURNAME_SIMPLIFIED[a] !== 0) return false;
  const m = zhCharModel();
  return !(m.pmi(a, b) > 3 || m.pairCount(a, b) >= 12 || (isCjkCode(codeAt(text, k - 1)) && m.pmi(text.charCodeAt(k - 1), a) > 2));
}


const JIAO = '叫'.charCodeAt(0);
const ZUO = '做'.charCodeAt(0);
/** Who is being named before 叫 (我叫 / 她叫 / 名叫); 叫做 "is called" needs none. */
const NAMED_BEFORE_JIAO = new Set('我他她你名就'.split('').map((c) => c.charCodeAt(0)));
/**
 * A given name or nickname without a surname right after a naming verb (我叫雪琪, 她叫嘉欣, 名叫思远, 叫做小溪):
 * two name-like characters (namelikePair: no particle or pronoun, not an everyday word together) that do not
 * run on into a word with the next character. (A surname first is the surname scorer's: 我叫王小明.)
 */
function namedAfterJiao(text: string, out: Candidate[]): void {
  const m = zhCharModel();
  for (let j = text.indexOf('叫'); j >= 0; j = text.indexOf('叫', j + 1)) {
    let k = j + 1;
    if (text.charCodeAt(k) === ZUO) k++;
    else if (!NAMED_BEFORE_JIAO.has(codeAt(text, j - 1))) continue;
    // Past a colon or a space (我叫：雪琪).
    const separator = codeAt(text, k);
    if (separator === 58 || separator === 0xff1a || separator === 32) k++;
    if (!isCjkCode(codeAt(text, k)) || text.charCodeAt(k) === JIAO || !namelikePair(text, k)) continue;
    const next = codeAt(text, k + 2);
    if (isCjkCode(next) && (m.pmi(text.charCodeAt(k + 1), next) > 2 || (NAME_CLASS[next]! & NOT_GIVEN) === 0)) continue;
    out.push({ type: 'PERSON', start: k, end: k + 2, score: 0.6, validator: 'zh-named', contextApplied: true });
  }
}

/**
 * A given name or nickname said to someone (思远，你明天来吗？ / 嘉欣，您好): two name-like characters (namelikePair) standing
 * alone at the start of a clause, a comma after them and 你 / 您 right after it. Words said the same way (老板，你 / 明天，你)
 * are frequent pairs, which namelikePair turns away.
 */
function vocativeNames(text: string, out: Candidate[]): void {
  for (let c = text.indexOf('你') - 1; c >= -1; c = text.indexOf('你', c + 2) - 1) vocativeNameAt(text, c, out);
  for (let c = text.indexOf('您') - 1; c >= -1; c = text.indexOf('您', c + 2) - 1) vocativeNameAt(text, c, out);
}
/** The comma at `c` (before 你 / 您) closes a vocative name. (Either comma: the detector may have folded ， to ,.) */
function vocativeNameAt(text: string, c: number, out: Candidate[]): void {
  const comma = codeAt(text, c);
  if ((comma !== 0xff0c && comma !== 44) || c < 2) return;
  const k = c - 2;
  if (!(k === 0 || isClauseStart(text.charCodeAt(k - 1))) || !namelikePair(text, k)) return;
  out.push({ type: 'PERSON', start: k, end: c, score: 0.55, validator: 'zh-vocative', contextApplied: true });
}

/**
 * One walk of the ideographs for every Chinese name shape (it was two: one for the surname starts, one for the
 * rest). At a surname character (all ideographs, checked at load), surnameNameAt reads it and says where the
 * next surname may start (past a name it took); the shapes that do not start with a surname — pet names
 * (doubled characters), 小 / 老 / 阿 + surname, and transliterated foreign names — are checked at every
 * ideograph, a per-character class table deciding which check a position needs (most need none). The surname
 * readings go to `out` and the others to `others`, appended after them: the order of two separate walks.
 */
function chineseNameShapes(text: string, out: Candidate[], keepFrom: number): void {
  const n = text.length;
  const others: Candidate[] = [];
  let translitFrom = 0;
  let surnameFrom = 0;
  // The next two codes are carried along (0 past the end): a typed-array read with a NaN index (charCodeAt past
  // the end) would leave V8's fast path.
  let c1 = n > 0 ? text.charCodeAt(0) : 0;
  let c2 = n > 1 ? text.charCodeAt(1) : 0;
  for (let k = 0; k < n; k++) {
    const c = c1;
    c1 = c2;
    c2 = k + 2 < n ? text.charCodeAt(k + 2) : 0;
    if (c < 0x4e00 || c > 0x9fff) continue;
    if (k >= surnameFrom && SURNAME_START[c] === 1) surnameFrom = surnameNameAt(text, k, c, out, keepFrom);
    const cls = NAME_CLASS[c]!;
    const doubled = c1 === c;
    if (doubled) petNameAt(text, k, others);
    if ((cls & FAMILIAR_PREFIX) !== 0 && k + 1 < n) familiarNameAt(text, k, others);
    if ((NAME_CLASS[c1]! & KIN_TITLE) !== 0) kinTitleNameAt(text, k, others);
    if (c1 === ER && GIVEN_NAME_CHAR[c] === 1) erNameAt(text, k, others);
    if ((NAME_CLASS[c2]! & TITLE_START) !== 0) titledNameAt(text, k, others);
    // 哈哈大笑 / 啦啦啦: a doubled character is an interjection, not the start of a foreign name.
    if ((cls & TRANSLIT_CHAR) !== 0 && k >= translitFrom && !doubled && codeAt(text, k - 1) !== c) translitFrom = transliteratedNameAt(text, k, others);
  }
  for (let k = 0; k < others.length; k++) out.push(others[k]!);
}

/** Words of this shape that are not forms of address (小白 = a newcomer, 小强 = a cockroach, 老牛, 小马). */
const NOT_FAMILIAR = new Set(['小白', '小牛', '小马', '小熊', '小强', '小龙', '小黄', '小米', '小红', '小蓝', '小高', '小安', '小时', '老白', '老牛', '老马', '老黄', '老龙', '阿里', '老赖',
  // 店小二 (a waiter), 小三 (a mistress), 小二 / 小三 / 小四 as birth order.
  '小二', '小三', '小四', '小五']);
const XIAO = '小'.charCodeAt(0);
const LAO = '老'.charCodeAt(0);
const A = '阿'.charCodeAt(0);
/** Per UTF-16 code: which of the checks in chineseNameShapes a character needs. */
const NAME_CLASS = new Uint8Array(65536);
const TRANSLIT_CHAR = 1;
const FAMILIAR_PREFIX = 2;
const NOT_PET = 4;
const NOT_GIVEN = 8;
const KIN_TITLE = 16;
const TITLE_START = 32;
for (const c of ZH_TRANSLITERATION_CHARS) NAME_CLASS[c.charCodeAt(0)]! |= TRANSLIT_CHAR;
for (const c of [XIAO, LAO, A]) NAME_CLASS[c]! |= FAMILIAR_PREFIX;
for (const c of NOT_PET_NAME) NAME_CLASS[c.charCodeAt(0)]! |= NOT_PET;
for (const c of ZH_NOT_IN_GIVEN_NAME) NAME_CLASS[c.charCodeAt(0)]! |= NOT_PET | NOT_GIVEN;
for (const c of '哥姐总叔爷嫂') NAME_CLASS[c.charCodeAt(0)]! |= KIN_TITLE;
for (const t of ZH_TITLES_AFTER_NAME) {
  NAME_CLASS[t.charCodeAt(0)]! |= TITLE_START;
  TITLE_PAIRS.add(pairKey(t.charCodeAt(0), t.charCodeAt(1)));
}
/** Doubled kinship and baby words: 妈妈, 宝宝, 哥哥 … */
const KIN_DOUBLED = new Set('妈爸哥姐弟妹爷奶姥舅叔婶伯姑姨宝乖'.split(''));
const ZH_PET_CUES = ['感谢', '谢谢', '我家', '我是', '叫我', '亲爱的', '宝贝', '想念', '想你', '爱你'];
const PET_CUES_LIST = wordList(ZH_PET_CUES);

/** Capitalised token runs: Jean-Pierre O'Brien, Sari J. Paavolainen. One token = upper + lower letters. */
// Latin upper/lower ranges spelled out: V8 runs \p{Lu}/\p{Ll} classes an order of magnitude slower.
const UPPER = 'A-Z\\u00c0-\\u00d6\\u00d8-\\u00de\\u0100-\\u017f';
const LOWER = 'a-z\\u00df-\\u00f6\\u00f8-\\u00ff\\u0100-\\u024f';
const TOKEN = `[${UPPER}][${LOWER}]+(?:['’\\-][${UPPER}]?[${LOWER}]+)?`;
// The first token's lookbehind sits after its capital (`C(?<![…]C)` is `(?<![…])C`: same matches): V8 then skips
// to capitals instead of entering the lookbehind at every position (~2x faster on Chinese text).
const FIRST_TOKEN = `[${UPPER}](?<![${UPPER}${LOWER}0-9'’][${UPPER}])[${LOWER}]+(?:['’\\-][${UPPER}]?[${LOWER}]+)?`;
const CAPITALISED_RUN = new RegExp(`${FIRST_TOKEN}(?:[ ](?:[${UPPER}]\\.?[ ])?${TOKEN}){0,3}(?![${UPPER}${LOWER}0-9])`, 'g');
/** Strong cues name a person outright; weak cues only make a capitalised run more likely to be one. */
const EN_STRONG_CUES = new Set(['my name is', 'name is', 'name', 'names are', 'last name', 'first name', 'surname', 'full name', 'i am', "i'm", 'this is', 'called', 'named', 'dear', 'attention', 'attn', 'signed', 'sincerely', 'regards', 'manager is', 'boss is', 'wife', 'husband', 'son', 'daughter', 'brother', 'sister', 'mother', 'father', 'friend', 'colleague', 'patient', 'customer', 'client', 'employee', 'user', 'contact']);
const EN_WEAK_CUES = new Set(['by', 'from', 'with', 'and', 'ask', 'tell', 'meet', 'met', 'hi', 'hello', 'hey', 'thanks', 'thank you', 'to', 'cc', 'for', 'under', 'give', 'given', 'call', 'email', 'asked', 'told', 'saw', 'visit', 'says', 'said', 'heard', 'kid', 'producer', 'director', 'author', 'singer', 'actor', 'founder', 'founders', 'ceo', 'coach', 'teacher', 'doctor', 'nurse', 'lawyer', 'agent']);
const TITLES = new Set(EN_TITLES);

/** a-z or an apostrophe: what a cue word keeps of its edges. */
const isCueLetter = (c: number) => (c >= 97 && c <= 122) || c === 39;
/**
 * The last word of every title and cue phrase. Each of trailingPhrases' phrases ends with the nearest non-empty word
 * before the run (a phrase is its words joined by spaces, nearest last, and a word holds no space), so a phrase can be
 * a title or a cue only if that word is one of these: most runs' word is not, and their phrases are not built.
 */
const CUE_LAST_WORDS = new Set([...TITLES, ...EN_STRONG_CUES, ...EN_WEAK_CUES].map((p) => p.slice(p.lastIndexOf(' ') + 1)));
const CUE_WEAK = 1;
const CUE_STRONG = 2;
const CUE_TITLE = 3;
/**
 * What the words before a run say: a title (phrases[0] is one), a strong cue, a weak cue (any of the last one, two,
 * three words), or nothing (0). `allPhrases` (tests) builds the phrases for every run, as before speed round 14;
 * otherwise only where the nearest word ends some title or cue.
 */
export function cueBefore(before: string, allPhrases = false): number {
  if (!allPhrases && !CUE_LAST_WORDS.has(nearestCueWord(before))) return 0;
  const phrases = trailingPhrases(before);
  if (TITLES.has(phrases[0] ?? '')) return CUE_TITLE;
  if (anyIn(EN_STRONG_CUES, phrases)) return CUE_STRONG;
  return anyIn(EN_WEAK_CUES, phrases) ? CUE_WEAK : 0;
}

/** The first non-empty word trailingPhrases(before) would take (at most three words back), or '' (no allocation beyond it). */
export function nearestCueWord(before: string): string {
  let end = endBeforeSpaces(before, before.length);
  for (let k = 0; k < 3 && end > 0; k++) {
    const space = spaceBefore(before, end);
    const word = cueWord(before, space + 1, end);
    if (word) return word;
    end = endBeforeSpaces(before, space);
  }
  return '';
}
/** The last one, two and three lower-cased words before a position (punctuation stripped): cue lookups are Set hits. */
function trailingPhrases(before: string): string[] {
  const out: string[] = [];
  let end = endBeforeSpaces(before, before.length);
  let phrase = '';
  for (let k = 0; k < 3 && end > 0; k++) {
    const space = spaceBefore(before, end);
    const word = cueWord(before, space + 1, end);
    phrase = phrase ? `${word} ${phrase}` : word;
    out.push(phrase);
    end = endBeforeSpaces(before, space);
  }
  return out;
}
function endBeforeSpaces(text: string, end: number): number {
  while (end > 0 && text.charCodeAt(end - 1) <= 32) end--;
  return end;
}
/** The last space, newline or tab before `end`, or -1 (one backward scan instead of three lastIndexOf). */
function spaceBefore(text: string, end: number): number {
  let space = end - 1;
  while (space >= 0) {
    const c = text.charCodeAt(space);
    if (c === 32 || c === 10 || c === 9) break;
    space--;
  }
  return space;
}
/** text[from, to) lower-cased, without leading / trailing characters other than a-z and the apostrophe. */
function cueWord(text: string, from: number, to: number): string {
  const raw = text.slice(from, to).toLowerCase();
  let a = 0;
  let b = raw.length;
  while (a < b && !isCueLetter(raw.charCodeAt(a))) a++;
  while (b > a && !isCueLetter(raw.charCodeAt(b - 1))) b--;
  return a === 0 && b === raw.length ? raw : raw.slice(a, b);
}

/** Verbs that typically follow a person as subject. */
export const EN_PERSON_VERB = /^(?:'s\b|\s(?:lives|lived|said|says|told|wrote|writes|listed|had given|went|called|asked|replied|answered|works|worked|invested|spent|moved|married|founded|joined|died|born|thinks|thought|wants|wanted|needs|needed|shouted|speaks|speak|spoke|explained|claims|claimed|believes|believed|agreed|smiled|laughed|cried)\b)/;
/** A capitalised run ending in a street word is a street (Diakou Street, Herceg Gateway St), not a person. */
const STREET_WORDS = new Set(['street', 'st', 'avenue', 'ave', 'road', 'rd', 'boulevard', 'blvd', 'lane', 'ln', 'drive', 'dr', 'court', 'ct', 'way', 'place', 'pl', 'terrace', 'square', 'sq', 'highway', 'parkway', 'circle', 'trail', 'crescent', 'close', 'row', 'alley', 'plaza', 'gardens', 'parks', 'park', 'pass', 'gateway', 'bridge', 'hill', 'ridge', 'view', 'walk', 'quay', 'wharf', 'mews', 'green', 'heights', 'village', 'port', 'harbour', 'harbor', 'island', 'islands', 'mountain', 'river', 'lake', 'valley', 'county', 'city', 'town']);
/**
 * EN_PERSON_VERB at one position of the text itself, sticky, instead of on a 12-character slice: its longest
 * alternative is 10 characters, so the character its final \b reads is inside such a slice too (the same answer;
 * compared in test/unit/pii/person-after-run.test.ts).
 */
const EN_PERSON_VERB_AT = new RegExp(EN_PERSON_VERB.source.slice(1), 'y');
export function personVerbAt(text: string, at: number): boolean {
  EN_PERSON_VERB_AT.lastIndex = at;
  return EN_PERSON_VERB_AT.test(text);
}
/** `word.replace(/\.$/, '')` without a regex. */
export const withoutFinalDot = (word: string): string => (word.endsWith('.') ? word.slice(0, -1) : word);
const ORG_SUFFIX_SET = new Set(EN_ORG_SUFFIXES.map((s) => s.replace(/\.$/, '').toLowerCase()));
const PLACE_SET = new Set(EN_PLACES.map((p) => p.toLowerCase()));

/**
 * The word after a capitalised run (an organisation suffix makes the run a company name): what
 * `/^,? ([A-Za-z.]+)/` captures in the 16 characters from `at`, without the slice and the match.
 */
function wordAfter(text: string, at: number): string | undefined {
  const limit = Math.min(text.length, at + 16);
  let p = at;
  if (p < limit && text.charCodeAt(p) === 44) p++;
  if (p >= limit || text.charCodeAt(p) !== 32) return undefined;
  const from = ++p;
  while (p < limit && isWordOrDot(text.charCodeAt(p))) p++;
  return p > from ? text.slice(from, p) : undefined;
}
const isWordOrDot = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46;
/** Any of `phrases` in `set` (a loop: no closure per call). */
function anyIn(set: ReadonlySet<string>, phrases: readonly string[]): boolean {
  for (let k = 0; k < phrases.length; k++) if (set.has(phrases[k]!)) return true;
  return false;
}
/** A span starting at `start`, with `before` the text before it, opens a sentence (asked only when it matters). */
function atSentenceStart(before: string, start: number): boolean {
  const lastChar = before.trimEnd().slice(-1);
  return start === 0 || lastChar === '' || lastChar === '.' || lastChar === '!' || lastChar === '?' || before.endsWith('\n');
}
const LIST_GAP = /^(?:,\s?|\s(?:and|&|or)\s|,\s(?:and|&|or)\s)$/;

/**
 * `s.split(' ')` by indexOf and slice: the same pieces (empty ones between two spaces included), about half the
 * time of the runtime's split on these runs (test/unit/pii/person-after-run.test.ts compares the two).
 */
export function splitAtSpaces(s: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let at = s.indexOf(' '); at >= 0; at = s.indexOf(' ', from)) {
    out.push(s.slice(from, at));
    from = at + 1;
  }
  out.push(s.slice(from));
  return out;
}

function englishNames(text: string): Candidate[] {
  const out: Candidate[] = [];
  forEachMatch(CAPITALISED_RUN, text, (m) => {
    const run = m[0];
    const runEnd = m.index + run.length;
    // Lower-cased once for every lookup below: the same words as lower-casing each token (no letter a token can
    // hold lower-cases differently in context), one string and one split instead of one per lookup.
    const lowerRun = run.toLowerCase();
    const single = run.indexOf(' ') < 0;
    // Most runs are one word, most of those a sentence start or another non-name word: rejected without arrays.
    if (single && EN_NOT_NAMES.has(lowerRun)) return;
    const tokens = single ? [run] : splitAtSpaces(run);
    const lower = single ? [lowerRun] : splitAtSpaces(lowerRun);
    // Drop leading non-name words ("Dear", "The", "Hi") and move the span start past them.
    let t0 = 0;
    let start = m.index;
    while (t0 < tokens.length && EN_NOT_NAMES.has(lower[t0]!)) start += tokens[t0++]!.length + 1;
    const count = tokens.length - t0;
    if (count === 0) return;
    const last = lower[tokens.length - 1]!;
    if (ORG_SUFFIX_SET.has(last) || STREET_WORDS.has(last)) return;
    // "Ibrahim Design LLC": the run is the name part of an organisation.
    const nextWord = wordAfter(text, runEnd);
    if (nextWord !== undefined && ORG_SUFFIX_SET.has(withoutFinalDot(nextWord).toLowerCase())) return;
    // (Without dropped leading words the span is the run itself, already lower-cased.)
    if (PLACE_SET.has(t0 === 0 ? lowerRun : text.slice(start, runEnd).toLowerCase())) return;
    let allNotNames = true;
    for (let k = t0; k < tokens.length && allNotNames; k++) allNotNames = EN_NOT_NAMES.has(lower[k]!) || tokens[k]!.length === 2;
    if (allNotNames) return;
    const before = text.slice(Math.max(0, start - 24), start);
    const first = lower[t0]!;
    let score = 0.15;
    if (EN_FIRST_NAMES.has(first)) score += 0.45;
    let surname = count === 1 && EN_SURNAMES.has(first);
    for (let k = t0 + 1; k < tokens.length && !surname; k++) surname = EN_SURNAMES.has(lower[k]!);
    if (surname) score += 0.2;
    if (count >= 2) score += 0.15;
    const cue = cueBefore(before);
    const strong = cue >= CUE_STRONG;
    score += cue === CUE_TITLE ? 0.45 : cue === CUE_STRONG ? 0.4 : cue === CUE_WEAK ? 0.2 : 0;
    if (personVerbAt(text, runEnd)) score += 0.2;
    // A lone capitalised word at a sentence start is usually just a sentence start.
    if (!strong && count === 1 && !EN_FIRST_NAMES.has(first) && atSentenceStart(before, start)) score -= 0.1;
    out.push({ type: 'PERSON', start, end: runEnd, score: Math.max(0, Math.min(1, score)), validator: 'en-name', contextApplied: true });
  });
  // Lists of people ("Morrison, Rogers and Torres"): a weak candidate next to a confident one in a
  // comma/and list is a person too. Two passes let confidence flow along the list.
  for (let pass = 0; pass < 2; pass++) {
    for (let k = 0; k < out.length; k++) {
      const c = out[k]!;
      if (c.score >= 0.5 || c.score < 0.25) continue;
      const neighbours = [out[k - 1], out[k + 1]].filter((o): o is Candidate => o !== undefined && o.score >= 0.5);
      const listed = neighbours.some((o) => LIST_GAP.test(o.end <= c.start ? text.slice(o.end, c.start) : text.slice(c.end, o.start)));
      if (listed) c.score = 0.55;
    }
  }
  return out;
}

/**
 * A listed brand right before a product word names the product (西门子|软件, 欧莱雅|产品): the organisation scan
 * leaves it out, and a name reading of it (西门 + 子, 欧 + 莱雅) is no person either. A listed name of three characters
 * or more is the organisation the organisation scan reports, not a reading of exactly its span (周 + 大福). Runs
 * before sameNameElsewhere, so a dropped reading lends its score to no other occurrence.
 */
/**
 * A name reading that is a listed organisation's span (周 + 大福, a listed name of three characters or more), lies inside
 * one (施|华洛|世奇), or starts with one and runs past it (高通|骁, 柯达|胶: a brand and the start of its product's name).
 */
function readsListedName(c: Candidate, b: { start: number; end: number; long: boolean }): boolean {
  if (c.start === b.start && c.end > b.end) return true;
  return b.long && c.start >= b.start && c.end <= b.end;
}
function dropReadingsOfListedNames(text: string, facts: TextFacts, out: Candidate[], from: number): void {
  const listed = listedNamesNotPeople(text, facts);
  if (listed.length === 0) return;
  let kept = from;
  for (let k = from; k < out.length; k++) {
    const c = out[k]!;
    if (!listed.some((b) => (b.productBrand ? c.start < b.end && b.start < c.end : readsListedName(c, b)))) out[kept++] = c;
  }
  out.length = kept;
}

const zhPublicFigures = new PairMatcher([...ZH_PUBLIC_FIGURES, ...ZH_FOREIGN_GIVEN_NAMES]);
/** Western given names in transliteration (约翰, 露西): scanned with the public figures, accepted alone only. */
const FOREIGN_GIVEN = new Set(ZH_FOREIGN_GIVEN_NAMES);

export const personRecognizer: Recognizer = {
  name: 'person',
  requires: { names: true },
  entityTypes: ['PERSON'],
  recognize(text, facts) {
    const out = facts.hasUpper ? englishNames(text) : [];
    if (facts.hasCjk) {
      const from = out.length;
      chineseNameShapes(text, out, Math.min(0.5, facts.minScore));
      namedAfterJiao(text, out);
      vocativeNames(text, out);
      dropReadingsOfListedNames(text, facts, out, from);
      sameNameElsewhere(text, out, from);
      for (const hit of hitsIn(zhPublicFigures, text, facts)) {
        if (insideWord(text, hit.start, hit.end)) continue;
        if (!FOREIGN_GIVEN.has(hit.entry)) out.push({ type: 'PERSON', start: hit.start, end: hit.end, score: 0.75, validator: 'zh-public-figure', contextApplied: true });
        // A given name alone, not inside a longer transliteration (约翰逊, 路易斯安那).
        else if (tableAt(TRANSLIT, text, hit.start - 1) !== 1 && tableAt(TRANSLIT, text, hit.end) !== 1) out.push({ type: 'PERSON', start: hit.start, end: hit.end, score: 0.6, validator: 'zh-foreign-given-name', contextApplied: true });
      }
    }
    return out;
  },
};
