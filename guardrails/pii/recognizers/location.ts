import { EN_ORG_SUFFIXES } from '../dictionaries/organizations.js';
import { EN_COUNTRIES, EN_PLACES, ZH_COUNTRIES, ZH_MORE_PLACES, ZH_PLACES, ZH_PREFECTURES } from '../dictionaries/places.js';
import { ZH_COUNTIES } from '../dictionaries/zh-counties.js';
import { ZH_TRANSLITERATION_CHARS } from '../dictionaries/zh-names.js';
import { codeAt, tableAt, type Candidate, type Recognizer, type TextFacts } from '../types.js';
import { insideWord, zhCharModel } from '../zh/char-model.js';
import { straddlesEverydayWord } from '../zh/everyday-words.js';
import { PairMatcher, pairKey } from '../zh/pair-matcher.js';
import { hitsIn } from '../zh/scan.js';
import { CodeBuckets } from '../zh/code-buckets.js';
import { DictionaryMatcher } from './dictionary-matcher.js';

// (Indexed by character pairs: every entry has two characters or more.)
const zhPlaces = new PairMatcher([...ZH_PLACES, ...ZH_PREFECTURES, ...ZH_COUNTRIES]);
const ZH_PLACE_NAMES: ReadonlySet<string> = new Set([...ZH_PLACES, ...ZH_PREFECTURES, ...ZH_COUNTRIES]);
/**
 * Two-character names of the later, longer list (虹桥, 汉口) must not start inside another word (彩虹|桥: the
 * character before forms a word with the first). (Not checked on the right: 苏北|方言 is a place before a noun.)
 */
const INSIDE_WORD_CHECKED = new Set(ZH_MORE_PLACES.split(/\s+/).filter((p) => p.length === 2));
const enPlaces = new DictionaryMatcher([...EN_PLACES, ...EN_COUNTRIES], 'word');
/** County-level names (嘉鱼, 荔波, 定安): a separate scan, so a county never shadows a gazetteer hit it overlaps. */
const zhCounties = new PairMatcher(ZH_COUNTIES);
const codes = (chars: string) => new Set([...chars].map((c) => c.charCodeAt(0)));
const COUNTY_SUFFIX = codes('县市区旗');
/** Verbs and prepositions of place right before a name: 在 / 去 / 到 / 来 / 回 / 从 / 往 / 赴 / 至 / 游 / 住. */
const LOCATIVE_BEFORE = codes('在去到来回从往赴至游住');

/**
 * A county's short name names the county with its suffix (荔波县) or standing alone as a word: not when its
 * first character forms a word with the one before it or its last with the one after it (background
 * statistics, pmi > 2.5), nor inside a longer run that the generic-place or gazetteer scans explain.
 */
function countyNames(text: string, facts: TextFacts, out: Candidate[]): void {
  const m = zhCharModel();
  for (const hit of hitsIn(zhCounties, text, facts)) {
    if (COUNTY_SUFFIX.has(codeAt(text, hit.end))) {
      out.push({ type: 'LOCATION', start: hit.start, end: hit.end + 1, score: 0.6, validator: 'zh-county', contextApplied: true });
      continue;
    }
    // Without its suffix only after a verb or preposition of place (来荔波旅游, 在嘉鱼, 去定安), as a word of its own
    // — or when it has three characters or more (山海关, 丹江口), which are no everyday words, not inside a word.
    const long = hit.end - hit.start >= 3 && !(isHanCode(codeAt(text, hit.start - 1)) && m.pmi(text.charCodeAt(hit.start - 1), text.charCodeAt(hit.start)) > 2.5);
    if (!long && (!LOCATIVE_BEFORE.has(codeAt(text, hit.start - 1)) || (hit.start >= 2 && isHanCode(text.charCodeAt(hit.start - 2)) && m.pmi(text.charCodeAt(hit.start - 2), text.charCodeAt(hit.start - 1)) > 2.5))) continue;
    const after = codeAt(text, hit.end);
    if (isHanCode(after) && m.pmi(text.charCodeAt(hit.end - 1), after) > 2.5) continue;
    // 泡在清水里: 里 "inside" after a place word makes it a thing (water, a field), not a county.
    if (after === LI) continue;
    out.push({ type: 'LOCATION', start: hit.start, end: hit.end, score: 0.55, validator: 'zh-county', contextApplied: true });
  }
}

/**
 * Generic place words (通名) that end a Chinese place name after its proper part (专名): 永吉|县, 束河|古镇,
 * 沧海|路, 百丈|东路, 潼关|古城, 紫玉|山庄. Most places are too small for any gazetteer, but this is how their
 * names are built. Longest first (古镇 before 镇).
 */
const ZH_GENERIC_PLACE_WORDS = ['古镇', '古城', '古堡', '山庄', '大道', '大街', '广场', '公园', '河谷', '峡谷', '机场', '码头', '足球场', '体育场', '火车站', '大桥', '县', '镇', '乡', '路', '湖', '故里', '故居', '旧居'];
/** A person's home town or former residence names a place, not the person (鲁迅故里, 毛泽东故居): it outranks the name. */
const RESIDENCE_WORDS = new Set(['故里', '故居', '旧居']);
const genericPlaceWords = new DictionaryMatcher(ZH_GENERIC_PLACE_WORDS);
/** A direction before 路 / 大街 / 大道 belongs to the generic part: 百丈|东路, 人民|南大街. */
const DIRECTION_CODE = codes('东西南北中');
/**
 * Characters that are not part of a place's proper name: particles, pronouns, verbs of motion and place
 * (在 / 去 / 到 / 住), numerals and measure words (一路, 这条路, 三个县), negation and degree words.
 */
const NOT_TOPONYM = new Set('的是在我你他她它们住到于从址寄送和与及或也都就请把给了这那哪条个些每各几一二两三四五六七八九十多少上下里外前后内去来走过着被让很太更最没不有为以之其某该此全整小座什么完点'.split(''));
/** NOT_TOPONYM by UTF-16 code (read only inside the text): no one-character string per test. */
const NOT_TOPONYM_CODE = new Uint8Array(65536);
for (const c of NOT_TOPONYM) NOT_TOPONYM_CODE[c.charCodeAt(0)] = 1;
/** Everyday words ending in a one-character generic place word that the background statistics see too rarely. */
const GENERIC_COMPOUNDS = new Set(
  '道路 山路 公路 马路 铁路 网路 线路 思路 出路 退路 套路 电路 水路 陆路 小路 大路 近路 弯路 歧路 迷路 冰镇 城镇 乡镇 重镇 坐镇 家乡 故乡 老乡 城乡 异乡 他乡 梦乡 水乡 江湖 郡县 州县'.split(' '),
);
/** Words a one-character generic place word starts (路人 passer-by, 路上 on the way, 湖泊): the seam is no place. */
const pairKeys = (words: string) => new Set(words.split(' ').map((w) => pairKey(w.charCodeAt(0), w.charCodeAt(1))));
const GENERIC_WORD_STARTS = pairKeys('路人 路上 路口 路过 路边 路灯 路费 路线 路程 路段 路面 路况 路途 路标 湖泊 湖水 湖边 湖面 镇定 镇静 乡下 乡村 县城');
/** Time words describe when, they name no place (当年|古堡, 现在|广场). */
const TIME_WORDS = pairKeys('当年 今年 去年 明年 前年 往年 现在 以前 以后 当时 如今 从前 过去 将来 未来 每年 每天 今天 明天 昨天 当初');
const WIND_REGIONS = new Set(['东北', '西北', '东南', '西南']);
const isHanCode = (c: number) => c >= 0x4e00 && c <= 0x9fff;
/** Transliteration characters by UTF-16 code (one array read per test). */
const TRANSLIT = new Uint8Array(65536);
for (const c of ZH_TRANSLITERATION_CHARS) TRANSLIT[c.charCodeAt(0)] = 1;
const STONE = '石'.charCodeAt(0);
const WIND = '风'.charCodeAt(0);
const LU = '路'.charCodeAt(0);
const LI = '里'.charCodeAt(0);
/** A character that could continue a proper part leftwards (an ideograph that is no particle, pronoun, numeral …). */
const isToponymChar = (text: string, at: number) => at >= 0 && isHanCode(text.charCodeAt(at)) && NOT_TOPONYM_CODE[text.charCodeAt(at)] !== 1;

/**
 * Punctuation, a particle or a listed place right before `from` (genericPlaceNames). A module function, not a
 * closure per hit: under tsx (esbuild's keepNames) every named closure costs a defineProperty call when created.
 */
function cleanEdgeBefore(text: string, from: number): boolean {
  return !isHanCode(codeAt(text, from - 1)) || NOT_TOPONYM_CODE[text.charCodeAt(from - 1)] === 1 || ZH_PLACE_NAMES.has(text.slice(from - 2, from)) || ZH_PLACE_NAMES.has(text.slice(from - 3, from));
}

/**
 * Proper part (two characters) + generic place word. The proper part must be a name, not the end of a
 * common word with the generic word (马路, 公路, 江湖, 城乡, 乡镇 are words: the two characters right at the
 * seam form a frequent pair in background text), and must not start inside a word (the character before it
 * forms no frequent pair with its first character). Scored under the gazetteer (0.6): a known place of the
 * same extent, or an address chain around it, wins the overlap.
 */
function genericPlaceNames(text: string, facts: TextFacts, out: Candidate[]): void {
  const m = zhCharModel();
  for (const hit of hitsIn(genericPlaceWords, text, facts)) {
    let seam = hit.start;
    if (hit.entry.length === 1 && (hit.entry === '路') && seam > 0 && DIRECTION_CODE.has(text.charCodeAt(seam - 1))) seam--;
    const start = seam - 2;
    if (start < 0) continue;
    const a = text.charCodeAt(start);
    const b = text.charCodeAt(start + 1);
    if (!isHanCode(a) || !isHanCode(b) || NOT_TOPONYM_CODE[text.charCodeAt(start)] === 1 || NOT_TOPONYM_CODE[text.charCodeAt(start + 1)] === 1) continue;
    // 马路 / 公路 / 江湖 / 城乡: the proper part's last character and the generic word form a word.
    if (m.pmi(b, text.charCodeAt(seam)) > 2.5 || GENERIC_COMPOUNDS.has(text.slice(seam - 1, seam + 1))) continue;
    // 路线 / 路径 / 路人 / 湖泊: the generic word starts another word with the next character.
    if (isHanCode(codeAt(text, hit.end)) && (m.pmi(text.charCodeAt(hit.end - 1), text.charCodeAt(hit.end)) > 2.5 || GENERIC_WORD_STARTS.has(pairKey(text.charCodeAt(hit.end - 1), text.charCodeAt(hit.end))))) continue;
    if (TIME_WORDS.has(pairKey(a, b))) continue;
    // A three-character proper part standing alone after a particle, a verb or punctuation (从|八大处|公园,
    // 去|回龙观|公园) is taken whole; otherwise two characters, which must not start inside a word (高速|公路).
    const third = codeAt(text, start - 1);
    const alone3 = isHanCode(third) && NOT_TOPONYM_CODE[text.charCodeAt(start - 1)] !== 1 && !isToponymChar(text, start - 2);
    const from = alone3 ? start - 1 : start;
    if (from === start && isHanCode(third) && NOT_TOPONYM_CODE[text.charCodeAt(start - 1)] !== 1 && m.pmi(third, a) > 2.5) continue;
    // With a clean left edge (punctuation, a particle, or a listed place right before: 澳洲|高宝河谷) a proper part
    // before a generic word of two characters or more is a place name rather than a person's (高宝 is surname + given
    // too); inside a run of toponym characters (黑河|大峡谷) it may start mid-name and stays weak.
    out.push({ type: 'LOCATION', start: from, end: hit.end, score: RESIDENCE_WORDS.has(hit.entry) ? 0.8 : hit.entry.length >= 2 && cleanEdgeBefore(text, from) ? 0.65 : 0.55, validator: 'zh-generic-place', contextApplied: true });
  }
}

/** Length of the generic place word (with a leading direction before 路) starting at `at`, else 0. */
function genericWordAt(text: string, at: number): number {
  const from = DIRECTION_CODE.has(codeAt(text, at)) && codeAt(text, at + 1) === LU ? at + 1 : at;
  // (Only the words starting with the character at `from` can start there: the same first word of the list.)
  const words = GENERIC_BY_FIRST.of(codeAt(text, from));
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (w.length > 1 && text.startsWith(w, from)) return from - at + w.length;
    // (Of the one-character words only 路 after a direction: 南京东路; 上海路过 is 上海 + 路过.)
    if (w === '路' && from > at && text.startsWith(w, from)) return 2;
  }
  return 0;
}

const GENERIC_BY_FIRST = new CodeBuckets(ZH_GENERIC_PLACE_WORDS, 'first');
/** The administrative suffixes kept with a gazetteer name (北京市, 海淀区), by code: no one-character slice and regex test per hit. */
const PLACE_SUFFIX_CODE = codes('省市县区镇乡村州');
/** Words a suffix character opens (欧洲|市场 is Europe's market, not a city called 欧洲市). */
const SUFFIX_OPENS_WORD = pairKeys('市场 市值 市面 市价 区域 区别 区分 区间 区块 省钱 省心 省力 省事 村民 州长');
/** Characters that qualify a place before it: ancient, new, the directions (古|罗马, 海西|蒙古). */
const PLACE_PREFIX = codes('古新东西南北中');
/** A listed place (2–3 characters) ends right before `at` (俄罗斯|西欧). */
function placeEndsAt(text: string, at: number): boolean {
  return (at >= 2 && ZH_PLACE_NAMES.has(text.slice(at - 2, at))) || (at >= 3 && ZH_PLACE_NAMES.has(text.slice(at - 3, at)));
}

/**
 * Words that put a place right after them in English: travel and moving verbs with to / from (flew to, moved
 * from, travelling to), where someone was born, raised or lives (born in, grew up in, lives in, based in), and
 * "originally from" / "a native of". Most towns are in no gazetteer; after these words a capitalised name is one.
 */
const EN_PLACE_CUE =
  /\b(?:(?:flew|fly|flies|flying|flown|travell?ed|travell?ing|travels?|moved|moving|relocated|relocating|emigrated|drove|driving|sailed|commutes?|commuting|headed|heading)(?: back)? (?:to|from)|(?:born|raised|grew up|lives|living|resides|residing|based|settled|stationed) in|originally from|a native of|a resident of) (?=[A-Z\u00c0-\u00de\u0100-\u024f])/g;
/**
 * The capitalised name after a cue: one to three capitalised words (also all capitals: HORTEN), with a lower-case
 * particle between two of them (Frankfurt am Main, Aix en Provence, Nové Město nad Metují). Not "on": flew to
 * Paris on Monday.
 */
const EN_CUED_NAME = /[A-Z\u00c0-\u00de\u0100-\u024f][A-Za-z\u00c0-\u024f'\u2019-]*(?:[ ](?:(?:de|del|la|le|sur|am|nad|pod|upon)[ ])?[A-Z\u00c0-\u00de\u0100-\u024f][A-Za-z\u00c0-\u024f'\u2019-]*){0,2}/y;
/** Capitalised words after a cue that name no place: days, months, pronouns and determiners, work and home words. */
const NOT_CUED_PLACE = new Set(
  ('Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October ' +
    'November December I The A An My Our Your His Her Their Its This That These Those Work Home School Church Heaven Hell Earth Mars ' +
    'Space There Here It We You He She They Me').split(' '),
);
const ORG_SUFFIX_WORDS: ReadonlySet<string> = new Set(EN_ORG_SUFFIXES);

/**
 * A capitalised name right after an English place cue (EN_PLACE_CUE): flew to HORTEN, grew up in Qaqortoq. Not a
 * stop word (NOT_CUED_PLACE: moved to The…, born in May), not a name followed by a digit (moved to Python 3) or
 * ending in an organisation word (moved to Acme Labs: the organisation recognizer's). 0.65: the cue outranks the
 * tagger's person reading of an unknown word (≤ 0.62).
 */
function cuedEnglishPlaces(text: string, out: Candidate[]): void {
  // Every cue ends in one of these words: the cue itself is read only before one followed by a capital (rare),
  // not by a scan of the whole text for the verbs.
  for (const word of CUE_LAST_WORDS) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      const start = at + word.length;
      if (isCueCapital(codeAt(text, start)) && placeCueBefore(text, start)) cuedPlaceAt(text, start, out);
    }
  }
}
const CUE_LAST_WORDS = [' to ', ' from ', ' in ', ' of '];
/** EN_PLACE_CUE's lookahead, by code: A-Z, À-Þ, Latin Extended-A/B. */
const isCueCapital = (c: number) => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde) || (c >= 0x100 && c <= 0x24f);

/** The place name starting at `start`, right after a cue, unless it names none (see cuedEnglishPlaces). */
function cuedPlaceAt(text: string, start: number, out: Candidate[]): void {
  EN_CUED_NAME.lastIndex = start;
  const name = EN_CUED_NAME.exec(text);
  if (name === null) return;
  const words = name[0].split(' ');
  if (NOT_CUED_PLACE.has(words[0]!) || ORG_SUFFIX_WORDS.has(words[words.length - 1]!)) return;
  // A possessive inside (travels to No's Caribbean island) makes the name someone's, not a place's.
  if (words.some((w, k) => k < words.length - 1 && /['\u2019]s$/.test(w))) return;
  const after = codeAt(text, start + name[0].length);
  if (after >= 48 && after <= 57) return;
  if (after === 32 && isDigitAt(text, start + name[0].length + 1)) return;
  out.push({ type: 'LOCATION', start, end: start + name[0].length, score: 0.65, validator: 'en-place-cue', contextApplied: true });
}
/**
 * Whether an English place cue ends right before `at` (flew to |HORTEN): names-gate.ts must not skip the location
 * recognizer for a plain capitalised word there. Reads the 34 characters before `at` (the longest cue is shorter).
 */
export function placeCueBefore(text: string, at: number): boolean {
  // Every cue ends in to / from / in / of and a space: most words have none of them before.
  if (codeAt(text, at - 1) !== 32 || !(endsWithAt(text, at, ' to ') || endsWithAt(text, at, ' in ') || endsWithAt(text, at, ' of ') || endsWithAt(text, at, ' from '))) return false;
  const window = text.slice(Math.max(0, at - 34), at + 1);
  EN_PLACE_CUE.lastIndex = 0;
  for (let m = EN_PLACE_CUE.exec(window); m !== null; m = EN_PLACE_CUE.exec(window)) if (m.index + m[0].length === window.length - 1) return true;
  return false;
}
const endsWithAt = (text: string, at: number, word: string) => at >= word.length && text.startsWith(word, at - word.length);
const isDigitAt = (text: string, at: number) => {
  const c = codeAt(text, at);
  return c >= 48 && c <= 57;
};

/** Mr / Mrs / Ms / Miss / Dr / Prof, with or without a full stop, and one space, right before `start`. */
const TITLE_BEFORE = /(?:^|[^A-Za-z])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.? $/;
const titleBefore = (text: string, start: number) => codeAt(text, start - 1) === 32 && TITLE_BEFORE.test(text.slice(Math.max(0, start - 7), start));

/** Countries, provinces and cities from dictionaries (EN + ZH), and Chinese names built on a generic place word. A city names no one: graded `none` by default. */
export const locationRecognizer: Recognizer = {
  name: 'location',
  requires: { names: true },
  entityTypes: ['LOCATION'],
  recognize(text, facts) {
    const out: Candidate[] = [];
    if (facts.hasCjk) {
      for (const hit of hitsIn(zhPlaces, text, facts)) {
        // 东北风 / 西南风 (wind directions in a weather report) and 东南西北 (every direction) name no region.
        if (INSIDE_WORD_CHECKED.has(hit.entry) && zhCharModel().pmi(codeAt(text, hit.start - 1), text.charCodeAt(hit.start)) > 3) continue;
        if (WIND_REGIONS.has(hit.entry) && (codeAt(text, hit.end) === WIND || text.startsWith('东南西北', hit.start) || text.startsWith('东南西北', hit.start - 2))) continue;
        // 黄|金华|夫饼, 机内|地线: a two-character name running into an everyday word is part of other words.
        if (straddlesEverydayWord(text, hit.start, hit.end)) continue;
        // 天河石 / 太湖石 / 寿山石: a stone named after a place is a stone (a word of its own: punctuation or a
        // particle after it; 太湖|石头, 天河|石牌 stay places).
        if (codeAt(text, hit.end) === STONE && (!isHanCode(codeAt(text, hit.end + 1)) || NOT_TOPONYM_CODE[text.charCodeAt(hit.end + 1)] === 1)) continue;
        // 马里|奥: a two-character transliterated place that runs on into a longer transliteration (a person's name:
        // the next character goes with its last one, 里奥) is not the place. A word after it (伦敦|奥运) or a
        // character that merely follows (丹麦|比, 纽约|法拉盛) leaves it alone.
        if (hit.end - hit.start === 2 && TRANSLIT[text.charCodeAt(hit.start)] === 1 && TRANSLIT[text.charCodeAt(hit.start + 1)] === 1 && tableAt(TRANSLIT, text, hit.end) === 1 && tableAt(TRANSLIT, text, hit.start - 1) !== 1) {
          const m = zhCharModel();
          if (m.pmi(text.charCodeAt(hit.end - 1), text.charCodeAt(hit.end)) > 1 && m.pmi(text.charCodeAt(hit.end), codeAt(text, hit.end + 1)) <= 2) continue;
        }
        // 卡|西欧|手表, 施|华|洛世奇: a two-character transliterated place right after another transliteration character
        // ends a longer foreign word (a brand, a person), not the place — unless that character closes a listed place
        // itself (俄罗斯|西欧: two places in a row), nor for 古 / 新 / a direction before it (古罗马, 新西兰 are Rome and a country).
        if (hit.end - hit.start === 2 && TRANSLIT[text.charCodeAt(hit.start)] === 1 && TRANSLIT[text.charCodeAt(hit.start + 1)] === 1 && tableAt(TRANSLIT, text, hit.start - 1) === 1 && !PLACE_PREFIX.has(codeAt(text, hit.start - 1)) && !placeEndsAt(text, hit.start)) continue;
        // Keep the administrative suffix with the name (北京市, 海淀区), but not a suffix character that opens a word
        // with the next one (欧洲|市场, 华东|区域).
        let end = PLACE_SUFFIX_CODE.has(codeAt(text, hit.end)) && !SUFFIX_OPENS_WORD.has(pairKey(text.charCodeAt(hit.end), codeAt(text, hit.end + 1))) ? hit.end + 1 : hit.end;
        // A known place before a generic place word names a smaller place: 长江|大桥, 朝阳|公园, 南京|东路.
        const generic = genericWordAt(text, end);
        end += generic;
        // A long listed name standing on its own is no accident of characters (珠穆朗玛峰, 地中海): it outranks a
        // shorter reading inside it (穆朗玛 after the surname 穆, the brand 中海). With an administrative suffix it is
        // usually one link of an address chain (河南省驻马店市…), which the address recognizer scores.
        // A listed place before a generic place word (天安门|广场, 长江|大桥) outranks the generic reading that would
        // take only its last characters (安门|广场).
        const length = end === hit.end ? hit.end - hit.start : 2;
        const score = generic > 0 ? 0.7 : length >= 4 ? 0.7 : length === 3 ? 0.65 : 0.6;
        out.push({ type: 'LOCATION', start: hit.start, end, score, validator: 'zh-gazetteer', contextApplied: true });
      }
      genericPlaceNames(text, facts, out);
      countyNames(text, facts, out);
    }
    if (facts.hasUpper) {
      for (const hit of enPlaces.find(text)) {
        // After a title (Ms. Austin, Mr. Washington, Dr. Florence) a place's name is a person's surname.
        if (titleBefore(text, hit.start)) continue;
        out.push({ type: 'LOCATION', start: hit.start, end: hit.end, score: 0.6, validator: 'en-gazetteer', contextApplied: true });
      }
      cuedEnglishPlaces(text, out);
    }
    return out;
  },
};
