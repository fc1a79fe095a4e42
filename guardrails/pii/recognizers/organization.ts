import { EN_KNOWN_ORGS, EN_ORG_SUFFIXES, ZH_KNOWN_ORGS, ZH_ORG_ACCOUNT_CUES, ZH_ORG_SHORT_SUFFIXES, ZH_ORG_SUFFIXES, ZH_PRODUCT_WORDS_AFTER_BRAND } from '../dictionaries/organizations.js';
import { ZH_COUNTRIES, ZH_PLACES, ZH_PREFECTURES } from '../dictionaries/places.js';
import { insideWord, zhCharModel } from '../zh/char-model.js';
import { straddlesEverydayWord } from '../zh/everyday-words.js';
import { PairMatcher } from '../zh/pair-matcher.js';
import { hitsIn } from '../zh/scan.js';
import { codeAt, type Candidate, type Recognizer, type TextFacts } from '../types.js';
import { CodeBuckets } from '../zh/code-buckets.js';
import { DictionaryMatcher, type DictionaryHit } from './dictionary-matcher.js';

/**
 * Organisations. English: a capitalised word that is a legal form / institution word (Inc, LLC, Systems,
 * University …) extended left over up to four capitalised words (`of`, `and`, `&` may join them), or
 * `University of X` forms, or a gazetteer name. Chinese: a suffix (有限公司, 银行, 大学 …) extended left over
 * up to 12 name characters, or a gazetteer name. All linear scans (no regex alternation over the lists).
 */
export const SUFFIX_SET = new Set(EN_ORG_SUFFIXES.map((s) => s.replace(/\.$/, '')));
export const OF_HEADS = new Set(['University', 'Bank', 'Ministry', 'Department', 'Institute', 'College', 'Museum', 'Church', 'Council', 'Board', 'Office']);
/**
 * Capitalised tokens only (ASCII + Latin-1 letters): the only places an organisation can end or start. A token is
 * what `/[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u024f'’&\-.]*\/g` matches (leftmost start, greedy), found by a loop over
 * the codes that hashes each token as it goes: only a token whose hash is that of a suffix (with or without a
 * trailing dot) or of an OF_HEADS word becomes a string — most are names and sentence starts, and each used to
 * cost a match object and a string.
 */
const isTokenStart = (c: number) => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde);
const isTokenPart = (c: number) =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f) || c === 39 || c === 0x2019 || c === 38 || c === 45 || c === 46;
// 2166136261 as a signed 32-bit value: the same hashes (the first step applies ToInt32 anyway), but a small integer, so the
// hash variables never start as a heap number (the tagger and the organisation scan allocated one per character).
const FNV_START = 2166136261 | 0;
const fnv = (h: number, code: number) => Math.imul(h ^ code, 16777619);
/** FNV-1a of a string's codes, cut to 30 bits (a small integer: Set lookups without boxing). */
function tokenHash(word: string): number {
  let h = FNV_START;
  for (let i = 0; i < word.length; i++) h = fnv(h, word.charCodeAt(i));
  return h & 0x3fffffff;
}
/** Up to four capitalised words (joined by of / and / & / the) right before a suffix; anchored at the end. */
const NAME_BEFORE = /(?:^|[^A-Za-z\u00c0-\u024f'’&\-])((?:[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u024f'’&\-]*(?: (?:of|and|&|the|for|de))? ){1,4}),? ?$/;
const NAME_AFTER_OF = /^ of(?: the)?((?: [A-Z\u00c0-\u00de][A-Za-z\u00c0-\u024f'’\-]*){1,4})/;

/** Hashes of every token englishOrgs acts on: a suffix, a suffix + '.', an OF_HEADS word (collisions only cost a string). */
const ACTED_ON = new Set([...SUFFIX_SET, ...[...SUFFIX_SET].map((w) => `${w}.`), ...OF_HEADS].map(tokenHash));

/**
 * isTokenStart as a regex. In a long text with Chinese in it, where capitals are few and far apart, V8 finds the
 * next token start faster than the loop's charCodeAt per character (speed-check ab on the Chinese 8 KB documents:
 * whole detector 0.965); on short rows one regex call costs more than the loop, and in Latin text, with a capital
 * every few words, the two are even or the loop wins (all documents 1.017 without the Chinese condition).
 */
const TOKEN_START = /[A-Z\u00c0-\u00de]/g;
const SKIP_BY_REGEX = 512;

function englishOrgs(text: string, hasCjk: boolean, push: (s: number, e: number, score: number, v: string) => void): void {
  const n = text.length;
  const skipByRegex = hasCjk && n >= SKIP_BY_REGEX;
  let i = 0;
  while (i < n) {
    if (!isTokenStart(text.charCodeAt(i))) {
      if (!skipByRegex) {
        i++;
        continue;
      }
      TOKEN_START.lastIndex = i + 1;
      if (!TOKEN_START.test(text)) break;
      i = TOKEN_START.lastIndex - 1;
    }
    const start = i;
    let h = FNV_START;
    do h = fnv(h, text.charCodeAt(i++));
    while (i < n && isTokenPart(text.charCodeAt(i)));
    if (!ACTED_ON.has(h & 0x3fffffff)) continue;
    const raw = text.slice(start, i);
    const bare = raw.endsWith('.') ? raw.slice(0, -1) : raw;
    let matched = false;
    if (SUFFIX_SET.has(bare) || SUFFIX_SET.has(raw)) {
      const before = NAME_BEFORE.exec(text.slice(Math.max(0, start - 80), start));
      const words = before ? before[1]!.trim().split(' ') : [];
      matched = before !== null && !words.every((w) => SUFFIX_SET.has(w));
    }
    if (matched) {
      const before = NAME_BEFORE.exec(text.slice(Math.max(0, start - 80), start))!;
      const end = start + (SUFFIX_SET.has(raw) ? raw.length : bare.length);
      const sliceStart = Math.max(0, start - 80);
      push(sliceStart + before.index + before[0].indexOf(before[1]!), end, 0.7, 'en-org-suffix');
    } else if (OF_HEADS.has(raw)) {
      // University of Oxford, Bank of China
      const after = NAME_AFTER_OF.exec(text.slice(start + raw.length, start + raw.length + 80));
      if (after) push(start, start + raw.length + after[0].length, 0.7, 'en-org-of');
    }
  }
}

// @ # / _ | end a name too: an organisation never spans a mention, a hashtag mark or a repost marker (//@).
const ZH_STOP = new Set('的是在我你他她到于从和与及或也都就请把给了被让对向么候去问们以前特这那哪些个送，。、；：！？“”‘’（）()《》【】「」『』 \n\t,.;:!?"\'@#/_|-—~～'.split(''));
const isNameChar = (ch: string) => !ZH_STOP.has(ch) && !/[\d\s]/.test(ch);
/** isNameChar by UTF-16 code, memoised (0 untested, 1 no, 2 yes): the backward scans build no one-character strings. */
const NAME_CHAR = new Uint8Array(65536);
/** Only for positions inside the text (a code past its ends, NaN, reads as no name character). */
function isNameCode(code: number): boolean {
  let known = NAME_CHAR[code];
  if (known === 0) known = NAME_CHAR[code] = isNameChar(String.fromCharCode(code)) ? 2 : 1;
  return known === 2;
}
const zhSuffixes = new DictionaryMatcher([...ZH_ORG_SUFFIXES, ...ZH_ORG_SHORT_SUFFIXES]);
const SHORT_SUFFIX = new Set(ZH_ORG_SHORT_SUFFIXES);
const LONG_SUFFIX = new Set(ZH_ORG_SUFFIXES);
const enKnown = new DictionaryMatcher(EN_KNOWN_ORGS, 'word');
/** 网站 / 网友 / 网上 / 网页 / 网球 …: 网 starting a word is no suffix. */
const NOT_AFTER_WANG = new Set('站友上页民购店络址吧名速费银点厅游球'.split(''));
/** 上网 / 联网 / 落网 / 互联网 / 渔网 / 全网: 网 closing a word with a verb, a material or 全 "whole" is no suffix (上 and 全 are too frequent for the statistics to say so). */
const NOT_BEFORE_WANG = new Set('上联入触落结撒渔蛛球电互铁拉全'.split(''));
const PLACE_SET = new Set([...ZH_PLACES, ...ZH_PREFECTURES, ...ZH_COUNTRIES]);
/** The first and the last UTF-16 code of each PLACE_SET name: a span whose edge codes are not both such codes is no place (no slice, no Set lookup). */
const PLACE_FIRST = new Uint8Array(65536);
const PLACE_LAST = new Uint8Array(65536);
for (const p of PLACE_SET) {
  PLACE_FIRST[p.charCodeAt(0)] = 1;
  PLACE_LAST[p.charCodeAt(p.length - 1)] = 1;
}
const ADMIN_AFTER_PLACE = new Set('省市区县'.split(''));
/**
 * Where a place name opens an organisation's name (南京市|动物救助驿站, 上海|某某地产, 宁波|晚报), the end of
 * that place; else `start`. The place stays a LOCATION of its own (the location recognizer finds it) and the
 * organisation starts after it, when at least two name characters remain before the suffix (浙江大学,
 * 中华航空 stay whole). Not for registered legal names (杭州阿里巴巴网络技术有限公司): the city is part of them.
 */
const LEGAL_FORM = /有限|股份/;
/** Verbs that often stand right before an organisation's name and are not part of it (关注白鹭文具, 加入青禾会). */
const LEADING_VERBS = ['关注', '加入', '参加', '来自', '感谢', '支持', '欢迎', '推荐', '选择', '访问', '下载', '使用', '购买', '入职', '就读', '毕业于',
  // Verbs and prepositions of acquiring, moving and citing (收购某某时报公司, 送往某某医院, 据美国某大学研究所; 往 after 送, a stop character).
  '收购', '据', '送往', '往', '前往', '来到', '位于', '接受', '获得', '入住', '携手', '起诉'];
/** Time and determiner words describe an organisation rather than name it (明天公司, 新一届政府, 这家酒店, 国内公司). */
const DESCRIPTORS = ['明天', '今天', '昨天', '新一届', '上一届', '全新', '这家', '那家', '一家', '这个', '那个', '整个', '所有', '我们', '你们', '他们', '自己', '国内', '国外', '本地', '当地', '附近', '主题',
  // Judgements and kinds (垃圾公司, 黑心医院, 野鸡大学, 知名企业, 上市公司): adjectives, not names.
  '垃圾', '黑心', '无良', '二逼', '傻逼', '奇葩', '良心', '知名', '著名', '大型', '小型', '中型', '外企', '私企', '上市', '跨国', '一流', '二流', '三流', '野鸡', '皮包', '正规', '靠谱',
  // Star ratings describe a hotel (圣诞节四星级酒店), they name none.
  '星级', '三星级', '四星级', '五星级'];
/** True when the name part before the suffix is a descriptor, alone or after other words (全新国产|公司). */
function describedOnly(text: string, start: number, suffixStart: number): boolean {
  // (Only the descriptors ending in the character before the suffix can end there.)
  const ending = DESCRIPTORS_BY_LAST.of(codeAt(text, suffixStart - 1));
  for (let k = 0; k < ending.length; k++) {
    const d = ending[k]!;
    if (suffixStart - d.length >= start && text.startsWith(d, suffixStart - d.length)) return true;
  }
  return false;
}
const DESCRIPTORS_BY_LAST = new CodeBuckets(DESCRIPTORS, 'last');
const MODAL_BEFORE = new Set('要会能想得去可该没已'.split(''));
/** LEADING_VERBS by first character (in list order: the first verb of the list that starts at a position). */
const LEADING_VERBS_BY_FIRST = new CodeBuckets(LEADING_VERBS, 'first');
function afterLeadingVerb(text: string, start: number, suffixStart: number): number {
  const atStart = LEADING_VERBS_BY_FIRST.of(codeAt(text, start));
  for (let j = 0; j < atStart.length; j++) {
    const v = atStart[j]!;
    if (text.startsWith(v, start) && suffixStart - start - v.length >= 1) return start + v.length;
  }
  // Further in (宣布|收购|某某时报公司): a two-character verb with at least two name characters after it.
  for (let k = suffixStart - 4; k > start; k--) {
    const atK = LEADING_VERBS_BY_FIRST.of(codeAt(text, k));
    for (let j = 0; j < atK.length; j++) {
      const v = atK[j]!;
      if (v.length >= 2 && text.startsWith(v, k) && suffixStart - k - v.length >= 2) return k + v.length;
    }
  }
  return start;
}
function afterLeadingPlace(text: string, start: number, suffixStart: number, end: number): number {
  if (LEGAL_FORM.test(text.slice(suffixStart, end))) return start;
  // Province, then city (广西|南宁市|友爱医院): each place in turn stays a place of its own.
  // (Not when only a common word would remain: 北京|江苏大厦酒店 keeps 江苏, 大厦 names no hotel.)
  for (let guard = 0; guard < 3; guard++) {
    const next = leadingPlaceEnd(text, start, suffixStart);
    if (next === start || (guard > 0 && suffixStart - next === 2 && commonWord(text.charCodeAt(next), text.charCodeAt(next + 1)))) break;
    start = next;
  }
  return start;
}
/** Two characters that form a common word: a strong pair, or a frequent one even between frequent characters (足球). */
function commonWord(a: number, b: number): boolean {
  const m = zhCharModel();
  return m.pmi(a, b) > 3 || m.pairCount(a, b) >= 12;
}
function leadingPlaceEnd(text: string, start: number, suffixStart: number): number {
  if (PLACE_FIRST[text.charCodeAt(start)] !== 1) return start;
  for (let len = Math.min(5, suffixStart - start - 2); len >= 2; len--) {
    if (PLACE_LAST[text.charCodeAt(start + len - 1)] !== 1 || !PLACE_SET.has(text.slice(start, start + len))) continue;
    let end = start + len;
    if (ADMIN_AFTER_PLACE.has(text[end]!) && suffixStart - end - 1 >= 2) end++;
    return end;
  }
  return start;
}
/** The start of a place name (2–4 characters) ending right at `end` and not before `floor`; else `end`. */
function placeEndingAt(text: string, end: number, floor: number): number {
  if (end - 2 < floor || PLACE_LAST[text.charCodeAt(end - 1)] !== 1) return end;
  for (let len = 4; len >= 2; len--) if (end - len >= floor && PLACE_FIRST[text.charCodeAt(end - len)] === 1 && PLACE_SET.has(text.slice(end - len, end))) return end - len;
  return end;
}
/**
 * 和 "and" stops the backward scan, except where it closes a word with the character before it: 协和医院,
 * 共和国, 温和 (background character statistics).
 */
const HE = '和'.charCodeAt(0);
function wordWithHe(text: string, at: number, floor: number, model: ReturnType<typeof zhCharModel>): boolean {
  return text.charCodeAt(at) === HE && at - 1 >= floor && isNameCode(text.charCodeAt(at - 1)) && model.pmi(text.charCodeAt(at - 1), HE) > 2;
}
// (Indexed by character pairs: every entry has two characters or more.)
const zhKnown = new PairMatcher(ZH_KNOWN_ORGS);
/** First characters of the long suffixes (a gazetteer name is rarely followed by one: one Set lookup settles it). */
const SUFFIX_FIRST = new Set(ZH_ORG_SUFFIXES.map((x) => x.charCodeAt(0)));
const accountCues = new DictionaryMatcher(ZH_ORG_ACCOUNT_CUES);
/** First characters of ZH_PRODUCT_WORDS_AFTER_BRAND: one Set lookup after a gazetteer hit. */
const PRODUCT_FIRST = new Set(ZH_PRODUCT_WORDS_AFTER_BRAND.map((x) => x.charCodeAt(0)));
/** A product or service word right after `end` (淘宝|女装, 百度|贴吧): the brand names the product there. */
const productWordAt = (text: string, end: number) => PRODUCT_FIRST.has(text.charCodeAt(end)) && ZH_PRODUCT_WORDS_AFTER_BRAND.some((x) => text.startsWith(x, end));

function chineseOrgs(text: string, facts: TextFacts, push: (s: number, e: number, score: number, v: string) => void): void {
  // [start, end, suffix start, score in hundredths]: integers only. With the score itself (0.4 …) the array held
  // doubles, so its offsets were read back as heap numbers, and the first such end stored in a candidate turned
  // the candidates' shared start/end fields (every recognizer's) from small integers into boxed doubles for
  // the rest of the process (a map deprecation: the code optimised before it deoptimised again and again).
  const found: Array<[number, number, number, number]> = [];
  const model = zhCharModel();
  for (const hit of hitsIn(zhSuffixes, text, facts)) {
    const previous = found[found.length - 1];
    const floor = previous ? previous[1] : 0;
    let s = hit.start;
    while (s > floor && hit.start - s < 12 && (isNameCode(text.charCodeAt(s - 1)) || wordWithHe(text, s - 1, floor, model))) s--;
    // A stop character can end a place name (成都, 首都): the place then still opens the name.
    s = placeEndingAt(text, s, floor);
    const short = SHORT_SUFFIX.has(hit.entry) && !LONG_SUFFIX.has(hit.entry);
    // 上网 / 全部 / 结局: a one-character suffix that forms a word with the character before it is no suffix.
    if (short && (hit.start - s < 2 || NOT_AFTER_WANG.has(text[hit.end]!) || NOT_BEFORE_WANG.has(text[hit.start - 1]!) || model.pmi(text.charCodeAt(hit.start - 1), text.charCodeAt(hit.start)) > 2)) continue;
    // 网络 + 技术有限公司: a suffix continuing the previous organisation extends it.
    if (previous && s === floor && hit.start - s < 12) previous[1] = hit.end;
    else if (hit.start - s >= 2) {
      // 普通公司 / 一般公司 / 土豪公司: a two-character common word before the suffix is a description, not a name.
      // (A place name is no description: 武汉学院.)
      const described = !short && hit.start - s === 2 && model.pmi(text.charCodeAt(s), text.charCodeAt(s + 1)) > 3 && !PLACE_SET.has(text.slice(s, s + 2));
      found.push([s, hit.end, hit.start, described ? 40 : short ? 60 : 70]);
    }
  }
  for (const [s, e, suffixStart, hundredths] of found) {
    // (40 / 100 is the double 0.4 exactly as the literal was: division rounds correctly.)
    const score = hundredths / 100;
    const start = afterLeadingVerb(text, s, suffixStart);
    // 要学会 / 能学会: 学会 "learn" after a modal verb is no society.
    if (text.startsWith('学会', suffixStart) && MODAL_BEFORE.has(text[suffixStart - 1]!)) continue;
    if (describedOnly(text, start, suffixStart)) continue;
    if (suffixStart - start >= 2 || start === s) push(afterLeadingPlace(text, start, suffixStart, e), e, score, 'zh-org-suffix');
  }
  // 白鹭文具官方微博: the two to six name characters before an account word (the word itself is not part of
  // the name; a leading 关注 "follow" is not either).
  for (const hit of hitsIn(accountCues, text, facts)) {
    let s = hit.start;
    while (s > 0 && hit.start - s < 6 && isNameCode(text.charCodeAt(s - 1))) s--;
    s = afterLeadingVerb(text, s, hit.start);
    if (hit.start - s >= 2 && !(s > 0 && isNameCode(text.charCodeAt(s - 1)) && hit.start - s === 6)) push(afterLeadingPlace(text, s, hit.start, hit.start), hit.start, 0.6, 'zh-org-account');
  }
}

/** A listed name that is a word of its own here: not inside a longer word, not across an everyday word's seam. */
const listedNameStands = (text: string, hit: DictionaryHit) => !insideWord(text, hit.start, hit.end) && !straddlesEverydayWord(text, hit.start, hit.end);

/**
 * The listed names the person recognizer must not read as a name (from the detector's shared dictionary walk: no
 * scan of its own):
 * - brands right before a product or service word (西门子|软件, 欧莱雅|产品, 百度|贴吧): the product is meant there,
 *   so the organisation scan reports nothing, and no reading overlapping them is a person either (西门 is a
 *   compound surname, 欧 a surname: 西门子 and 欧莱雅 were PERSON there); `productBrand` is true for these;
 * - listed names of three characters or more, which the organisation scan reports: a reading of exactly that span
 *   (周 + 大福 0.95 over the listed 0.75) or inside it (施华洛 in 施华洛世奇) is the organisation (`long`);
 * - any listed name a reading starts with and runs past (高通|骁龙, 柯达|胶卷): a brand and its product.
 */
export function listedNamesNotPeople(text: string, facts: TextFacts): Array<DictionaryHit & { productBrand: boolean; long: boolean }> {
  const out: Array<DictionaryHit & { productBrand: boolean; long: boolean }> = [];
  for (const hit of hitsIn(zhKnown, text, facts)) {
    // (Every listed name standing as a word: a reading that starts with a two-character brand and runs past it,
    // 高通|骁, is no person either.)
    if (listedNameStands(text, hit)) out.push({ ...hit, productBrand: productWordAt(text, hit.end), long: hit.end - hit.start >= 3 });
  }
  return out;
}

/** Module-level: a named closure per text costs a defineProperty call under tsx (keepNames). */
function pushTo(out: Candidate[]) {
  return (start: number, end: number, score: number, validator: string) => out.push({ type: 'ORGANIZATION', start, end, score, validator, contextApplied: true });
}

export const organizationRecognizer: Recognizer = {
  name: 'organization',
  requires: { names: true },
  entityTypes: ['ORGANIZATION'],
  recognize(text, facts) {
    const out: Candidate[] = [];
    const push = pushTo(out);
    if (facts.hasUpper) {
      englishOrgs(text, facts.hasCjk, push);
      for (const hit of enKnown.find(text)) push(hit.start, hit.end, 0.65, 'en-org-gazetteer');
    }
    if (facts.hasCjk) {
      chineseOrgs(text, facts, push);
      // A listed name of three characters or more is no accident of characters: it outranks a name-shaped reading
      // (欧|莱雅) and a suffix match run on over the words before it (觉得|浙江大学), and a legal or group suffix
      // right after it stays with it (亚马逊公司) — unless a registered name with a legal form runs on past it
      // (杭州阿里巴巴网络技术有限公司): the listed name is part of that one.
      const suffixMatches = out.length;
      for (const hit of hitsIn(zhKnown, text, facts)) {
        if (!listedNameStands(text, hit)) continue;
        // A brand before a product or service word names the product (百度贴吧, 淘宝女装, 京东券), no organisation.
        if (productWordAt(text, hit.end)) continue;
        let long = hit.end - hit.start >= 3;
        for (let k = 0; k < suffixMatches && long; k++) if (out[k]!.start <= hit.start && out[k]!.end > hit.end && LEGAL_FORM.test(text.slice(hit.end, out[k]!.end))) long = false;
        const suffix = long && SUFFIX_FIRST.has(text.charCodeAt(hit.end)) ? ZH_ORG_SUFFIXES.find((x) => text.startsWith(x, hit.end)) : undefined;
        push(hit.start, hit.end + (suffix?.length ?? 0), long ? 0.75 : 0.65, 'zh-org-gazetteer');
      }
    }
    return out;
  },
};
