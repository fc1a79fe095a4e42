/** Lexicon features of the toxicity model and the NB weight average of its head (MODEL_CARD.md, issue 4). */
import { describe, expect, it } from 'vitest';
import { appendLexiconFeatures, featurizeNormalized, lexiconBuckets, LEXICON_FEATURE_VALUE } from '../../../guardrails/text-model/featurize.js';
import { textViews } from '../../../guardrails/text-model/views.js';
import { normalizeForModel } from '../../../guardrails/text-model/evasion.js';
import { readManifest } from '../../../guardrails/text-model/model.js';
import { averageHeads, DEFAULT_TRAIN_CONFIG, nbRatio, trainHead, trainLogistic, trainNbScaled, type TrainRow } from '../../../guardrails/train/trainer.js';

const buckets = 1 << 18;
const lex = { buckets, lexicon: 'toxicity' } as const;

describe('lexicon features', () => {
  it('one feature per matched category, shared by English and Chinese words, plus "any"', () => {
    const en = lexiconBuckets(normalizeForModel('you idiot'), buckets, 'toxicity');
    const zh = lexiconBuckets(normalizeForModel('你这个白痴'), buckets, 'toxicity');
    expect(en).toHaveLength(2); // insult + any
    expect(zh).toEqual(en);
    const two = lexiconBuckets(normalizeForModel('you idiot, i will kill you'), buckets, 'toxicity');
    expect(two).toHaveLength(3); // insult, threat, any
    expect(two[two.length - 1]).toBe(en[1]);
    expect(lexiconBuckets(normalizeForModel('what a lovely day'), buckets, 'toxicity')).toEqual([]);
  });

  it('appends the hits to the n-gram features at a fixed value; no lexicon or no hit leaves them as they are', () => {
    const text = normalizeForModel('you idiot');
    const plain = featurizeNormalized(text, { buckets });
    const withLex = featurizeNormalized(text, lex);
    expect(Array.from(withLex.indices.subarray(0, plain.indices.length))).toEqual(Array.from(plain.indices));
    expect(Array.from(withLex.values.subarray(0, plain.values.length))).toEqual(Array.from(plain.values));
    expect(Array.from(withLex.indices.subarray(plain.indices.length))).toEqual(lexiconBuckets(text, buckets, 'toxicity'));
    expect(Array.from(withLex.values.subarray(plain.values.length))).toEqual([LEXICON_FEATURE_VALUE, LEXICON_FEATURE_VALUE].map(Math.fround));
    const calm = normalizeForModel('what a lovely day');
    expect(featurizeNormalized(calm, lex)).toEqual(featurizeNormalized(calm, { buckets }));
  });

  it('a hit on a bucket the n-grams already use adds to its value', () => {
    const [hit] = lexiconBuckets('idiot', buckets, 'toxicity');
    const f = { indices: Int32Array.of(5, hit!), values: Float32Array.of(0.5, 0.25) };
    const out = appendLexiconFeatures(f, 'idiot', lex);
    expect(out.indices).toHaveLength(3);
    expect(out.values[1]).toBeCloseTo(0.25 + LEXICON_FEATURE_VALUE, 6);
  });

  it('every view of a long text carries its own hits (windows and the whole text)', () => {
    const text = `${'The committee met on Tuesday to review the budget. '.repeat(15)}You are a worthless idiot.`;
    const views = textViews(text, lex);
    const plain = textViews(text, { buckets });
    expect(views.length).toBeGreaterThan(2);
    const added = views.map((v, i) => v.features.indices.length - plain[i]!.features.indices.length);
    expect(added[0]).toBe(2);
    expect(added[added.length - 1]).toBe(2);
    expect(added.slice(1, -1).every((n) => n === 0)).toBe(true);
  });

  it('the feature-only implicit lexicon adds its own category features but not "any"; the toxicity set is unchanged', () => {
    const text = normalizeForModel('they breed like rats, send them all back');
    expect(lexiconBuckets(text, buckets, 'toxicity')).toEqual([]);
    const implicit = lexiconBuckets(text, buckets, 'toxicity+implicit');
    expect(implicit).toHaveLength(2); // dehumanise + exclude, no "any"
    expect(lexiconBuckets(normalizeForModel('这些人都是蟑螂，赶出去'), buckets, 'toxicity+implicit').sort()).toEqual(
      [...implicit, ...lexiconBuckets(normalizeForModel('those people'), buckets, 'toxicity+implicit')].sort(),
    );
    const insult = normalizeForModel('you idiot');
    expect(lexiconBuckets(insult, buckets, 'toxicity+implicit')).toEqual(lexiconBuckets(insult, buckets, 'toxicity'));
    expect(lexiconBuckets(normalizeForModel('those people'), buckets, 'toxicity+implicit-noess')).toEqual([]);
  });

  it('the shipped toxicity model uses the toxicity lexicon; the intent model none', () => {
    expect(readManifest('toxicity').featurizer.lexicon).toBe('toxicity');
    expect(readManifest('intent').featurizer.lexicon).toBeUndefined();
  });
});

describe('NB weight average (trainHead)', () => {
  const config = { ...DEFAULT_TRAIN_CONFIG, buckets: 8, epochs: 3 };
  const feat = (...indices: number[]) => ({ indices: Int32Array.from(indices), values: Float32Array.from(indices, () => 1 / Math.sqrt(indices.length)) });
  const rows: TrainRow[] = Array.from({ length: 120 }, (_, i) => ({ features: i % 3 === 0 ? feat(1, 4) : i % 3 === 1 ? feat(2, 4) : feat(2, 5), label: i % 3 === 0 ? 1 : 0, weight: 1 }));

  it('is the average of the plain head and the NB-scaled head for a head in nbMix, the plain head otherwise, and deterministic', () => {
    const mixed = trainHead(rows, config, 'toxicity.toxic');
    const expected = averageHeads([trainLogistic(rows, config, 'toxicity.toxic'), trainNbScaled(rows, nbRatio(rows, 8, 10), config, 'toxicity.toxic')]);
    expect(Array.from(mixed.weights)).toEqual(Array.from(expected.weights));
    expect(mixed.bias).toBe(expected.bias);
    expect(Array.from(trainHead(rows, config, 'toxicity.toxic').weights)).toEqual(Array.from(mixed.weights));
    const plain = trainHead(rows, config, 'intent.harmful');
    expect(Array.from(plain.weights)).toEqual(Array.from(trainLogistic(rows, config, 'intent.harmful').weights));
    expect(Array.from(plain.weights)).not.toEqual(Array.from(mixed.weights));
  });
});
