import { describe, expect, it } from 'vitest';
import { checkRegexSafety } from '../../../guardrails/rules/index.js';

describe('checkRegexSafety pumps behind the literal words of a pattern', () => {
  it('rejects a polynomial blow-up that starts only after a literal word', () => {
    // Accepted before: its pumped runs never contained 'secret:', and 4 KB of spaces after it took 22-26 s.
    expect(checkRegexSafety(String.raw`secret:\s*.*\s*end`, 'i')).toMatchObject({ ok: false, reason: expect.stringMatching(/catastrophic backtracking/) });
    expect(checkRegexSafety(String.raw`token=\w*\d*\w*;`, '')).toMatchObject({ ok: false });
  });

  it('still accepts ordinary rules with words and quantifiers', () => {
    for (const pattern of [String.raw`secret:\s*\S+`, String.raw`\bpassword\s*[:=]\s*\S{4,}`, String.raw`项目代号\s*[A-Z]{2}-\d{4}`, String.raw`(?:ssn|social security)\s*#?\s*\d{3}-\d{2}-\d{4}`]) {
      expect(checkRegexSafety(pattern, 'i'), pattern).toEqual({ ok: true });
    }
  });
});
