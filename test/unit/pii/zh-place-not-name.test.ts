import { describe, expect, it } from 'vitest';
import { found } from './helpers.js';

const persons = (text: string) => found(text).filter((f) => f.startsWith('PERSON:'));

describe('a reading that opens with a city, province or country name is the place, not a surname + given name', () => {
  it('高雄客运, 林芝游客, 高雄客家: the place, no person', () => {
    for (const text of ['高雄客运今天停驶', '欢迎高雄客人', '高雄客家文化节', '林芝游客很多', '高雄飞去台北', '昨天高雄客满']) {
      expect(persons(text), text).toEqual([]);
      expect(found(text).some((f) => f.startsWith('LOCATION:')), text).toBe(true);
    }
  });

  it('the same characters with a cue, a title or a mention are still a person; other names still found', () => {
    expect(found('我叫高雄')).toContain('PERSON:高雄');
    expect(found('高雄先生来了')).toContain('PERSON:高雄');
    expect(found('联系人：高雄')).toContain('PERSON:高雄');
    expect(persons('@高雄 你好')).toEqual(['PERSON:高雄']);
    expect(found('高晓松说这首歌很好')).toContain('PERSON:高晓松');
  });
});
