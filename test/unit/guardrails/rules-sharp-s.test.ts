/**
 * Keyword rules fold case, but ß (and the capital ẞ) was kept as is: its upper case is SS, so a rule for `straße`
 * missed `STRASSE` and `Strasse`, and a rule for `strasse` missed `Straße` (found by QA round 6). ß now reads as
 * `ss` on both sides; spans still index the text as sent.
 */
import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../../../guardrails/rules/index.js';

const spans = (terms: string[], text: string) =>
  (compileRuleSet({ keywords: [{ id: 'k', terms }] }, {}).detector.detect(text, {}) as Array<{ start: number; end: number }>).map((f) =>
    text.slice(f.start, f.end),
  );

describe('keyword rules and the sharp s', () => {
  it.each(['STRASSE', 'Strasse', 'straße', 'STRAẞE', 'Straße'])('a rule for straße finds %s', (written) => {
    expect(spans(['straße'], `Die ${written} 5 😀`)).toEqual([written]);
    expect(spans(['strasse'], `Die ${written} 5 😀`)).toEqual([written]);
  });

  it('whole words only, as before', () => {
    expect(spans(['straße'], 'Hauptstraße und Strassenbahn')).toEqual([]);
    expect(spans(['fuß'], 'FUSS, Fuß, fuss')).toEqual(['FUSS', 'Fuß', 'fuss']);
  });
});
