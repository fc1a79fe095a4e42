/**
 * The address recognizer's anchored scans (forEachAnchoredMatch, forEachEuroStreet) find what the global scans of
 * their patterns found, in the same order: OPENING_STREET / NUMBERED_OPENING_STREET from their street words,
 * ADDRESS_CUE from its words in the lower-cased text, EN_EURO from the spaces before a digit. And
 * EN_NUMBERED_STREET, its lookbehind moved after its first character, matches what its old form matched.
 */
import { describe, expect, it } from 'vitest';
import {
  ADDRESS_CUE,
  EN_EURO,
  EN_NUMBERED_STREET,
  forEachAddressCue,
  forEachEuroStreet,
  forEachOpeningStreet,
  NUMBERED_OPENING_STREET,
  OPENING_STREET,
} from '../../../guardrails/pii/recognizers/address.js';
import { forEachMatch } from '../../../guardrails/pii/types.js';

const spans = (scan: (onMatch: (m: RegExpExecArray) => void) => void): string[] => {
  const out: string[] = [];
  scan((m) => out.push(`${m.index}:${m[0]}`));
  return out;
};

/** Random texts from pieces around the patterns' words, so that matches, near misses and overlaps are common. */
function randomTexts(pieces: readonly string[], count: number, seed: number): string[] {
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);
  const texts: string[] = [];
  for (let t = 0; t < count; t++) {
    let text = '';
    const length = 1 + Math.floor(random() * 24);
    for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
    texts.push(text);
  }
  return texts;
}

const COMMON = [' ', ' ', ' ', '12', '7', '3', '\n', ',', '.', '-', 'x', 'A', 'É', 'Main', 'de', 'la', 'du', '_', '9a'];

describe('address anchored scans', () => {
  it('OPENING_STREET and NUMBERED_OPENING_STREET: the global scans\' matches', () => {
    const words = ['Rue ', 'rue ', 'Rua ', 'Via ', 'via ', 'Viale ', 'viale ', 'Piazza ', 'Piazzetta ', 'piazzetta ', 'Calle ', 'Avenida ', 'avenue ', 'Av ', 'Av. ', 'Avda ', 'Paseo ', 'Chemin ', 'Boulevard ', 'boulevard ', 'Ru', 'Ave',
      // Case forms neither pattern lists (their lower-case form is an anchor hit the sticky patterns must refuse),
      // words ending in a street word (true, trivia), and the Kelvin sign, which lower-cases to a word character.
      'RUE ', 'rUe ', 'VIA ', 'piazzA ', 'AV. ', 'true ', 'trivia ', 'Tel Av ', '\u212a', 'ſ'];
    const names = ['Scalette ', 'Boétie ', 'La ', 'Provence ', 'delle ', 'de ', 'Coste ', 'du ', 'centre ', '41', '320', '12 ', '56 ', '8116 '];
    let matches = 0;
    for (const text of randomTexts([...COMMON, ...words, ...words, ...names, ...names], 40_000, 7)) {
      const expected = [...spans((f) => forEachMatch(OPENING_STREET, text, f)), ...spans((f) => forEachMatch(NUMBERED_OPENING_STREET, text, f))];
      expect(spans((f) => forEachOpeningStreet(text, f)), JSON.stringify(text)).toEqual(expected);
      // From the lower-cased text's anchor (one scan of the lower-case street words for both patterns).
      expect(spans((f) => forEachOpeningStreet(text, f, text.toLowerCase())), JSON.stringify(text)).toEqual(expected);
      matches += expected.length;
    }
    expect(matches).toBeGreaterThan(1000);
  });

  it('ADDRESS_CUE: the global scan\'s matches, found from the lower-cased text', () => {
    const words = ['address', 'Address:', 'ADDRESS is', 'lives at', 'LIVE AT', 'living at', 'Living At', 'located at', 'office is at', 'ship to', 'shipped to', 'Shipped To', 'deliver to', 'delivered to', 'moved to', 'send it to', 'mail it to', 'İ', 'ſhip to', 'K', 'addres', 'live'];
    let matches = 0;
    for (const text of randomTexts([...COMMON, ...words], 40_000, 11)) {
      const expected = spans((f) => forEachMatch(ADDRESS_CUE, text, f));
      expect(spans((f) => forEachAddressCue(text, text.toLowerCase(), f)), JSON.stringify(text)).toEqual(expected);
      matches += expected.length;
    }
    expect(matches).toBeGreaterThan(1000);
  });

  it('EN_EURO: the global scan\'s matches, found from the spaces before a digit', () => {
    const words = ['Koskikatu ', 'Puuruntie ', 'Östergatan ', 'Hauptstraße ', 'Ringstrasse ', 'Friedweg ', 'Åvej ', 'ÄÖulica ', 'Kplatz ', 'Lindenallee ', 'gade ', 'Kaalaan ', 'Abcvej ', 'Xyztie ', 'Kk', 'katu', 'u', 'Ab', '25', '3', '25 ', '1234'];
    let matches = 0;
    for (const text of randomTexts([...COMMON, ...words, ...words], 40_000, 13)) {
      const expected = spans((f) => forEachMatch(EN_EURO, text, f));
      expect(spans((f) => forEachEuroStreet(text, f)), JSON.stringify(text)).toEqual(expected);
      matches += expected.length;
    }
    expect(matches).toBeGreaterThan(1000);
  });

  it('EN_NUMBERED_STREET: the matches of its old form, the lookbehind first', () => {
    const UP = 'A-Z\\u00c0-\\u00de';
    const LETTER = 'A-Za-z\\u00c0-\\u024f';
    const lookbehindFirst = new RegExp(
      `(?<![\\w.,])(?:\\d{1,6}[ ])?[${UP}][${LETTER}'\\-]{2,64}(?:[ ](?:[a-z]{1,3}[ ])?[${UP}][${LETTER}'\\-]{2,64}){0,2}[ ]\\d{1,5}[A-Za-z]?(?![\\w]|[.,]\\d)`,
      'g',
    );
    const words = ['Puruntie ', 'Via ', 'Franscini ', 'Rua ', 'do ', 'Arenque ', 'ÉÉ', 'Ébc ', 'Page ', 'O\'Neil-', 'x1', '1234567 ', '123456 ', '28245 ', '3482 ', '82', '71.', '1634,', '9.5', 'a,', 'Çalı '];
    let matches = 0;
    for (const text of randomTexts([...COMMON, ...words, ...words], 40_000, 17)) {
      const expected = spans((f) => forEachMatch(lookbehindFirst, text, f));
      expect(spans((f) => forEachMatch(EN_NUMBERED_STREET, text, f)), JSON.stringify(text)).toEqual(expected);
      matches += expected.length;
    }
    expect(matches).toBeGreaterThan(1000);
  });
});
