/**
 * Operator regexes whose time grows with the square of the text are refused at load (QA round 4). The
 * safety check's timed run read inputs of at most ~3 KB, where `secret.*key` and `\d+x` pass, yet one
 * 64 KB message of "secret secret …" held a core for 53 s in the rules detector (256 KB of digits: 57 s
 * for `\d+x`). Both were accepted by the old check.
 */
import { describe, expect, it } from 'vitest';
import { checkRegexSafety, compileRuleSet, RuleSetError } from '../../guardrails/rules/index.js';
import { parsePolicyText } from '../../guardrails/policy/loader.js';

describe('regex rules whose time grows faster than the text are rejected', () => {
  it('rejects quadratic rules with a reason that says how to bound them', () => {
    for (const pattern of [String.raw`secret.*key`, String.raw`\d+x`]) {
      const check = checkRegexSafety(pattern, 'i');
      expect(check.ok, pattern).toBe(false);
      expect(check.reason, pattern).toMatch(/time grows faster than the text|catastrophic backtracking/);
    }
    expect(() => compileRuleSet({ regexes: [{ id: 'leak', pattern: 'secret.*key' }] })).toThrow(RuleSetError);
  });

  it('accepts the same rules with the repetition bounded, and ordinary rules', () => {
    for (const pattern of [
      String.raw`secret.{0,200}key`,
      String.raw`\d{1,12}x`,
      String.raw`ACME-[0-9]{4,6}`,
      String.raw`\bsk-[A-Za-z0-9]{20,}`,
      String.raw`https?://intranet\.acme\.com/\S*`,
      String.raw`\b(?:project|codename)\s+(?:titan|falcon)\b`,
    ]) {
      expect(checkRegexSafety(pattern, 'i'), pattern).toEqual({ ok: true });
    }
  });

  it('a policy file with such a rule names the rule (parse succeeds; the load rejects it)', () => {
    const spec = parsePolicyText('rules: { regexes: [ { id: leak, pattern: "secret.*key" } ] }', 'acme.yaml');
    expect(() => compileRuleSet(spec.rules)).toThrow(/regex rule "leak" rejected: (time grows faster|catastrophic)/);
  });
});
