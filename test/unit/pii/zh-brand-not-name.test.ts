import { describe, expect, it } from 'vitest';
import { found } from './helpers.js';

const people = (text: string) => found(text).filter((f) => f.startsWith('PERSON:'));

describe('a foreign brand before a product or goods word is no person', () => {
  it('a listed brand before a product word is not read as a surname + given name (西门 + 子, 欧 + 莱雅)', () => {
    for (const text of ['西门子软件', '设置：西门子乱文回中文：西门子软件版本', '用西门子软件建模', '欧莱雅产品']) {
      expect(people(text), text).toEqual([]);
    }
  });

  it('an unlisted transliterated run before a goods or industry word is a brand, not a person', () => {
    for (const text of ['克莱斯勒汽车', '我买了伊莱克斯冰箱']) expect(people(text), text).toEqual([]);
  });

  it('the same brands alone are still organisations, and transliterated names elsewhere still people', () => {
    expect(found('我在西门子工作')).toEqual(['ORGANIZATION:西门子']);
    expect(found('欧莱雅')).toEqual(['ORGANIZATION:欧莱雅']);
    expect(people('詹姆斯说他明天到')).toEqual(['PERSON:詹姆斯']);
    expect(people('克莱斯勒说他明天到')).toEqual(['PERSON:克莱斯勒']);
    expect(people('西门吹雪说')).toEqual(['PERSON:西门吹雪']);
  });
});
