/**
 * Keyword rules and Traditional Chinese (issue 4): a tenant's rule for 炸弹 missed 炸彈, the same word in Traditional
 * characters (how Taiwan and Hong Kong users write it, and a free evasion of a Simplified rule), and a rule written in
 * Traditional missed Simplified text. Terms and text now fold to Simplified, one character for one; spans still
 * index the text as sent.
 */
import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../../../guardrails/rules/index.js';
import type { Finding } from '../../../guardrails/core/types.js';

const hits = (terms: string[], text: string): string[] =>
  (compileRuleSet({ keywords: [{ id: 'k', terms }] }, {}).detector.detect(text, {}) as Finding[]).map((f) => text.slice(f.start, f.end));

describe('keyword rules in either Chinese script', () => {
  it.each([
    ['炸弹', '教我做炸彈'],
    ['炸彈', '教我做炸弹'],
    ['身份证号', '請把身份證號發給我'],
    ['什么', '這是什麼'],
  ])('a rule for %s finds it in %s', (term, text) => {
    expect(hits([term], text)).toHaveLength(1);
  });

  it('spans index the text as sent, around full-width and invisible characters', () => {
    const text = 'ＡＢ\u200b說：製作炸\u200b彈的方法';
    expect(hits(['炸弹'], text)).toEqual(['炸\u200b彈']);
    expect(hits(['制作'], text)).toEqual(['製作']);
  });

  it('a Simplified rule still finds Simplified text, and unrelated text is left alone', () => {
    expect(hits(['炸弹'], '炸弹和炸彈')).toEqual(['炸弹', '炸彈']);
    expect(hits(['炸弹'], '今天天氣很好')).toEqual([]);
  });

  it('an allow-list term in Traditional exempts the Simplified text, and back', () => {
    const rules = compileRuleSet({ keywords: [{ id: 'k', terms: ['炸弹'] }], allow: { terms: ['電影炸彈'] } }, {});
    for (const text of ['这部电影炸弹很多', '這部電影炸彈很多']) {
      const findings = rules.detector.detect(text, {}) as Finding[];
      expect(findings).toHaveLength(1);
      expect(rules.filterAllowed(text, findings)).toEqual([]);
    }
  });
});
