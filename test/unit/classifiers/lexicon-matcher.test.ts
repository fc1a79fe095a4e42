/**
 * compileLexicon matches every category in one Aho-Corasick pass; before, each category was a regex
 * `(?<![a-z])(?:en…)|(?:zh…)` scanned on its own. The two must agree on every text: the regex form is kept
 * here as the reference, and both lexicons are checked on every word in every kind of neighbourhood and on
 * random texts built from lexicon fragments.
 */
import { describe, expect, it } from 'vitest';
import { createRng, int, pick } from '../../../datasets/lib/rng.js';
import { HARM_LEXICON } from '../../../guardrails/intent/harm-lexicon.js';
import { compileLexicon, type Lexicon } from '../../../guardrails/text-model/lexicon.js';
import { TOXICITY_LEXICON } from '../../../guardrails/toxicity/lexicon.js';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The regex matcher compileLexicon used before (speed round of 2026-11-29). */
function regexMatcher(lexicon: Lexicon): (text: string) => string[] {
  const compiled = Object.entries(lexicon).map(([category, entry]) => {
    const parts: string[] = [];
    if (entry.en.length > 0) parts.push(`(?<![a-z])(?:${entry.en.map(escape).join('|')})`);
    if (entry.zh.length > 0) parts.push(`(?:${entry.zh.map(escape).join('|')})`);
    return { category, re: new RegExp(parts.join('|')) };
  });
  return (text) => compiled.filter((c) => c.re.test(text)).map((c) => c.category);
}

const LEXICONS: Array<[string, Lexicon]> = [
  ['toxicity', TOXICITY_LEXICON],
  ['harm', HARM_LEXICON],
];
const NEIGHBOURS = ['', ' ', 'a', 'z', 'x', 'A', '1', '-', "'", '.', '中', '你', '\n', 'é'];

describe.each(LEXICONS)('%s lexicon: one-pass matcher == per-category regexes', (_name, lexicon) => {
  const fast = compileLexicon(lexicon);
  const reference = regexMatcher(lexicon);
  const words = Object.values(lexicon).flatMap((e) => [...e.en, ...e.zh]);

  it('every word, with every neighbour before and after', () => {
    let hits = 0;
    for (const word of words) {
      for (const before of NEIGHBOURS) {
        for (const after of NEIGHBOURS) {
          const text = `${before}${word}${after}`;
          const expected = reference(text);
          expect(fast.match(text), text).toEqual(expected);
          if (expected.length > 0) hits += 1;
        }
      }
    }
    // Words preceded by a-z must not count, so not every text hits; most do.
    expect(hits).toBeGreaterThan(words.length * NEIGHBOURS.length);
    expect(hits).toBeLessThan(words.length * NEIGHBOURS.length ** 2);
  });

  it('random texts of word fragments, letters and CJK', () => {
    const rng = createRng(20261129);
    const alphabet = ['a', 'e', 's', 't', ' ', ' ', '.', '的', '人', '1', "'", '\n'];
    for (let n = 0; n < 4000; n++) {
      let text = '';
      const parts = int(rng, 1, 8);
      for (let p = 0; p < parts; p++) {
        const word = pick(rng, words);
        // Whole words, prefixes, suffixes and noise, so near-misses and overlaps occur.
        const r = rng();
        text += r < 0.4 ? word : r < 0.6 ? word.slice(0, int(rng, 1, word.length)) : r < 0.7 ? word.slice(int(rng, 0, word.length - 1)) : '';
        for (let k = int(rng, 0, 3); k > 0; k--) text += pick(rng, alphabet);
      }
      expect(fast.match(text), text).toEqual(reference(text));
    }
  });
});

/**
 * The toxicity lexicon counts a Chinese entry of one or two characters only as a whole word (ICU word boundaries of the
 * Chinese run around it).
 * Before, '去死' matched in 去死海旅游 (a trip to the Dead Sea), '日你' in 今日你有空吗, '滚' in 滚动条, '我靠' in 我靠窗坐, '垃圾' in
 * 垃圾桶 and '操' in 操场, and those hits are features of the toxicity model (去死海旅游 0.531, ZH threshold 0.419).
 */
describe('toxicity lexicon: short Chinese entries count as whole words only', () => {
  const whole = compileLexicon(TOXICITY_LEXICON, { zhWholeWords: 2 });
  const substring = compileLexicon(TOXICITY_LEXICON);

  it.each(['去死海旅游', '今日你有空吗', '生日你想怎么过', '滚动条拉不动了', '我靠窗坐', '垃圾桶满了', '操场上有人', '草地上开满了花'])(
    'no hit inside a harmless word: %s',
    (text) => {
      expect(substring.match(text).length, 'the substring matcher hits it').toBeGreaterThan(0);
      expect(whole.match(text)).toEqual([]);
    },
  );

  it.each([
    ['滚', ['toxicity.insult']],
    ['你给我滚', ['toxicity.insult']],
    ['妈的', ['toxicity.profanity']],
    ['你去死', ['toxicity.insult', 'toxicity.self_harm']],
    ['我日你妈', ['toxicity.sexual']],
    ['你就是个垃圾', ['toxicity.insult']],
    ['他妈的真烦', ['toxicity.profanity']],
    ['fuck you, 傻逼', ['toxicity.insult', 'toxicity.sexual', 'toxicity.profanity']],
    // Entries of three characters or more match as substrings: ICU cuts 我/就打/断/你的/腿, and 女人都 is the stem of 女人都是.
    ['你再报警，我就打断你的腿', ['toxicity.threat']],
    ['女人都是骗子', ['toxicity.hate']],
  ] as const)('still hits the word: %s', (text, categories) => {
    expect(whole.match(text)).toEqual(categories);
  });
});
