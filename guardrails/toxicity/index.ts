/**
 * Toxicity detector: the trained `toxicity.toxic` head (hashed n-gram logistic regression, EN + ZH)
 * with lexicon refinement into insult / hate / threat / sexual / self_harm / profanity, and the intent detector's
 * decoding of encoded payloads (base64 / hex / URL / ROT13 …, on by default; `decode: false` turns it off).
 *
 *   const detector = await createToxicityDetector();            // committed weights, TypeScript backend
 *   detector.detect('你就是个傻逼')                               // → [{ category: 'toxicity.toxic', score, … }, { category: 'toxicity.insult', … }]
 *   await createToxicityDetector({ backend: 'onnx', modelDir }) // onnxruntime-node, local directory only
 */
import { TOXICITY_CATEGORIES } from '../core/taxonomy.js';
import type { Detector } from '../core/types.js';
import { createClassifierDetector, type ClassifierOptions } from '../text-model/classifier-detector.js';
import { DECODED_PAYLOADS_KEY, decodedPayloads } from '../intent/decoders.js';
import { toxicityLexicon } from './lexicon.js';

export type ToxicityDetectorOptions = ClassifierOptions;

/** A second-person word in normalised text: English you / your / u / ur / ya …, Chinese 你 / 您. */
const SECOND_PERSON = /(?<![a-z])(?:you|your|youre|yours|yourself|yourselves|ur|u|ya)(?![a-z])|[你您]/;
export const aimedAtReader = (normalized: string): boolean => SECOND_PERSON.test(normalized);

export function createToxicityDetector(options: ToxicityDetectorOptions = {}): Promise<Detector> {
  return createClassifierDetector(
    {
      name: 'toxicity',
      modelName: 'toxicity',
      // An insult or a threat in base64, hex, ROT13 … is read like the intent detector reads an encoded injection.
      decodeByDefault: true,
      refine: (parent, normalized) => (parent === TOXICITY_CATEGORIES.toxic.id ? toxicityLexicon.match(normalized) : []),
      decoder: decodedPayloads,
      decoderKey: DECODED_PAYLOADS_KEY,
      // An insult after a benign clause ('Call me at 555-…, you are a stupid idiot') is scored alone too. 0.95: the lowest
      // of 0.80, 0.85 … at which the clause views add at most 0.25% of each language's validation negatives as false
      // positives (EN 1 of 3,298, ZH 8 of 4,819; at 0.90 ZH 13, 0.27%); a lone clause is a short text, which the head over-scores.
      // A clause that aims a word of the toxicity lexicon at the reader (you, your, u, 你, 您 …) is flagged from its language's
      // threshold, at least 0.6: "Thanks for the help, you moron" scored 0.21 whole, 'you moron' 0.62 alone. Added on validation
      // negatives: EN 0 of 3,066, ZH 1 of 4,646 (any lexicon word without the reader: EN 4, ZH 4, and "This bug is so dumb, …" flagged).
      // Weights of 2026-12-01 (task TOX).
      clauses: { minThreshold: 0.95, evident: { minThreshold: 0.6, test: (normalized) => aimedAtReader(normalized) && toxicityLexicon.match(normalized).length > 0 } },
    },
    options,
  );
}
