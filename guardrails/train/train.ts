/**
 * `npm run train`: trains the toxicity and intent models from ../shared/datasets (shippable sources only)
 * plus our generators, writes guardrails/models/<model>.model.json + .weights.bin, the evaluation
 * (test split per source and language, leave-one-source-out) to guardrails/models/metrics.json, and
 * MODEL_CARD.md. Deterministic: same data and config → byte-identical weights.
 *
 *   npm run train                       # both models, with leave-one-source-out
 *   npm run train -- --model intent     # one model
 *   npm run train -- --no-loso          # skip the LOSO folds (faster)
 */
import { mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { HEADS, loadExamples, type Example, type ModelName } from './data.js';
import { writeModelCard, type HeadReport, type IdentityReport, type ModelReport, type ShortBenignReport, type TrainingReport } from './model-card.js';
import { IDENTITY_BENIGN_EN, IDENTITY_BENIGN_ZH, IDENTITY_TOXIC_EN, IDENTITY_TOXIC_ZH } from '../../datasets/classifiers/identity-utterances.js';
import { SHORT_BENIGN_EN, SHORT_BENIGN_ZH } from '../../datasets/classifiers/short-utterances.js';
import { textViews } from '../text-model/views.js';
import { buildModel, evaluateHead, featurizeAll, leaveOneSourceOut, leaveOneSourceOutCombined, losoSources, scoreWithBuilt, type BuiltModel } from './pipeline.js';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from './trainer.js';
import { coldReport } from './cold-analysis.js';

const MODELS_DIR = decodeURIComponent(new URL('../models/', import.meta.url).pathname);

export function saveModel(model: BuiltModel, dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, model.manifest.weightsFile), Buffer.from(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength));
  writeFileSync(join(dir, `${model.manifest.name}.model.json`), `${JSON.stringify(model.manifest, null, 2)}\n`);
}

function datasetSummary(examples: readonly Example[]): ModelReport['data'] {
  const bySource = new Map<string, { source: string; shippable: boolean; train: number; val: number; test: number; positives: Record<string, number>; langs: Set<string> }>();
  for (const e of examples) {
    const entry = bySource.get(e.source) ?? { source: e.source, shippable: e.shippable, train: 0, val: 0, test: 0, positives: {}, langs: new Set<string>() };
    entry[e.split] += 1;
    entry.langs.add(e.lang);
    for (const [head, label] of Object.entries(e.labels)) if (label === 1) entry.positives[head] = (entry.positives[head] ?? 0) + 1;
    bySource.set(e.source, entry);
  }
  return [...bySource.values()].map((s) => ({ ...s, langs: [...s.langs].sort() }));
}

/** Per head and language: how many of the hand-written short benign utterances the built model flags. */
export function shortBenignReport(model: BuiltModel): ShortBenignReport[] {
  const out: ShortBenignReport[] = [];
  for (const [lang, texts] of [['en', SHORT_BENIGN_EN], ['zh', SHORT_BENIGN_ZH]] as const) {
    const feats = texts.map((t) => {
      const views = textViews(t, model.manifest.featurizer).map((v) => v.features);
      return { whole: views[0]!, views };
    });
    model.manifest.heads.forEach((head, h) => {
      const threshold = head.thresholds?.[lang] ?? head.threshold;
      const scores = feats.map((f) => scoreWithBuilt(model, h, f));
      const flagged = texts.filter((_, i) => scores[i]! >= threshold);
      out.push({ head: head.category, lang, n: texts.length, fpr: Number((flagged.length / texts.length).toFixed(4)), maxScore: Number(Math.max(...scores).toFixed(4)), flagged });
    });
  }
  return out;
}

/** The toxicity head on the hand-written identity statements, per language and label. */
export function identityReport(model: BuiltModel): IdentityReport[] {
  const h = model.manifest.heads.findIndex((head) => head.category === 'toxicity.toxic');
  if (h < 0) return [];
  const head = model.manifest.heads[h]!;
  const sets = [['en', 'benign', IDENTITY_BENIGN_EN], ['en', 'toxic', IDENTITY_TOXIC_EN], ['zh', 'benign', IDENTITY_BENIGN_ZH], ['zh', 'toxic', IDENTITY_TOXIC_ZH]] as const;
  return sets.map(([lang, label, texts]) => {
    const threshold = head.thresholds?.[lang] ?? head.threshold;
    const flagged = texts.map((t) => {
      const views = textViews(t, model.manifest.featurizer).map((v) => v.features);
      return scoreWithBuilt(model, h, { whole: views[0]!, views }) >= threshold;
    });
    const wrong = texts.filter((_, i) => flagged[i] === (label === 'benign'));
    return { lang, label, n: texts.length, flaggedShare: Number((flagged.filter(Boolean).length / texts.length).toFixed(4)), wrong };
  });
}

export function trainOne(name: ModelName, config: TrainConfig, withLoso: boolean, log: (msg: string) => void): ModelReport {
  const t0 = performance.now();
  const examples = loadExamples(name);
  log(`${name}: ${examples.length} examples loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const t1 = performance.now();
  const feats = featurizeAll(examples, config.buckets, config.lexicon?.[name]);
  log(`${name}: featurised in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  const t2 = performance.now();
  const model = buildModel(name, examples, feats, config);
  const trainSeconds = (performance.now() - t2) / 1000;
  log(`${name}: trained ${model.manifest.heads.length} head(s) in ${trainSeconds.toFixed(1)} s`);
  saveModel(model, MODELS_DIR);
  const shortBenign = shortBenignReport(model);
  for (const s of shortBenign) log(`${name}/${s.head}: short benign ${s.lang} FPR ${s.fpr} (${s.flagged.length}/${s.n}) max ${s.maxScore}${s.flagged.length ? `: ${s.flagged.join(' | ')}` : ''}`);
  const identity = identityReport(model);
  for (const r of identity) log(`${name}: identity statements ${r.lang} ${r.label}: ${r.flaggedShare} flagged (${r.n})${r.wrong.length ? `; wrong: ${r.wrong.join(' | ')}` : ''}`);

  const sources = [...new Set(examples.map((e) => e.source))].sort();
  const heads: HeadReport[] = HEADS[name].map((head, h) => {
    const threshold = model.manifest.heads[h]!.threshold;
    const byLang = model.manifest.heads[h]!.thresholds ?? {};
    const score = (i: number): number => scoreWithBuilt(model, h, feats[i]!);
    // Shippable sources: their held-out test split. Evaluation-only sources: every row (never trained on).
    const test = evaluateHead(head, examples, score, (lang) => byLang[lang] ?? threshold, (e) => (e.shippable ? e.split === 'test' : true), sources);
    const loso = withLoso
      ? losoSources(head, examples).flatMap((source) => {
          const t = performance.now();
          const result = leaveOneSourceOut(head, examples, feats, config, source);
          log(`${name}/${head}: LOSO ${source} in ${((performance.now() - t) / 1000).toFixed(1)} s → ${result.map((r) => `${r.lang} auc=${r.rocAuc}`).join(', ')}`);
          return result;
        })
      : [];
    return { head, evidence: model.manifest.heads[h]!.evidence ?? 0, threshold, thresholds: byLang, calibration: model.manifest.heads[h]!.calibration, test, loso };
  });
  if (name === 'intent' && withLoso) {
    // The attack decision a policy makes: prompt injection OR jailbreak.
    const attackHeads = ['intent.prompt_injection', 'intent.jailbreak'] as const;
    const attackSources = [...new Set(attackHeads.flatMap((h) => losoSources(h, examples)))].sort();
    const loso = attackSources.flatMap((source) => {
      const result = leaveOneSourceOutCombined('attack', attackHeads, examples, feats, config, source);
      log(`${name}/attack: LOSO ${source} → ${result.map((r) => `${r.lang} auc=${r.rocAuc}`).join(', ')}`);
      return result;
    });
    heads.push({ head: 'intent.attack (prompt_injection ∪ jailbreak)', threshold: Number.NaN, calibration: { a: 1, b: 0 }, test: [], loso });
  }
  // COLD's fine classes and label shift, at the Chinese operating point (the toxicity head only).
  const toxicHead = (HEADS[name] as readonly string[]).indexOf('toxicity.toxic');
  const cold = toxicHead < 0 ? undefined : coldReport('toxicity.toxic', examples, (i) => scoreWithBuilt(model, toxicHead, feats[i]!), model.manifest.heads[toxicHead]!.thresholds?.zh ?? model.manifest.heads[toxicHead]!.threshold);
  return {
    name,
    buckets: config.buckets,
    weightsBytes: model.weights.byteLength,
    trainingDigest: model.manifest.trainingDigest ?? '',
    trainSeconds: Number(trainSeconds.toFixed(1)),
    data: datasetSummary(examples),
    heads,
    shortBenign,
    ...(identity.length > 0 ? { identity } : {}),
    ...(cold ? { cold } : {}),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.includes('--model') ? (args[args.indexOf('--model') + 1] as ModelName) : undefined;
  const withLoso = !args.includes('--no-loso');
  const config = DEFAULT_TRAIN_CONFIG;
  const log = (msg: string): void => void process.stderr.write(`${msg}\n`);
  const metricsPath = join(MODELS_DIR, 'metrics.json');
  const previous: TrainingReport | undefined = existsSync(metricsPath) ? (JSON.parse(readFileSync(metricsPath, 'utf8')) as TrainingReport) : undefined;
  const models: ModelReport[] = [];
  for (const name of Object.keys(HEADS) as ModelName[]) {
    if (only && only !== name) {
      const kept = previous?.models.find((m) => m.name === name);
      if (kept) models.push(kept);
      continue;
    }
    models.push(trainOne(name, config, withLoso, log));
  }
  const report: TrainingReport = { config, models };
  writeFileSync(metricsPath, `${JSON.stringify(report, null, 2)}\n`);
  writeModelCard(report, join(MODELS_DIR, 'MODEL_CARD.md'));
  log(`wrote ${MODELS_DIR}{toxicity,intent}.model.json, weights, metrics.json, MODEL_CARD.md`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    process.stderr.write(`train failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
}
