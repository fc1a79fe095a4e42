import { describe, expect, it } from 'vitest';
import { found } from './helpers.js';

const only = (type: string, text: string) => found(text).filter((s) => s.startsWith(`${type}:`));

describe('English places named by the words before them', () => {
  it('a capitalised name after a travel, moving or origin cue is a place, gazetteer or not', () => {
    expect(only('LOCATION', 'Mr. Okonjo flew to TROMSDAL on Monday morning.')).toEqual(['LOCATION:TROMSDAL']);
    expect(only('LOCATION', 'She grew up in Vellberg and later moved to Frankfurt am Main.')).toEqual(['LOCATION:Vellberg', 'LOCATION:Frankfurt am Main']);
    expect(only('LOCATION', "I'm originally from Kirkjubøur, a native of the Faroes.")).toEqual(['LOCATION:Kirkjubøur']);
    expect(only('LOCATION', 'Our team is based in Nowy Targ.')).toEqual(['LOCATION:Nowy Targ']);
  });
  it('no place after a cue: days, months, pronouns, products with a version, organisations', () => {
    expect(only('LOCATION', 'I was born in May and we moved to The next step.')).toEqual([]);
    expect(only('LOCATION', 'We moved to Python 3 last year and flew to Monday standup.')).toEqual([]);
    expect(found('She moved to Brightwave Labs in spring.').filter((s) => s.startsWith('LOCATION:'))).toEqual([]);
    expect(only('LOCATION', "Bond travels to No's Caribbean island.")).toEqual([]);
  });
  it('a gazetteer place after a title is a surname, no place', () => {
    expect(only('LOCATION', 'Ms. Austin flew in yesterday; Dr. Florence agreed.')).toEqual([]);
    expect(only('LOCATION', 'Ms. Lee flew in from Austin yesterday.')).toEqual(['LOCATION:Austin']);
  });
});
