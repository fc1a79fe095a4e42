/** The within-source ranking pass of the trainer (attack heads) and the distributional-feature experiment's building blocks. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG, trainLogistic, type TrainRow } from '../../../guardrails/train/trainer.js';
import { distTokens, learnEmbedding, TokenTable } from '../../../guardrails/train/distributional.js';

const config = { ...DEFAULT_TRAIN_CONFIG, buckets: 8, epochs: 4 };
const feat = (...indices: number[]) => ({ indices: Int32Array.from(indices), values: Float32Array.from(indices, () => 1 / Math.sqrt(indices.length)) });

/**
 * Two sources with opposite label shares and a style feature each (0: source A, 90 % positive; 3: source B, 10 %
 * positive); the content is the same in both (1 on positives, 2 on negatives).
 */
function rows(): TrainRow[] {
  const out: TrainRow[] = [];
  for (let i = 0; i < 100; i += 1) out.push({ features: i < 90 ? feat(0, 1) : feat(0, 2), label: i < 90 ? 1 : 0, weight: 1, group: 0 });
  for (let i = 0; i < 100; i += 1) out.push({ features: i < 10 ? feat(3, 1) : feat(3, 2), label: i < 10 ? 1 : 0, weight: 1, group: 1 });
  return out;
}

describe('within-source ranking pass', () => {
  it('changes nothing for a head without it (the default path is the plain logistic trainer)', () => {
    const plain = trainLogistic(rows(), config, 'intent.harmful');
    const none = trainLogistic(rows(), { ...config, pairwise: {} }, 'intent.jailbreak');
    const noHead = trainLogistic(rows(), config);
    expect(Array.from(none.weights)).toEqual(Array.from(plain.weights));
    expect(Array.from(noHead.weights)).toEqual(Array.from(plain.weights));
    expect(none.bias).toBe(plain.bias);
  });

  it('is deterministic and moves weight from source style to content', () => {
    const a = trainLogistic(rows(), config, 'intent.jailbreak');
    const b = trainLogistic(rows(), config, 'intent.jailbreak');
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    const plain = trainLogistic(rows(), config, 'intent.harmful');
    const ratio = (w: Float32Array): number => (w[1]! - w[2]!) / Math.abs(w[0]! - w[3]!);
    expect(ratio(a.weights)).toBeGreaterThan(ratio(plain.weights));
  });
});

describe('distributional tokens and vectors', () => {
  it('tokenises words and Chinese character bigrams (a lone character is its own token)', () => {
    expect(distTokens("don't stop 你好吗, 好 ok")).toEqual(["don't", 'stop', '你好', '好吗', '好', 'ok']);
  });

  it('learns the same unit vectors from the same text, closer for tokens that share contexts', () => {
    const table = new TokenTable();
    const corpus: string[] = [];
    for (let i = 0; i < 60; i += 1) corpus.push(`the cat eats fish today ${i % 3}`, `the dog eats fish today ${i % 3}`, `we sell red cars now ${i % 3}`, `we sell blue cars now ${i % 3}`);
    const texts = corpus.map((t) => table.intern(distTokens(t)));
    const cfg = { dims: 4, vocab: 100, window: 2, minCount: 1, seed: 1, eigPower: 0.5, powerIterations: 2, sif: 0 };
    const a = learnEmbedding(texts, table.strings.length, cfg);
    const b = learnEmbedding(texts, table.strings.length, cfg);
    expect(Array.from(a.vectors)).toEqual(Array.from(b.vectors));
    const vec = (t: string): number[] => {
      const r = a.rowOf[table.ids.get(t)!]!;
      return Array.from(a.vectors.subarray(r * a.dims, (r + 1) * a.dims));
    };
    const cos = (x: number[], y: number[]): number => x.reduce((s, v, i) => s + v * y[i]!, 0);
    expect(cos(vec('cat'), vec('cat'))).toBeCloseTo(1, 5);
    expect(cos(vec('cat'), vec('dog'))).toBeGreaterThan(cos(vec('cat'), vec('red')));
  });
});
