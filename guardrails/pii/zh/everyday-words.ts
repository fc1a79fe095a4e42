/**
 * Everyday words that straddle listed brand and place names (倾国|美女, 机内|地线, 不吉利, 豆瓣酱, 黄金华夫饼),
 * written from general knowledge. The background bigram statistics (zh/char-model.ts insideWord) miss them:
 * they are unseen pairs there. (Not the surname word lists of dictionaries/zh-names.ts: 山东|方言 and
 * 中华|人民 would trip over 东方 and 华人.)
 */
import { pairKey as key } from './pair-matcher.js';

/** Two-character words by their two UTF-16 codes as one number: a Set lookup without building a string. */
const TWO = new Set(
  ('倾国 全国 黄金 地线 电线 天线 火线 不吉 瓣酱 豆面 里面 ' +
    // Recipe verbs and their objects (去皮|切丝, 剥皮, 焯水): a transliteration character closing one starts no foreign name.
    '去皮 削皮 剥皮 扒皮 切丝 切片 切块 切段 切丁 切条 切末 切碎 焯水 沥干 腌制 翻炒 爆香 勾芡')
    .split(' ')
    .map((w) => key(w.charCodeAt(0), w.charCodeAt(1))),
);

/**
 * True when the two-character name at [start, end) runs into such a word on either side: its first character
 * closes one with the character before it, or its last opens one with the character after it (黄|金华, 倾|国美|女,
 * 不|吉利).
 */
export function straddlesEverydayWord(text: string, start: number, end: number): boolean {
  if (end - start !== 2) return false;
  if (start > 0 && TWO.has(key(text.charCodeAt(start - 1), text.charCodeAt(start)))) return true;
  // (Three-character words by a two-character piece: 不吉|利 by 不吉, 豆瓣|酱 by 瓣酱.)
  return end < text.length && TWO.has(key(text.charCodeAt(end - 1), text.charCodeAt(end)));
}

/** The character before `at` and the one at it form such a word (去|皮 切丝: the run 皮切丝 starts inside 去皮). */
export function closesEverydayWord(text: string, at: number): boolean {
  return at > 0 && at < text.length && TWO.has(key(text.charCodeAt(at - 1), text.charCodeAt(at)));
}
