/**
 * Context words, English and Chinese, that raise (or lower) a candidate's score when they appear near it:
 * `身份证号 110101…` is an ID, `订单号 110101…` is not. Presidio's LemmaContextAwareEnhancer is the model,
 * with a plain substring check over a small window (Chinese has no word boundaries, and it is fast).
 */
import type { Candidate, EntityType } from './types.js';
import { addCode, hasCode, newCodeSet } from '../core/code-set.js';
import { foldTraditional, foldTraditionalCode } from '../core/traditional.js';

export interface ContextWords {
  positive?: readonly string[];
  negative?: readonly string[];
}

/** Words that say "this number is not personal data" for any numeric identifier. */
const NUMERIC_NEGATIVE = [
  'order', 'tracking', 'invoice', 'sku', 'version', 'build', 'timestamp', 'serial', 'ticket', 'transaction id',
  'isbn', 'commit', 'release', 'v1.', 'v2.',
  // Log and tracing ids (trace_id=…, x-request-id: …, 请求ID …): random digit runs, some Luhn-valid by chance.
  'trace', 'span_id', 'span id', 'spanid', 'request id', 'request_id', 'request-id', 'requestid', 'req_id', 'correlation',
  'log id', 'log_id', 'logid', 'msg_id', 'message id', 'message_id', 'session id', 'session_id', 'event id', 'event_id', 'uuid',
  'nonce', 'txid', 'txn id', 'txn_id',
  '订单', '单号', '快递', '运单', '物流', '发票', '流水号', '版本', '时间戳', '工单', '批次', '序列号', '型号', '编码',
  '请求id', '请求号', '日志', '追踪', '跟踪号', '链路', '会话id', '消息id',
];

/**
 * NUMERIC_NEGATIVE plus traditional-script forms and product words, for the Hong Kong, Macau and Taiwan
 * identifiers: their letter + digits shapes are also what product codes and order numbers look like, and
 * texts from those regions are written in traditional characters.
 */
const REGIONAL_NEGATIVE = [...NUMERIC_NEGATIVE, 'product', 'model', 'part no', 'sku', '訂單', '單號', '運單', '發票', '版本號',
  '時間戳', '工單', '序列號', '型號', '編碼', '產品', '产品', '貨號', '货号', '商品'];

/**
 * The words that name each mainland travel permit (cn-travel-permit.ts): the bare-digit and C / L forms are only
 * proposed next to their own permit's words; together (and with generic permit words) they are CN_TRAVEL_PERMIT's
 * positive context.
 */
export const TRAVEL_PERMIT_WORDS = {
  homeReturn: ['回乡证', '回鄉證', '港澳居民来往内地', '港澳居民來往內地', 'home return permit', 'home visit permit', '通行证', '通行證'],
  taiwanResident: ['台胞证', '台胞證', '臺胞證', '台湾居民来往大陆', '台灣居民來往大陸', '臺灣居民來往大陸', 'taiwan compatriot'],
  exitEntry: ['港澳通行证', '港澳通行證', '往来港澳', '往來港澳', '双程证', '雙程證', 'exit-entry permit', 'two-way permit', '通行证', '通行證'],
  toTaiwan: ['往来台湾', '往來台灣', '往來臺灣', '赴台', '台湾通行证', '台灣通行證', '通行证', '通行證'],
} as const satisfies Record<string, readonly string[]>;

/** Phone words as Hong Kong, Macau and Taiwan write them (traditional script; 市話 landline, 手提 mobile in HK). */
const TRADITIONAL_PHONE_WORDS = ['電話', '手機', '聯絡', '聯繫', '致電', '來電', '傳真', '撥打', '市話', '手提'];

/**
 * Where a local number without its country code is a Hong Kong, Macau or Taiwan one (hk-mo-tw-phone.ts): the
 * places' names, and the traditional-script phone words. Not context of any type (a place name makes no number a
 * phone), so the context matcher indexes them on their own.
 */
export const HK_MO_TW_PHONE_GATE = ['香港', '港澳', '九龍', '九龙', '澳門', '澳门', '台灣', '台湾', '臺灣', '台北', '臺北', 'hong kong', 'hk',
  'macau', 'macao', 'taiwan', 'taipei', ...TRADITIONAL_PHONE_WORDS];

/**
 * Messaging apps people give their phone number for (a WhatsApp, WeChat, LINE, Telegram, Signal or Viber account is
 * a phone number): phone context, and a gate of the local-number recognizer (hk-mo-tw-phone.ts) without a place
 * word. LINE only as `line id` / `line app` / `加line`: the bare word is every log's `line 123`.
 */
export const MESSAGING_APP_WORDS = ['whatsapp', 'wechat', 'weixin', '微信', 'telegram', 'signal', 'viber', 'line id', 'line app', '加line'];

export const DEFAULT_CONTEXT: Partial<Record<EntityType, ContextWords>> = {
  PHONE_NUMBER: {
    positive: ['phone', 'mobile', 'cell', 'tel', 'call', 'contact', 'fax', ...MESSAGING_APP_WORDS, 'text me', 'office', 'desk',
      'reach me', 'messages to', 'answering at', 'dial',
      '手机', '电话', '联系', '致电', '手机号', '来电', '座机', '传真', '拨打', ...TRADITIONAL_PHONE_WORDS],
    negative: NUMERIC_NEGATIVE,
  },
  CREDIT_CARD: {
    positive: ['card', 'credit', 'debit', 'visa', 'mastercard', 'amex', 'unionpay', 'payment', 'cvv', 'expir',
      '卡号', '银行卡', '信用卡', '储蓄卡', '借记卡', '银联', '刷卡', '付款', '支付'],
    negative: NUMERIC_NEGATIVE,
  },
  BANK_ACCOUNT: {
    positive: ['account', 'acct', 'a/c', 'bank', 'routing', 'deposit', 'wire', 'transfer', 'beneficiary',
      '账号', '帐号', '账户', '帐户', '银行卡', '卡号', '开户', '汇款', '转账', '收款'],
    negative: NUMERIC_NEGATIVE,
  },
  IBAN_CODE: { positive: ['iban', 'bank', 'account', 'transfer', 'sepa', '账户', '汇款'] },
  CN_RESIDENT_ID: {
    positive: ['身份证', '证件', '公民身份', '身份号', 'id card', 'id number', 'identity', 'resident id', 'citizen id'],
    negative: NUMERIC_NEGATIVE,
  },
  CN_USCC: { positive: ['信用代码', '统一社会', '营业执照', '税号', '纳税人识别号', 'credit code', 'uscc', 'business license'] },
  PASSPORT: {
    positive: ['passport', 'travel document', '护照', '通行证', '旅行证件', '证件号'],
    negative: NUMERIC_NEGATIVE,
  },
  US_SSN: {
    positive: ['ssn', 'social security', 'social sec', 'taxpayer', 'tin', '社会安全号', '社保号'],
    negative: NUMERIC_NEGATIVE,
  },
  IP_ADDRESS: { positive: ['ip', 'address', 'host', 'server', 'client', 'login from', '地址', '登录'], negative: ['version', '版本', 'v'] },
  MAC_ADDRESS: { positive: ['mac', 'device', 'wifi', 'ethernet', '设备', '网卡'] },
  CN_LICENSE_PLATE: { positive: ['车牌', '牌照', '车辆', '号牌', 'plate', 'license plate'] },
  HK_ID_CARD: {
    positive: ['hkid', 'hong kong id', 'hk id', 'identity card', 'id card', 'id no', 'id number', '身份证', '身份證', '身分證', '證件', '证件',
      '香港身份', '智能身份'],
    negative: REGIONAL_NEGATIVE,
  },
  TW_NATIONAL_ID: {
    // The ID words, and Taiwan cues (the bare letter + 9 digits needs one of them: tw-national-id.ts).
    positive: ['national id', 'taiwan id', 'roc id', 'id card', 'id no', 'id number', 'resident certificate', 'arc', 'ui no',
      '身分證', '身份證', '身分证', '身份证', '統一證號', '统一证号', '統一編號', '居留證', '居留证', '國民身分', '證件', '证件',
      'taiwan', 'taipei', 'kaohsiung', 'taichung', 'tainan', 'r.o.c', '中華民國', '台灣', '臺灣', '台湾', '台北', '臺北', '新北',
      '桃園', '台中', '臺中', '台南', '臺南', '高雄'],
    negative: REGIONAL_NEGATIVE,
  },
  MO_RESIDENT_ID: {
    positive: ['bir', 'macau id', 'macao id', 'macau resident', 'macao resident', 'identity card', 'id card', 'id no', 'id number',
      '澳門身份證', '澳门身份证', '澳門居民', '澳门居民', '身份證', '身份证', '身分證', '證件', '证件'],
    negative: REGIONAL_NEGATIVE,
  },
  CN_TRAVEL_PERMIT: {
    positive: [...new Set([...Object.values(TRAVEL_PERMIT_WORDS).flat(), 'travel permit', 'mainland travel permit', 'permit no', '证件', '證件'])],
    negative: REGIONAL_NEGATIVE,
  },
  DATE_OF_BIRTH: {
    positive: ['born', 'birth', 'dob', 'd.o.b', 'birthday', 'age', '出生', '生日', '出生日期', '生于', '诞辰'],
  },
  PERSON: {
    positive: ['name', 'mr', 'mrs', 'ms', 'dr', 'dear', 'customer', 'patient', 'contact', 'signed', 'from:', 'to:',
      '姓名', '名字', '我叫', '叫做', '名叫', '客户', '联系人', '收件人', '患者', '先生', '女士', '小姐', '老师', '经理', '同学', '医生', '用户'],
  },
  ADDRESS: {
    positive: ['address', 'live at', 'lives at', 'located at', 'ship to', 'deliver', 'residence', 'street',
      '地址', '住址', '住在', '家住', '寄到', '送到', '收货', '居住', '位于', '户籍'],
  },
};

/** How far before a span's start, and after its end, a context word counts (characters). */
export const BEFORE = 32;

/**
 * Index (into the flat start/end pairs of `occurrences`) of the first word occurrence that can reach a span starting
 * at `start`: a binary search, since words are < 64 characters, so a text of many numbers and words never rescans
 * every word per number.
 */
export function firstReachingOccurrence(occ: ArrayLike<number>, start: number): number {
  const from = start - BEFORE - 64;
  let lo = 0;
  let hi = occ.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (occ[mid * 2]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo * 2;
}

export const AFTER = 12;

export interface ContextScoring {
  boost: number;
  penalty: number;
}

const DEFAULT_SCORING: ContextScoring = { boost: 0.35, penalty: 0.4 };

const isAsciiWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);


/**
 * Where each context word list occurs in one text, found once per list and reused by every candidate of
 * that type (texts with many numbers would otherwise rescan the same words for each). ASCII words must sit
 * on word boundaries of the whole text.
 */
/**
 * All context words of a detector compiled into one alternation, so a text is scanned once for every word of
 * every list (200 separate `indexOf` scans cost ~4x more on long texts). After a match the scan resumes one
 * character later, so overlapping words are found too; words that are prefixes of a matched word (手机 in
 * 手机号) are recorded at the same position.
 */
const NON_ASCII = /[^\x00-\x7f]/;
/** From this length on, Latin text too is walked (see index()). */
const WALK_FROM = 1024;

export class ContextMatcher {
  /**
   * The first two character codes (pairKey) → words of 2+ characters starting with those two, longest first, and
   * the one-character words by code. On English text most letters start some word: checking only the words that
   * share the first two characters keeps a word start to ~1 `startsWith`, after one map read.
   */
  private readonly byPair = new Map<number, string[]>();
  private readonly singleWords = new Map<number, string[]>();
  /**
   * Bitsets over UTF-16 codes (8 KB each, so they stay in L1 next to the other recognizers' tables): where some
   * word starts with that code, and where a one-character word is that code. Most characters of a text are
   * ruled out by one read.
   */
  private readonly starts = newCodeSet();
  /**
   * `starts` over the codes of the text before folding: also the Traditional characters whose Simplified form starts
   * some word. The walk tests this one and folds only where it holds, so the text is not folded (a copy, or a
   * whole-text read to find that nothing folds) before the walk.
   */
  private readonly rawStarts = newCodeSet();
  private readonly singles = newCodeSet();
  /**
   * Bitset: pairHash(first, second) of every word of 2+ characters. On Chinese text many common characters start
   * some word (我, 用, 地 …) but are rarely followed by that word's second character; one more read rules them
   * out before the map lookups.
   */
  private readonly pairs = newCodeSet();
  /** All words in one alternation (longest first), and the shorter words each is prefixed by: the short Latin-text scan. */
  private readonly regex: RegExp;
  private readonly prefixesOf = new Map<string, string[]>();
  /** Each word's id (its index in `lengths`), so a text's hits are filtered per list by one array read. */
  private readonly ids = new Map<string, number>();
  private readonly lengths: number[] = [];
  /** Per word list: 1 at the id of each of its words (built on first use; the detector's lists are fixed). */
  private readonly members = new Map<readonly string[], Uint8Array>();
  /** Per word list: its slot in a ContextIndex's per-text cache (assigned on first use). */
  private readonly slots = new Map<readonly string[], number>();

  constructor(lists: Partial<Record<EntityType, ContextWords>>) {
    const words = new Set<string>();
    for (const source of [DEFAULT_CONTEXT, lists]) {
      for (const entry of Object.values(source)) for (const w of [...(entry?.positive ?? []), ...(entry?.negative ?? [])]) words.add(wordKey(w));
    }
    for (const w of HK_MO_TW_PHONE_GATE) words.add(wordKey(w));
    const sorted = [...words].filter(Boolean).sort((a, b) => b.length - a.length);
    for (const w of sorted) {
      this.ids.set(w, this.lengths.length);
      this.lengths.push(w.length);
    }
    for (const w of sorted) {
      const prefixes = sorted.filter((o) => o !== w && w.startsWith(o));
      if (prefixes.length) this.prefixesOf.set(w, prefixes);
    }
    // Words starting with [a-z0-9] count only at a word start (accept), so they sit behind a lookbehind: V8 then
    // rejects a mid-word position at once instead of trying the alternation there (~2x faster on English text).
    // A position's candidates all share its first character, so they stay in one group, longest first.
    const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const atWordStart = sorted.filter((w) => isAsciiWordChar(w.charCodeAt(0))).map(escape);
    const anywhere = sorted.filter((w) => !isAsciiWordChar(w.charCodeAt(0))).map(escape);
    const groups = [...(atWordStart.length ? [`(?<![a-z0-9])(?:${atWordStart.join('|')})`] : []), ...(anywhere.length ? [anywhere.join('|')] : [])];
    this.regex = new RegExp(groups.length ? groups.join('|') : '(?!)', 'g');
    for (const w of sorted) {
      const c0 = w.charCodeAt(0);
      addCode(this.starts, c0);
      if (w.length === 1) {
        addCode(this.singles, c0);
        const list = this.singleWords.get(c0);
        if (list) list.push(w);
        else this.singleWords.set(c0, [w]);
      } else {
        addCode(this.pairs, pairHash(c0, w.charCodeAt(1)));
        const c1 = w.charCodeAt(1);
        const pairList = this.byPair.get(pairKey(c0, c1));
        if (pairList) pairList.push(w);
        else this.byPair.set(pairKey(c0, c1), [w]);
      }
    }
    // The walk reads the text as it is: a Traditional character starts a word where its Simplified form does.
    this.rawStarts.set(this.starts);
    for (let c = 0x3400; c <= 0x9fff; c++) if (foldTraditionalCode(c) !== c && hasCode(this.starts, foldTraditionalCode(c))) addCode(this.rawStarts, c);
  }

  /**
   * Finds every context word in the lower-cased text (ASCII words on word boundaries; Traditional Chinese characters
   * read as Simplified, in the words and the text, so 身份證 counts wherever 身份证 does): at each position every
   * word that occurs there, longest first (手机号 and 手机). Two equivalent scans, whichever is faster for the
   * text (`chinese`: the caller may pass what it already knows, and must pass true when the text holds a character of
   * U+3400–U+9FFF, which the walk folds; `walk` picks the scan, for tests): short Latin
   * text runs the regex alternation; Chinese text and long text walk the characters through the first-two-characters
   * index, an ASCII word tried only at a word start. In-process, alternating, the walk takes ~0.3 of the
   * alternation's time on the bench's Chinese records and 8 KB documents and ~0.65 on its English documents, but
   * ~1.35 on its English records.
   */
  index(text: string, chinese: boolean = NON_ASCII.test(text), walk: boolean = chinese || text.length >= WALK_FROM): ContextIndex {
    const hits: Hits = { starts: [], ids: [] };
    const ids = this.ids;
    if (!walk) {
      // Words and text alike read Traditional characters as Simplified (same length, so the offsets are the text's).
      const lower = foldTraditional(text);
      const regex = this.regex;
      regex.lastIndex = 0;
      for (let m = regex.exec(lower); m; m = regex.exec(lower)) {
        accept(lower, m.index, m[0], ids, hits);
        const prefixes = this.prefixesOf.get(m[0]);
        if (prefixes) for (const p of prefixes) accept(lower, m.index, p, ids, hits);
        regex.lastIndex = m.index + 1;
      }
      return new ContextIndex(hits, this);
    }
    // The walk folds as it reads (foldTraditionalCode where a word may start, startsWithFolded): the same hits as a
    // walk of foldTraditional(text), whose units are the text's folded one by one. accept() reads only ASCII word
    // characters around a hit, which folding leaves as they are. Text without CJK (`chinese` false: no character
    // in U+3400–U+9FFF, the folded range) is read as it is, with the native startsWith.
    const fold = chinese;
    const byPair = this.byPair;
    const singleWords = this.singleWords;
    const starts = this.rawStarts;
    const singles = this.singles;
    const pairs = this.pairs;
    const last = text.length - 1;
    // Whether the previous character is an ASCII word character: an ASCII word is only tried at a word start, and
    // in English stretches most characters are inside a word (one comparison instead of a bitset read).
    let previousWord = false;
    for (let i = 0; i <= last; i++) {
      const raw = text.charCodeAt(i);
      const word = isAsciiWordChar(raw);
      if (word && previousWord) continue;
      previousWord = word;
      if (!hasCode(starts, raw)) continue;
      const c = fold ? foldTraditionalCode(raw) : raw;
      const single = hasCode(singles, c);
      // No one-character word here, and no word starts with these two characters (or no second one): none.
      if (i < last) {
        const next = text.charCodeAt(i + 1);
        const c1 = fold ? foldTraditionalCode(next) : next;
        if (hasCode(pairs, pairHash(c, c1))) {
          const list = byPair.get(pairKey(c, c1));
          if (list !== undefined) for (let k = 0; k < list.length; k++) if (fold ? startsWithFolded(text, list[k]!, i) : text.startsWith(list[k]!, i)) accept(text, i, list[k]!, ids, hits);
        }
      }
      if (single) {
        const words = singleWords.get(c)!;
        for (let k = 0; k < words.length; k++) accept(text, i, words[k]!, ids, hits);
      }
    }
    return new ContextIndex(hits, this);
  }


  /** Membership of `words` by word id (words the matcher does not know can never be hit). */
  membersOf(words: readonly string[]): Uint8Array {
    let members = this.members.get(words);
    if (!members) {
      members = new Uint8Array(this.lengths.length);
      for (const w of words) {
        const id = this.ids.get(wordKey(w));
        if (id !== undefined) members[id] = 1;
      }
      this.members.set(words, members);
    }
    return members;
  }

  /** The cache slot of a word list (a small integer, the same for every text). */
  slotOf(words: readonly string[]): number {
    let slot = this.slots.get(words);
    if (slot === undefined) this.slots.set(words, (slot = this.slots.size));
    return slot;
  }

  /** Length of the word with this id. */
  lengthOf(id: number): number {
    return this.lengths[id]!;
  }
}

/** How a context word is looked up: lower-cased, Traditional characters folded to Simplified (電話 and 电话 are one word). */
const wordKey = (word: string): string => foldTraditional(word.toLowerCase());

/**
 * A word's first two UTF-16 codes as one small integer (below 2^30: a Smi, which a Map hashes fast; first * 0x10000
 * + second reached 2.7e9 for ideographs, a heap number). The top two bits of the first code are dropped: words of
 * two pairs that collide share a list, each word still checked by startsWith, and the words of one pair keep their
 * order (longest first) in it.
 */
const pairKey = (c0: number, c1: number) => ((c0 & 0x3fff) << 16) | c1;

/** Hash of a word's first two UTF-16 codes into 16 bits (collisions only cost a map lookup). */
const pairHash = (c0: number, c1: number) => (c0 * 31 + c1) & 0xffff;

/** `text` folded (foldTraditionalCode) starts with the folded `word` at `at`. */
function startsWithFolded(text: string, word: string, at: number): boolean {
  if (at + word.length > text.length) return false;
  for (let j = 0; j < word.length; j++) {
    const c = text.charCodeAt(at + j);
    // (A word's characters are folded already: a unit equal to one needs no folding.)
    if (c !== word.charCodeAt(j) && foldTraditionalCode(c) !== word.charCodeAt(j)) return false;
  }
  return true;
}

/** A text's hits: start offsets and word ids, in text order. */
interface Hits {
  starts: number[];
  ids: number[];
}

/** Keeps a context-word hit unless an ASCII word is glued to other letters (module-level: no closure per text). */
function accept(lower: string, start: number, word: string, ids: Map<string, number>, hits: Hits): void {
  if (isAsciiWordChar(word.charCodeAt(0))) {
    const before = start > 0 ? lower.charCodeAt(start - 1) : 32;
    const afterAt = start + word.length;
    const after = afterAt < lower.length ? lower.charCodeAt(afterAt) : 32;
    // Prefix words like `expir` may run on; the others need a clean right edge too.
    if (isAsciiWordChar(before) || (isAsciiWordChar(after) && word.length < 5)) return;
  }
  hits.starts.push(start);
  hits.ids.push(ids.get(word)!);
}

/** Where the context words of one text are; lists are filtered from the hits once and cached. */
export class ContextIndex {
  /** Occurrences per word list, by the matcher's slot of the list (an array rather than a Map per text). */
  private readonly cache: Array<number[] | undefined> = [];

  constructor(
    private readonly hits: Hits,
    private readonly matcher: ContextMatcher,
  ) {}

  /** Sorted [start, end, start, end, …] occurrences of any of `words`. */
  occurrences(words: readonly string[]): number[] {
    const slot = this.matcher.slotOf(words);
    let found = slot < this.cache.length ? this.cache[slot] : undefined;
    if (found !== undefined) return found;
    found = [];
    const { starts, ids } = this.hits;
    if (starts.length > 0) {
      const members = this.matcher.membersOf(words);
      for (let k = 0; k < starts.length; k++) if (members[ids[k]!] === 1) found.push(starts[k]!, starts[k]! + this.matcher.lengthOf(ids[k]!));
    }
    while (this.cache.length < slot) this.cache.push(undefined);
    this.cache[slot] = found;
    return found;
  }

  /**
   * Distance from the nearest occurrence to the span (before: gap to `start`; after: gap from `end`), or
   * Infinity when none lies within the window. Occurrences overlapping the span itself do not count.
   */
  nearest(words: readonly string[] | undefined, start: number, end: number): { before: number; after: number } {
    this.measure(words, start, end);
    return { before: this.nearBefore, after: this.nearAfter };
  }

  /** nearest()'s two distances, left in nearBefore / nearAfter (no result object per call: scoring asks twice per candidate). */
  nearBefore = Infinity;
  nearAfter = Infinity;

  measure(words: readonly string[] | undefined, start: number, end: number): void {
    this.nearBefore = Infinity;
    this.nearAfter = Infinity;
    if (!words) return;
    const occ = this.occurrences(words);
    for (let k = firstReachingOccurrence(occ, start); k < occ.length; k += 2) {
      const s = occ[k]!;
      const e = occ[k + 1]!;
      if (s > end + AFTER) break;
      if (e <= start && s >= start - BEFORE) this.nearBefore = Math.min(this.nearBefore, start - e);
      else if (s >= end && e <= end + AFTER) this.nearAfter = Math.min(this.nearAfter, s - end);
    }
  }
}

/** Returns the candidate's score adjusted by nearby context words. */
export function scoreWithContext(
  index: ContextIndex,
  candidate: Candidate,
  words: Partial<Record<EntityType, ContextWords>>,
  scoring: ContextScoring = DEFAULT_SCORING,
): number {
  if (candidate.contextApplied) return candidate.score;
  const entry = words[candidate.type];
  if (!entry) return candidate.score;
  index.measure(entry.positive, candidate.start, candidate.end);
  const posBefore = index.nearBefore;
  const positive = posBefore < Infinity || index.nearAfter < Infinity;
  index.measure(entry.negative, candidate.start, candidate.end);
  const negBefore = index.nearBefore;
  const negative = negBefore < Infinity || index.nearAfter < Infinity;
  let score = candidate.score;
  if (positive && negative) {
    // Both present ("卡号=… 订单=2024…"): the word closer before the value decides.
    if (negBefore < posBefore) score -= scoring.penalty;
    else score += scoring.boost;
  } else if (positive) score += scoring.boost;
  else if (negative) score -= scoring.penalty;
  return Math.max(0, Math.min(1, score));
}

/** Merge user-configured context words over the defaults (additive). */
export function mergeContext(
  extra: Partial<Record<string, ContextWords>> | undefined,
): Partial<Record<EntityType, ContextWords>> {
  if (!extra) return DEFAULT_CONTEXT;
  const merged: Partial<Record<string, ContextWords>> = { ...DEFAULT_CONTEXT };
  for (const [type, words] of Object.entries(extra)) {
    const base = merged[type] ?? {};
    merged[type] = {
      positive: [...(base.positive ?? []), ...(words?.positive ?? []).map((w) => w.toLowerCase())],
      negative: [...(base.negative ?? []), ...(words?.negative ?? []).map((w) => w.toLowerCase())],
    };
  }
  return merged as Partial<Record<EntityType, ContextWords>>;
}
