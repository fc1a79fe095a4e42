import { describe, expect, it } from 'vitest';
import { found } from './helpers.js';

const people = (text: string) => found(text).filter((f) => f.startsWith('PERSON:'));

describe('a Traditional surname character that closes an everyday word is no name start (感謝, 多謝)', () => {
  it('謝 in 感謝 / 多謝 starts no name, as 谢 in 感谢 / 多谢 does not', () => {
    for (const text of ['感謝大家的支持', '多謝妖骨佬伦语的中大豪華蚊早餐。', '感谢大家的支持', '多谢妖骨佬伦语的早餐']) expect(people(text), text).toEqual([]);
  });

  it('the name after the thanks is read whole', () => {
    expect(people('感謝劉德華先生')).toEqual(['PERSON:劉德華']);
    expect(people('感谢刘德华先生')).toEqual(['PERSON:刘德华']);
  });
});
