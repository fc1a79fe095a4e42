import { describe, expect, it } from 'vitest';
import { found } from './helpers.js';

const typed = (type: string, text: string) => found(text).filter((f) => f.startsWith(`${type}:`));

describe('everyday words are no organisations or names', () => {
  it('网球 (tennis) and 全网 (the whole web) end no website name', () => {
    expect(typed('ORGANIZATION', '今天玩网球好开心')).toEqual([]);
    expect(typed('ORGANIZATION', '他买了两罐网球。每罐有3个网球。')).toEqual([]);
    expect(typed('ORGANIZATION', '谁是2020年法国网球公开赛女单冠军？')).toEqual([]);
    expect(typed('ORGANIZATION', '年轻妈妈花了很长时间搜遍全网总结出的秘籍')).toEqual([]);
    // A site name before 网 still is one.
    expect(typed('ORGANIZATION', '加入发彩网推广中心')).toEqual(['ORGANIZATION:发彩网']);
  });

  it('a star rating describes a hotel, it names none', () => {
    expect(typed('ORGANIZATION', '圣诞节四星级酒店自助西餐券')).toEqual([]);
    expect(typed('ORGANIZATION', '入住五星级酒店')).toEqual([]);
  });

  it('夏秋 / 秋冬 (summer and autumn, autumn and winter) are seasons, not 夏 / 秋 + a given name', () => {
    for (const text of ['末夏秋凉，细细品味', '回忆却停在了那夏秋之交', '故在夏秋高温季节', '秋冬季节要注意保暖']) expect(typed('PERSON', text), text).toEqual([]);
  });

  it('奥林巴斯 and 周大福 are brands, not transliterated or surname names', () => {
    expect(found('不如带上你家的小宝贝来“奥林巴斯爱胃月骑行大使点亮行动”').filter((f) => f.startsWith('PERSON:'))).toEqual([]);
    expect(found('母亲节温馨大奖-周大福K金钻石吊坠')).toEqual(['ORGANIZATION:周大福']);
  });
});
