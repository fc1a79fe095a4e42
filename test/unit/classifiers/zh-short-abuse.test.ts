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
import { zhEverydaySenses } from '../../../datasets/classifiers/zh-everyday-senses.js';
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

/**
 * Words of the toxicity lexicon inside harmless words or in their everyday senses, and compliments in the frames of
 * insults (issue 4). Scores on the weights before (ZH threshold 0.419): 去死海旅游 0.531, 今日你有空吗？ 0.523, 生日你想怎么过？
 * 0.590, 我帮你收拾你的行李 0.544 ('去死', '日你', '收拾你' matched inside other words), 请把垃圾扔进垃圾桶 0.648, 废物利用也能
 * 做出好看的手工 0.572, 家里的母狗生了三只小狗 0.466, 这个方案被老板枪毙了 0.760, 关爱智障儿童是社会的责任 0.497, 这件衣服会让你好看
 * 很多 0.477, 你真是个好人 0.520: 11 of these 46 sentences flagged; 滚 0.215 and 妈的 0.246 were not. Fixed by the lexicon's whole-word rule for Chinese
 * (text-model/lexicon.ts) and by datasets/classifiers/zh-everyday-senses.ts, which writes none of these sentences.
 * Left open: 你妈的 + a noun ("你妈的手机一直打不通", your mother's phone) reads like the curse 你妈的 and stays flagged.
 */
const EVERYDAY_SENSES = [
  '去死海旅游', '我想去死海漂浮一次', '明年夏天去死海度假', '死海的盐度非常高', '滚动条拉不动了', '屏幕一直在自动滚动', '小心滚烫的开水', '把球滚过来给我',
  '他很喜欢听摇滚乐', '滚筒洗衣机又坏了', '操场上有很多学生在跑步', '这个操作很简单', '别为我操心了', '同学们在做广播体操', '草地上开满了小花', '今年的草莓特别甜',
  '我先写个草稿', '请把垃圾扔进垃圾桶', '垃圾分类从我做起', '废物利用也能做出好看的手工', '宝宝的屁股有点红', '我妈的生日是下周三', '妈妈的手艺真好', '我买了一双黑皮鞋',
  '奶奶煮了玉米棒子', '家里的母狗生了三只小狗', '春天到了，山坡上绿绿的一片', '我靠窗坐', '我靠自己的努力考上了大学', '今日你有空吗？', '生日你想怎么过？',
  '这件衣服会让你好看很多', '我帮你收拾你的行李', '这个方案被老板枪毙了', '关爱智障儿童是社会的责任',
];
const COMPLIMENTS = ['你真是个好人', '你真是个天才', '你真是个好老师', '你真是个贴心的朋友', '你就是个好榜样', '你真是个热心肠', '你真好，谢谢你', '你真是太厉害了', '你是个好妈妈', '你真是个暖男', '你真是我的救星'];

describe('abuse words in their everyday senses and compliments in insult frames (committed toxicity weights)', async () => {
  const toxicity = await createToxicityDetector({ minScore: 0 });
  const finding = (text: string): Finding | undefined => (toxicity.detect(text) as Finding[]).find((f) => f.category === 'toxicity.toxic');
  const flagged = (text: string): boolean => finding(text)?.meta?.flagged === true;

  it('are held out: no generator writes them', () => {
    const m = GENERATED_MIX.zhEverydaySenses;
    const generated = new Set([...zhEverydaySenses(51, m.count, m.benignShare), ...zhShortAbuse(50, GENERATED_MIX.zhShortAbuse.count, GENERATED_MIX.zhShortAbuse.benignShare)].map((r) => r.text));
    expect([...EVERYDAY_SENSES, ...COMPLIMENTS].filter((t) => generated.has(t))).toEqual([]);
  });

  it.each([...EVERYDAY_SENSES, ...COMPLIMENTS])('leaves %s unflagged', (text) => {
    expect(flagged(text), `${text} ${finding(text)?.score ?? 0}`).toBe(false);
  });

  it.each(['滚', '滚！', '妈的', '妈的！', '你给我滚', '他妈的'])('flags the bare %s (the commonest Chinese abuse messages)', (text) => {
    expect(flagged(text), `${text} ${finding(text)?.score ?? 0}`).toBe(true);
  });

  it.each(['你真是个脑残', '你就是个傻逼', '你就是个垃圾', '你这个废物', '我会让你好看的', '你去死吧'])('still flags the insult %s', (text) => {
    expect(flagged(text), `${text} ${finding(text)?.score ?? 0}`).toBe(true);
  });
});
