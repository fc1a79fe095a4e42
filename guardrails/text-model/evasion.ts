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
/** Parenthesized letters (⒤⒢⒩…, which NFKC spells "(i)(g)(n)"): three or more in a row are the word. */
const PARENTHESIZED_RE = /(?:\([a-z]\)){3,}/g;
const PARENS_RE = /[()]/g;

/** Letters split by one repeated punctuation mark: "k.i.l.l", "f*u*c*k", "st*u*p*i*d" (mid-word allowed). */
const MASKED_LATIN_RE = /([a-z])([.\-_*~|/\\])(?:[a-z]\2)+[a-z]/g;
const MASK_SEPARATORS_RE = /[.\-_*~|/\\]/g;
/** Separators between two CJK ideographs ("傻 逼", "炸.药"): Chinese does not use spaces inside words. */
const CJK_SPACED_RE = /([\u3400-\u4dbf\u4e00-\u9fff])[ \t.\-_*~|/\\·•]+(?=[\u3400-\u4dbf\u4e00-\u9fff])/g;
const CJK_SPACED_TEST_RE = /[\u3400-\u4dbf\u4e00-\u9fff][ \t.\-_*~|/\\·•]+[\u3400-\u4dbf\u4e00-\u9fff]/;
const COMBINING_MARKS_RE = /[\u0300-\u036f]/g;
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
const CJK_VARIANTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/煞笔|傻b|傻比|沙比|傻x|傻叉/g, '傻逼'],
  [/尼玛|泥马/g, '你妈'],
  [/草泥马|艹你妈|曹尼玛/g, '操你妈'],
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
// Numeric references in decimal and hex (&#105; and &#x69; are the same "i": the hex form slipped through).
const ENTITY_RE = /&(?:amp|lt|gt|quot|apos|nbsp|#39);|&#(\d{1,6});|&#x([0-9a-f]{1,6});/g;

function collapseStyle(s: string): string {
  if (s.includes('&')) {
    s = s.replace(ENTITY_RE, (m, code: string | undefined, hex: string | undefined) =>
      code ? safeFromCodePoint(Number(code)) : hex ? safeFromCodePoint(parseInt(hex, 16)) : (ENTITIES[m] ?? m),
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

/** Full evasion normalisation: NFKC/full-width/zero-width, case, diacritics, homoglyphs, leet, split letters, pinyin, source style. */
export function normalizeForModel(text: string): string {
  let s = collapseStyle(coreNormalize(text).text.toLowerCase());
  if (NON_ASCII_RE.test(s)) {
    // Strip accents ("ïgnörë") but keep CJK intact (NFD leaves ideographs alone).
    if (ACCENTED_RE.test(s)) s = s.normalize('NFD').replace(COMBINING_MARKS_RE, '').normalize('NFC');
    if (HOMOGLYPH_TEST_RE.test(s)) s = s.replace(HOMOGLYPH_RE, (ch) => HOMOGLYPHS[ch] ?? ch);
    if (CJK_SPACED_TEST_RE.test(s)) s = s.replace(CJK_SPACED_RE, '$1');
    if (HAS_CJK_VARIANT_RE.test(s)) for (const [re, to] of CJK_VARIANTS) s = s.replace(re, to);
  }
  if (LEET_CONTEXT_RE.test(s)) s = s.replace(LEET_TOKEN_RE, (token) => (HAS_LEET_RE.test(token) && HAS_LETTER_RE.test(token) ? deLeet(token) : token));
  if (s.includes(')(')) s = s.replace(PARENTHESIZED_RE, (run) => run.replace(PARENS_RE, ''));
  s = s.replace(SPACED_LATIN_RE, (run) => run.replace(SPACED_SEPARATORS_RE, ''));
  s = s.replace(MASKED_LATIN_RE, (run) => run.replace(MASK_SEPARATORS_RE, ''));
  s = s.replace(PINYIN_RE, (abbr) => PINYIN_ABBREVIATIONS[abbr] ?? abbr);
  return s;
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
