/**
 * The committed weights are what `npm run train` produces from the code and data in this tree. A change to
 * anything training reads (normalisation, featurisation, generators, the mix, the trainer) must come with
 * retrained weights, or the shipped model and its card describe a pipeline the repository no longer runs.
 * Leave-one-source-out folds are not needed for the weights, so this trains as `npm run train -- --no-loso`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadExamples } from '../../../guardrails/train/data.js';
import { buildModel, featurizeAll } from '../../../guardrails/train/pipeline.js';
import { DEFAULT_TRAIN_CONFIG } from '../../../guardrails/train/trainer.js';

const MODELS = new URL('../../../guardrails/models/', import.meta.url);

describe('committed classifier weights', () => {
  for (const name of ['toxicity', 'intent'] as const) {
    it(`${name}: npm run train reproduces the committed weights byte for byte`, () => {
      const config = DEFAULT_TRAIN_CONFIG;
      const examples = loadExamples(name);
      const model = buildModel(name, examples, featurizeAll(examples, config.buckets, config.lexicon?.[name]), config);
      const committed = JSON.parse(readFileSync(new URL(`${name}.model.json`, MODELS), 'utf8')) as { trainingDigest: string; weightsFile: string };
      expect(model.manifest.trainingDigest, 'retrain with `npm run train` and commit guardrails/models/').toBe(committed.trainingDigest);
      const weights = Buffer.from(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength);
      expect(weights.equals(readFileSync(new URL(committed.weightsFile, MODELS)))).toBe(true);
    }, 300_000);
  }
});
