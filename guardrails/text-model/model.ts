/**
 * Multi-head linear classifier over hashed n-grams: the model format we train, commit and run.
 *
 * On disk (one directory entry per model): `<name>.model.json` (featuriser config, heads with bias,
 * weight scale, Platt calibration and the threshold picked on validation) and `<name>.weights.bin`
 * (int16 weights, head-major: head h occupies [h*buckets, (h+1)*buckets)). int16 keeps each head at
 * 2 bytes per bucket with no measurable loss against float32 (see MODEL_CARD.md).
 *
 * score(head) = sigmoid(a * (bias + shrink(n) * scale * Σ q[idx]·value) + b),  shrink(n) = n / (n + evidence)
 *
 * n is the number of active features of the text. Evidence-aware calibration: a short text has few features,
 * so one or two weights would decide its score; shrinking the dot product toward the bias (the no-evidence
 * margin) by n/(n+evidence) keeps "before" or "late" from scoring like an attack. `evidence` is fitted on
 * validation together with the Platt parameters (0 or absent: no shrinkage). Shrinking the whole margin
 * (bias included) instead was tried and fitted worse on validation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { featurize, featurizeNormalized, LEXICON_SETS, type FeaturizerConfig, type SparseFeatures } from './featurize.js';

export const MODEL_FORMAT = 'sealgate-hashed-linear/1';

const headSchema = z.object({
  /** Taxonomy category id this head scores, e.g. `toxicity.toxic`, `intent.prompt_injection`. */
  category: z.string().min(1),
  bias: z.number(),
  scale: z.number().positive(),
  calibration: z.object({ a: z.number(), b: z.number() }),
  /** Evidence-aware shrinkage constant (see the header); absent or 0 = none. */
  evidence: z.number().min(0).optional(),
  threshold: z.number().min(0).max(1),
  /** Per-language thresholds (picked on that language's validation rows); `threshold` is the fallback. */
  thresholds: z.record(z.string(), z.number().min(0).max(1)).optional(),
});

export const modelManifestSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  name: z.string().min(1),
  /** lexicon: keyword-lexicon features appended to every view (featurize.ts); absent in models trained without them. */
  featurizer: z.object({ buckets: z.number().int().positive(), lexicon: z.enum(LEXICON_SETS).optional() }),
  heads: z.array(headSchema).min(1),
  weightsFile: z.string().min(1),
  /** sha256 of the training data manifest + config: what these weights came from. */
  trainingDigest: z.string().optional(),
});

export type ModelManifest = z.infer<typeof modelManifestSchema>;
export type HeadManifest = z.infer<typeof headSchema>;

export interface HeadScore {
  readonly category: string;
  /** Calibrated probability. */
  readonly score: number;
  readonly threshold: number;
}

/** Scores for pre-computed features: the part an ONNX or other backend can replace. */
export interface ScoringBackend {
  readonly name: string;
  scoreFeatures(batch: readonly SparseFeatures[]): Promise<Float64Array[]> | Float64Array[];
}

export class LinearTextModel implements ScoringBackend {
  readonly name = 'typescript';
  readonly featurizer: FeaturizerConfig;
  /** Weights re-laid bucket-major ([bucket * heads + head]) so one cache line serves every head. */
  private readonly interleaved: Int16Array;

  constructor(
    readonly manifest: ModelManifest,
    /** int16 weights, head-major. */
    readonly weights: Int16Array,
  ) {
    const expected = manifest.heads.length * manifest.featurizer.buckets;
    if (weights.length !== expected) {
      throw new Error(`model "${manifest.name}": weights have ${weights.length} entries, expected ${expected}`);
    }
    if ((manifest.featurizer.buckets & (manifest.featurizer.buckets - 1)) !== 0) {
      throw new Error(`model "${manifest.name}": buckets must be a power of two`);
    }
    this.featurizer = manifest.featurizer;
    const heads = manifest.heads.length;
    const buckets = manifest.featurizer.buckets;
    this.interleaved = new Int16Array(weights.length);
    for (let h = 0; h < heads; h += 1) for (let j = 0; j < buckets; j += 1) this.interleaved[j * heads + h] = weights[h * buckets + j]!;
  }

  get heads(): readonly HeadManifest[] {
    return this.manifest.heads;
  }

  features(text: string): SparseFeatures {
    return featurize(text, this.featurizer);
  }

  featuresOfNormalized(normalized: string): SparseFeatures {
    return featurizeNormalized(normalized, this.featurizer);
  }

  /** Calibrated probability per head for one feature vector. */
  scoreOne(features: SparseFeatures): Float64Array {
    const { heads } = this.manifest;
    const H = heads.length;
    const out = new Float64Array(H);
    const { indices, values } = features;
    const w = this.interleaved;
    if (H === 1) {
      let dot = 0;
      for (let i = 0; i < indices.length; i += 1) dot += w[indices[i]!]! * values[i]!;
      out[0] = dot;
    } else {
      for (let i = 0; i < indices.length; i += 1) {
        const base = indices[i]! * H;
        const v = values[i]!;
        for (let h = 0; h < H; h += 1) out[h] = out[h]! + w[base + h]! * v;
      }
    }
    const n = indices.length;
    for (let h = 0; h < H; h += 1) {
      const head = heads[h]!;
      out[h] = calibrate(head, head.bias + evidenceShrink(head.evidence, n) * head.scale * out[h]!);
    }
    return out;
  }

  scoreFeatures(batch: readonly SparseFeatures[]): Float64Array[] {
    return batch.map((f) => this.scoreOne(f));
  }

  scoreText(text: string): HeadScore[] {
    const scores = this.scoreOne(this.features(text));
    return this.manifest.heads.map((h, i) => ({ category: h.category, score: scores[i]!, threshold: h.threshold }));
  }
}

/** n/(n+evidence): the weight a text with n active features gets against the bias. */
export function evidenceShrink(evidence: number | undefined, activeFeatures: number): number {
  return evidence ? activeFeatures / (activeFeatures + evidence) : 1;
}

export function calibrate(head: Pick<HeadManifest, 'calibration'>, margin: number): number {
  return sigmoid(head.calibration.a * margin + head.calibration.b);
}

export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** The directory holding the committed weights (guardrails/models). */
export const DEFAULT_MODEL_DIR = new URL('../models/', import.meta.url);

function resolveDir(dir: string | URL): string {
  return typeof dir === 'string' ? dir : decodeURIComponent(dir.pathname);
}

export function readManifest(name: string, dir: string | URL = DEFAULT_MODEL_DIR): ModelManifest {
  const path = join(resolveDir(dir), `${name}.model.json`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read model manifest ${path}: ${(err as Error).message}`);
  }
  const parsed = modelManifestSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`invalid model manifest ${path}: ${parsed.error.issues[0]?.message ?? 'schema mismatch'}`);
  return parsed.data;
}

const loaded = new Map<string, LinearTextModel>();

/** Loads (once per process) a committed model by name from a directory. */
export function loadLinearModel(name: string, dir: string | URL = DEFAULT_MODEL_DIR): LinearTextModel {
  const base = resolveDir(dir);
  const key = join(base, name);
  const cached = loaded.get(key);
  if (cached) return cached;
  const manifest = readManifest(name, base);
  const bytes = readFileSync(join(base, manifest.weightsFile));
  // Copy into an aligned buffer: a Buffer slice may not be 2-byte aligned.
  const weights = new Int16Array(bytes.byteLength / 2);
  new Uint8Array(weights.buffer).set(bytes);
  const model = new LinearTextModel(manifest, weights);
  loaded.set(key, model);
  return model;
}
