/**
 * A keyword list without terms or files and a topic without keywords, files or classifier categories loaded and
 * matched nothing (`{ id: t1 }` under topics, `{ id: kw, terms: [] }`): a rule that silently never fires (found by QA
 * round 6; knowledge-base entries were already refused so). Now refused at load, naming the rule.
 */
import { describe, expect, it } from 'vitest';
import { parsePolicyText } from '../../../guardrails/policy/index.js';
import { compileRuleSet } from '../../../guardrails/rules/index.js';

describe('rules that could never match', () => {
  it('a keyword list with no terms and no files is refused, naming it', () => {
    expect(() => compileRuleSet({ keywords: [{ id: 'kw', terms: [] }] }, {})).toThrow(/keyword list .{0,2}kw.{0,2} has no terms or files/);
    expect(() => parsePolicyText('rules: { keywords: [ { id: kw } ] }', 'acme.yaml')).toThrow(/acme\.yaml: rules\.keywords\.0: keyword list "kw" has no terms or files/);
  });

  it('a topic with no keywords, files or classifier categories is refused, naming it', () => {
    expect(() => compileRuleSet({ topics: [{ id: 't1' }] }, {})).toThrow(/topic .{0,2}t1.{0,2} has no keywords, files or classifierCategories/);
    expect(() => parsePolicyText('rules: { topics: [ { id: t1, minScore: 0.6 } ] }', 'acme.yaml')).toThrow(/acme\.yaml: rules\.topics\.0: topic "t1" has no keywords/);
  });

  it('lists with something to match still load', () => {
    const rs = compileRuleSet({ keywords: [{ id: 'kw', terms: ['nightingale'] }], topics: [{ id: 't', classifierCategories: ['intent.*'] }, { id: 'u', keywords: ['选举'] }] }, {});
    expect(rs.detector.detect('project nightingale', {})).toHaveLength(1);
  });
});
