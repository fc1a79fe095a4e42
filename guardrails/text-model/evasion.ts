/**
 * Evasion normalisation for the classifiers: undo the cheap tricks people use to slip words past a
 * filter, so that "1gn0re prev1ous", "і g n o r e" (Cyrillic і), "ｉｇｎｏｒｅ", "ig\u200bnore" and "傻 逼"/"sb"
 * featurise like the plain words. It runs before featurisation, in training and inference alike,
 * so the model never has to learn each disguise separately.
 *
 * Unlike guardrails/core/normalize.ts this keeps no offset map: the classifiers score whole texts or
 * windows whose offsets are known before normalisation.
 */
import { normalize as coreNormalize } from '../core/normalize.js';
import { HOMOGLYPHS } from '../core/homoglyphs.js';
import { SEGMENT_WORDS } from './segment-words.js';

const HOMOGLYPH_RE = new RegExp(`[${Object.keys(HOMOGLYPHS).join('')}]`, 'g');
const HOMOGLYPH_TEST_RE = new RegExp(`[${Object.keys(HOMOGLYPHS).join('')}]`);

/** Leetspeak digits/symbols, only replaced inside tokens that also contain letters. */
const LEET: Readonly<Record<string, string>> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g', '@': 'a', $: 's', '!': 'i', '|': 'l', '+': 't',
};
// Linear on purpose: a pattern like /[..]*[a-z][..]*/ backtracks quadratically on long digit runs (ReDoS).
const LEET_TOKEN_RE = /[a-z0-9@$!|+]+/g;
const HAS_LEET_RE = /[0-9@$!|+]/;
const HAS_LETTER_RE = /[a-z]/;
/** A letter next to a leet character somewhere: otherwise the token pass is skipped. */
const LEET_CONTEXT_RE = /[a-z][0-9@$!|+]|[0-9@$!|+][a-z]/;

/**
 * Single letters split by one space, tab or line break: "i g n o r e", or one letter per line (at least 3
 * letters, whole word). A model reads a letter-per-line column as the word; split by newlines, an
 * injection scored 0.001 where the spaced one scored 1.0.
 */
const SPACED_LATIN_RE = /(?<![a-z])[a-z](?:(?:[ \t]|\r?\n)[a-z]){2,}(?![a-z])/g;
const SPACED_SEPARATORS_RE = /[ \t\r\n]/g;
/**
 * In a text that spells two words or more so, with wider gaps between words ("h o w   t o   m a k e"), a two-letter
 * word split the same way between two such gaps ("t o"; QA pass H5: a bomb-making request so, 0.78).
 */
// Two spaces on either side stand for 'two or more' (the same positions match): ' {2,}' in the lookbehind rescanned
// a run of spaces from every position in it, quadratic (regex-audit 'grows linearly').
const SPACED_PAIR_RE = /(?<=^|  )([a-z]) ([a-z])(?=  |$)/gm;
/** Parenthesized letters (⒤⒢⒩…, which NFKC spells "(i)(g)(n)"): three or more in a row are the word. */
const PARENTHESIZED_RE = /(?:\([a-z]\)){3,}/g;
const PARENS_RE = /[()]/g;
/** "()" between two letters is an "o" ("ign()re", "b()mb"; QA pass H5: 0.78 on injection, 0.35 on a harmful request); "f()" of code stays. */
const EMPTY_PARENS_O_RE = /(?<=[a-z])\(\)(?=[a-z])/g;

/** Letters split by one repeated punctuation mark: "k.i.l.l", "f*u*c*k", "st*u*p*i*d" (mid-word allowed). */
const MASKED_LATIN_RE = /([a-z])([.\-_*~|/\\])(?:[a-z]\2)+[a-z]/g;
const MASK_SEPARATORS_RE = /[.\-_*~|/\\]/g;
/**
 * Letters split by one repeated separator that MASKED_LATIN_RE does not take (QA pass H5: each scored like
 * unrelated text, injection 0.000): an emoji or a dingbat ("i🔥g🔥n🔥o🔥r🔥e", "i❤g❤n"), a middle dot or bullet
 * ("i·g·n", "i•g•n"), or two or more spaces ("i  g  n"). At least three letters, the same separator each time.
 * Commas and "x. " are left alone: lists and initials ("a, b, c, d", "h. s. m. coxeter") are written so.
 */
const SEPARATED_LATIN_RE = /([a-z])([·•]|[\u2600-\u27bf]|[\ud83c-\ud83e][\udc00-\udfff])(?:[a-z]\2)+[a-z](?![a-z])/g;
/**
 * Letters split by two spaces or more, in a text where such gaps between single letters outnumber single spaces
 * between single letters: "h  o  w t  o" splits letters by two spaces and words by one, but "m a k e   a   b o m b"
 * splits letters by one and words by three (joining "e   a   b" there made "mak eab omb").
 */
const WIDE_SPACED_LATIN_RE = /([a-z])( {2,})(?:[a-z]\2)+[a-z](?![a-z])/g;
const WIDE_GAP_RE = /(?<![a-z])[a-z] {2,}(?=[a-z](?![a-z]))/g;
const SINGLE_GAP_RE = /(?<![a-z])[a-z] (?=[a-z](?![a-z]))/g;
/** SEPARATED_LATIN_RE's pre-test on non-ASCII text: one of its separators anywhere (ASCII text skips the scan). */
const SEPARATED_HINT_RE = /[·•\u2600-\u27bf\ud83c-\ud83e]/;
const NOT_LETTER_RE = /[^a-z]/g;
/**
 * In a text that splits its words so, the two-letter words split the same way ("t.o", "b🔥y"): too short for the
 * patterns above, which keep "e.g" and "a.m" of ordinary text. Not a backslash: escaped text ("x^n\\n") is no split word.
 */
const SEPARATED_PAIR_RE = /(?<![a-z.\-_*~|/\\·•])([a-z])([.\-_*~|/·•]|  +|[\u2600-\u27bf]|[\ud83c-\ud83e][\udc00-\udfff])([a-z])(?![a-z.\-_*~|/\\·•])/g;
/**
 * Letters split by a separator the passes below do not take, or take too late (QA pass H4, intent and toxicity scores of
 * the fixture's attacks 0.000-0.03): a comma, a semicolon, a colon, '+', '|', '!', '?', '#', '&' or quotes ("i,g,n,o,r,e";
 * '|', '+' and '!' were read as leetspeak first: "ilglnlolrle"), one to three of them
 * ("i..g..n", "i--g--n"), maybe between spaces ("i, g, n", "i. g. n", "i | g | n", "i - g - n"). Each letter alone (no
 * letter beside it), the same separator each time. A run is joined when it spells four letters or more, or when its
 * separator splits two runs or more in the text: a list or initials of three ("select a, b, c, or d", "h. s. m. coxeter")
 * stay. One separator character of MASKED_LATIN_RE (".", "-" …) is left to it. Runs before the leetspeak step, in the
 * joined reading only (normalizeJoined).
 */
const SPLIT_SAME_RE = /(?<![a-z])([a-z])( ?[.,;:|/+_*~^=#&!?'"<>-]{1,3} ?)(?:[a-z]\2)+[a-z](?![a-z])/g;
/**
 * Three letters or more with punctuation between them that changes ("i.g-n*o_r,e", "h.o-w"), no spaces. Not quotes or '&'
 * ("v&a's", "m&m's"), nor '<', '>', '=' or '^' here or above: formulas chain single letters so ("$a<c<b$").
 */
const SPLIT_MIXED_RE = /(?<![a-z])[a-z](?:[.,;:|/+_*~!-]{1,3}[a-z]){2,}(?![a-z])/g;
/** SPLIT_SAME_RE's pre-test: two single letters with such a separator between them. */
const SPLIT_HINT_RE = /(?<![a-z])[a-z] ?[.,;:|/+_*~^=#&!?'"<>-]{1,3} ?[a-z](?![a-z])/;
/** A two-letter word split the same way as two runs or more of the text ("t,o", "b|y"; the separator is compared in splitLetters). */
const SPLIT_PAIR_RE = /(?<![a-z])([a-z])( ?[.,;:|/+_*~^=#&!?'"<>-]{1,3} ?)([a-z])(?![a-z])/g;
/**
 * Joined reading only: a two-letter word split by one mark of MASKED_LATIN_RE ("t.o", "a.t") in a text where that mark
 * splits one longer word ("h.o.w t.o make a bomb a.t home": 0.88 on the harmful head, plain 0.99). The training reading
 * joins such pairs only when the mark splits two longer words or more (splitTwice), so that "e.g." and "a.m." stay.
 */
const MASKED_PAIR_RE = /(?<![a-z.\-_*~|/\\])([a-z])([.\-_*~|/])([a-z])(?![a-z.\-_*~|/\\])/g;
/** The separators MASKED_LATIN_RE joins alone. */
const MASKED_SEPARATORS = new Set(['.', '-', '_', '*', '~', '/']);
const SPLIT_NOT_LETTER_RE = /[^a-z]/g;

/**
 * Joined reading only (normalizeJoined): single letters, maybe with leetspeak digits and symbols among them, split by
 * single spaces (or tabs or line breaks) with no wider gap between words ("i g n o r e a l l p r e v i o u s",
 * "1 g n 0 r 3"). The training reading joins the letters into one word ("howtomakeabomb": 0.04 on the harmful head, an
 * insult so 0.28 on toxicity) and reads a digit alone as a digit ("1 g n 0 r 3": SPACED_LATIN_RE needs letters). A run
 * of three tokens or more, each alone; segmentSpacedRun decides what it reads.
 */
const SPACED_TOKENS_RE = /(?<![a-z0-9@$!|+])[a-z0-9@$!|+](?:(?:[ \t]|\r?\n)[a-z0-9@$!|+])+(?![a-z0-9@$!|+])/g;
/** SPACED_TOKENS_RE's pre-test on raw text: four such tokens in a row. */
const SPACED_TOKENS_HINT_RE = /(?<![a-z0-9@$!|+])[a-z0-9@$!|+](?:(?:[ \t]|\r?\n)[a-z0-9@$!|+]){3,}(?![a-z0-9@$!|+])/i;
/** Letters a run must spell before it is cut into words: shorter runs are one word, which the training reading joins already. */
const SEGMENT_MIN_LETTERS = 8;
/** A run this long is cut in pieces for the word search (its cost is linear in the run either way). */
const SEGMENT_MAX_LETTERS = 400;
const LEET_CHAR_RE = /[0-9@$!|+]/;
/** In a text that spells words so, a leetspeak character alone between two wider gaps is a one-letter word ("4" for "a"). */
const LONE_LEET_RE = /(?<=^|  )[0-9@$!|+](?=  |$)/gm;
const NOT_SPACED_TOKEN_RE = /[ \t\r\n]/g;
/**
 * Joined reading only: words split by a leetspeak symbol instead of a space ("ignore||all||previous", "how+to+make",
 * "you!are!a!stupid"): the leetspeak step reads the symbol as a letter ("howlltollmake"; 0.003 on the harmful head). One
 * to three of '|', '+', '!', '@', '$' between two letters or digits; read as a space when the same separator does it
 * twice or more in the text (one "yahoo!answers" or "a@b" stays).
 */
const WORD_SPLIT_RE = /(?<=[a-z0-9])[|+!@$]{1,3}(?=[a-z0-9])/g;
const WORD_SPLIT_HINT_RE = /[a-z0-9][|+!@$]{1,3}[a-z0-9]/i;
/**
 * Joined reading only: words glued by one digit ("how1to1make1a1bomb", "you0are0a0stupid": 0.005 on the harmful head, 0.18
 * on toxicity, the digit read as leetspeak). A digit between two letters three times or more, read as a space when the
 * pieces it leaves are listed words over three quarters of their letters (leetspeak, "h0w t0 m4k3 4 b0mb", leaves none).
 */
const DIGIT_SPLIT_RE = /(?<=[a-z])[0-9](?=[a-z])/g;
const DIGIT_SPLIT_HINT_RE = /[a-z][0-9][a-z]/i;
const LETTER_DIGIT_TOKEN_RE = /[a-z0-9]+/g;

/** Separators between two CJK ideographs ("傻 逼", "炸.药"): Chinese does not use spaces inside words. */
const CJK_SPACED_RE = /([\u3400-\u4dbf\u4e00-\u9fff])[ \t.\-_*~|/\\·•]+(?=[\u3400-\u4dbf\u4e00-\u9fff])/g;
const CJK_SPACED_TEST_RE = /[\u3400-\u4dbf\u4e00-\u9fff][ \t.\-_*~|/\\·•]+[\u3400-\u4dbf\u4e00-\u9fff]/;
/**
 * Single ideographs split by one repeated separator the pattern above keeps: a line break (one character a line)
 * or an emoji ("你\n就\n是\n个\n傻\n逼", "怎😀么😀在😀家"; QA pass H5: 0.72 on toxicity and 0.43 on the harmful head
 * where the plain text scores 0.99 and 0.84). At least three characters, each alone between the separators, so
 * lines of text are left alone. Not the enumeration comma: lists of one-character names ("甲、乙、丙", "红、黄、白")
 * are ordinary Chinese (and in the training data); "你、就、是、个、傻、逼" still reads 0.72.
 */
const CJK_SEPARATED_RE = /(?<![\u3400-\u4dbf\u4e00-\u9fff])([\u3400-\u4dbf\u4e00-\u9fff])(\r?\n|[\u2600-\u27bf]|[\ud83c-\ud83e][\udc00-\udfff])(?:[\u3400-\u4dbf\u4e00-\u9fff]\2)+[\u3400-\u4dbf\u4e00-\u9fff](?![\u3400-\u4dbf\u4e00-\u9fff])/g;
const CJK_SEPARATED_TEST_RE = /[\u3400-\u4dbf\u4e00-\u9fff](?:\r?\n|[\u2600-\u27bf]|[\ud83c-\ud83e][\udc00-\udfff])[\u3400-\u4dbf\u4e00-\u9fff](?![\u3400-\u4dbf\u4e00-\u9fff])/;
/**
 * Joined reading only (normalizeJoined): single ideographs split by one repeated comma, full stop, '!', '?', '+', ';' or
 * ':' (ASCII or full-width, maybe between spaces), four characters or more (QA pass H4: "你，就，是，个，傻，逼" 0.72 on
 * toxicity, "怎，么，在，家，制，作，炸，弹" 0.43 on the harmful head, plain 0.99 and 0.84). "是，是，是" stays.
 */
const CJK_PUNCT_SEPARATED_RE = /(?<![\u3400-\u4dbf\u4e00-\u9fff])[\u3400-\u4dbf\u4e00-\u9fff]([ \t]?[,。、!?+;:][ \t]?)(?:[\u3400-\u4dbf\u4e00-\u9fff]\1){2,}[\u3400-\u4dbf\u4e00-\u9fff](?![\u3400-\u4dbf\u4e00-\u9fff])/g;
/** Three ideographs, each alone, split by one of those separators: CJK_PUNCT_SEPARATED_RE's pre-test (full-width forms too: raw text). */
export const CJK_PUNCT_SEPARATED_HINT_RE = /(?<![\u3400-\u4dbf\u4e00-\u9fff])[\u3400-\u4dbf\u4e00-\u9fff]([ \t]?[,，。、!！?？+;；:：][ \t]?)[\u3400-\u4dbf\u4e00-\u9fff]\1[\u3400-\u4dbf\u4e00-\u9fff]/;
const NOT_CJK_RE = /[^\u3400-\u4dbf\u4e00-\u9fff]/g;
/**
 * Combining marks stripped from letters: the diacritics (U+0300–036F, every one) and, on a Latin letter, the other
 * blocks "Zalgo" generators stack (Cyrillic U+0483–0489, extended and supplement U+1AB0–1AFF / U+1DC0–1DFF, marks
 * for symbols U+20D0–20FF, half marks U+FE20–FE2F; QA pass H5: "i҉⃒g҉⃒n҉⃒o҉⃒r҉⃒e" scored 0.000).
 */
const COMBINING_MARKS_RE = /[\u0300-\u036f]/g;
/** A Latin letter carrying marks of the other blocks (and maybe diacritics): the letter alone. Marks elsewhere stay (a keycap 4⃣, kaomoji). */
const LETTER_EXTRA_MARKS_RE = /([a-z\u00c0-\u024f\u1e00-\u1eff])[\u0300-\u036f]*[\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f][\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]*/g;
const EXTRA_MARKS_RE = /[\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/;
const NON_ASCII_RE = /[^\x00-\x7f]/;
/** Accented Latin letters or combining marks: the only text that needs the (slow) NFD pass. */
const ACCENTED_RE = /[\u00c0-\u024f\u0300-\u036f\u1e00-\u1eff]/;

/**
 * Chinese internet abbreviations and homophone variants → the word they stand for. Pinyin initials only
 * when they stand alone (token boundaries), so "sb" in "sbin" is untouched.
 */
const PINYIN_ABBREVIATIONS: Readonly<Record<string, string>> = {
  sb: '傻逼', nmsl: '你妈死了', cnm: '操你妈', nmb: '你妈逼', tmd: '他妈的', nmd: '你妈的', mlgb: '妈了个逼',
  wqnmlgb: '我去你妈了个逼', rnm: '日你妈', nc: '脑残', zz: '智障', gun: '滚', nt: '脑瘫', sbwl: '傻逼玩意',
};
const PINYIN_RE = new RegExp(`(?<![a-z])(?:${Object.keys(PINYIN_ABBREVIATIONS).join('|')})(?![a-z])`, 'g');
/**
 * Whole pinyin, joined or a syllable a word (QA pass H5: "caonima" 0.01 on toxicity, plain 0.44). Not "nima" alone
 * (a given name), nor "cao ni ma" spaced (a training row spells it so; a retrain would be needed). Its own pass:
 * these alternatives in PINYIN_RE made its scan of every text about three times slower.
 */
const PINYIN_WORDS: Readonly<Record<string, string>> = {
  caonima: '操你妈', nimasile: '你妈死了', 'ni ma si le': '你妈死了', tamade: '他妈的', 'ta ma de': '他妈的',
  naocan: '脑残', 'nao can': '脑残', zhizhang: '智障', 'zhi zhang': '智障',
};
// \b rather than PINYIN_RE's lookbehind: it scans faster (a word after a digit or '_' is not taken).
const PINYIN_WORDS_RE = new RegExp(`\\b(?:${Object.keys(PINYIN_WORDS).join('|')})(?![a-z])`, 'g');
/** Pinyin that is also a name elsewhere ("Shabi"): read as the word inside Chinese text only ("你就是个shabi" 0.19, plain 0.99). */
const PINYIN_IN_CHINESE: Readonly<Record<string, string>> = { shabi: '傻逼', 'sha bi': '傻逼' };
const PINYIN_IN_CHINESE_RE = new RegExp(`(?<![a-z])(?:${Object.keys(PINYIN_IN_CHINESE).join('|')})(?![a-z])`, 'g');
const IDEOGRAPH_RE = /[\u3400-\u4dbf\u4e00-\u9fff]/;
/**
 * 泥马 / 尼玛 → 你妈, but not 水泥马路 (a concrete road), 泥马渡康王 (a legend), nor 尼玛 as the common Tibetan given
 * name or county: next to another Tibetan name syllable (尼玛次仁, 扎西尼玛), after 藏族 / 名叫 / 叫做, before a place
 * word (尼玛县), the address particle 啦 or a title it stays a name. A name standing alone ("我的朋友尼玛") cannot be
 * told from the interjection and is still read as 你妈 (the interjection is the use in the training data).
 */
const NIMA_RE = /(?<!水)泥马(?!渡)|(?<!扎西|次仁|多吉|卓玛|顿珠|达瓦|达娃|格桑|平措|洛桑|旦增|丹增|央金|拉姆|普布|边巴|米玛|巴桑|索朗|索南|白玛|德吉|曲珍|央宗|旺堆|次旦|罗布|益西|才让|仁增|嘉措|加措|强巴|桑珠|旺姆|卓嘎|贡嘎|土登|阿旺|拉巴|次珠|群培|坚参|玉珍|德庆|措姆|顿典|江村|藏族|名叫|叫做)尼玛(?!扎西|次仁|多吉|卓玛|顿珠|达瓦|达娃|格桑|平措|洛桑|旦增|丹增|央金|拉姆|普布|边巴|米玛|巴桑|索朗|索南|白玛|德吉|曲珍|央宗|旺堆|次旦|罗布|益西|才让|仁增|嘉措|加措|强巴|桑珠|旺姆|卓嘎|贡嘎|土登|阿旺|拉巴|次珠|群培|坚参|玉珍|德庆|措姆|顿典|江村|县|乡|镇|村|寺|啦|老师|书记|同志|先生|师傅|阿妈|阿爸|医生|校长|主任|大叔|大爷|阿姨)/g;
const CJK_VARIANTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/煞笔|傻b|傻比|沙比|傻x|傻叉/g, '傻逼'],
  // Before the 你妈 rule, which would turn 草泥马 into 草你妈 and leave this one nothing to match.
  [/[草艹曹操](?:泥马|尼玛)|艹你妈/g, '操你妈'],
  [NIMA_RE, '你妈'],
  [/特么|他喵的|tm的/g, '他妈的'],
  [/艹/g, '操'],
  [/脑抽/g, '脑残'],
];
const HAS_CJK_VARIANT_RE = /煞笔|傻|沙比|尼玛|泥马|草泥马|艹|曹尼玛|特么|他喵|tm的|脑抽/;

/*
 * Source-style tokens: @mentions, URLs, HTML entities and retweet markers say which site a text came from,
 * not whether it is toxic; collapsing them keeps the model from learning the source's style.
 */
const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"']+/g;
const MENTION_RE = /(?<![\w@])@[a-z0-9_]{1,30}/g;
const RETWEET_RE = /(?:^|\s)rt(?=\s+mention\b)/g;
const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'", '&nbsp;': ' ' };
// Numeric references in decimal and hex (&#105; and &#x69; are the same "i": the hex form slipped through), and the
// accented letters' names (&eacute; is an "e" once accents are stripped; QA pass H5: a bomb-making request so, 0.46).
const ENTITY_RE = /&(?:amp|lt|gt|quot|apos|nbsp|#39);|&#(\d{1,6});|&#x([0-9a-f]{1,6});|&([a-z])(?:acute|grave|circ|uml|tilde|ring|cedil|slash);/g;

/** Inline (phrasing) HTML elements: a block tag or a code tag between letters is layout or an example, not a disguise. */
const INLINE_TAGS = 'a|abbr|b|big|del|em|font|i|ins|mark|q|s|small|span|strike|strong|sub|sup|tt|u|wbr';
/**
 * Markup inside a word (QA pass H5: "ig<b></b>nore", "ig<span>nore</span>" scored 0.000–0.107 on injection, "st**upid**"
 * 0.24 on toxicity): a run of inline HTML tags between two letters is dropped, and so is an inline tag glued to a word
 * that a tag inside the word opened or closed ("ig<span>nore</span> all"); a Markdown emphasis or code mark that
 * opens inside a word and closes after it ("ig**nore**", "ig`nore`") goes with its closing mark. A mark that does
 * not close in the word ("f**k") and snake_case stay.
 */
const TAG = `<\\/?(?:${INLINE_TAGS})(?:\\s[^<>]{0,80})?\\/?>`;
const TAG_IN_WORD_RE = new RegExp(`(?<=[a-z])(?:${TAG})+(?=[a-z])`, 'g');
const TAG_IN_WORD_TEST_RE = new RegExp(`[a-z](?:${TAG})+[a-z]`);
const TAG_AT_WORD_END_RE = new RegExp(`(?<=[a-z])(?:${TAG})+(?![a-z])`, 'g');
const MARK_IN_WORD_RE = /([a-z])(\*\*|__|~~|`)([a-z]+)\2(?![a-z*_~`])/g;

function markupInWords(s: string): string {
  if (s.includes('<') && TAG_IN_WORD_TEST_RE.test(s)) s = s.replace(TAG_IN_WORD_RE, '').replace(TAG_AT_WORD_END_RE, '');
  if (s.includes('**') || s.includes('__') || s.includes('~~') || s.includes('`')) s = s.replace(MARK_IN_WORD_RE, '$1$3');
  return s;
}

function collapseStyle(s: string): string {
  s = markupInWords(s);
  if (s.includes('&')) {
    s = s.replace(ENTITY_RE, (m, code: string | undefined, hex: string | undefined, letter: string | undefined) =>
      code ? safeFromCodePoint(Number(code)) : hex ? safeFromCodePoint(parseInt(hex, 16)) : (letter ?? ENTITIES[m] ?? m),
    );
  }
  if (s.includes('http') || s.includes('www.')) s = s.replace(URL_RE, ' url ');
  if (s.includes('@')) {
    s = s.replace(MENTION_RE, ' mention ');
    s = s.replace(RETWEET_RE, ' ');
  }
  return s;
}

function safeFromCodePoint(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

/*
 * Letter-like emoji (QA pass: scored like unrelated text). Negative circled 🅐–🅩 (U+1F150–1F169) and negative
 * squared 🅰–🆉 (U+1F170–1F189) letters have no NFKC decomposition (the plain circled and squared ones do);
 * regional indicators 🇦–🇿 (U+1F1E6–1F1FF) render as letters unless two of them form a flag. All are astral,
 * behind the high surrogate U+D83C, which most emoji share: that unit is the pre-test.
 */
const EMOJI_HIGH = '\uD83C';
const LETTER_EMOJI_TEST_RE = /\uD83C[\uDD50-\uDD69\uDD70-\uDD89\uDDE6-\uDDFF]/;
const BOXED_LETTER_RE = /\uD83C([\uDD50-\uDD69\uDD70-\uDD89])/g;
const REGIONAL_RUN_RE = /(?:\uD83C[\uDDE6-\uDDFF])+/g;
/**
 * Region codes that have a flag (ISO 3166-1 alpha-2 and the few other RGI flag codes): a run of regional
 * indicators made only of these pairs is a row of flags and stays as it is.
 */
const FLAG_CODES = new Set(
  ('ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bl bm bn bo bq br bs bt bv bw by bz ' +
    'ca cc cd cf cg ch ci ck cl cm cn co cp cq cr cu cv cw cx cy cz de dg dj dk dm do dz ea ec ee eg eh er es et eu ' +
    'fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu ic id ie il im in io iq ir is it ' +
    'je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mf mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz ' +
    'na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw ' +
    'sa sb sc sd se sg sh si sj sk sl sm sn so sr ss st sv sx sy sz ta tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ' +
    'ua ug um un us uy uz va vc ve vg vi vn vu wf ws xk ye yt za zm zw').split(' '),
);

const letterOfIndicator = (unit: number): string => String.fromCharCode(0x61 + unit - 0xdde6);

/** A run of regional indicators (UTF-16 pairs) that is not a row of flags: odd length or a pair with no flag. */
function regionalRunIsText(run: string): boolean {
  if (run.length % 4 !== 0) return true;
  for (let i = 0; i < run.length; i += 4) {
    if (!FLAG_CODES.has(letterOfIndicator(run.charCodeAt(i + 1)) + letterOfIndicator(run.charCodeAt(i + 3)))) return true;
  }
  return false;
}

/**
 * Negative circled / squared letters → the letter; regional indicators → letters when the text spells with
 * them (some run is not a row of flags: 🇮🇬🇳🇴🇷🇪 'ignore' has no flag IG), flags alone are kept (a flag
 * in a Chinese ad is not the word 'cn').
 */
function letterEmoji(s: string): string {
  s = s.replace(BOXED_LETTER_RE, (_m, low: string) => {
    const unit = low.charCodeAt(0);
    return String.fromCharCode(0x61 + unit - (unit >= 0xdd70 ? 0xdd70 : 0xdd50));
  });
  const runs = s.match(REGIONAL_RUN_RE);
  if (runs === null || !runs.some(regionalRunIsText)) return s;
  return s.replace(REGIONAL_RUN_RE, (run) => {
    let out = '';
    for (let i = 1; i < run.length; i += 2) out += letterOfIndicator(run.charCodeAt(i));
    return out;
  });
}

/*
 * Upside-down text ("snoıʌǝɹd llɐ ǝɹouƃı" is 'ignore all previous' turned 180°: letters flipped, order
 * reversed). FLIPPED_* hold the turned forms no ordinary Latin text uses (after lower-casing); FLIP maps every
 * character such a segment may hold back to the letter it stands for (plain letters included: a turned
 * 'u' is an 'n').
 */
const FLIPPED_TEST_RE = /[ɐɔǝɟƃɥᴉɾʞɯɹʇʌʍʎ∀⊥∩⅄⅁ⅎ˥ꓘ]/;
/**
 * ACCENTED_RE's ranges widened to hold every FLIPPED character (U+0183, U+01DD, U+0250–02E5, U+1D09 (inside U+1AB0–1EFF), U+2141–214E,
 * U+2200, U+2229, U+22A5, U+A4D8) and the emoji high surrogate: texts without any skip all three steps.
 */
const LATIN_EXTRA_RE = /[\u00c0-\u036f\u0483-\u0489\u1ab0-\u1eff\u20d0-\u20ff\u2141-\u214e\u2200\u2229\u22a5\ua4d8\ufe20-\ufe2f\ud83c]/;
const FLIPPED_G_RE = /[ɐɔǝɟƃɥᴉɾʞɯɹʇʌʍʎ∀⊥∩⅄⅁ⅎ˥ꓘ]/g;
const FLIP: Readonly<Record<string, string>> = {
  ɐ: 'a', ɔ: 'c', ǝ: 'e', ɟ: 'f', ƃ: 'g', ɥ: 'h', ᴉ: 'i', ı: 'i', ɾ: 'j', ʞ: 'k', ɯ: 'm', ɹ: 'r', ʇ: 't', ʌ: 'v', ʍ: 'w', ʎ: 'y',
  '∀': 'a', '⊥': 't', '∩': 'u', '⅄': 'y', '⅁': 'g', ⅎ: 'f', '˥': 'l', ꓘ: 'k', ן: 'l',
  q: 'b', p: 'd', d: 'p', b: 'q', u: 'n', n: 'u', '6': '9', '9': '6', ɛ: '3', ㄣ: '4', ϛ: '5', ㄥ: '7', ᄅ: '2', ɩ: '1', '⇂': '1',
  '¡': '!', '¿': '?', '˙': '.', ',': "'", "'": ',', '„': '"', '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '‾': '_', '⅋': '&', '؛': ';',
};
/** Characters a turned word may hold: the FLIP keys, the letters that turn into letters, digits and plain punctuation. */
const FLIPPABLE_WORD_RE = /^[ɐɔǝɟƃɥᴉıɾʞɯɹʇʌʍʎ∀⊥∩⅄⅁ⅎ˥ꓘןɛㄣϛㄥᄅɩ⇂¡¿˙,'„()[\]{}<>‾⅋؛a-z0-9.:;!?"*/_-]+$/;

/**
 * Turned segments of a line back upright: a segment is a run of space-separated words made only of FLIPPABLE
 * characters, from the first to the last word holding a FLIPPED character, with at least 3 of those (a
 * phonetic transcription such as /ˈɹʌnɪŋ/ holds other IPA letters and is never a segment).
 */
function upsideDown(s: string): string {
  FLIPPED_G_RE.lastIndex = 0;
  let count = 0;
  while (count < 3 && FLIPPED_G_RE.test(s)) count += 1;
  if (count < 3) return s;
  return s
    .split('\n')
    .map((line) => (FLIPPED_TEST_RE.test(line) ? upsideDownLine(line) : line))
    .join('\n');
}

function upsideDownLine(line: string): string {
  const words = line.split(' ');
  const out: string[] = [];
  let i = 0;
  while (i < words.length) {
    if (!FLIPPED_TEST_RE.test(words[i]!) || !FLIPPABLE_WORD_RE.test(words[i]!)) {
      out.push(words[i]!);
      i += 1;
      continue;
    }
    // Extend over flippable words (empty ones: repeated spaces), then back to the last that holds a turned character.
    let j = i;
    let last = i;
    while (j < words.length && (words[j] === '' || FLIPPABLE_WORD_RE.test(words[j]!))) {
      if (FLIPPED_TEST_RE.test(words[j]!)) last = j;
      j += 1;
    }
    // A turned line's last words are the text's first ones: "noʎ ǝʇɐɥ I" ends with the 'I' of "I hate you"
    // (short words only, at the end of the line).
    if (j === words.length && j - last <= 3 && words.slice(last + 1).every((w) => w.length <= 2)) last = j - 1;
    const segment = words.slice(i, last + 1).join(' ');
    out.push((segment.match(FLIPPED_G_RE)?.length ?? 0) >= 3 ? turn(segment) : segment);
    i = last + 1;
  }
  return out.join(' ');
}

function turn(segment: string): string {
  let out = '';
  const chars = [...segment];
  for (let i = chars.length - 1; i >= 0; i -= 1) out += FLIP[chars[i]!] ?? chars[i]!;
  return out;
}

/** Full evasion normalisation: NFKC/full-width/zero-width, case, diacritics, homoglyphs, leet, split letters, pinyin, source style. */
export function normalizeForModel(text: string): string {
  return normalizeModel(text, false)!;
}

/**
 * The text read with the letters and characters joined that normalizeForModel leaves split (SPLIT_SAME_RE,
 * SPLIT_MIXED_RE, CJK_PUNCT_SEPARATED_RE), or undefined when there are none. Scored as an extra view (views.ts
 * joinedViews), not in training: the training texts and the committed weights keep normalizeForModel's reading.
 */
export function normalizeJoined(text: string): string | undefined {
  return normalizeModel(text, true);
}

/** Raw text that may hold what normalizeJoined joins: three single letters split by punctuation, full-width letters, or CJK_PUNCT_SEPARATED_HINT_RE (the other hints in mayJoin). */
// The separators in full-width forms too (NFKC makes them ASCII before the joins; QA pass H4: "i，g，n" 0.000).
const JOINED_LATIN_HINT_RE = /(?<![a-z])[a-z](?:( ?[.,;:|/+_*~^=#&!?'"<>\-\uff01-\uff0f\uff1a-\uff20\uff3c-\uff3f\uff5c-\uff5e]{1,3} ?)[a-z]\1|[.,;:|/+_*~!\-\uff01\uff0a-\uff0f\uff1a\uff1b\uff3f\uff5c\uff5e]{1,3}[a-z][.,;:|/+_*~!\-\uff01\uff0a-\uff0f\uff1a\uff1b\uff3f\uff5c\uff5e]{1,3})[a-z](?![a-z])|[\uff21-\uff3a\uff41-\uff5a]/i;

/**
 * Invisible characters, which the core normaliser removes: between a separator and a letter ("i,\u200bg,\u200bn") they hide
 * a run from the raw-text hints (QA pass H4: 0.000 on injection), so a text holding one is always read joined too.
 */
const INVISIBLE_HINT_RE = /\p{Default_Ignorable_Code_Point}/u;

/** Whether normalizeJoined may read `text` differently from normalizeForModel (a cheap pre-test on the raw text). */
export function mayJoin(text: string): boolean {
  return (
    JOINED_LATIN_HINT_RE.test(text) ||
    CJK_PUNCT_SEPARATED_HINT_RE.test(text) ||
    INVISIBLE_HINT_RE.test(text) ||
    SPACED_TOKENS_HINT_RE.test(text) ||
    (WORD_SPLIT_HINT_RE.test(text) && wordSplitTwice(text)) ||
    (DIGIT_SPLIT_HINT_RE.test(text) && digitSplitThrice(text))
  );
}

function normalizeModel(text: string, joined: boolean): string | undefined {
  segmentingMasked = false;
  let s = collapseStyle(coreNormalize(text).text.toLowerCase());
  const nonAscii = NON_ASCII_RE.test(s);
  if (nonAscii) {
    // One scan gates the rarer steps (a range class scans several times faster than FLIPPED_TEST_RE's scattered set).
    if (LATIN_EXTRA_RE.test(s)) {
      if (s.includes(EMOJI_HIGH) && LETTER_EMOJI_TEST_RE.test(s)) s = letterEmoji(s);
      // Before the homoglyphs: a turned text's 'ı' is an 'i' too, but its 'u' is an 'n'.
      if (FLIPPED_TEST_RE.test(s)) s = upsideDown(s);
      if (EXTRA_MARKS_RE.test(s)) s = s.replace(LETTER_EXTRA_MARKS_RE, '$1');
      // Strip accents ("ïgnörë") but keep CJK intact (NFD leaves ideographs alone).
      if (ACCENTED_RE.test(s)) s = s.normalize('NFD').replace(COMBINING_MARKS_RE, '').normalize('NFC');
    }
    if (HOMOGLYPH_TEST_RE.test(s)) s = s.replace(HOMOGLYPH_RE, (ch) => HOMOGLYPHS[ch] ?? ch);
    if (CJK_SPACED_TEST_RE.test(s)) s = s.replace(CJK_SPACED_RE, '$1');
    if ((s.includes('\n') || SEPARATED_HINT_RE.test(s)) && CJK_SEPARATED_TEST_RE.test(s)) s = s.replace(CJK_SEPARATED_RE, (run) => run.replace(NOT_CJK_RE, ''));
    if (HAS_CJK_VARIANT_RE.test(s)) for (const [re, to] of CJK_VARIANTS) s = s.replace(re, to);
  }
  if (joined) {
    const before = s;
    if (nonAscii && CJK_PUNCT_SEPARATED_HINT_RE.test(s)) {
      s = s.replace(CJK_PUNCT_SEPARATED_RE, (run) => run.replace(NOT_CJK_RE, ''));
      if (HAS_CJK_VARIANT_RE.test(s)) for (const [re, to] of CJK_VARIANTS) s = s.replace(re, to);
    }
    if (SPLIT_HINT_RE.test(s)) s = splitLetters(s);
    if (WORD_SPLIT_HINT_RE.test(s)) s = splitWords(s);
    if (DIGIT_SPLIT_HINT_RE.test(s)) s = splitDigitWords(s);
    if (SPACED_TOKENS_HINT_RE.test(s)) s = segmentSpacedRuns(s);
    if (s.includes('.') || s.includes('-') || s.includes('_') || s.includes('*') || s.includes('~') || s.includes('|') || s.includes('/')) s = joinMaskedPairs(s);
    // Letters split by one mark of MASKED_LATIN_RE, which the training reading joins below, are cut into words there.
    if (s.includes('.') || s.includes('-') || s.includes('_') || s.includes('*') || s.includes('~') || s.includes('/')) segmentingMasked = maskedRunSpellsWords(s);
    if (s === before && !segmentingMasked) return undefined;
  }
  if (LEET_CONTEXT_RE.test(s)) s = s.replace(LEET_TOKEN_RE, (token) => (HAS_LEET_RE.test(token) && HAS_LETTER_RE.test(token) ? deLeet(token) : token));
  if (s.includes(')(')) s = s.replace(PARENTHESIZED_RE, (run) => run.replace(PARENS_RE, ''));
  if (s.includes('()')) s = s.replace(EMPTY_PARENS_O_RE, 'o');
  // Split words before spaced letters: in "m.a.k.e a b.o.m.b" the word "a" is no spaced letter of "eab".
  // Separators that split two words or more: two-letter words split by one of them are joined too.
  splitRuns = undefined;
  s = s.replace(MASKED_LATIN_RE, joinMasked);
  if (nonAscii && SEPARATED_HINT_RE.test(s)) s = s.replace(SEPARATED_LATIN_RE, joinSeparated);
  if (s.includes('  ') && lettersSplitWide(s)) s = s.replace(WIDE_SPACED_LATIN_RE, joinSeparated);
  if (splitTwice()) s = s.replace(SEPARATED_PAIR_RE, joinPair);
  spacedRuns = 0;
  s = s.replace(SPACED_LATIN_RE, joinSpaced);
  if (spacedRuns >= 2 && s.includes('  ')) s = s.replace(SPACED_PAIR_RE, '$1$2');
  s = s.replace(PINYIN_RE, (abbr) => PINYIN_ABBREVIATIONS[abbr] ?? abbr);
  s = s.replace(PINYIN_WORDS_RE, (word) => PINYIN_WORDS[word] ?? word);
  if (nonAscii && s.includes('sha') && IDEOGRAPH_RE.test(s)) s = s.replace(PINYIN_IN_CHINESE_RE, (word) => PINYIN_IN_CHINESE[word] ?? word);
  return s;
}

/** Joins the letters SPLIT_SAME_RE and SPLIT_MIXED_RE find (see there), then the two-letter words split like two runs. */
function splitLetters(s: string): string {
  const runs = new Map<string, number>();
  for (const m of s.matchAll(SPLIT_SAME_RE)) runs.set(m[2]!, (runs.get(m[2]!) ?? 0) + 1);
  let joined = false;
  s = s.replace(SPLIT_SAME_RE, (run: string, _letter: string, separator: string) => {
    if (MASKED_SEPARATORS.has(separator)) return run;
    if ((run.length + separator.length) / (separator.length + 1) < 4 && (runs.get(separator) ?? 0) < 2) return run;
    joined = true;
    return wordsOrLetters(run.replace(SPLIT_NOT_LETTER_RE, ''));
  });
  s = s.replace(SPLIT_MIXED_RE, (run) => (oneSeparator(run) ? run : wordsOrLetters(run.replace(SPLIT_NOT_LETTER_RE, ''))));
  if (joined) {
    s = s.replace(SPLIT_PAIR_RE, (pair: string, a: string, separator: string, b: string) =>
      !MASKED_SEPARATORS.has(separator) && (runs.get(separator) ?? 0) >= 2 ? a + b : pair,
    );
  }
  return s;
}

/** Joins MASKED_PAIR_RE's pairs split by a mark that splits exactly one longer word (two or more: the training reading joins them). */
function joinMaskedPairs(s: string): string {
  const runs = new Map<string, number>();
  for (const m of s.matchAll(MASKED_LATIN_RE)) runs.set(m[2]!, (runs.get(m[2]!) ?? 0) + 1);
  if (runs.size === 0) return s;
  return s.replace(MASKED_PAIR_RE, (pair: string, a: string, separator: string, b: string) => (runs.get(separator) === 1 ? a + b : pair));
}

/** Reads WORD_SPLIT_RE's separators as spaces where one of them splits words twice or more (see there). */
function splitWords(s: string): string {
  const counts = new Map<string, number>();
  for (const m of s.matchAll(WORD_SPLIT_RE)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  return s.replace(WORD_SPLIT_RE, (separator) => ((counts.get(separator) ?? 0) >= 2 ? ' ' : separator));
}

/** Reads a digit as a space where DIGIT_SPLIT_RE finds it three times and the pieces are listed words (see there). */
function splitDigitWords(s: string): string {
  const counts = new Map<string, number>();
  for (const m of s.matchAll(DIGIT_SPLIT_RE)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  const costs = prefixCosts();
  for (const [digit, n] of counts) {
    if (n < 3) continue;
    let known = 0;
    let letters = 0;
    const read = s.replace(LETTER_DIGIT_TOKEN_RE, (token) => {
      if (!token.includes(digit)) return token;
      const words = token.replace(DIGIT_SPLIT_RE, (d) => (d === digit ? ' ' : d));
      if (words === token) return token;
      for (const word of words.split(' ')) {
        letters += word.length;
        if ((costs.get(word) ?? -1) >= 0) known += word.length;
      }
      return words;
    });
    if (letters > 0 && known * 4 >= letters * 3) s = read;
  }
  return s;
}

/** One digit between two letters three times or more (mayJoin's pre-test on raw text). */
function digitSplitThrice(text: string): boolean {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/(?<=[a-z])[0-9](?=[a-z])/gi)) {
    const n = (counts.get(m[0]) ?? 0) + 1;
    if (n >= 3) return true;
    counts.set(m[0], n);
  }
  return false;
}

/** Some WORD_SPLIT_RE separator splits words twice (mayJoin's pre-test on raw text, case folded by the class). */
function wordSplitTwice(text: string): boolean {
  const seen = new Set<string>();
  for (const m of text.matchAll(/(?<=[a-z0-9])[|+!@$]{1,3}(?=[a-z0-9])/gi)) {
    if (seen.has(m[0])) return true;
    seen.add(m[0]);
  }
  return false;
}

/**
 * The SPACED_TOKENS_RE runs of the joined reading. Leetspeak is read as letters in a run that is mostly letters (three
 * tokens or more, two letters or more and at least half; "1 2 3 4" and "x = 1 + 2" stay) or, in a text that spells two
 * runs or more of three tokens with a letter ("h 0 w   t 0   m 4 k 3"), in any run with a letter ("4 r 3", "t 0") and alone
 * between wider gaps ("4"); such a text's runs are all joined ("b y"), leetspeak or not. Letters are cut into words (segmentLetters) when they are SEGMENT_MIN_LETTERS or more; a shorter run is joined, as the
 * training reading joins spaced letters.
 */
function segmentSpacedRuns(s: string): string {
  let spelt = 0;
  let leet = false;
  for (const m of s.matchAll(SPACED_TOKENS_RE)) {
    if (m[0].length >= 5 && HAS_LETTER_RE.test(m[0])) spelt += 1;
    if (!leet && LEET_CHAR_RE.test(m[0])) leet = true;
  }
  // Without leetspeak, such a text is the training reading's to join (SPACED_LATIN_RE, SPACED_PAIR_RE).
  const spellingText = spelt >= 2 && leet;
  s = s.replace(SPACED_TOKENS_RE, (run) => segmentSpacedRun(run, spellingText));
  return spellingText && s.includes('  ') ? s.replace(LONE_LEET_RE, deLeet) : s;
}

function segmentSpacedRun(run: string, spellingText: boolean): string {
  let letters = 0;
  let tokens = 0;
  for (let i = 0; i < run.length; i += 1) {
    const c = run.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    tokens += 1;
    if (c >= 0x61 && c <= 0x7a) letters += 1;
  }
  const leet = letters < tokens;
  if (leet && !(spellingText ? letters >= 1 : tokens >= 3 && letters >= 2 && letters * 2 >= tokens)) return run;
  if (!leet && !spellingText && letters < SEGMENT_MIN_LETTERS) return run;
  let joined = run.replace(NOT_SPACED_TOKEN_RE, '');
  // A trailing "!" is punctuation (deLeet keeps it so).
  if (leet && LEET_CHAR_RE.test(joined)) joined = deLeet(joined);
  return tokens >= SEGMENT_MIN_LETTERS ? segmentLetters(joined) : joined;
}

/**
 * Joined reading only: letters split by punctuation with no wider gap between words ("h.o.w.t.o.m.a.k.e.a.b.o.m.b",
 * "y,o,u,a,r,e,a,s,t,u,p,i,d"; 0.09 on the harmful head and 0.28 on toxicity read as one word) are cut into words too, when
 * SEGMENT_MIN_LETTERS or more of them make two listed words or more over three quarters of their letters; otherwise (one
 * long word, "p,r,e,v,i,o,u,s", or a name the list lacks) they stay joined.
 */
function wordsOrLetters(letters: string): string {
  if (letters.length < SEGMENT_MIN_LETTERS) return letters;
  const words = segmentLetters(letters);
  if (!words.includes(' ')) return letters;
  const costs = prefixCosts();
  let known = 0;
  for (const word of words.split(' ')) if ((costs.get(word) ?? -1) >= 0) known += word.length;
  return known * 4 >= letters.length * 3 ? words : letters;
}

/** Whether wordsOrLetters cuts a MASKED_LATIN_RE run of `s` into words (the joined reading then differs). */
function maskedRunSpellsWords(s: string): boolean {
  for (const m of s.matchAll(MASKED_LATIN_RE)) {
    if (m[0].length < SEGMENT_MIN_LETTERS * 2 - 1) continue;
    const letters = m[0].replace(MASK_SEPARATORS_RE, '');
    if (wordsOrLetters(letters) !== letters) return true;
  }
  return false;
}

/** Set in the joined reading when joinMasked cuts its runs into words (module state, as splitRuns). */
let segmentingMasked = false;

/**
 * Word costs for segmentLetters: -log of a Zipf probability by rank in SEGMENT_WORDS, and -1 for each prefix of a word
 * that is no word itself (the search stops extending a piece at the first string that is neither). Built on first use.
 */
let segmentPrefixes: Map<string, number> | undefined;
/** The longest listed word: an unlisted run is no longer either. */
let segmentMaxWord = 0;
/** Cost of a run of letters that is no listed word: above any word's, growing with its length, so known words win. */
const UNKNOWN_BASE_COST = 14;
const UNKNOWN_LETTER_COST = 4;

function prefixCosts(): Map<string, number> {
  if (segmentPrefixes) return segmentPrefixes;
  const words = SEGMENT_WORDS.split(' ');
  const costs = new Map<string, number>();
  const zipf = Math.log(words.length);
  words.forEach((w, rank) => {
    costs.set(w, Math.log((rank + 1) * zipf));
    if (w.length > segmentMaxWord) segmentMaxWord = w.length;
    for (let i = 1; i < w.length; i += 1) if (!costs.has(w.slice(0, i))) costs.set(w.slice(0, i), -1);
  });
  return (segmentPrefixes = costs);
}

/**
 * Letters spelt without word boundaries cut into the likeliest words (dynamic programming over the cost of each cut:
 * listed words by frequency, unlisted runs dear): "howtomakeabombathome" -> "how to make a bomb at home". Characters
 * that are no letter (a trailing "!") end up in an unlisted run. Linear: from each position the pieces tried are the
 * listed words and their prefixes found there, and the cheapest unlisted run ending there comes from a sliding window.
 */
export function segmentLetters(text: string): string {
  if (text.length > SEGMENT_MAX_LETTERS) {
    let out = '';
    for (let i = 0; i < text.length; i += SEGMENT_MAX_LETTERS) out += (i > 0 ? ' ' : '') + segmentLetters(text.slice(i, i + SEGMENT_MAX_LETTERS));
    return out;
  }
  const costs = prefixCosts();
  const n = text.length;
  // best[i]: the cheapest cut of text[0, i) ending at a piece boundary; from[i]: where its last piece starts.
  const best = new Float64Array(n + 1).fill(Infinity);
  const from = new Int32Array(n + 1);
  best[0] = 0;
  // An unlisted run of at most segmentMaxWord letters: its cheapest start for an end i is the j in [i - max, i) with the
  // least best[j] - UNKNOWN_LETTER_COST * j, kept in a window of increasing such values (each j enters and leaves once).
  const window = new Int32Array(n + 1);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i += 1) {
    if (best[i]! < Infinity) {
      const key = best[i]! - UNKNOWN_LETTER_COST * i;
      while (tail > head && best[window[tail - 1]!]! - UNKNOWN_LETTER_COST * window[tail - 1]! >= key) tail -= 1;
      window[tail++] = i;
    }
    while (tail > head && window[head]! < i + 1 - segmentMaxWord) head += 1;
    if (tail > head) {
      const j = window[head]!;
      const unknown = best[j]! + UNKNOWN_BASE_COST + UNKNOWN_LETTER_COST * (i + 1 - j);
      if (unknown < best[i + 1]!) {
        best[i + 1] = unknown;
        from[i + 1] = j;
      }
    }
    for (let end = i + 1; end <= n; end += 1) {
      const cost = costs.get(text.slice(i, end));
      if (cost === undefined) break;
      if (cost >= 0 && best[i]! + cost < best[end]!) {
        best[end] = best[i]! + cost;
        from[end] = i;
      }
    }
  }
  const words: string[] = [];
  for (let end = n; end > 0; end = from[end]!) words.push(text.slice(from[end]!, end));
  return words.reverse().join(' ');
}

/** The gaps between the letters of a SPLIT_MIXED_RE run are all one separator (SPLIT_SAME_RE's or MASKED_LATIN_RE's to decide). */
function oneSeparator(run: string): boolean {
  let first = '';
  let gap = '';
  let gaps = 0;
  for (let i = 1; i < run.length; i += 1) {
    const c = run.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) {
      gap += run[i];
      continue;
    }
    if (gaps === 0) first = gap;
    else if (gap !== first) return false;
    gaps += 1;
    gap = '';
  }
  return true;
}

/** Separators of the split words joined in the current normalizeForModel call, and how many words each split (module state: no closure per call). */
let splitRuns: Map<string, number> | undefined;

function noteSplit(separator: string): void {
  (splitRuns ??= new Map()).set(separator, (splitRuns.get(separator) ?? 0) + 1);
}

/** More single letters split by two spaces or more than by one (see WIDE_SPACED_LATIN_RE). */
function lettersSplitWide(s: string): boolean {
  const wide = s.match(WIDE_GAP_RE)?.length ?? 0;
  return wide >= 2 && wide > (s.match(SINGLE_GAP_RE)?.length ?? 0);
}

/** Words spelt with spaced letters joined in this call. */
let spacedRuns = 0;

function joinSpaced(run: string): string {
  spacedRuns += 1;
  return run.replace(SPACED_SEPARATORS_RE, '');
}

/** Some separator split two words or more in this call. */
function splitTwice(): boolean {
  if (splitRuns === undefined) return false;
  for (const n of splitRuns.values()) if (n >= 2) return true;
  return false;
}

function joinMasked(run: string, _letter: string, separator: string): string {
  noteSplit(separator);
  const letters = run.replace(MASK_SEPARATORS_RE, '');
  return segmentingMasked ? wordsOrLetters(letters) : letters;
}

function joinSeparated(run: string, _letter: string, separator: string): string {
  noteSplit(separator);
  return run.replace(NOT_LETTER_RE, '');
}

function joinPair(pair: string, a: string, separator: string, b: string): string {
  return (splitRuns?.get(separator) ?? 0) >= 2 ? a + b : pair;
}

function deLeet(token: string): string {
  // A trailing "!" is punctuation, not an "i": "stop!" stays "stop".
  let end = token.length;
  while (end > 0 && token[end - 1] === '!') end -= 1;
  let out = '';
  for (let i = 0; i < end; i += 1) {
    const ch = token[i]!;
    out += LEET[ch] ?? ch;
  }
  return out + token.slice(end);
}
