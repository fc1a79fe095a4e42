import { describe, expect, it } from 'vitest';
import { found } from './helpers.js';

const people = (text: string) => found(text).filter((f) => f.startsWith('PERSON:'));

describe('familiar names: 阿 / 小 / 老 + a name character, said to or about someone', () => {
  it.each([
    ['阿珍今天请假了。', '阿珍'],
    ['阿明在吗？', '阿明'],
    ['昨天碰到阿芳了，她说她换工作了。', '阿芳'],
    ['告诉阿强，明天八点集合。', '阿强'],
    ['麻烦小林把文件发我一下。', '小林'],
    ['恭喜阿华拿到了offer！', '阿华'],
    ['小王今天没来上班。', '小王'],
    ['老李也说不去了。', '老李'],
  ])('%s names %s', (text, name) => {
    expect(people(text)).toEqual([`PERSON:${name}`]);
  });

  it.each(['阿姨今天来了。', '阿门，愿主保佑。', '小心了，地上很滑。', '老实说，我不太同意。', '小时候我住在乡下。', '我们等小雨停了再走。', '告诉小朋友们别乱跑。', '看到小狗了吗？', '阿胶是一种中药。', '碰到小偷了，赶紧报警。', '遇到小问题也别慌。', '拜托老师了。'])(
    'the everyday word in %s names no one',
    (text) => {
      expect(people(text)).toEqual([]);
    },
  );
});

describe('a given name said to someone: 思远，你… / 嘉欣，您…', () => {
  it.each([
    ['思远，你明天来吗？', '思远'],
    ['嘉欣，您好，我是快递员。', '嘉欣'],
  ])('%s names %s', (text, name) => {
    expect(people(text)).toEqual([`PERSON:${name}`]);
  });

  it.each(['老板，你好，这个多少钱？', '明天，你会来吗？', '同学，你的书掉了。', '亲爱的，你在哪？', '美女，你好。', '师傅，你好，去机场。', '宝贝，你真棒。', '兄弟，你说得对。', '哈哈，你太逗了。', '不过，你要小心。', '其实，你说得没错。', '好的，你先忙。', '谢谢，你真好。', '对了，你吃饭了吗？', '晚安，你也早点睡。', '加油，你可以的。'])(
    'the word in %s names no one',
    (text) => {
      expect(people(text)).toEqual([]);
    },
  );

  it('阿 opening a transliterated name is no form of address (阿德里安)', () => {
    expect(people('阿德里安的总工资比莱拉的高').filter((f) => f === 'PERSON:阿德')).toEqual([]);
  });
});
