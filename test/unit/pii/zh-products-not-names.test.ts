import { describe, expect, it } from 'vitest';
import { found } from './helpers.js';

const ofTypes = (text: string, ...types: string[]) => found(text).filter((f) => types.includes(f.split(':')[0]!));

/**
 * Product reviews, recipes and tech news (written for these tests): brands, foods and goods whose first character is a
 * surname, or that hold a place name inside, name no person and no place.
 */
const NO_PERSON_NO_PLACE = [
  '我买了一块卡西欧手表，防水效果不错。',
  '这款手机搭载高通骁龙8 Gen 3处理器，性能很强。',
  '胡萝卜去皮切丝，放入锅中翻炒两分钟。',
  '先把土豆去皮切块，再加入洋葱和胡萝卜一起炖。',
  '杨枝甘露是用芒果、西柚和椰浆做的。',
  '戴森吹风机吹头发很快，但是价格太贵了。',
  '施华洛世奇的项链做工精致。',
  '马卡龙甜得发腻，我不太喜欢。',
  '孔明灯在夜空中慢慢升起。',
  '柯达胶卷现在越来越贵了。',
  '宫爆鸡丁和宫保鸡丁是同一道菜吗？',
  '宁德时代的电池能量密度再创新高。',
  '卢浮宫的门票要提前预约。',
  '莲藕切片后泡在清水里防止变黑。',
  '雷蛇鼠标的手感真不错。',
  '罗技键盘用了五年还没坏。',
  '兰蔻小黑瓶是我的心头好。',
  '红烧排骨的做法：排骨焯水后加冰糖炒糖色。',
  '黄瓜拍碎，加蒜末、香醋和香油拌匀即可。',
  '将白萝卜切片，和羊肉一起小火慢炖一个小时。',
  '这家店的麻婆豆腐很正宗，就是有点咸。',
  '西红柿炒鸡蛋是最简单的家常菜。',
  '东坡肉肥而不腻，入口即化。',
  '黄焖鸡米饭加一份土豆，味道更好。',
  '金针菇洗净，放入火锅中煮三分钟。',
  '丝瓜去皮切滚刀块，和虾仁一起炒。',
  '冬瓜排骨汤要小火炖一个半小时。',
  '胡椒粉少放一点，不然太呛了。',
  '罗汉果泡水喝对嗓子好。',
  '马蹄糕的做法很简单。',
  '索尼耳机降噪一流，就是有点夹头。',
  '飞利浦剃须刀很好用。',
  '这款蓝牙耳机音质清晰，降噪效果也不错。',
  '黄油融化后加入面粉搅拌均匀。',
  '高压锅炖肉很快。',
  '华为Mate 60 Pro搭载麒麟9000S处理器。',
];

describe('brands, foods and goods are no names or places', () => {
  it.each(NO_PERSON_NO_PLACE)('%s', (text) => {
    expect(ofTypes(text, 'PERSON', 'LOCATION', 'ADDRESS')).toEqual([]);
  });

  it('a brand is an organisation, not a place or a person inside it', () => {
    expect(ofTypes('我买了一块卡西欧手表', 'LOCATION', 'ORGANIZATION')).toEqual(['ORGANIZATION:卡西欧']);
    expect(ofTypes('宁德时代的电池能量密度再创新高。', 'LOCATION', 'ORGANIZATION')).toEqual(['ORGANIZATION:宁德时代']);
  });

  it('a place before 市场 keeps no 市 (欧洲市场 is Europe’s market)', () => {
    expect(ofTypes('海信电视在欧洲市场份额上升。', 'LOCATION')).toEqual(['LOCATION:欧洲']);
    expect(ofTypes('我住在北京市海淀区', 'LOCATION', 'ADDRESS').some((f) => f.includes('北京市'))).toBe(true);
  });

  it('the places and people the same texts would name are still found', () => {
    expect(ofTypes('俄罗斯西欧部分的天气', 'LOCATION')).toContain('LOCATION:俄罗斯');
    expect(ofTypes('我下周去西欧旅游', 'LOCATION')).toEqual(['LOCATION:西欧']);
    expect(ofTypes('联系人：杨枝华，电话见附件', 'PERSON')).toEqual(['PERSON:杨枝华']);
    expect(ofTypes('我叫马卡龙', 'PERSON')).toEqual(['PERSON:马卡龙']);
    expect(ofTypes('王小明，手表在桌上', 'PERSON')).toEqual(['PERSON:王小明']);
    expect(ofTypes('地址：12 Baker Street 5', 'ADDRESS').length).toBeGreaterThan(0);
  });
});
