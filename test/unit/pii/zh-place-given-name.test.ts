import { describe, expect, it } from 'vitest';
import { found } from './helpers.js';

const namesAndPlaces = (text: string) => found(text).filter((f) => /^(PERSON|LOCATION):/.test(f));

describe('a surname + a given name that is also a place', () => {
  it('at a name\'s edges is a person, not the place (顾|天池)', () => {
    expect(namesAndPlaces('顾天池')).toEqual(['PERSON:顾天池']);
    expect(namesAndPlaces('美得呀〜顾天池苦逼青年')).toEqual(['PERSON:顾天池']);
    expect(namesAndPlaces('了好几张嘿嘿驰鸣天下顾天池')).toEqual(['PERSON:顾天池']);
    expect(namesAndPlaces('顾天池说明天到')).toEqual(['PERSON:顾天池']);
  });

  it('the place stays a place after a verb, a preposition or inside a word', () => {
    expect(namesAndPlaces('我们去了天池')).toEqual(['LOCATION:天池']);
    expect(namesAndPlaces('，游天池')).toEqual(['LOCATION:天池']);
    expect(namesAndPlaces('旅游天池')).toEqual(['LOCATION:天池']);
    expect(namesAndPlaces('新疆的天池很美')).toEqual(['LOCATION:新疆', 'LOCATION:天池']);
    // A reading that opens with a place is the place (0e48810): 东京 + 都 is no surname + given name.
    expect(namesAndPlaces('，东京都')).toEqual(['LOCATION:东京']);
  });
});
