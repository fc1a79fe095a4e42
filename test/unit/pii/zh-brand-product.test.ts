import { describe, expect, it } from 'vitest';
import { found } from './helpers.js';

const orgs = (text: string) => found(text).filter((f) => f.startsWith('ORGANIZATION:'));

describe('a listed brand right before a product or service word names the product, not the organisation', () => {
  it('淘宝女装, 百度贴吧, 京东券, 香奈儿香水, 腾讯新闻客户端: no organisation', () => {
    for (const text of ['春天来了淘宝女装海量新品', '我在百度贴吧看到的', '转发赢500元京东券', '最爱的香奈儿香水', '来自腾讯新闻客户端']) {
      expect(orgs(text), text).toEqual([]);
    }
  });

  it('the same brands as employers or shops are still organisations', () => {
    expect(orgs('我在淘宝工作了三年')).toEqual(['ORGANIZATION:淘宝']);
    expect(orgs('他跳槽去了百度')).toEqual(['ORGANIZATION:百度']);
    expect(orgs('她在腾讯新闻做编辑')).toEqual(['ORGANIZATION:腾讯新闻']);
    expect(orgs('京东商城品牌春天来了')).toEqual(['ORGANIZATION:京东商城']);
  });
});
