import { describe, expect, it } from 'vitest';
import { found } from './helpers.js';

const only = (type: string, text: string) => found(text).filter((s) => s.startsWith(`${type}:`));

describe('person names', () => {
  it('English: given-name dictionary, titles and cues', () => {
    expect(only('PERSON', 'Hi, my name is John Smith and I need help.')).toEqual(['PERSON:John Smith']);
    expect(only('PERSON', 'Please forward this to Mrs. Okafor.')).toEqual(['PERSON:Okafor']);
    expect(only('PERSON', 'Dear Maria Gonzalez,')).toEqual(['PERSON:Maria Gonzalez']);
    expect(only('PERSON', 'The Quick Report is due Monday.')).toEqual([]);
  });
  it('Chinese: surname + given name with cues and honorifics', () => {
    expect(only('PERSON', '我叫王小明，想咨询一下')).toEqual(['PERSON:王小明']);
    expect(only('PERSON', '联系人：李娜，电话见下')).toEqual(['PERSON:李娜']);
    expect(only('PERSON', '请转告张伟先生')).toEqual(['PERSON:张伟']);
    expect(only('PERSON', '王女士您好')).toEqual(['PERSON:王女士']);
    expect(only('PERSON', '今天马上就到，高兴得很')).toEqual([]);
  });
  it('Chinese: names in running text without cues, scored against background character statistics', () => {
    expect(only('PERSON', '这次活动由宋婉晴负责策划')).toEqual(['PERSON:宋婉晴']);
    expect(only('PERSON', '昨晚梁思涵发来一张照片')).toEqual(['PERSON:梁思涵']);
    // Surname characters inside ordinary words: 温室气体, 周边环境, 方便, 阿甘正传.
    expect(only('PERSON', '我们讨论了温室气体和周边环境的问题')).toEqual([]);
    expect(only('PERSON', '大家都很高兴，方便的话明天见')).toEqual([]);
    expect(only('PERSON', '周末去看了阿甘正传')).toEqual([]);
    // A whole @handle that is a name; a surname + title after 的.
    expect(only('PERSON', '转发 //@韦思琪: 说得对')).toEqual(['PERSON:韦思琪']);
    expect(only('PERSON', '同意//@柏宁琍://@某某')).toEqual(['PERSON:柏宁琍']);
    expect(only('PERSON', '这是我们家的周老师')).toEqual(['PERSON:周老师']);
    // A doubled character is not surname + given name.
    expect(only('PERSON', '林林总总的问题都解决了')).toEqual([]);
  });
});

describe('addresses', () => {
  it('Chinese address chains', () => {
    expect(only('ADDRESS', '收货地址：浙江省杭州市西湖区文三路478号华星大厦5楼')).toEqual(['ADDRESS:浙江省杭州市西湖区文三路478号华星大厦5楼']);
    expect(only('ADDRESS', '我住在北京市朝阳区建国路88号')).toEqual(['ADDRESS:北京市朝阳区建国路88号']);
  });
  it('English street addresses', () => {
    expect(only('ADDRESS', 'Ship to 221B Baker Street, London please')).toEqual(['ADDRESS:221B Baker Street, London']);
    expect(only('ADDRESS', 'office: 1600 Pennsylvania Avenue NW, Washington, DC 20500')).toEqual(['ADDRESS:1600 Pennsylvania Avenue NW, Washington, DC 20500']);
  });
});

describe('organisations and locations', () => {
  it('organisations by suffix and gazetteer', () => {
    expect(only('ORGANIZATION', 'I work at Careset Systems now')).toEqual(['ORGANIZATION:Careset Systems']);
    expect(only('ORGANIZATION', '他在杭州阿里巴巴网络技术有限公司上班')).toEqual(['ORGANIZATION:杭州阿里巴巴网络技术有限公司']);
    expect(only('ORGANIZATION', '腾讯发布了新游戏')).toEqual(['ORGANIZATION:腾讯']);
    expect(only('ORGANIZATION', '他在恒信公司上班')).toEqual(['ORGANIZATION:恒信公司']);
    expect(only('ORGANIZATION', '我平时在土豆网看视频')).toEqual(['ORGANIZATION:土豆网']);
    // A common word before the suffix describes a company; 上网 is no website.
    expect(only('ORGANIZATION', '这是普通公司')).toEqual([]);
    expect(only('ORGANIZATION', '家里刚装好宽带可以上网了')).toEqual([]);
  });
  it('locations from the gazetteer', () => {
    expect(only('LOCATION', 'flying from New Zealand to Berlin')).toEqual(['LOCATION:New Zealand', 'LOCATION:Berlin']);
    expect(only('LOCATION', '下周去雅安出差')).toEqual(['LOCATION:雅安']);
    expect(only('LOCATION', '下周去上海出差')).toEqual(['LOCATION:上海']);
  });
});
