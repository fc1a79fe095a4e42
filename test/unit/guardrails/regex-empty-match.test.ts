/**
 * A regex that matches the empty string only at some positions (`\b|secret`, `(?=key)`, `(?<=id:)`) passed the
 * load check, which tried the empty text alone. Its empty matches are skipped, and the scan then moves on one
 * character, so `\b|secret` never found "secret" (the empty `\b` wins at the word's start): a rule that loads and
 * silently finds nothing (found by QA round 6). Such regexes are now refused at load with the reason.
 */
import { describe, expect, it } from 'vitest';
import { checkRegexSafety, compileRuleSet } from '../../../guardrails/rules/index.js';

describe('regex rules that can match an empty string', () => {
  it.each(['\\b|secret', '(?=key)', '(?<=id:)', 'secret|\\b', '\\bsecret|$', '(?:x|\\B)'])('%s is refused at load', (pattern) => {
    const check = checkRegexSafety(pattern, 'i');
    expect(check.ok).toBe(false);
    expect(check.reason).toMatch(/empty string/);
    expect(() => compileRuleSet({ regexes: [{ id: 'tix', pattern }] }, {})).toThrow(/regex rule "tix" rejected: .*empty string/);
  });

  it.each(['\\bsecret\\b', 'ACME-[0-9]{4,6}', '(?<=id:)\\d+', 'key(?=:)', '\\d{3}-\\d{4}'])('%s still loads', (pattern) => {
    expect(checkRegexSafety(pattern, 'i')).toEqual({ ok: true });
  });
});
