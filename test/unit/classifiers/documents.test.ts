import { describe, expect, it } from 'vitest';
import { documentInjections, germanRows, rolePlayInstructions } from '../../../datasets/classifiers/documents.js';
import { groupStatements } from '../../../datasets/classifiers/toxicity.js';
import { zhSentences, zhTopicComments } from '../../../datasets/classifiers/zh-comments.js';
import { promptLeaks } from '../../../datasets/classifiers/leaks.js';
import { benignSystemPrompts } from '../../../datasets/classifiers/system-prompts.js';

const docs = [
  { text: 'The meeting is on Monday. Please bring the report. Thanks for coming.', lang: 'en' as const },
  { text: '会议在周一举行。请带上报告。谢谢大家。', lang: 'zh' as const },
];

describe('document injections (datasets/classifiers/documents.ts)', () => {
  it('are deterministic, in both languages, and every clean twin is its attacked document minus the planted instruction', () => {
    const rows = documentInjections(17, docs, 400, 1);
    expect(rows).toEqual(documentInjections(17, docs, 400, 1));
    expect(new Set(rows.map((r) => r.lang))).toEqual(new Set(['en', 'zh']));
    expect(rows.filter((r) => r.label === 'injection').length).toBe(200);
    for (let i = 0; i < rows.length; i += 2) {
      const attacked = rows[i]!;
      const clean = rows[i + 1]!;
      expect(attacked.label).toBe('injection');
      expect(clean.label).toBe('benign');
      expect(attacked.text.length).toBeGreaterThan(clean.text.length);
      // The instruction is inserted in one place, nothing replaced: the clean text is a prefix + suffix of the attacked one.
      let prefix = 0;
      while (prefix < clean.text.length && clean.text[prefix] === attacked.text[prefix]) prefix += 1;
      let suffix = 0;
      while (suffix < clean.text.length - prefix && clean.text[clean.text.length - 1 - suffix] === attacked.text[attacked.text.length - 1 - suffix]) suffix += 1;
      expect(prefix + suffix).toBe(clean.text.length);
    }
  });

  it('keeps only a fraction of the clean twins when asked', () => {
    const rows = documentInjections(17, docs, 2000, 0.3);
    const clean = rows.filter((r) => r.label === 'benign').length;
    expect(rows.filter((r) => r.label === 'injection').length).toBe(1000);
    expect(clean).toBeGreaterThan(200);
    expect(clean).toBeLessThan(400);
  });

  it('German rows alternate benign questions and injections; role-play instructions are jailbreaks in EN and ZH', () => {
    const de = germanRows(18, 10);
    expect(de.every((r) => r.lang === 'de')).toBe(true);
    expect(de.filter((r) => r.label === 'injection').length).toBe(5);
    expect(de.some((r) => r.label === 'benign' && /[?.]$/.test(r.text))).toBe(true);
    const rp = rolePlayInstructions(19, 30);
    expect(rp.every((r) => r.label === 'jailbreak')).toBe(true);
    expect(rp.filter((r) => r.lang === 'zh').length).toBe(20);
    expect(rp).toEqual(rolePlayInstructions(19, 30));
  });

  it('group statements are balanced toxic / non-toxic in EN and ZH, and deterministic', () => {
    const rows = groupStatements(46, 400);
    expect(rows).toEqual(groupStatements(46, 400));
    for (const lang of ['en', 'zh'] as const) {
      const mine = rows.filter((r) => r.lang === lang);
      expect(mine.filter((r) => r.label === 'toxic').length).toBe(100);
      expect(mine.filter((r) => r.label === 'non_toxic').length).toBe(100);
    }
    expect(rows.every((r) => !/\{\w+\}/.test(r.text))).toBe(true);
  });

  it('Chinese topic comments are balanced per topic, fully filled, deterministic, and take context only from the given sentences', () => {
    const sentences = zhSentences([...docs, { text: '今天天气很好，我们去公园散步吧。第3题的答案是12。', lang: 'zh' }]);
    // Digits (math problems) and English documents are not used as context.
    expect(sentences).toEqual(['会议在周一举行。', '今天天气很好，我们去公园散步吧。']);
    const rows = zhTopicComments(47, 600, sentences, 0.5);
    expect(rows).toEqual(zhTopicComments(47, 600, sentences, 0.5));
    expect(rows.every((r) => r.lang === 'zh' && !/\{\w+\}/.test(r.text))).toBe(true);
    for (const topic of ['region', 'race', 'gender']) {
      const mine = rows.filter((r) => r.category === topic);
      expect(mine.filter((r) => r.label === 'toxic').length).toBe(100);
      expect(mine.filter((r) => r.label === 'non_toxic').length).toBe(100);
    }
    // Context sentences surround both labels alike, and about half the comments are several sentences long.
    for (const label of ['toxic', 'non_toxic']) expect(rows.some((r) => r.label === label && r.text.includes('会议在周一举行。'))).toBe(true);
    expect(rows.filter((r) => r.text.length > 40).length).toBeGreaterThan(150);
    expect(zhTopicComments(47, 600).some((r) => r.text.includes('会议在周一举行'))).toBe(false);
  });

  it('prompt leaks are two thirds attacks with benign look-alikes; system prompts are long benign role + rules texts', () => {
    const leaks = promptLeaks(21, 300);
    expect(leaks).toEqual(promptLeaks(21, 300));
    expect(leaks.filter((r) => r.label === 'injection').length).toBe(200);
    expect(leaks.every((r) => !/\{\w+\}/.test(r.text))).toBe(true);
    const prompts = benignSystemPrompts(22, 100);
    expect(prompts.every((r) => r.label === 'benign' && r.text.length > 50 && /(Rules|规则)/.test(r.text))).toBe(true);
    expect(new Set(prompts.map((r) => r.lang))).toEqual(new Set(['en', 'zh']));
  });
});
