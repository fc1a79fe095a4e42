/** The COLD breakdown in the model card: per fine class flagged shares, F1 without anti-bias rows, label shift per split. */
import { describe, expect, it } from 'vitest';
import { coldReport } from '../../../guardrails/train/cold-analysis.js';
import type { Example, Split } from '../../../guardrails/train/data.js';

function row(text: string, split: Split, toxic: 0 | 1, category?: string, source = 'cold'): Example {
  return { text, norm: text, lang: 'zh', source, split, labels: { 'toxicity.toxic': toxic }, weight: 1, shippable: true, category };
}

describe('coldReport', () => {
  // Our own strings; scores are given per row, so the breakdown is checked against hand-counted figures.
  const examples: Example[] = [
    row('你这个人真是蠢', 'test', 1, 'attack_individual'),
    row('某地人都是骗子', 'test', 1, 'attack_group'),
    row('某地人都不讲理', 'test', 1, 'attack_group'),
    row('反对地域歧视，大家都一样', 'test', 0, 'safe_anti_bias'),
    row('别搞地域黑了', 'test', 0, 'safe_anti_bias'),
    row('今天天气不错', 'test', 0, 'safe_other_non_offensive'),
    row('我就歧视某地人', 'train', 1),
    row('歧视是不对的', 'train', 0),
    row('他们在讨论歧视', 'val', 1),
    row('其他来源的歧视', 'test', 1, undefined, 'elsewhere'),
  ];
  const scores = [0.9, 0.8, 0.2, 0.7, 0.1, 0.05, 0, 0, 0, 0.99];

  it('counts the share flagged per fine class at the threshold and F1 with and without the anti-bias rows', () => {
    const report = coldReport('toxicity.toxic', examples, (i) => scores[i]!, 0.5)!;
    const byClass = Object.fromEntries(report.fineClasses.map((c) => [c.fineClass, c]));
    expect(byClass.attack_individual).toMatchObject({ n: 1, toxic: true, flagged: 1 });
    expect(byClass.attack_group).toMatchObject({ n: 2, toxic: true, flagged: 0.5 });
    expect(byClass.safe_anti_bias).toMatchObject({ n: 2, toxic: false, flagged: 0.5 });
    expect(byClass.safe_other_non_offensive).toMatchObject({ n: 1, toxic: false, flagged: 0 });
    // All test rows: tp 2, fp 1, fn 1 → F1 2/3. Without anti-bias: tp 2, fp 0, fn 1 → F1 0.8.
    expect(report.testF1).toBeCloseTo(2 / 3, 4);
    expect(report.testF1WithoutAntiBias).toBeCloseTo(0.8, 4);
    // 4 of 6 test rows right; non-offensive as the positive class: tp 2, fp 1, fn 1 → F1 2/3; macro (2/3 + 2/3) / 2.
    expect(report.testAccuracy).toBeCloseTo(4 / 6, 4);
    expect(report.testMacroF1).toBeCloseTo(2 / 3, 4);
  });

  it('macro F1 weighs the non-offensive class as much as the offensive one', () => {
    // Every row flagged: offensive F1 2·3/(2·3+3) = 2/3, non-offensive F1 0 → macro 1/3; accuracy 3/6.
    const report = coldReport('toxicity.toxic', examples, () => 1, 0.5)!;
    expect(report.testF1).toBeCloseTo(2 / 3, 4);
    expect(report.testMacroF1).toBeCloseTo(1 / 3, 4);
    expect(report.testAccuracy).toBeCloseTo(0.5, 4);
  });

  it('reports the toxic share of rows using each discussion word per COLD split, ignoring other sources', () => {
    const report = coldReport('toxicity.toxic', examples, (i) => scores[i]!, 0.5)!;
    const discrimination = report.labelShift.find((w) => w.word === '歧视')!;
    expect(discrimination.splits).toEqual([
      { split: 'train', n: 2, toxicShare: 0.5 },
      { split: 'val', n: 1, toxicShare: 1 },
      { split: 'test', n: 1, toxicShare: 0 },
    ]);
  });

  it('is undefined without COLD test rows', () => {
    expect(coldReport('toxicity.toxic', examples.filter((e) => e.split !== 'test'), () => 0, 0.5)).toBeUndefined();
  });
});
