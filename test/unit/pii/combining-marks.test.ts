/**
 * Text in decomposed form (NFD: macOS file names and some keyboards write `e` + U+0301 for `é`) was read letter by
 * letter: the normaliser worked per code point, so `Jose\u0301 Garci\u0301a` became the person `Jose` (García sent
 * in clear), `Champs-E\u0301lyse\u0301es` cut the address after the `E`, and spans ended before a combining mark, so
 * an operator left the mark hanging on the placeholder (found by QA round 6). Now a letter and its marks are read
 * as one character where they compose, spans index the original text, and no span ends inside a letter's marks.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../guardrails/core/normalize.js';
import { anonymize, createPiiDetector, createPiiSession } from '../../../guardrails/pii/index.js';

const detector = createPiiDetector();
const summary = (text: string) => detector.detect(text).map((f) => [f.type, text.slice(f.start, f.end)]);

describe('combining marks', () => {
  it.each([
    'Call José García at 13800138000',
    'Please contact Zoë Müller, Müller knows',
    'Renée Côté lives at 5 Avenue des Champs-Élysées',
  ])('decomposed text gets the findings of the composed text: %s', (composed) => {
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const want = summary(composed).map(([type, value]) => [type, value!.normalize('NFD')]);
    expect(want.length).toBeGreaterThan(0);
    expect(summary(decomposed)).toEqual(want);
  });

  it('normalisation composes a letter and its marks and maps spans back to the original', () => {
    const text = 'x Jose\u0301 e\u0302\u0301 y';
    const n = normalize(text);
    expect(n.text).toBe('x José ế y');
    expect(n.toOriginal(2, 6)).toEqual([2, 7]);
    expect(n.toOriginal(7, 8)).toEqual([8, 11]);
    expect(n.toOriginal(9, 10)).toEqual([12, 13]);
    // The combining grapheme joiner is invisible: removed, not composed.
    expect(normalize('a\u034fb').text).toBe('ab');
  });

  it('a span never ends before the marks of its last letter, so operators leave none hanging', () => {
    const text = 'key sk-proj-AbCdEf1234567890XyZaBcDeFx\u0301\u0302 ok';
    const [finding] = detector.detect(text);
    expect(finding?.type).toBe('API_TOKEN');
    expect(text.slice(finding!.start, finding!.end)).toBe('sk-proj-AbCdEf1234567890XyZaBcDeFx\u0301\u0302');
    for (const op of ['redact', 'placeholder', 'mask', 'pseudonymize'] as const) {
      const session = createPiiSession();
      const out = anonymize(text, [finding!], op, { session });
      expect(out.text, op).not.toMatch(/[>\]*]\u0301/);
      if (out.restore) expect(out.restore(out.text)).toBe(text);
    }
  });
});
