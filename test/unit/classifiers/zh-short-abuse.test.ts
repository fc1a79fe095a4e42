/**
 * Bare Chinese profanity (task C3, issue 4). The toxicity head scored 操你妈 (so cnm, caonima and 草泥马 alone) 0.339
 * and 我操你妈 0.234, under the ZH threshold 0.396: the Chinese training data is made of sentences and gave these words
 * a dozen rows. datasets/classifiers/zh-short-abuse.ts adds short abuse and short benign utterances built from the same
 * characters (妈, 操, 草, 去). The look-alikes below are partly generator rows (妈妈, 操场 …) and partly sentences no
 * generator writes (the second list), so the head must have learnt the words, not "short Chinese is toxic".
 */
import { describe, expect, it } from 'vitest';
import { createToxicityDetector } from '../../../guardrails/toxicity/index.js';
import type { Finding } from '../../../guardrails/core/types.js';
import { zhShortAbuse } from '../../../datasets/classifiers/zh-short-abuse.js';
import { GENERATED_MIX } from '../../../guardrails/train/data.js';
import { VALIDATION_EXCLUDED_SOURCES } from '../../../guardrails/train/pipeline.js';

describe('short Chinese abuse generator (datasets/classifiers/zh-short-abuse.ts)', () => {
  const m = GENERATED_MIX.zhShortAbuse;
  const rows = zhShortAbuse(50, m.count, m.benignShare);

  it('is deterministic, Chinese, short, and keeps the benign share', () => {
    expect(rows).toEqual(zhShortAbuse(50, m.count, m.benignShare));
    expect(rows.every((r) => r.lang === 'zh' && r.source === 'sealgate-zh-short-abuse' && r.text.length <= 30)).toBe(true);
    const benign = rows.filter((r) => r.label === 'non_toxic').length / rows.length;
    expect(benign).toBeGreaterThan(m.benignShare - 0.05);
    expect(benign).toBeLessThan(m.benignShare + 0.05);
  });

  it('puts the curse characters on both sides, so the word and not the character decides', () => {
    for (const ch of ['妈', '操', '草', '去', '滚', '逼']) {
      expect(rows.some((r) => r.label === 'toxic' && r.text.includes(ch)), ch).toBe(true);
      expect(rows.some((r) => r.label === 'non_toxic' && r.text.includes(ch)), ch).toBe(true);
    }
  });

  it('is kept out of validation (templated short rows would move the operating point)', () => {
    expect(VALIDATION_EXCLUDED_SOURCES.has('sealgate-zh-short-abuse')).toBe(true);
  });
});

describe('bare Chinese profanity (committed toxicity weights)', async () => {
  const toxicity = await createToxicityDetector({ minScore: 0 });
  const finding = (text: string): Finding | undefined => (toxicity.detect(text) as Finding[]).find((f) => f.category === 'toxicity.toxic');
  const flagged = (text: string): boolean => finding(text)?.meta?.flagged === true;

  it.each(['操你妈', '我操你妈', 'cnm', '去你妈的', '你妈逼', '草泥马', '操你妈！', 'caonima'])('flags %s', (text) => {
    expect(flagged(text), `${text} ${finding(text)?.score ?? 0}`).toBe(true);
  });

  it.each(['妈妈', '你妈妈好', '操作', '操场', '操心', '草地', '草泥', '卧室', '我去超市'])('leaves the look-alike %s unflagged', (text) => {
    expect(flagged(text), `${text} ${finding(text)?.score ?? 0}`).toBe(false);
  });

  it.each(['我妈今天包了饺子', '周末去操场踢球吧', '这个操作有点难', '卧室的灯坏了', '草地上有只小狗', '我去超市买点菜', '你妈妈最近身体怎么样？', '替我谢谢你妈妈'])(
    'leaves the held-out sentence %s unflagged',
    (text) => {
      expect(flagged(text), `${text} ${finding(text)?.score ?? 0}`).toBe(false);
    },
  );
});
