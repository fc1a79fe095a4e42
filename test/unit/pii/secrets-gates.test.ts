/**
 * The secrets recognizer skips its token-rule scan when the text facts hold no token hint's characters
 * (TextFacts.tokenHint: two capitals in a row, `_`, `sk-`, `xox?-`, `eyJ`) and its `key = value` scan when they
 * hold no separator (`:`, `=`, `：`; 是 and 为 come with hasCjk). Its findings must be those it gives with both
 * gates open (the scans run on every text, as before speed round 14): compared on generated texts built from the
 * hints, their near misses, token bodies, keys and separators.
 */
import { describe, expect, it } from 'vitest';
import { createRng, pick } from '../../../datasets/lib/rng.js';
import { factsOf } from '../../../guardrails/pii/detector.js';
import { secretsRecognizer } from '../../../guardrails/pii/recognizers/secrets.js';
import type { TextFacts } from '../../../guardrails/pii/types.js';

const open = (text: string): TextFacts => ({ ...factsOf(text), tokenHint: true, assignmentSeparator: true, lower: text.toLowerCase() });
const spans = (text: string, facts: TextFacts) => secretsRecognizer.recognize(text, facts).map((c) => [c.type, c.start, c.end, c.validator]);

describe('secrets gates', () => {
  it('find what the recognizer finds with both scans always run', () => {
    const rng = createRng(1414);
    const pieces = ['AKIA', 'ASIA', 'LTAI', 'AKID', 'AIza', 'A', 'K', 'I', 'z', 'sk-', 'sk', 's', 'k', '-', 'proj-', 'ghp_', 'gh', 'p', '_',
      'github_pat_', 'xox', 'xoxb-', 'x', 'o', 'b', 'sk_live_', 'pk_test_', 'live', 'eyJ', 'e', 'y', 'J', '.', '-----BEGIN RSA PRIVATE KEY-----',
      '\n', 'MIIEpAIBAAKCAQEA7f9Qz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 'Q7fZ2mX9pL4kR8vT1wY6nB3cJ5hG0dS', 'aB3dE5fG7hJ9kL1mN2pQ4rS6tU8vW0xY', 'q7fz2mx9pl4kr8vt1wy6nb3cj5hg0dsa1b2',
      'password', 'token', 'api_key', 'secret', '密码', '是', '为', '=', ': ', '：', ' ', 'hunter22x', 'https://', 'u:p@host.com', '号', 'Δ'];
    let found = 0;
    for (let k = 0; k < 20_000; k++) {
      let text = '';
      const n = 1 + Math.floor(rng() * 10);
      for (let p = 0; p < n; p++) text += pick(rng, pieces);
      const slow = spans(text, open(text));
      found += slow.length;
      expect(spans(text, factsOf(text)), JSON.stringify(text)).toEqual(slow);
    }
    expect(found).toBeGreaterThan(2_000);
  }, 60_000);

  it('gates: examples', () => {
    expect(factsOf('Contact Maria Keller on Tuesday.').tokenHint).toBe(false);
    expect(factsOf('Contact Maria Keller on Tuesday.').assignmentSeparator).toBe(false);
    for (const t of ['key AKIA', 'my_key', 'sk-abc', 'xoxb-1', 'eyJhbG', '-----BEGIN', 'AIzaq7fz2mx9pl4kr8vt1wy6nb3cj5hg0dsa1b2c']) expect(factsOf(t).tokenHint, t).toBe(true);
    for (const t of ['a: b', 'a=b', 'a：b']) expect(factsOf(t).assignmentSeparator, t).toBe(true);
  });
});

describe('secrets gates: a Google key whose only capitals are its AI', () => {
  it('is found', () => {
    const text = 'key AIzaq7fz2mx9pl4kr8vt1wy6nb3cj5hg0dsa1b2 end';
    expect(spans(text, factsOf(text))).toEqual(spans(text, open(text)));
    expect(spans(text, factsOf(text)).length).toBe(1);
  });
});
