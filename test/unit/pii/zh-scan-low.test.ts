import { describe, expect, it } from 'vitest';
import { createRng } from '../../../datasets/lib/rng.js';
import { generate } from '../../../datasets/pii/generate.js';
import '../../../guardrails/pii/recognizers/index.js';
import { scanDictionaries, sharedMatchers } from '../../../guardrails/pii/zh/scan.js';

/**
 * The shared dictionary walk skips positions below U+3000 whose code starts no entry, and hands matchers without a
 * hit one shared empty array. Checked on mixed texts — digits, ASCII, punctuation and the one listed entry that
 * starts below U+3000 (C罗) among the characters of Chinese entries — where the skip is taken most.
 */
describe('the shared dictionary walk on digit- and Latin-heavy Chinese text', () => {
  it('gives every shared matcher exactly the hits of its own walk', () => {
    const matchers = sharedMatchers();
    const texts = generate(600, 13).filter((r) => r.lang === 'zh').map((r) => r.text);
    texts.push('C罗', 'C罗进球了', 'AC罗马', '梅西和C罗', 'C', '罗C罗', '88号C罗路', '');
    // Characters that start, continue and end entries, with ASCII (C among them), digits and CJK punctuation.
    const zh = [...new Set(texts.join('').replace(/[\x00-\x7f]/g, ''))].join('') + '网路县镇乡湖大学公司银行医院有限罗';
    const low = 'CCC罗0123456789 -:.,@#AaBbZz\n\u00b7\u2014\u3001\u3002\uff0c';
    const rng = createRng(29);
    for (let k = 0; k < 6000; k++) {
      let t = '';
      const len = Math.floor(rng() * 40);
      for (let i = 0; i < len; i++) t += rng() < 0.5 ? low[Math.floor(rng() * low.length)] : zh[Math.floor(rng() * zh.length)];
      texts.push(t);
    }
    let hits = 0;
    let cLuo = 0;
    for (const text of texts) {
      const shared = scanDictionaries(text);
      for (const m of matchers) {
        const own = m.find(text);
        expect(shared[m.scanSlot]).toEqual(own);
        hits += own.length;
        for (const h of own) if (h.entry.startsWith('C')) cLuo++;
      }
    }
    expect(hits).toBeGreaterThan(1500);
    // The entry that starts below U+3000 is found where it occurs (the skip table lists its first code).
    expect(cLuo).toBeGreaterThan(10);
  });

  it('hands out the shared empty array only where a matcher has no hit, and it stays empty', () => {
    const empty = scanDictionaries('12345 abc');
    for (const list of empty) expect(list).toEqual([]);
    // The same array for every matcher without a hit, in every text; a text with hits gets fresh arrays for them.
    expect(new Set([...empty, ...scanDictionaries('')]).size).toBe(1);
    const withHits = scanDictionaries('北京市朝阳区人民医院');
    expect(withHits.some((l) => l.length > 0)).toBe(true);
    for (const list of withHits) if (list.length > 0) expect(list).not.toBe(empty[0]);
    for (let k = 0; k < 50; k++) scanDictionaries(`北京市${k}号和上海交通大学`);
    expect(empty[0]).toEqual([]);
  });
});
