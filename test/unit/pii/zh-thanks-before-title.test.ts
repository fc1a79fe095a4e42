import { describe, expect, it } from 'vitest';
import { found } from './helpers.js';

const people = (text: string) => found(text).filter((f) => f.startsWith('PERSON:'));

describe('a word of thanks before a surname + title', () => {
  it('the title is the next surname\'s: 谢谢|李医生, not 谢李', () => {
    expect(people('谢谢李医生')).toEqual(['PERSON:李医生']);
    expect(people('谢谢张先生的帮助')).toEqual(['PERSON:张先生']);
    expect(people('感谢王老师')).toEqual(['PERSON:王老师']);
    expect(people('多谢陈女士')).toEqual(['PERSON:陈女士']);
    expect(people('感謝陳女士')).toEqual(['PERSON:陳女士']);
    expect(people('谢谢方芳老师')).toEqual(['PERSON:方芳']);
  });

  it('thanks without a name, and a name after thanks, read as before', () => {
    expect(people('谢谢老师')).toEqual([]);
    expect(people('谢谢李娜')).toEqual(['PERSON:李娜']);
    expect(people('博文心晴老师')).toEqual(['PERSON:文心晴']);
  });
});
