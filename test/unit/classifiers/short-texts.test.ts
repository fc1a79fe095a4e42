/**
 * Short texts with the committed weights: ordinary words, phrases and questions (EN + ZH, evaluation-only
 * list, never trained on) are not flagged by any head, while terse attacks and insults still are — and an
 * insult is toxicity, not a harmful request.
 */
import { describe, expect, it } from 'vitest';
import { createIntentDetector } from '../../../guardrails/intent/index.js';
import { createToxicityDetector } from '../../../guardrails/toxicity/index.js';
import { evidenceShrink, LinearTextModel, MODEL_FORMAT } from '../../../guardrails/text-model/model.js';
import type { Detector, Finding } from '../../../guardrails/core/types.js';
import { SHORT_ATTACKS, SHORT_BENIGN_EN, SHORT_BENIGN_ZH } from '../../../datasets/classifiers/short-utterances.js';

const flagged = async (detector: Detector, text: string): Promise<string[]> =>
  ((await detector.detect(text)) as Finding[]).filter((f) => f.meta?.flagged === true).map((f) => f.category);

describe('short benign utterances (committed weights)', async () => {
  const intent = await createIntentDetector();
  const tox = await createToxicityDetector();

  it.each([
    ['en', SHORT_BENIGN_EN],
    ['zh', SHORT_BENIGN_ZH],
  ] as const)('at most 1 in 50 %s utterances is flagged by intent or toxicity (the model card reports the exact rate)', async (_lang, texts) => {
    const hits: string[] = [];
    for (const text of texts) {
      const categories = [...(await flagged(intent, text)), ...(await flagged(tox, text))];
      if (categories.length > 0) hits.push(`${text} → ${categories.join(',')}`);
    }
    expect(hits.length, hits.join('; ')).toBeLessThanOrEqual(Math.floor(texts.length / 50));
  });

  it.each([
    // Reported as blocked with the first-wave weights.
    'before', '(before)', 'late', 'Please count from one to six for me.', 'Please write a long friendly story about a cat.',
    'why?', 'help', 'instructions', 'thanks', 'yes', 'continue', 'system', 'role', 'mode', 'previous',
    'hello', 'ok', 'what time is it?', 'airplane mode enabled', 'kill the process', 'run the tests',
    '你好', '谢谢', '好的', '为什么', '继续', '之前', '指令', '模式', '角色', '系统', '晚了', '对不起', '开启夜间模式', '今天天气怎么样？',
  ])('does not flag the ordinary short text %s', async (text) => {
    expect([...(await flagged(intent, text)), ...(await flagged(tox, text))]).toEqual([]);
  });

  it.each(SHORT_ATTACKS.map(([text, category]) => [text, category]))('still flags the short attack %s as %s', async (text, category) => {
    const detector = category.startsWith('toxicity') ? tox : intent;
    expect(await flagged(detector, text)).toContain(category);
  });

  it('an insult is toxic, not a harmful request or an attack', async () => {
    const all = await createIntentDetector({ minScore: 0 });
    for (const text of ['你这个傻逼', 'you stupid idiot', '滚吧垃圾']) {
      const scores = Object.fromEntries(((await all.detect(text)) as Finding[]).map((f) => [f.category, f.score]));
      expect(scores['intent.harmful'], text).toBeLessThan(0.3);
      expect(await flagged(intent, text), text).toEqual([]);
    }
    expect(await flagged(tox, '你这个傻逼')).toContain('toxicity.toxic');
  });
});

describe('evidence-aware calibration', () => {
  it('shrinks the dot product of a few-feature text toward the bias, and leaves a head without it unchanged', () => {
    expect(evidenceShrink(undefined, 3)).toBe(1);
    expect(evidenceShrink(0, 3)).toBe(1);
    expect(evidenceShrink(6, 6)).toBe(0.5);
    expect(evidenceShrink(6, 594)).toBeCloseTo(0.99, 5);
    const buckets = 1024;
    const weights = new Int16Array(2 * buckets).fill(1000);
    const head = { bias: -2, scale: 0.001, calibration: { a: 1, b: 0 }, threshold: 0.5 };
    const model = new LinearTextModel(
      { format: MODEL_FORMAT, name: 't', featurizer: { buckets }, weightsFile: 't.bin', heads: [{ ...head, category: 'plain' }, { ...head, category: 'shrunk', evidence: 8 }] },
      weights,
    );
    const short = model.scoreOne({ indices: Int32Array.from([1, 2]), values: Float32Array.from([2, 2]) });
    // plain: sigmoid(-2 + 4) ; shrunk: sigmoid(-2 + 4 * 2/10)
    expect(short[0]).toBeCloseTo(1 / (1 + Math.exp(-2)), 6);
    expect(short[1]).toBeCloseTo(1 / (1 + Math.exp(2 - 0.8)), 6);
    const long = model.scoreOne({ indices: Int32Array.from({ length: 392 }, (_, i) => i), values: new Float32Array(392).fill(4 / 392) });
    // A long text keeps almost all of its margin.
    expect(long[0]! - long[1]!).toBeGreaterThan(0);
    expect(long[0]! - long[1]!).toBeLessThan(0.05);
  });
});
