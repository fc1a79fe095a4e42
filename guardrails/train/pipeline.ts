/**
 * The training pipeline as functions (train.ts is the CLI): featurise once, train each head on the
 * shippable train split, calibrate and pick thresholds on validation, quantise, and evaluate on test
 * splits and leave-one-source-out.
 */
import { createHash } from 'node:crypto';
import type { LexiconSet, SparseFeatures } from '../text-model/featurize.js';
import { textViews } from '../text-model/views.js';
import { evidenceShrink, MODEL_FORMAT, sigmoid, type ModelManifest } from '../text-model/model.js';
import { HEADS, type Example, type HeadId, type ModelName } from './data.js';
import { atThreshold, bestF1Threshold, recallAtFpr, rocAuc, round } from './metrics.js';
import { fitPlatt, margin, quantize, trainHead, type TrainConfig, type TrainRow } from './trainer.js';

/**
 * Operating point per head: F1-maximising on validation, but for the intent heads never above 2% false
 * positives on validation negatives (a guardrail that blocks 1 benign prompt in 20 is switched off).
 */
export const MAX_VALIDATION_FPR: Readonly<Record<string, number>> = {
  'intent.prompt_injection': 0.02,
  'intent.jailbreak': 0.02,
  'intent.harmful': 0.02,
};

/**
 * Sources that calibrate (evidence, Platt) but do not set the operating point: thousands of easy short
 * fragments would inflate the validation negatives, so a "≤ 2% FPR" budget would buy false positives on
 * the hard benign documents instead. Their own false-positive rate is still reported.
 */
export const THRESHOLD_EXCLUDED_SOURCES: ReadonlySet<string> = new Set(['sealgate-benign-fragments', 'sealgate-short-attacks']);

/**
 * Generated sources kept out of validation altogether (neither calibration nor thresholds; their validation-split rows
 * are simply unused): templated safe / harmful pairs are easier than real prompts and, calibrated on, moved the harmful
 * head's operating point further (short benign FPR EN 5/129 with them vs 2/129 without, measured before the security-education family).
 * The everyday questions are the same kind of templated pairs, and so are the sources measured on 2026-11-29 and not in
 * the mix (intellectual-property requests, short Chinese role-plays and their twins, first-person scenarios).
 */
export const VALIDATION_EXCLUDED_SOURCES: ReadonlySet<string> = new Set(['sealgate-harm-contrasts', 'sealgate-everyday-questions', 'sealgate-ip-requests', 'sealgate-zh-short-roleplay', 'sealgate-zh-short-roleplay-twins', 'sealgate-scenarios', 'sealgate-service-requests', 'sealgate-study-help', 'sealgate-fiction-requests', 'sealgate-prompt-writing', 'sealgate-idioms', 'sealgate-crime-outcomes', 'sealgate-homemade', 'sealgate-travel-documents', 'sealgate-file-requests', 'sealgate-zh-short-abuse', 'sealgate-zh-everyday-senses']);

export interface BuiltModel {
  manifest: ModelManifest;
  weights: Int16Array;
}

/** Features of one example: the whole text (trained on) and every view the detector scores (whole + windows). */
export interface ExampleFeatures {
  readonly whole: SparseFeatures;
  readonly views: readonly SparseFeatures[];
}

export function featurizeAll(examples: readonly Example[], buckets: number, lexicon?: LexiconSet): ExampleFeatures[] {
  return examples.map((e) => {
    const views = textViews(e.text, { buckets, lexicon }).map((v) => v.features);
    return { whole: views[0]!, views };
  });
}

export function rowsFor(head: HeadId, examples: readonly Example[], feats: readonly ExampleFeatures[], keep: (e: Example) => boolean): TrainRow[] {
  const rows: TrainRow[] = [];
  const groups = new Map<string, number>();
  for (let i = 0; i < examples.length; i += 1) {
    const e = examples[i]!;
    const label = e.labels[head];
    if (label === undefined || !keep(e)) continue;
    if (!groups.has(e.source)) groups.set(e.source, groups.size);
    rows.push({ features: feats[i]!.whole, label, weight: e.weight, group: groups.get(e.source)! });
  }
  return rows;
}

export function indicesFor(head: HeadId, examples: readonly Example[], keep: (e: Example) => boolean): number[] {
  const out: number[] = [];
  examples.forEach((e, i) => {
    if (e.labels[head] !== undefined && keep(e)) out.push(i);
  });
  return out;
}

/** Active hashed features of a view (appended dense dimensions do not count as evidence). */
export const activeOf = (v: SparseFeatures): number => (v as SparseFeatures & { active?: number }).active ?? v.indices.length;

/** The detector's margin: the maximum over the text's views (dot products shrunk by evidence, as at inference). */
export function viewMargin(head: { weights: ArrayLike<number>; bias: number }, f: ExampleFeatures, scale = 1, evidence = 0): number {
  let best = -Infinity;
  for (const v of f.views) best = Math.max(best, head.bias + evidenceShrink(evidence, activeOf(v)) * (margin(head, v, scale) - head.bias));
  return best;
}

/** Candidate evidence constants (active features at which a text gets half its weight against the bias). */
export const EVIDENCE_GRID = [0, 2, 4, 6, 8, 12, 16, 24, 32] as const;

export interface Calibration {
  a: number;
  b: number;
  evidence: number;
}

/**
 * Evidence-aware calibration: for each candidate evidence constant, Platt-fit on the validation margins and
 * keep the constant with the lowest validation log loss. Validation holds short benign fragments, so the
 * constant says how much a few-feature text should be trusted; 0 (no shrinkage) wins when nothing is gained.
 */
export function fitEvidenceCalibration(head: { weights: ArrayLike<number>; bias: number }, rows: readonly ExampleFeatures[], labels: readonly number[], scale = 1): Calibration {
  let best: Calibration & { loss: number } = { a: 1, b: 0, evidence: 0, loss: Infinity };
  for (const evidence of EVIDENCE_GRID) {
    const margins = rows.map((f) => viewMargin(head, f, scale, evidence));
    const { a, b } = fitPlatt(margins, labels);
    let loss = 0;
    for (let i = 0; i < margins.length; i += 1) {
      const p = Math.min(1 - 1e-12, Math.max(1e-12, sigmoid(a * margins[i]! + b)));
      loss -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
    }
    // Strictly better only: ties keep the smaller constant (less shrinkage).
    if (loss < best.loss - 1e-9) best = { a, b, evidence, loss };
  }
  return { a: best.a, b: best.b, evidence: best.evidence };
}

/** Digest of what the weights depend on: the config and every training text with its labels. */
export function trainingDigest(examples: readonly Example[], config: TrainConfig): string {
  const h = createHash('sha256').update(JSON.stringify(config));
  for (const e of examples) if (e.shippable && e.split !== 'test') h.update(`${e.split}\u0000${JSON.stringify(e.labels)}\u0000${e.weight}\u0000${e.norm}\u0001`);
  return h.digest('hex');
}

/** Global F1-maximising threshold (≤ maxFpr validation false positives) and per-language ones, from calibrated validation scores. */
export function operatingPoints(calibrated: readonly number[], labels: readonly (0 | 1)[], langs: readonly string[], maxFpr: number): { threshold: number; thresholds: Record<string, number> } {
  const threshold = bestF1Threshold(calibrated, labels, maxFpr);
  // Per-language operating points: the score distributions of EN and ZH benign text differ.
  const thresholds: Record<string, number> = {};
  for (const lang of ['en', 'zh']) {
    const idx = langs.flatMap((l, k) => (l === lang ? [k] : []));
    const positives = idx.filter((k) => labels[k] === 1).length;
    if (positives < 20 || idx.length - positives < 20) continue;
    // Only ever stricter than the global point: a language whose validation set is easy (templated
    // positives) must not pull its threshold down into benign look-alikes the validation set lacks.
    thresholds[lang] = round(Math.max(threshold, bestF1Threshold(idx.map((k) => calibrated[k]!), idx.map((k) => labels[k]!), maxFpr)), 6);
  }
  return { threshold, thresholds };
}

/** Trains every head of a model on shippable train rows; calibration and thresholds from validation. */
export function buildModel(name: ModelName, examples: readonly Example[], feats: readonly ExampleFeatures[], config: TrainConfig): BuiltModel {
  const heads = HEADS[name];
  const weights = new Int16Array(heads.length * config.buckets);
  const manifestHeads: ModelManifest['heads'] = [];
  heads.forEach((head, h) => {
    const train = rowsFor(head, examples, feats, (e) => e.shippable && e.split === 'train');
    const trained = trainHead(train, config, head);
    const { q, scale } = quantize(trained.weights);
    weights.set(q, h * config.buckets);
    // Calibrate the QUANTISED model: that is what ships.
    const val = indicesFor(head, examples, (e) => e.shippable && e.split === 'val' && !VALIDATION_EXCLUDED_SOURCES.has(e.source));
    const labels = val.map((i) => examples[i]!.labels[head]!);
    const quantised = { weights: q, bias: trained.bias };
    const { evidence, ...calibration } = fitEvidenceCalibration(quantised, val.map((i) => feats[i]!), labels, scale);
    const margins = val.map((i) => viewMargin(quantised, feats[i]!, scale, evidence));
    const calibrated = margins.map((m) => sigmoid(calibration.a * m + calibration.b));
    const maxFpr = MAX_VALIDATION_FPR[head] ?? 1;
    const picks = val.map((i, k) => [i, k] as const).filter(([i]) => !THRESHOLD_EXCLUDED_SOURCES.has(examples[i]!.source));
    const { threshold, thresholds } = operatingPoints(picks.map(([, k]) => calibrated[k]!), picks.map(([, k]) => labels[k]!), picks.map(([i]) => examples[i]!.lang), maxFpr);
    manifestHeads.push({ category: head, bias: trained.bias, scale, calibration, ...(evidence > 0 ? { evidence } : {}), threshold: round(threshold, 6), thresholds });
  });
  return {
    manifest: {
      format: MODEL_FORMAT,
      name,
      featurizer: { buckets: config.buckets, ...(config.lexicon?.[name] ? { lexicon: config.lexicon[name] } : {}) },
      heads: manifestHeads,
      weightsFile: `${name}.weights.bin`,
      trainingDigest: trainingDigest(examples, config),
    },
    weights,
  };
}

/** Calibrated score of a built model's head: max over the example's views, as the detector does. */
export function scoreWithBuilt(model: BuiltModel, headIndex: number, f: ExampleFeatures): number {
  const head = model.manifest.heads[headIndex]!;
  const base = headIndex * model.manifest.featurizer.buckets;
  let best = -Infinity;
  for (const v of f.views) {
    let dot = 0;
    for (let k = 0; k < v.indices.length; k += 1) dot += model.weights[base + v.indices[k]!]! * v.values[k]!;
    best = Math.max(best, head.bias + evidenceShrink(head.evidence, activeOf(v)) * head.scale * dot);
  }
  return sigmoid(head.calibration.a * best + head.calibration.b);
}

export interface SliceMetrics {
  source: string;
  lang: string;
  n: number;
  positives: number;
  rocAuc: number;
  f1: number;
  precision: number;
  recall: number;
  fpr: number;
  recallAt1pctFpr: number;
  /** How negatives were obtained when the source has positives only. */
  negatives?: 'own' | 'pooled-test-negatives';
}

export function sliceMetrics(source: string, lang: string, scores: number[], labels: number[], threshold: number, negatives?: SliceMetrics['negatives']): SliceMetrics {
  // (threshold: the operating point for this slice's language)
  const t = atThreshold(scores, labels, threshold);
  return {
    source,
    lang,
    n: scores.length,
    positives: t.positives,
    rocAuc: round(rocAuc(scores, labels)),
    f1: round(t.f1),
    precision: round(t.precision),
    recall: round(t.recall),
    fpr: round(t.fpr),
    recallAt1pctFpr: round(recallAtFpr(scores, labels, 0.01)),
    ...(negatives ? { negatives } : {}),
  };
}

/**
 * Per-source, per-language evaluation of one head. A source's rows come from `pick`; positive-only sources
 * are paired with pooled negatives (test-split negatives of other shippable sources in the same language).
 */
export function evaluateHead(
  head: HeadId,
  examples: readonly Example[],
  score: (i: number) => number,
  thresholdOrByLang: number | ((lang: string) => number),
  pick: (e: Example) => boolean,
  sources: readonly string[],
): SliceMetrics[] {
  const thresholdFor = (lang: string): number => (typeof thresholdOrByLang === 'number' ? thresholdOrByLang : thresholdOrByLang(lang));
  const out: SliceMetrics[] = [];
  const pooledNeg = new Map<string, number[]>();
  examples.forEach((e, i) => {
    if (e.labels[head] === 0 && e.split === 'test' && e.shippable) {
      const list = pooledNeg.get(e.lang) ?? [];
      list.push(i);
      pooledNeg.set(e.lang, list);
    }
  });
  for (const source of sources) {
    const byLang = new Map<string, number[]>();
    examples.forEach((e, i) => {
      if (e.source === source && e.labels[head] !== undefined && pick(e)) {
        const list = byLang.get(e.lang) ?? [];
        list.push(i);
        byLang.set(e.lang, list);
      }
    });
    for (const [lang, idx] of [...byLang.entries()].sort()) {
      const hasPos = idx.some((i) => examples[i]!.labels[head] === 1);
      const hasNeg = idx.some((i) => examples[i]!.labels[head] === 0);
      if (!hasPos) {
        // Benign-only set: its false-positive rate at the threshold is the figure that matters.
        out.push(sliceMetrics(source, lang, idx.map(score), idx.map((i) => examples[i]!.labels[head]!), thresholdFor(lang), 'own'));
        continue;
      }
      let all = idx;
      let negatives: SliceMetrics['negatives'] = 'own';
      if (!hasNeg) {
        all = [...idx, ...(pooledNeg.get(lang) ?? []).filter((i) => examples[i]!.source !== source)];
        negatives = 'pooled-test-negatives';
      }
      out.push(sliceMetrics(source, lang, all.map(score), all.map((i) => examples[i]!.labels[head]!), thresholdFor(lang), negatives));
    }
  }
  return out;
}

/** Positive-bearing shippable shared sources of a head (the leave-one-source-out folds). */
export function losoSources(head: HeadId, examples: readonly Example[]): string[] {
  const set = new Set<string>();
  for (const e of examples) if (e.shippable && e.labels[head] === 1 && !e.source.startsWith('sealgate-')) set.add(e.source);
  return [...set].sort();
}

/**
 * Leave-one-source-out: train without `source` (calibration and threshold from the remaining sources'
 * validation rows, as in the shipped pipeline), then score the held-out source's rows (all splits).
 */
export function leaveOneSourceOut(
  head: HeadId,
  examples: readonly Example[],
  feats: readonly ExampleFeatures[],
  config: TrainConfig,
  source: string,
): SliceMetrics[] {
  const train = rowsFor(head, examples, feats, (e) => e.shippable && e.split === 'train' && e.source !== source);
  const trained = trainHead(train, config, head);
  const val = indicesFor(head, examples, (e) => e.shippable && e.split === 'val' && !VALIDATION_EXCLUDED_SOURCES.has(e.source) && e.source !== source);
  const labels = val.map((i) => examples[i]!.labels[head]!);
  const { a, b, evidence } = fitEvidenceCalibration(trained, val.map((i) => feats[i]!), labels);
  const picks = val.map((i, k) => [i, k] as const).filter(([i]) => !THRESHOLD_EXCLUDED_SOURCES.has(examples[i]!.source));
  const threshold = bestF1Threshold(picks.map(([i]) => sigmoid(a * viewMargin(trained, feats[i]!, 1, evidence) + b)), picks.map(([, k]) => labels[k]!), MAX_VALIDATION_FPR[head] ?? 1);
  const score = (i: number): number => sigmoid(a * viewMargin(trained, feats[i]!, 1, evidence) + b);
  return evaluateHead(head, examples, score, threshold, (e) => e.source === source, [source]);
}

/**
 * Leave-one-source-out for a combination of heads scored as one decision (e.g. prompt injection ∪ jailbreak:
 * a policy blocks on either). Each head is trained and calibrated without `source`; the score is the maximum
 * calibrated probability; positive = positive for any head, negative = negative for all.
 */
export function leaveOneSourceOutCombined(
  name: string,
  heads: readonly HeadId[],
  examples: readonly Example[],
  feats: readonly ExampleFeatures[],
  config: TrainConfig,
  source: string,
): SliceMetrics[] {
  const scorers = heads.map((head) => {
    const trained = trainHead(rowsFor(head, examples, feats, (e) => e.shippable && e.split === 'train' && e.source !== source), config, head);
    const val = indicesFor(head, examples, (e) => e.shippable && e.split === 'val' && !VALIDATION_EXCLUDED_SOURCES.has(e.source) && e.source !== source);
    const { a, b, evidence } = fitEvidenceCalibration(trained, val.map((i) => feats[i]!), val.map((i) => examples[i]!.labels[head]!));
    return (i: number): number => sigmoid(a * viewMargin(trained, feats[i]!, 1, evidence) + b);
  });
  const combinedLabel = (e: Example): 0 | 1 | undefined =>
    heads.some((h) => e.labels[h] === 1) ? 1 : heads.every((h) => e.labels[h] === 0) ? 0 : undefined;
  const relabelled = examples.map((e) => ({ ...e, labels: { [heads[0]!]: combinedLabel(e) } as Example['labels'] }));
  const score = (i: number): number => Math.max(...scorers.map((f) => f(i)));
  const val = relabelled.map((e, i) => i).filter((i) => relabelled[i]!.shippable && relabelled[i]!.split === 'val' && relabelled[i]!.source !== source && relabelled[i]!.labels[heads[0]!] !== undefined && !THRESHOLD_EXCLUDED_SOURCES.has(relabelled[i]!.source));
  const threshold = bestF1Threshold(val.map(score), val.map((i) => relabelled[i]!.labels[heads[0]!]!), MAX_VALIDATION_FPR[heads[0]!] ?? 1);
  return evaluateHead(heads[0]!, relabelled, score, threshold, (e) => e.source === source, [source]).map((m) => ({ ...m, source: `${m.source} [${name}]` }));
}
