/**
 * Where the toxicity head fails on COLD, measured at training time for the model card.
 *
 * COLD's test split is labelled by hand with four fine classes (attack on an individual, attack on a group,
 * anti-bias, other non-offensive); its train and dev splits carry only a binary label, assigned
 * semi-automatically. Two measurements show why test F1 stays far below dev F1: the share of each fine
 * class the head flags, and how often rows that use the vocabulary of discussing discrimination are
 * labelled toxic in each split (a label shift no model trained on these labels can undo).
 */
import type { Example, HeadId } from './data.js';
import { atThreshold } from './metrics.js';

/** Fine classes of COLD's test split (data.ts keeps them as `category`). */
export const COLD_FINE_CLASSES = ['attack_individual', 'attack_group', 'safe_anti_bias', 'safe_other_non_offensive'] as const;

/** Generic words of discussing discrimination (not taken from any row): 歧视 discrimination, 地域黑 regional bashing, 偏见 prejudice, 平等 equality. */
export const DISCUSSION_WORDS = ['歧视', '地域黑', '偏见', '平等'] as const;

export interface ColdFineClass {
  fineClass: string;
  /** Rows of that class in COLD's test split. */
  n: number;
  toxic: boolean;
  /** Share the head flags at the shipped threshold: recall for attack classes, false-positive rate for safe ones. */
  flagged: number;
}

export interface ColdLabelShift {
  word: string;
  /** Per split: rows containing the word and the share labelled toxic. */
  splits: { split: 'train' | 'val' | 'test'; n: number; toxicShare: number }[];
}

export interface ColdReport {
  threshold: number;
  testF1: number;
  /**
   * Accuracy and macro F1 (mean of the offensive and non-offensive F1) on the test split: the metrics the COLD
   * paper reports its COLDetector baseline in (81 % accuracy), where testF1 is the offensive class alone.
   */
  testAccuracy: number;
  testMacroF1: number;
  /** Test F1 with the anti-bias rows left out: what the other three classes alone give. */
  testF1WithoutAntiBias: number;
  fineClasses: ColdFineClass[];
  labelShift: ColdLabelShift[];
}

const r4 = (x: number): number => Number(x.toFixed(4));

/** Accuracy and the mean of both classes' F1 at `threshold`. */
function accuracyAndMacroF1(scores: readonly number[], labels: readonly number[], threshold: number): { accuracy: number; macroF1: number } {
  const flipped = labels.map((l) => 1 - l);
  const offensive = atThreshold(scores, labels, threshold).f1;
  // Non-offensive as the positive class: predicted when the score is below the threshold.
  const nonOffensive = atThreshold(scores.map((s) => (s >= threshold ? 0 : 1)), flipped, 1).f1;
  const correct = scores.filter((s, i) => (s >= threshold ? 1 : 0) === labels[i]).length;
  return { accuracy: correct / scores.length, macroF1: (offensive + nonOffensive) / 2 };
}

/** Breakdown of one head's scores on COLD (source `cold`); undefined when COLD has no labelled test rows. */
export function coldReport(head: HeadId, examples: readonly Example[], score: (i: number) => number, threshold: number): ColdReport | undefined {
  const test: number[] = [];
  examples.forEach((e, i) => {
    if (e.source === 'cold' && e.split === 'test' && e.labels[head] !== undefined) test.push(i);
  });
  if (test.length === 0) return undefined;
  const scores = new Map(test.map((i) => [i, score(i)]));
  const f1Of = (idx: readonly number[]): number => atThreshold(idx.map((i) => scores.get(i)!), idx.map((i) => examples[i]!.labels[head]!), threshold).f1;
  const fineClasses: ColdFineClass[] = [];
  for (const fineClass of COLD_FINE_CLASSES) {
    const idx = test.filter((i) => examples[i]!.category === fineClass);
    if (idx.length === 0) continue;
    const flagged = idx.filter((i) => scores.get(i)! >= threshold).length;
    fineClasses.push({ fineClass, n: idx.length, toxic: examples[idx[0]!]!.labels[head] === 1, flagged: r4(flagged / idx.length) });
  }
  const labelShift = DISCUSSION_WORDS.map((word): ColdLabelShift => ({
    word,
    splits: (['train', 'val', 'test'] as const).map((split) => {
      const rows = examples.filter((e) => e.source === 'cold' && e.split === split && e.labels[head] !== undefined && e.norm.includes(word));
      const toxic = rows.filter((e) => e.labels[head] === 1).length;
      return { split, n: rows.length, toxicShare: rows.length === 0 ? Number.NaN : r4(toxic / rows.length) };
    }),
  }));
  const overall = accuracyAndMacroF1(test.map((i) => scores.get(i)!), test.map((i) => examples[i]!.labels[head]!), threshold);
  return {
    threshold,
    testF1: r4(f1Of(test)),
    testAccuracy: r4(overall.accuracy),
    testMacroF1: r4(overall.macroF1),
    testF1WithoutAntiBias: r4(f1Of(test.filter((i) => examples[i]!.category !== 'safe_anti_bias'))),
    fineClasses,
    labelShift,
  };
}
