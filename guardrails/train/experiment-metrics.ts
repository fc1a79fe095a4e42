/**
 * Figures shared by the training experiments (dist-experiment.ts, soup-experiment.ts): a task's label over one or
 * more heads, leave-one-source-out ROC-AUC per language of a held-out source, and in-distribution recall at 1 % FPR
 * on the benign-only sets. Not used by the shipped pipeline.
 */
import type { Example, HeadId } from './data.js';
import { recallAtFpr } from './metrics.js';
import { evaluateHead } from './pipeline.js';

export type Label = (e: Example) => 0 | 1 | undefined;

/** Positive when any of the heads is, negative when all are, otherwise unlabelled for the task. */
export const taskLabel =
  (heads: readonly HeadId[]): Label =>
  (e) =>
    heads.some((h) => e.labels[h] === 1) ? 1 : heads.every((h) => e.labels[h] === 0) ? 0 : undefined;

/** ROC-AUC per language of a held-out source for a score over examples (positive-only sources: pooled test negatives, as in the pipeline). */
export function aucs(examples: readonly Example[], label: Label, score: (i: number) => number, source: string): Map<string, number> {
  const key = 'intent.prompt_injection' as HeadId; // any head id: the relabelled rows carry one label
  const relabelled = examples.map((e) => ({ ...e, labels: { [key]: label(e) } as Example['labels'] }));
  return new Map(evaluateHead(key, relabelled, score, 0.5, (e) => e.source === source, [source]).map((m) => [m.lang, m.rocAuc]));
}

/** In-distribution: recall at 1 % FPR on the benign-only sets (shippable test split + eval-only rows, ≤ 1000 per source). */
export function pooledRecall(examples: readonly Example[], label: Label, score: (i: number) => number): string {
  const perSource = new Map<string, number>();
  const rows = examples.flatMap((e, i) => {
    if (label(e) === undefined) return [];
    if (e.shippable) return e.split === 'test' ? [i] : [];
    const n = (perSource.get(e.source) ?? 0) + 1;
    perSource.set(e.source, n);
    return n <= 1000 ? [i] : [];
  });
  const benign = new Set(rows.map((i) => examples[i]!.source).filter((s) => rows.every((i) => examples[i]!.source !== s || label(examples[i]!) === 0)));
  return ['en', 'zh']
    .map((lang) => {
      const sel = rows.filter((i) => examples[i]!.lang === lang && (label(examples[i]!) === 1 || benign.has(examples[i]!.source)));
      return `${lang} ${recallAtFpr(sel.map(score), sel.map((i) => label(examples[i]!)!), 0.01).toFixed(3)}`;
    })
    .join(' / ');
}
