/**
 * Toxicity detector: the trained `toxicity.toxic` head (hashed n-gram logistic regression, EN + ZH)
 * with lexicon refinement into insult / hate / threat / sexual / self_harm / profanity.
 *
 *   const detector = await createToxicityDetector();            // committed weights, TypeScript backend
 *   detector.detect('你就是个傻逼')                               // → [{ category: 'toxicity.toxic', score, … }, { category: 'toxicity.insult', … }]
 *   await createToxicityDetector({ backend: 'onnx', modelDir }) // onnxruntime-node, local directory only
 */
import { TOXICITY_CATEGORIES } from '../core/taxonomy.js';
import type { Detector } from '../core/types.js';
import { createClassifierDetector, type ClassifierOptions } from '../text-model/classifier-detector.js';
import { toxicityLexicon } from './lexicon.js';

export type ToxicityDetectorOptions = ClassifierOptions;

export function createToxicityDetector(options: ToxicityDetectorOptions = {}): Promise<Detector> {
  return createClassifierDetector(
    {
      name: 'toxicity',
      modelName: 'toxicity',
      decodeByDefault: false,
      refine: (parent, normalized) => (parent === TOXICITY_CATEGORIES.toxic.id ? toxicityLexicon.match(normalized) : []),
    },
    options,
  );
}
