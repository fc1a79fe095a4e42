/**
 * Keyword rules read combining marks (QA round 4). The shared normaliser works per code point, so a mark stays
 * after its letter: 'p̲r̲o̲j̲e̲c̲t̲ t̲i̲t̲a̲n̲' (U+0332 after each letter), Zalgo overlays and accents added to each
 * letter passed a rule for 'project titan', '夜̲莺̲计̲划̲' one for 夜莺计划, and 'cafe\u0301' (decomposed, as macOS
 * writes it) missed a rule for 'café'. Now marks compose or drop and accented Latin letters read as ASCII.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../guardrails/core/normalize.js';
import { foldCase, prepareForMatching } from '../../guardrails/rules/fold.js';
import { compileRuleSet } from '../../guardrails/rules/index.js';

const rules = compileRuleSet({ keywords: [{ id: 'k', terms: ['project titan', '夜莺计划', 'café', 'мой'] }] });
const hits = (text: string) => rules.detector.detect(text) as { start: number; end: number }[];
const mark = (s: string, m: string) => [...s].map((c) => (c === ' ' ? c : c + m)).join('');

describe('keyword rules and combining marks', () => {
  it('marks after each letter do not hide a term, and the span covers them', () => {
    for (const text of [mark('project titan', '\u0332'), mark('project titan', '\u0334'), mark('project titan', '\u0301\u0316'), 'p\u0336r\u0336oject titan', mark('夜莺计划', '\u0332')]) {
      const found = hits(`see ${text}!`);
      expect(found, JSON.stringify(text)).toHaveLength(1);
      expect(`see ${text}!`.slice(found[0]!.start, found[0]!.end)).toBe(text);
    }
  });

  it('a decomposed accent matches the composed term, and the other way round', () => {
    expect(hits('at the cafe\u0301 today')).toHaveLength(1);
    expect(compileRuleSet({ keywords: [{ id: 'k', terms: ['cafe\u0301'] }] }).detector.detect('at the café today')).toHaveLength(1);
  });

  it('Cyrillic letters keep their identity (й is not и)', () => {
    expect(hits('это мой дом')).toHaveLength(1);
    expect(hits('это мои дом')).toHaveLength(0);
    expect(hits('это мо\u0438\u0306 дом')).toHaveLength(1); // и + combining breve composes to й
  });

  it('text without marks or accented letters folds as before: case, white-space runs, offsets', () => {
    const alphabet = ['a', 'B', ' ', '  ', '\n', '\t', '\u2028', '中', '😀', 'Ｘ', '\u200b', '-', 'я', 'ж'];
    for (let t = 0; t < 400; t++) {
      let text = '';
      for (let i = 0; i < 5 + (t % 23); i++) text += alphabet[(t * 31 + i * 17 + ((i * i) % 7)) % alphabet.length];
      const { folded, normalized } = prepareForMatching(text);
      expect(folded, JSON.stringify(text)).toBe(foldCase(normalize(text).text).replace(/\s+/g, ' '));
      for (let k = 0; k < folded.length; k++) {
        if (folded[k] === ' ' || /[\ud800-\udfff]/.test(folded[k]!)) continue;
        const [s, e] = normalized.toOriginal(k, k + 1);
        expect(foldCase(normalize(text.slice(s, e)).text), `${JSON.stringify(text)} @${k}`).toBe(folded[k]);
      }
    }
  });

  it('regex rules read marks and accented Latin letters too, spans into the text as sent', () => {
    const regex = compileRuleSet({ regexes: [{ id: 'ticket', pattern: String.raw`ACME-\d{4}`, flags: '' }] });
    for (const ticket of [mark('ACME-1234', '\u0332'), 'ÁĆḾÉ-1234', 'ACME-1234']) {
      const text = `ticket ${ticket} now`;
      const found = regex.detector.detect(text) as { start: number; end: number }[];
      expect(found, JSON.stringify(text)).toHaveLength(1);
      expect(text.slice(found[0]!.start, found[0]!.end)).toBe(ticket);
    }
    expect(regex.detector.detect('ticket ACME-12 now')).toHaveLength(0);
  });
});
