/** Training is reproducible and the splits are deterministic and disjoint (on a small slice: fast). */
import { describe, expect, it } from 'vitest';
import { loadExamples, splitOf } from '../../../guardrails/train/data.js';
import { buildModel, featurizeAll, leaveOneSourceOut } from '../../../guardrails/train/pipeline.js';
import { DEFAULT_TRAIN_CONFIG, fitPlatt } from '../../../guardrails/train/trainer.js';
import { rocAuc, recallAtFpr, bestF1Threshold } from '../../../guardrails/train/metrics.js';
import { renderModelCard } from '../../../guardrails/train/model-card.js';
import { indirectInjections, rolePlayJailbreaks } from '../../../datasets/classifiers/generators.js';

const config = { ...DEFAULT_TRAIN_CONFIG, buckets: 1 << 14, epochs: 2 };

describe('training', () => {
  const examples = loadExamples('intent', { limitPerSource: 40 });

  it('same data and config → identical weights, calibration and thresholds', () => {
    const a = buildModel('intent', examples, featurizeAll(examples, config.buckets), config);
    const b = buildModel('intent', loadExamples('intent', { limitPerSource: 40 }), featurizeAll(examples, config.buckets), config);
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(b.weights.buffer))).toBe(true);
    expect(a.manifest).toEqual(b.manifest);
    expect(a.manifest.trainingDigest).toMatch(/^[0-9a-f]{64}$/);
    // A different seed gives different weights (the test would catch a seed that is ignored).
    const c = buildModel('intent', examples, featurizeAll(examples, config.buckets), { ...config, seed: 7 });
    expect(Buffer.from(c.weights.buffer).equals(Buffer.from(a.weights.buffer))).toBe(false);
  });

  it('splits are deterministic, ~80/10/10, and no normalised text is in two splits', () => {
    expect(splitOf('text:hello')).toBe(splitOf('text:hello'));
    const counts = { train: 0, val: 0, test: 0 };
    for (let i = 0; i < 5000; i += 1) counts[splitOf(`k${i}`)] += 1;
    expect(counts.train / 5000).toBeGreaterThan(0.77);
    expect(counts.test / 5000).toBeGreaterThan(0.08);
    const seen = new Map<string, string>();
    for (const e of examples) {
      const key = e.norm.replace(/\s+/g, ' ').trim();
      expect(seen.has(key)).toBe(false);
      seen.set(key, e.split);
    }
  });

  it('evaluation-only sources never enter shipped training rows', () => {
    const evalOnly = examples.filter((e) => !e.shippable).map((e) => e.source);
    expect(new Set(evalOnly)).toEqual(new Set(['alpaca-harmless-subset', 'belle']));
  });

  it('leave-one-source-out trains without the held-out source and scores it', () => {
    const feats = featurizeAll(examples, config.buckets);
    const slices = leaveOneSourceOut('intent.prompt_injection', examples, feats, config, 'deepset-prompt-injections');
    expect(slices.length).toBeGreaterThan(0);
    for (const s of slices) expect(s.source).toBe('deepset-prompt-injections');
  });
});

describe('metrics and calibration', () => {
  it('ROC-AUC, recall at FPR and the F1 threshold behave on known inputs', () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(rocAuc([0.5, 0.5], [0, 1])).toBe(0.5);
    expect(recallAtFpr([0.1, 0.2, 0.3, 0.9, 0.25], [0, 0, 0, 1, 1], 0)).toBe(0.5);
    expect(bestF1Threshold([0.1, 0.4, 0.6, 0.9], [0, 0, 1, 1])).toBe(0.6);
  });

  it('Platt scaling maps margins to probabilities that match frequencies', () => {
    const margins: number[] = [];
    const labels: number[] = [];
    for (let i = 0; i < 2000; i += 1) {
      const m = (i % 200) / 20 - 5;
      margins.push(m);
      labels.push((i * 7919) % 1000 < 1000 / (1 + Math.exp(-2 * m)) ? 1 : 0);
    }
    const { a, b } = fitPlatt(margins, labels);
    expect(a).toBeGreaterThan(1.5);
    expect(a).toBeLessThan(2.5);
    expect(Math.abs(b)).toBeLessThan(0.3);
  });

  it('the model card renders measured numbers', () => {
    const md = renderModelCard({ config, models: [{ name: 'intent', buckets: 1024, weightsBytes: 2048, trainingDigest: 'ab'.repeat(32), trainSeconds: 1, data: [], heads: [{ head: 'intent.jailbreak', threshold: 0.5, calibration: { a: 1, b: 0 }, test: [{ source: 's', lang: 'en', n: 10, positives: 5, rocAuc: 0.9, f1: 0.8, precision: 0.8, recall: 0.8, fpr: 0.1, recallAt1pctFpr: 0.5 }], loso: [] }] }] });
    expect(md).toContain('| s | en | 10 | 0.900 | 0.800 | 0.100 | 0.500 | – | – | – |');
  });
});

describe('generators', () => {
  it('are deterministic and produce both languages', () => {
    expect(rolePlayJailbreaks(1, 20)).toEqual(rolePlayJailbreaks(1, 20));
    expect(new Set(rolePlayJailbreaks(1, 20).map((r) => r.lang))).toEqual(new Set(['en', 'zh']));
    const docs = [{ text: 'The meeting is on Monday. Please bring the report. Thanks.', lang: 'en' as const }, { text: '会议在周一举行。请带上报告。谢谢。', lang: 'zh' as const }];
    const rows = indirectInjections(3, docs, 20);
    expect(rows.filter((r) => r.label === 'injection').length).toBe(10);
    expect(rows.filter((r) => r.label === 'benign').length).toBe(10);
  });
});
