/**
 * The secrets recognizer tries its `key = value` regex (ASSIGNMENT, sticky) only at key starts found from the key
 * stems, and skips those right after a letter, digit or underscore (the regex's lookbehind, by character code).
 * Its assignment findings must be those of a plain global scan of ASSIGNMENT: compared on generated texts with
 * keys inside words (passport, monkey, tokens), upper-case keys, Chinese keys and separators.
 */
import { describe, expect, it } from 'vitest';
import { ASSIGNMENT, NOT_A_VALUE, secretsRecognizer } from '../../../guardrails/pii/recognizers/secrets.js';
import { factsOf } from '../../../guardrails/pii/detector.js';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
}

describe('secrets assignment scan', () => {
  it('finds what a global scan of ASSIGNMENT finds', () => {
    const r = rng(20261129);
    const pieces = ['password', 'PASSWORD', 'passport', 'pwd', 'monkey', 'api_key', 'apiKey', 'API-KEY', 'access_token', 'tokens', 'token', 'secret', 'client_secret', '_secret', 'x', '9', '密码', '口令', '密钥', '是', '为', '=', ': ', '：', ' = ', '"', "'", ' ', ' ', '，', 'hunter22', 'S3cr3t!x', '****', 'null', 'abc', 'k3y-v4lue'];
    const global = new RegExp(ASSIGNMENT.source, 'gi');
    let found = 0;
    for (let k = 0; k < 15_000; k++) {
      let text = '';
      const n = 2 + Math.floor(r() * 8);
      for (let p = 0; p < n; p++) text += pieces[Math.floor(r() * pieces.length)];
      const fast = secretsRecognizer.recognize(text, factsOf(text)).filter((c) => c.validator === 'assignment').map((c) => [c.start, c.end]);
      const slow: number[][] = [];
      for (const m of text.matchAll(global)) {
        const end = m.index + m[0].length;
        if (!NOT_A_VALUE.test(m[2]!)) slow.push([end - m[2]!.length, end]);
      }
      found += slow.length;
      expect(fast, text).toEqual(slow);
    }
    expect(found).toBeGreaterThan(1_000);
  }, 60_000);
});
