/**
 * Keyword lexicons that refine a learned parent score into fine taxonomy categories. Matching runs on
 * the evasion-normalised text (lower-case, de-leeted), so lexicon entries are plain lower-case words.
 * English entries match at word starts (stems: "threat" matches "threatening"); Chinese entries match
 * as substrings (no word boundaries in Chinese).
 */
import { AhoCorasick } from '../rules/aho-corasick.js';

export interface LexiconEntry {
  readonly en: readonly string[];
  readonly zh: readonly string[];
}

export type Lexicon = Readonly<Record<string, LexiconEntry>>;

export interface CompiledLexicon {
  /** Categories whose words occur in the normalised text, in lexicon order. */
  match(normalized: string): string[];
}

export interface CompileOptions {
  /**
   * A Chinese entry of at most this many characters counts only where it is a whole word of the text: its start and end
   * are word boundaries of the run of Chinese characters around it, segmented by ICU's dictionary (Intl.Segmenter).
   * Without it '去死' matched in 去死海旅游 (a trip to the Dead Sea), '日你' in 今日你有空吗, '垃圾' in 垃圾桶, '滚' in 滚动,
   * '我靠' in 我靠窗坐. Longer entries are phrases that rarely hide in another word and that ICU sometimes cuts wrongly
   * (我/就打/断/你的/腿), or stems of a longer phrase (女人都 in 女人都是): they match as substrings. Costs one segmentation
   * of a short run per such hit; text without a Chinese hit is not segmented.
   */
  readonly zhWholeWords?: number;
}

/** Longest stretch of Chinese characters on each side of a hit that is segmented with it (a sentence's worth). */
const SEGMENT_CONTEXT = 24;
const isCjk = (c: number): boolean => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
let zhSegmenter: Intl.Segmenter | undefined;

/** Whether [start, end) of `text` begins and ends at word boundaries of the Chinese run around it. */
export function isWholeChineseWord(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && start - from < SEGMENT_CONTEXT && isCjk(text.charCodeAt(from - 1))) from -= 1;
  let to = end;
  while (to < text.length && to - end < SEGMENT_CONTEXT && isCjk(text.charCodeAt(to))) to += 1;
  // A hit with no Chinese neighbour is a word by itself.
  if (from === start && to === end) return true;
  zhSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  let startOk = start === from;
  let endOk = end === to;
  for (const { index } of zhSegmenter.segment(text.slice(from, to))) {
    const at = from + index;
    if (at === start) startOk = true;
    if (at === end) endOk = true;
    if (at >= end) break;
  }
  return startOk && endOk;
}

/**
 * One Aho-Corasick pass over the text for every category (a regex per category scanned the text once per
 * category, ~16 µs per KB for the toxicity lexicon alone). Same answer as the regex form
 * `(?<![a-z])(?:en words…)|(?:zh words…)` per category: an English word counts where no letter a-z precedes it.
 */
export function compileLexicon(lexicon: Lexicon, options: CompileOptions = {}): CompiledLexicon {
  const categories = Object.keys(lexicon);
  if (categories.length > 31) throw new Error('compileLexicon: at most 31 categories (one bit each)');
  const patternIndex = new Map<string, number>();
  const patterns: string[] = [];
  // Per pattern: categories it stands for at a word start (English) and anywhere (Chinese), as bit masks.
  const atWordStart: number[] = [];
  const anywhere: number[] = [];
  const add = (word: string, bit: number, masks: number[]): void => {
    if (word.length === 0) return;
    let i = patternIndex.get(word);
    if (i === undefined) {
      patternIndex.set(word, (i = patterns.length));
      patterns.push(word);
      atWordStart.push(0);
      anywhere.push(0);
    }
    masks[i] = masks[i]! | bit;
  };
  categories.forEach((category, c) => {
    for (const word of lexicon[category]!.en) add(word, 1 << c, atWordStart);
    for (const word of lexicon[category]!.zh) add(word, 1 << c, anywhere);
  });
  const automaton = AhoCorasick.build(patterns);
  return {
    match(normalized: string): string[] {
      let hits = 0;
      automaton.forEachMatch(normalized, (i, start, end) => {
        // Skip the segmentation when every category the entry stands for is already hit.
        if (anywhere[i]! !== 0 && (hits & anywhere[i]!) !== anywhere[i]! && (end - start > (options.zhWholeWords ?? 0) || isWholeChineseWord(normalized, start, end))) hits |= anywhere[i]!;
        if (atWordStart[i]! !== 0) {
          const before = start > 0 ? normalized.charCodeAt(start - 1) : 0;
          if (before < 97 || before > 122) hits |= atWordStart[i]!;
        }
      });
      const out: string[] = [];
      if (hits !== 0) categories.forEach((category, c) => (hits & (1 << c)) !== 0 && out.push(category));
      return out;
    },
  };
}
