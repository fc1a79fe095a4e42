/**
 * Chinese homophone variants of 你妈 / 操你妈 (task C2). The 泥马 → 你妈 rule ran before the 草泥马 → 操你妈 one, so
 * 草泥马 was read as 草你妈 and the 草泥马 rule never fired ("你个草泥马" 0.35, "你算个草泥马" 0.32 on toxicity, under
 * the ZH threshold 0.396), and the ordinary 水泥马路 (concrete road) became 水你妈路 (0.033 against 0.013 for a
 * tarmac road); 尼玛, also a common Tibetan given name, became 你妈 in 尼玛次仁 and 扎西尼玛.
 */
import { describe, expect, it } from 'vitest';
import { createToxicityDetector } from '../../../guardrails/toxicity/index.js';
import { normalizeForModel } from '../../../guardrails/text-model/evasion.js';
import type { Finding } from '../../../guardrails/core/types.js';

describe('Chinese variants of 你妈 / 操你妈 (normalisation)', () => {
  it.each([
    ['草泥马', '操你妈'],
    ['草泥马的，又输了', '操你妈的,又输了'],
    ['艹尼玛', '操你妈'],
    ['曹尼玛', '操你妈'],
    ['尼玛的，气死我了', '你妈的,气死我了'],
    ['这泥马是什么玩意', '这你妈是什么玩意'],
  ])('reads %s as abuse', (input, expected) => {
    expect(normalizeForModel(input)).toBe(expected);
  });

  it('leaves cement, the legend and Tibetan names alone', () => {
    for (const text of ['村里新修了一条水泥马路', '泥马渡康王的传说', '尼玛次仁是拉萨的一名老师。', '扎西尼玛在牧场放牧。', '尼玛县位于西藏北部。', '尼玛老师今天请假了。']) {
      expect(normalizeForModel(text)).toBe(text);
    }
  });
});

describe('Chinese variants of 你妈 / 操你妈 (committed weights)', async () => {
  const toxicity = await createToxicityDetector({ minScore: 0 });
  const finding = (text: string): Finding | undefined => (toxicity.detect(text) as Finding[]).find((f) => f.category === 'toxicity.toxic');
  const score = (text: string): number => finding(text)?.score ?? 0;
  const flagged = (text: string): boolean => finding(text)?.meta?.flagged === true;

  it('flags 草泥马 aimed at someone (0.32-0.36 before, as 草你妈)', () => {
    for (const text of ['你个草泥马', '你算个草泥马', '草泥马的，又输了', '草泥马，滚']) expect(flagged(text), text).toBe(true);
  });

  // [text, neutral paraphrase]: the word must not add toxicity the paraphrase does not have.
  const NEUTRAL: Array<[string, string]> = [
    ['这条水泥马路明年要拓宽。', '这条水泥路明年要拓宽。'],
    ['村里新修了一条水泥马路，出行方便多了。', '村里新修了一条水泥路，出行方便多了。'],
    ['尼玛次仁是拉萨的一名老师。', '多吉次仁是拉萨的一名老师。'],
    ['扎西尼玛在牧场放牧。', '扎西多吉在牧场放牧。'],
    ['我的同事扎西尼玛来自日喀则。', '我的同事扎西多吉来自日喀则。'],
  ];
  it.each(NEUTRAL)('%s stays unflagged and scores like its paraphrase', (text, paraphrase) => {
    expect(flagged(text)).toBe(false);
    expect(score(text)).toBeLessThanOrEqual(score(paraphrase) + 0.01);
  });
});
