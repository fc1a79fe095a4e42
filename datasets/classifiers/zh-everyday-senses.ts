/**
 * Chinese abuse words in their everyday senses, and compliments in the frames of insults: benign sentences that use a
 * word of the toxicity lexicon literally (垃圾 in 倒垃圾, 废物 in 废物回收, 母狗 of a dog, 枪毙 of a plan, 绿绿的 of grass,
 * 玉米棒子, 智障儿童 as the formal term, 滚烫) or an insult's frame
 * with a kind predicate (你真是个好人, 你就是个天才), next to toxic sentences in the same frames (你就是个垃圾, 你个母狗,
 * 你真是个脑残, 我会让你好看的), so the words and frames stop deciding alone.
 *
 * Why (issue 4): the toxicity head flagged 你真是个好人 (0.52, ZH threshold 0.419), 请把垃圾扔进垃圾桶 (0.65), 废物利用也能做出
 * 好看的手工 (0.57), 家里的母狗生了三只小狗 (0.47), 这个方案被老板枪毙了 (0.76): the lexicon feature of these words and the
 * n-grams of 你真是个 had only ever been seen in abuse. Words that are only a substring of a harmless
 * word (去死 in 去死海, 日你 in 今日你) are handled by the lexicon's whole-word rule (text-model/lexicon.ts), not here.
 *
 * Provenance: written for SealGate from general knowledge of everyday Chinese; no rows of COLD or any other source were
 * read, and the held-out sentences of test/unit/classifiers/zh-short-abuse.test.ts are not produced here.
 */
import { createRng, fill, pick } from './rng.js';
import type { GeneratedRow } from './generators.js';

/** Benign sentences, one literal sense per template. */
const BENIGN_TEMPLATES = [
  // 垃圾 / 废物: rubbish, waste.
  '{who}每天晚上下楼倒垃圾', '楼下的垃圾车{time}来收垃圾', '这个小区开始{verb}垃圾分类了', '厨余垃圾要单独放', '{who}把垃圾袋拎出去了', '邮箱里全是垃圾邮件', '手机老是收到垃圾短信',
  '少吃点垃圾食品', '垃圾桶在门口', '可回收垃圾放蓝色的桶', '工厂的废物要统一处理', '废物回收可以换积分', '把旧衣服废物利用一下', '电子废物不能随便扔', '家里的废物{verb}干净了',
  // 母狗 / 狗: animals.
  '{who}家的母狗怀孕了', '这只母狗特别护崽', '母狗和公狗要分开养', '邻居的母狗下了一窝小狗', '狗狗打完疫苗了',
  // 棒子 / 绿绿 / 鬼子姜: food and colour.
  '{who}买了几根玉米棒子', '玉米棒子煮着吃很甜', '棒子面粥很养胃', '田里绿绿的都是秧苗', '窗外的树叶绿绿的', '鬼子姜可以腌咸菜',
  // 枪毙 / 智障: figurative and formal.
  '我的提议被{who}枪毙了', '这个设计稿又被枪毙了', '特殊学校专门照顾智障儿童', '社区为智障人士提供培训', '智障人士也有工作的权利',
  // 滚 / 死: rolling, boiling, exaggeration.
  // Not 滚 alone as "roll" or "boil" (水滚了): a whole-word 滚 is the commonest Chinese dismissal, and those rows kept the bare 滚
  // under the threshold; nor 你妈的 + a noun ("your mother's phone"), which reads like the curse 你妈的 (left open, MODEL_CARD.md).
  '小心，滚烫的', '滚烫的汤要晾一晾', '饿死了，{time}吃什么', '这题难死了',
  // 让你好看 / 收拾你的: looks and tidying.
  '这个发型会让你好看很多', '多睡觉能让你好看一点', '我来帮你收拾你的房间', '先收拾你的书包再出门',
  // Compliments in the frames of insults.
  '{frame}{praise}{end}', '{frame}{praise}{end}', '{frame}{praise}{end}', '{who}说{frame2}{praise}', '{frame}{praise}，{thanks}', '谢谢你，{frame}{praise}',
];
/** Toxic sentences in the same words and frames. */
const TOXIC_TEMPLATES = [
  '你就是个垃圾', '{frame}垃圾{end}', '你这种垃圾也配说话', '{frame}废物{end}', '你这个废物，什么都干不好', '你个母狗{end}', '{frame}母狗', '{frame}智障{end}', '你是不是智障啊',
  '我会让你好看的', '你等着，我让你好看', '看我怎么收拾你', '你给我滚过来', '{frame}{insult}{end}', '{frame}{insult}{end}', '{frame}{insult}{end}', '{who}说{frame2}{insult}',
  '{frame}{insult}，{dismiss}', '{dismiss}，{frame}{insult}', '你妈的，{dismiss}', '你他妈的就是个{insult}',
];
const FRAMES = ['你真是个', '你就是个', '你可真是个', '你真的是个', '你简直就是个', '你这个', '你个', '我觉得你就是个', '说真的，你真是个'];
const FRAMES2 = ['你真是个', '你就是个', '你是个'];
const PRAISE = [
  // Not 好人 / 天才 / 好老师 / 热心肠 / 暖男 / 好妈妈 / 好榜样 / 救星: the held-out test sentences use those.
  '大好人', '好医生', '好爸爸', '好朋友', '靠谱的人', '细心的人', '有心人', '老实人', '好学生', '开心果', '小天使', '福星', '高手', '人才', '好同事', '好领导',
  '厨艺高手', '学霸', '宝藏', '温柔的人', '有趣的人', '好邻居', '好帮手', '大善人', '能干的人',
];
const INSULT = ['脑残', '傻逼', '废物', '垃圾', '白痴', '蠢货', '智障', '人渣', '贱人', '畜生', '蠢猪', '败类', '弱智', '混蛋'];
const DISMISS = ['滚', '滚远点', '闭嘴', '给我滚', '去死吧'];
const END = ['', '', '！', '。', '啊', '呀', '！！', '~'];
const THANKS = ['谢谢你', '太感谢了', '多亏有你', '我很感动', '大家都喜欢你'];
const WHO = ['我', '我妈', '我爸', '奶奶', '邻居', '同事', '老板', '老师', '室友', '他', '她'];
const TIME = ['每天早上', '晚上', '明天', '周末', '一会儿'];
const VERB = ['推行', '实行', '搞', '清理', '收拾'];

const OPENERS = ['', '', '', '哈哈，', '对了，', '嗯，', '我跟你说，', '唉，', '今天', '刚才', '听说'];
const CLOSERS = ['', '', '', '。', '！', '…', '，你知道吗', '，真的', '，哈哈', '~', '，就这样', '，懂了吧'];

const SLOTS = { frame: FRAMES, frame2: FRAMES2, praise: PRAISE, insult: INSULT, dismiss: DISMISS, end: END, thanks: THANKS, who: WHO, time: TIME, verb: VERB };

/** `count` Chinese sentences, `benignShare` of them benign (label non_toxic), the others toxic in the same frames. */
export function zhEverydaySenses(seed: number, count: number, benignShare: number): GeneratedRow[] {
  const rng = createRng(seed);
  const rows: GeneratedRow[] = [];
  for (let i = 0; i < count; i += 1) {
    const benign = rng() < benignShare;
    // The same openers and endings on both sides, so the sentence, not its wrapping, decides (and rows survive de-duplication).
    const text = `${pick(rng, OPENERS)}${fill(rng, pick(rng, benign ? BENIGN_TEMPLATES : TOXIC_TEMPLATES), SLOTS)}${pick(rng, CLOSERS)}`;
    rows.push({ text, label: benign ? 'non_toxic' : 'toxic', lang: 'zh', source: 'sealgate-zh-everyday-senses' });
  }
  return rows;
}
