import { describe, expect, it } from 'vitest';
import { createRng } from '../../../datasets/lib/rng.js';
import { generate } from '../../../datasets/pii/generate.js';
import { createPiiDetector } from '../../../guardrails/pii/index.js';
import { DictionaryMatcher } from '../../../guardrails/pii/recognizers/dictionary-matcher.js';
import '../../../guardrails/pii/recognizers/index.js';
import { PairMatcher } from '../../../guardrails/pii/zh/pair-matcher.js';
import { hitsIn, scanDictionaries, sharedMatchers } from '../../../guardrails/pii/zh/scan.js';

describe('one walk for the Chinese dictionary matchers (zh/scan.ts)', () => {
  it('gives every shared matcher exactly the hits of its own walk', () => {
    const matchers = sharedMatchers();
    // The built-in recognizers' seven Chinese matchers (place names, counties, generic place words, public
    // figures, organisation suffixes, known organisations, account words).
    expect(matchers.length).toBeGreaterThanOrEqual(7);
    // Texts: the generator's Chinese rows, hand-written sentences with overlapping and adjacent entries, and
    // random strings over the characters that start, continue and end entries (where overlaps are densest).
    const texts = generate(400, 7).filter((r) => r.lang === 'zh').map((r) => r.text);
    texts.push('北京市朝阳区人民医院和上海交通大学', '我在北京大学附属中学网上报名', '网', '路', '县城乡镇', '东方明珠广场旁边的公园', '', '北');
    const alphabet = [...new Set(texts.join('').replace(/[\x00-\x7f]/g, ''))].join('') + '网路县镇乡湖大学公司银行医院有限';
    const rng = createRng(11);
    for (let k = 0; k < 3000; k++) {
      let t = '';
      const len = Math.floor(rng() * 24);
      for (let i = 0; i < len; i++) t += alphabet[Math.floor(rng() * alphabet.length)];
      texts.push(t);
    }
    let hits = 0;
    for (const text of texts) {
      const shared = scanDictionaries(text);
      for (const m of matchers) {
        expect(shared[m.scanSlot]).toEqual(m.find(text));
        hits += shared[m.scanSlot]!.length;
      }
    }
    expect(hits).toBeGreaterThan(1000);
  });

  it('falls back to the matcher\'s own walk without the detector\'s facts, and word-mode matchers walk alone', () => {
    const places = new PairMatcher(['北京', '北京市', '上海']);
    expect(hitsIn(places, '去北京市和上海', {})).toEqual(places.find('去北京市和上海'));
    const words = new DictionaryMatcher(['New York', 'York'], 'word');
    expect(words.scanSlot).toBe(-1);
    expect(hitsIn(words, 'from New York', { dictionaryHits: () => [] })).toEqual([{ start: 5, end: 13, entry: 'New York' }]);
  });

  it('leaves the detector\'s findings on Chinese text as they were', () => {
    const detector = createPiiDetector();
    const findings = detector.detect('我叫王小明，住在北京市朝阳区建国路88号，在上海交通大学附属医院工作。');
    expect(findings.map((f) => f.type)).toEqual(expect.arrayContaining(['PERSON', 'ADDRESS', 'ORGANIZATION']));
  });
});
