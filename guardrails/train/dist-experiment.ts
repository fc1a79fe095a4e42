/**
 * Issue 4 experiment (measured, not shipped; MODEL_CARD.md "Known weaknesses"): unsupervised distributional features
 * (distributional.ts) next to the hashed n-gram heads, in leave-one-source-out. Writes nothing; prints per-source
 * ROC-AUC and head means for, in the same run:
 *   base      the shipped pipeline (hashed features only);
 *   appended  the pooled token vector appended to every view's features (one logistic head);
 *   ens λ     score-level ensemble: calibrated logit of the hashed head + λ × calibrated logit of a head on the pooled vector alone;
 *   pairwise  (--pairwise μ) a within-source ranking pass per epoch (trainer.ts `pairwise`), hashed features only.
 * In a fold the vectors are learned without the held-out source's text (--vectors fold, default) or only from sources
 * that are never held out (--vectors nonloso: benign corpora and generated rows); labels are never used.
 *
 *   npx tsx guardrails/train/dist-experiment.ts --model toxicity [--vectors fold|nonloso] [--pairwise 1]
 */
import { SHORT_BENIGN_EN, SHORT_BENIGN_ZH } from '../../datasets/classifiers/short-utterances.js';
import { textViews } from '../text-model/views.js';
import { sigmoid } from '../text-model/model.js';
import type { SparseFeatures } from '../text-model/featurize.js';
import { HEADS, loadExamples, type Example, type HeadId, type ModelName } from './data.js';
import { DEFAULT_DIST_CONFIG, distTokens, learnEmbedding, pooledVector, TokenTable, type Embedding } from './distributional.js';
import { bestF1Threshold } from './metrics.js';
import { aucs, pooledRecall, taskLabel } from './experiment-metrics.js';
import {
  featurizeAll,
  fitEvidenceCalibration,
  indicesFor,
  losoSources,
  MAX_VALIDATION_FPR,
  rowsFor,
  THRESHOLD_EXCLUDED_SOURCES,
  VALIDATION_EXCLUDED_SOURCES,
  viewMargin,
  type ExampleFeatures,
} from './pipeline.js';
import { DEFAULT_TRAIN_CONFIG, trainLogistic, type TrainConfig } from './trainer.js';

const LAMBDAS = [0, 0.25, 0.5, 1] as const;
const ATTACK = ['intent.prompt_injection', 'intent.jailbreak'] as const;

/** Appends a dense block at indices base.. (the hashed features keep their count as the evidence for shrinkage). */
function withDense(f: SparseFeatures, dense: Float32Array | undefined, base: number, denseOnly: boolean, dims: number): SparseFeatures {
  const d = dense ?? (denseOnly ? new Float32Array(dims) : undefined);
  if (!d) return f;
  const keep = denseOnly ? 0 : f.indices.length;
  const indices = new Int32Array(keep + d.length);
  const values = new Float32Array(keep + d.length);
  if (!denseOnly) {
    indices.set(f.indices);
    values.set(f.values);
  }
  for (let c = 0; c < d.length; c += 1) {
    indices[keep + c] = (denseOnly ? 0 : base) + c;
    values[keep + c] = d[c]!;
  }
  return Object.assign({ indices, values }, { active: f.indices.length });
}

function augment(feats: readonly ExampleFeatures[], tokens: readonly (readonly Int32Array[])[], emb: Embedding, base: number, denseOnly: boolean): ExampleFeatures[] {
  return feats.map((f, i) => {
    const views = f.views.map((v, k) => withDense(v, pooledVector(tokens[i]![k]!, emb, 1), base, denseOnly, emb.dims));
    return { whole: views[0]!, views };
  });
}

/** Calibrated logit of a head trained without `source` (undefined: all shippable training rows). */
function fitLogit(head: HeadId, examples: readonly Example[], feats: readonly ExampleFeatures[], config: TrainConfig, source: string | undefined): (f: ExampleFeatures) => number {
  const trained = trainLogistic(rowsFor(head, examples, feats, (e) => e.shippable && e.split === 'train' && e.source !== source), config, head);
  const val = indicesFor(head, examples, (e) => e.shippable && e.split === 'val' && !VALIDATION_EXCLUDED_SOURCES.has(e.source) && e.source !== source);
  const { a, b, evidence } = fitEvidenceCalibration(trained, val.map((i) => feats[i]!), val.map((i) => examples[i]!.labels[head]!));
  return (f) => a * viewMargin(trained, f, 1, evidence) + b;
}

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

function main(): void {
  const args = process.argv.slice(2);
  const arg = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const name = (arg('--model') ?? 'toxicity') as ModelName;
  const vectors = arg('--vectors') ?? 'fold';
  const pairwise = Number(arg('--pairwise') ?? '0');
  // The figures in the card were measured against the pipeline before the attack heads' ranking pass shipped.
  const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, pairwise: {} };
  const out = (s: string): void => void process.stdout.write(`${s}\n`);

  const examples = loadExamples(name);
  const sparse = featurizeAll(examples, config.buckets);
  const table = new TokenTable();
  const tokens = examples.map((e) => textViews(e.text, { buckets: config.buckets }).map((v) => table.intern(distTokens(v.normalized))));
  const heads = HEADS[name] as readonly HeadId[];
  const neverHeldOut = (e: Example): boolean => !heads.some((h) => losoSources(h, examples).includes(e.source));
  const embeddingWithout = (source: string | undefined): Embedding =>
    learnEmbedding(
      examples.flatMap((e, i) => (e.shippable && e.split === 'train' && e.source !== source && (vectors !== 'nonloso' || neverHeldOut(e)) ? [tokens[i]![0]!] : [])),
      table.strings.length,
      DEFAULT_DIST_CONFIG,
    );
  const wide: TrainConfig = { ...config, buckets: config.buckets + DEFAULT_DIST_CONFIG.dims };
  const shared = vectors === 'nonloso' ? embeddingWithout(undefined) : undefined;

  // Per fold: the appended and dense-only features (vectors learned without the held-out source).
  const folds = new Map<string, { appended: ExampleFeatures[]; dense: ExampleFeatures[] }>();
  const fold = (source: string): { appended: ExampleFeatures[]; dense: ExampleFeatures[] } => {
    let f = folds.get(source);
    if (!f) {
      const emb = shared ?? embeddingWithout(source);
      f = { appended: augment(sparse, tokens, emb, config.buckets, false), dense: augment(sparse, tokens, emb, config.buckets, true) };
      folds.clear(); // one fold in memory at a time
      folds.set(source, f);
    }
    return f;
  };

  const tasks: Array<{ task: string; heads: readonly HeadId[] }> = heads.map((h) => ({ task: h, heads: [h] }));
  if (name === 'intent') tasks.push({ task: 'attack (injection ∪ jailbreak)', heads: ATTACK });
  const sources = [...new Set(tasks.flatMap((t) => t.heads.flatMap((h) => losoSources(h, examples))))].sort();
  const columns = ['base', 'appended', ...LAMBDAS.filter((l) => l > 0).map((l) => `ens ${l}`), ...(pairwise > 0 ? [`pairwise ${pairwise}`] : [])];
  const results = new Map<string, Map<string, number[]>>(); // task → column → per-row AUCs
  const rowsOut: string[] = [];
  for (const source of sources) {
    const f = fold(source);
    for (const { task, heads: hs } of tasks) {
      if (!hs.some((h) => losoSources(h, examples).includes(source))) continue;
      const label = taskLabel(hs);
      const fits = hs.map((h) => ({
        sparse: fitLogit(h, examples, sparse, config, source),
        appended: fitLogit(h, examples, f.appended, wide, source),
        dense: fitLogit(h, examples, f.dense, config, source),
        pairwise: pairwise > 0 ? fitLogit(h, examples, sparse, { ...config, pairwise: { [h]: pairwise } }, source) : undefined,
      }));
      const sp = fits.map((x) => examples.map((_, i) => x.sparse(sparse[i]!)));
      const de = fits.map((x) => examples.map((_, i) => x.dense(f.dense[i]!)));
      const max = (g: (k: number, i: number) => number) => (i: number): number => Math.max(...hs.map((_, k) => sigmoid(g(k, i))));
      const scorers: Record<string, (i: number) => number> = {
        base: max((k, i) => sp[k]![i]!),
        appended: max((k, i) => fits[k]!.appended(f.appended[i]!)),
      };
      for (const l of LAMBDAS) if (l > 0) scorers[`ens ${l}`] = max((k, i) => sp[k]![i]! + l * de[k]![i]!);
      if (pairwise > 0) scorers[`pairwise ${pairwise}`] = max((k, i) => fits[k]!.pairwise!(sparse[i]!));
      const perColumn = columns.map((c) => aucs(examples, label, scorers[c]!, source));
      for (const lang of [...perColumn[0]!.keys()]) {
        const values = perColumn.map((m) => m.get(lang)!);
        const byColumn = results.get(task) ?? new Map<string, number[]>();
        columns.forEach((c, j) => byColumn.set(c, [...(byColumn.get(c) ?? []), values[j]!]));
        results.set(task, byColumn);
        rowsOut.push(`| ${task} | ${source} | ${lang} | ${values.map((v) => v.toFixed(3)).join(' | ')} |`);
      }
    }
  }
  out(`## ${name}: leave-one-source-out ROC-AUC (vectors: ${vectors})\n`);
  out(`| head | held-out source | lang | ${columns.join(' | ')} |`);
  out(`|---|---|---|${columns.map(() => '---').join('|')}|`);
  for (const r of rowsOut) out(r);
  for (const [task, byColumn] of results) out(`| ${task} | **mean** | | ${columns.map((c) => mean(byColumn.get(c)!).toFixed(4)).join(' | ')} |`);

  // In distribution, all shippable training rows: the ensemble at each λ (λ = 0 is the hashed head alone, unquantised).
  const emb = shared ?? embeddingWithout(undefined);
  const dense = augment(sparse, tokens, emb, config.buckets, true);
  const shortFeats = (t: string): { s: ExampleFeatures; d: ExampleFeatures } => {
    const views = textViews(t, { buckets: config.buckets });
    const s = views.map((v) => v.features);
    const d = views.map((v) => withDense(v.features, pooledVector(table.intern(distTokens(v.normalized)), emb, 1), 0, true, emb.dims));
    return { s: { whole: s[0]!, views: s }, d: { whole: d[0]!, views: d } };
  };
  const short = { en: SHORT_BENIGN_EN.map(shortFeats), zh: SHORT_BENIGN_ZH.map(shortFeats) };
  const full = heads.map((h) => ({ s: fitLogit(h, examples, sparse, config, undefined), d: fitLogit(h, examples, dense, config, undefined) }));
  out(`\n## ${name}: in distribution (trained on all shippable training rows)\n`);
  for (const l of LAMBDAS) {
    const score = (k: number, i: number): number => sigmoid(full[k]!.s(sparse[i]!) + l * full[k]!.d(dense[i]!));
    const parts: string[] = [];
    for (const { task, heads: hs } of tasks) {
      const ks = hs.map((h) => heads.indexOf(h));
      parts.push(`${task} recall@1%FPR benign ${pooledRecall(examples, taskLabel(hs), (i) => Math.max(...ks.map((k) => score(k, i))))}`);
    }
    heads.forEach((h, k) => {
      const val = indicesFor(h, examples, (e) => e.shippable && e.split === 'val' && !VALIDATION_EXCLUDED_SOURCES.has(e.source) && !THRESHOLD_EXCLUDED_SOURCES.has(e.source));
      const t = bestF1Threshold(val.map((i) => score(k, i)), val.map((i) => examples[i]!.labels[h]!), MAX_VALIDATION_FPR[h] ?? 1);
      const flagged = (xs: readonly { s: ExampleFeatures; d: ExampleFeatures }[]): number => xs.filter((x) => sigmoid(full[k]!.s(x.s) + l * full[k]!.d(x.d)) >= t).length;
      parts.push(`${h} short benign flagged at ${t.toFixed(3)}: EN ${flagged(short.en)}/${short.en.length}, ZH ${flagged(short.zh)}/${short.zh.length}`);
    });
    out(`- λ = ${l}: ${parts.join('; ')}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
