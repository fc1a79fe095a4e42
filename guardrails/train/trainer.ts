/**
 * Logistic regression on sparse hashed features, trained with AdaGrad SGD (deterministic: fixed seed
 * shuffle, single thread, fixed epoch count), class-balanced, with per-row source weights; Platt
 * calibration on validation margins; int16 quantisation for the committed weights.
 */
import { createRng, shuffleInPlace } from '../../datasets/classifiers/rng.js';
import type { LexiconSet, SparseFeatures } from '../text-model/featurize.js';

export interface TrainConfig {
  buckets: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Cap on the positive-class weight when balancing. */
  maxClassWeight: number;
  /**
   * Per head: weight μ of a within-source ranking pass in every epoch (absent or 0: none). Each positive row of a
   * source that holds both labels is paired with a random negative of the same source and the pair's logistic
   * ranking loss is minimised, so features shared by a source's positives and negatives (its style) get no gradient
   * from the pair. See MODEL_CARD.md "Known weaknesses" (issue 4) for what it measured.
   */
  pairwise?: Readonly<Record<string, number>>;
  /** Per model name: keyword-lexicon features appended to every view (featurize.ts appendLexiconFeatures); absent: none. */
  lexicon?: Readonly<Record<string, LexiconSet>>;
  /**
   * Per head: smoothing α of an NBSVM-scaled head (Wang & Manning 2012) whose weights are averaged with the plain
   * head's (trainHead); absent: the plain head alone. One linear model either way, so inference is unchanged.
   */
  nbMix?: Readonly<Record<string, number>>;
}

export const DEFAULT_TRAIN_CONFIG: TrainConfig = {
  buckets: 1 << 18,
  epochs: 6,
  learningRate: 0.3,
  l2: 1e-6,
  seed: 20261128,
  maxClassWeight: 20,
  // Attack heads only: leave-one-source-out jailbreak +0.012 / +0.014, injection ∪ jailbreak +0.011 / +0.005 (trainer
  // seeds 7 / default); on the harmful head XSafety scenarios fell 0.02, on toxicity the mean fell 0.002 (MODEL_CARD.md).
  pairwise: { 'intent.prompt_injection': 1, 'intent.jailbreak': 1 },
  // Toxicity only (2026-11-29, issue 4): lexicon features + the NB (α = 10) weight average, leave-one-source-out mean
  // 0.803 → 0.817 / 0.802 → 0.816 (trainer seeds default / 7), ToxiGen −0.016 the largest fall; on intent the lexicon
  // features moved nothing (±0.001) and the NB average cost the jailbreak head 0.034 (MODEL_CARD.md).
  lexicon: { toxicity: 'toxicity' },
  nbMix: { 'toxicity.toxic': 10 },
};

export interface TrainRow {
  features: SparseFeatures;
  label: 0 | 1;
  weight: number;
  /** Source of the row (ranking pairs are drawn within one group). */
  group?: number;
}

export interface TrainedHead {
  weights: Float32Array;
  bias: number;
}

export function trainLogistic(rows: readonly TrainRow[], config: TrainConfig, head?: string): TrainedHead {
  const { buckets } = config;
  const w = new Float64Array(buckets);
  const g2 = new Float64Array(buckets).fill(1e-8);
  let bias = 0;
  let biasG2 = 1e-8;
  let pos = 0;
  let neg = 0;
  for (const r of rows) r.label === 1 ? (pos += r.weight) : (neg += r.weight);
  // Balance classes so that each contributes equally to the loss.
  const posWeight = pos === 0 ? 1 : Math.min(config.maxClassWeight, Math.max(1 / config.maxClassWeight, neg / pos));
  const order = rows.map((_, i) => i);
  const rng = createRng(config.seed);
  const step = (f: SparseFeatures, err: number): void => {
    const { indices, values } = f;
    for (let k = 0; k < indices.length; k += 1) {
      const j = indices[k]!;
      const grad = err * values[k]! + config.l2 * w[j]!;
      g2[j] = g2[j]! + grad * grad;
      w[j] = w[j]! - (config.learningRate * grad) / Math.sqrt(g2[j]!);
    }
  };
  const dot = (f: SparseFeatures): number => {
    let z = 0;
    for (let k = 0; k < f.indices.length; k += 1) z += w[f.indices[k]!]! * f.values[k]!;
    return z;
  };
  const mu = head === undefined ? 0 : (config.pairwise?.[head] ?? 0);
  const negativesOf = new Map<number, number[]>();
  const pairPositives: number[] = [];
  if (mu > 0) {
    rows.forEach((r, i) => {
      if (r.group === undefined || r.label !== 0) return;
      const list = negativesOf.get(r.group);
      if (list) list.push(i);
      else negativesOf.set(r.group, [i]);
    });
    rows.forEach((r, i) => {
      if (r.group !== undefined && r.label === 1 && negativesOf.has(r.group)) pairPositives.push(i);
    });
  }
  for (let epoch = 0; epoch < config.epochs; epoch += 1) {
    if (pairPositives.length > 0) {
      shuffleInPlace(rng, pairPositives);
      for (const p of pairPositives) {
        const negatives = negativesOf.get(rows[p]!.group!)!;
        const n = negatives[Math.floor(rng() * negatives.length)]!;
        // The bias cancels in a pair: only the weights move.
        const z = dot(rows[p]!.features) - dot(rows[n]!.features);
        const q = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
        const err = (q - 1) * mu * rows[p]!.weight;
        step(rows[p]!.features, err);
        step(rows[n]!.features, -err);
      }
    }
    shuffleInPlace(rng, order);
    for (const i of order) {
      const row = rows[i]!;
      const { indices, values } = row.features;
      let z = bias;
      for (let k = 0; k < indices.length; k += 1) z += w[indices[k]!]! * values[k]!;
      const p = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
      const rowWeight = row.weight * (row.label === 1 ? posWeight : 1);
      const err = (p - row.label) * rowWeight;
      step(row.features, err);
      biasG2 += err * err;
      bias -= (config.learningRate * err) / Math.sqrt(biasG2);
    }
  }
  return { weights: Float32Array.from(w), bias };
}

/** NB log-count ratio per bucket from the given rows (binarised presence, α smoothing); perSource: every source's rows weigh alike. */
export function nbRatio(rows: readonly TrainRow[], buckets: number, alpha: number, perSource = false): Float32Array {
  const p = new Float64Array(buckets).fill(alpha);
  const q = new Float64Array(buckets).fill(alpha);
  // perSource: a row counts 1 / (rows of its source and label) × (mean rows per source and label), so each source weighs the same.
  const size = new Map<string, number>();
  for (const r of rows) size.set(`${r.group}:${r.label}`, (size.get(`${r.group}:${r.label}`) ?? 0) + 1);
  const meanSize = rows.length / Math.max(1, size.size);
  for (const r of rows) {
    const t = r.label === 1 ? p : q;
    const w = perSource ? meanSize / size.get(`${r.group}:${r.label}`)! : 1;
    for (let k = 0; k < r.features.indices.length; k += 1) t[r.features.indices[k]!] += w;
  }
  let sp = 0;
  let sq = 0;
  for (let j = 0; j < buckets; j += 1) {
    sp += p[j]!;
    sq += q[j]!;
  }
  const out = new Float32Array(buckets);
  for (let j = 0; j < buckets; j += 1) out[j] = Math.log(p[j]! / sp / (q[j]! / sq));
  return out;
}

export const nbScaled = (f: SparseFeatures, r: Float32Array): SparseFeatures => ({ indices: f.indices, values: Float32Array.from(f.values, (v, k) => v * r[f.indices[k]!]!) });

/** A head trained on NB-scaled features, with the ratios folded into its weights (w∘r): it scores unscaled features. */
export function trainNbScaled(rows: readonly TrainRow[], r: Float32Array, config: TrainConfig, head?: string): TrainedHead {
  const t = trainLogistic(rows.map((x) => ({ ...x, features: nbScaled(x.features, r) })), config, head);
  return { weights: Float32Array.from(t.weights, (w, j) => w * r[j]!), bias: t.bias };
}

/** Weight (and bias) average of heads: still one linear model. */
export function averageHeads(members: readonly TrainedHead[]): TrainedHead {
  const w = new Float32Array(members[0]!.weights.length);
  for (const m of members) for (let j = 0; j < w.length; j += 1) w[j] = w[j]! + m.weights[j]! / members.length;
  return { weights: w, bias: members.reduce((s, m) => s + m.bias, 0) / members.length };
}

/** The head as the pipeline trains it: the plain logistic head, averaged with an NB-scaled one where config.nbMix names the head. */
export function trainHead(rows: readonly TrainRow[], config: TrainConfig, head?: string): TrainedHead {
  const plain = trainLogistic(rows, config, head);
  const alpha = head === undefined ? undefined : config.nbMix?.[head];
  if (alpha === undefined) return plain;
  return averageHeads([plain, trainNbScaled(rows, nbRatio(rows, config.buckets, alpha), config, head)]);
}

export function margin(head: { weights: ArrayLike<number>; bias: number }, f: SparseFeatures, scale = 1): number {
  let z = 0;
  for (let k = 0; k < f.indices.length; k += 1) z += head.weights[f.indices[k]!]! * f.values[k]!;
  return head.bias + scale * z;
}

/** Platt scaling: fit p = sigmoid(a·margin + b) on validation, with Platt's smoothed targets. */
export function fitPlatt(margins: readonly number[], labels: readonly number[]): { a: number; b: number } {
  const nPos = labels.filter((l) => l === 1).length;
  const nNeg = labels.length - nPos;
  if (nPos === 0 || nNeg === 0) return { a: 1, b: 0 };
  const hi = (nPos + 1) / (nPos + 2);
  const lo = 1 / (nNeg + 2);
  let a = 1;
  let b = 0;
  // Newton's method on the 2-parameter log loss (converges in a few dozen steps).
  for (let iter = 0; iter < 100; iter += 1) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    for (let i = 0; i < margins.length; i += 1) {
      const t = labels[i] === 1 ? hi : lo;
      const z = a * margins[i]! + b;
      const p = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
      const d = p - t;
      const s = p * (1 - p);
      ga += d * margins[i]!;
      gb += d;
      haa += s * margins[i]! * margins[i]!;
      hab += s * margins[i]!;
      hbb += s;
    }
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-18) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) break;
  }
  return { a, b };
}

/** int16 quantisation: q = round(w / scale), scale = max|w| / 32767. */
export function quantize(weights: Float32Array): { q: Int16Array; scale: number } {
  let max = 0;
  for (let i = 0; i < weights.length; i += 1) max = Math.max(max, Math.abs(weights[i]!));
  const scale = max === 0 ? 1 : max / 32767;
  const q = new Int16Array(weights.length);
  for (let i = 0; i < weights.length; i += 1) q[i] = Math.round(weights[i]! / scale);
  return { q, scale };
}
