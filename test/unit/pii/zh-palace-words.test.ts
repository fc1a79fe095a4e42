import { describe, expect, it } from 'vitest';
import { found } from './helpers.js';

const people = (text: string) => found(text).filter((f) => f.startsWith('PERSON:'));

describe('宫 closing an everyday word (子宫, 后宫, 王宫) starts no name', () => {
  it('no surname + given name reading across the word', () => {
    for (const text of ['重置子宫野霜曜一帆', '后宫佳丽三千', '王宫守卫森严']) expect(people(text), text).toEqual([]);
  });

  it('宫 as a surname still starts a name', () => {
    expect(people('联系人：宫小明')).toEqual(['PERSON:宫小明']);
    expect(people('我和宫婷婷去了')).toEqual(['PERSON:宫婷婷']);
  });
});
