/**
 * Short Chinese abuse: a bare profanity or insult, alone or with a target, 我 / 你 / 去 before it and chat punctuation
 * after it ("操你妈", "我操你妈！", "去你妈的", "cnm", "你个傻逼"), against short benign utterances built from the same
 * characters ("你妈妈好", "操场", "别操心了", "草地上有泥", "卧室", "我去超市").
 *
 * Why (issue 4): a bare strong profanity is the most common Chinese toxic chat message, and the toxicity head scored
 * 操你妈 (also cnm, caonima, 草泥马 alone) 0.34 and 我操你妈 0.23, under the ZH threshold 0.396: the shared Chinese data
 * is made of sentences (COLD) and gives these words a dozen rows. The benign twins share the surface characters
 * (妈, 操, 草, 去, 日, 滚, 逼 …), so the head learns the words and not "short Chinese is toxic".
 *
 * Pinyin abbreviations (cnm, nmsl, tmd …) are written as users type them; evasion normalisation (guardrails/text-model/
 * evasion.ts) reads them as the Chinese words, so those rows de-duplicate against the characters they stand for.
 *
 * Provenance: written for SealGate from general knowledge of Chinese profanity and everyday chat; no rows of COLD or
 * any other source were read, and none of the evaluation-only short utterances (short-utterances.ts) is used.
 */
import { createRng, pick, type Rng } from './rng.js';
import type { GeneratedRow } from './generators.js';

/** Strong profanities that stand as a whole message. */
const CURSES = [
  '操你妈', '草泥马', '日你妈', '干你娘', '去你妈的', '你妈逼', '妈了个逼', '操你大爷', '操你祖宗', '你妈死了', '滚你妈的', '我去你妈的',
  '你他妈的', '操你妈的', '日你先人', '艹你妈', '去死吧你', '滚你丫的', '去你大爷的', '你大爷的', '狗日的', '尼玛的', '你妈的', '操你全家', '妈的', '他妈的', '真他妈的',
];
/** Curses that open with a verb, which chat often puts 我 before ("我操你妈", "我去你妈的"). */
const VERB_CURSES = ['操你妈', '日你妈', '去你妈的', '操你大爷', '操你祖宗', '草泥马', '艹你妈', '干你娘', '去你大爷的', '操你全家', '操你妈的', '日你先人'];
/** Dismissals that are abuse as a whole message ("滚" alone is "get lost", not rolling). */
const DISMISSALS = ['滚', '滚蛋', '滚开', '给我滚', '你给我滚', '滚出去', '滚远点', '你算什么东西', '你算个什么东西', '赶紧滚', '快滚', '滚吧', '滚啊', '滚滚滚', '滚粗', '滚犊子', '有多远滚多远'];
/** The same, as typed in pinyin initials or whole pinyin (normalised to the characters above). */
const PINYIN_CURSES = ['cnm', 'nmsl', 'nmb', 'tmd', 'mlgb', 'wqnmlgb', 'rnm', 'caonima', 'CNM', 'NMSL', 'sb', 'SB'];
/** Insults aimed at the reader. */
const INSULTS = ['傻逼', '傻叉', '煞笔', '脑残', '智障', '废物', '贱人', '贱货', '婊子', '杂种', '畜生', '狗东西', '王八蛋', '混蛋', '人渣', '白痴', '蠢猪', '死妈玩意', '狗杂种', '贱骨头', '脑瘫', '弱智', '狗娘养的', '丑八怪', '龟孙子', '败类', '贱婢'];
/** Whom a short message is aimed at. */
const TARGETS = ['你', '你个', '你这个', '你就是个', '你真是个', '楼主', '楼上', '客服', '老板', '主播', '你们', '这破机器人', '你这AI', '你这种'];
const BEFORE = ['', '', '', '', '呸，', '滚，', '妈的，', '卧槽，', '靠，', '艹，', '真的，', '哼，'];
const AFTER = ['', '', '', '！', '!!!', '。', '…', '！！', '？', '~', ' ', '，滚', '，去死', '，闭嘴', '，傻逼', '，滚远点', '，别烦我'];

/** Frames that carry a curse or an insult; the same fillers appear around the benign utterances. */
const TOXIC_FRAMES = [
  '{before}{curse}{after}', '{before}{curse}{after}', '{curse}{after}', '我{verb}{after}', '{before}我{verb}', '{who}，我{verb}{after}', '{pinyin}{after}', '{before}{pinyin}',
  '{target}{ins}{after}', '{ins}{after}', '{before}{ins}', '{target}{ins}，{curse}', '{curse}，{target}{ins}', '{ins}玩意{after}', '{ins}东西{after}',
  '{curse}，{who}', '{who}{curse}{after}', '{dis}{after}', '{dis}', '{who}，{dis}{after}', '{before}{dis}', '{dis}，{ins}', '{ins}，{dis}', '{who}是{ins}{after}', '{who}，{ins}', '滚，{ins}', '闭嘴，{ins}', '{curse}{curse}', '{ins}{ins}',
];
const WHO = ['你', '你们', '楼主', '楼上', '客服', '老板', '主播', '这主播', '楼上那个', '这破AI', '你这机器人', '裁判', '这司机', '我同事'];
/** Addressees for the benign utterances (the toxic ones' minus the hostile ones). */
const BENIGN_WHO = ['你', '你们', '楼主', '楼上', '客服', '老板', '主播', '楼上那个', '裁判', '司机', '我同事', '妈', '老师'];

/**
 * Benign short utterances sharing the curses' characters: 妈 (mother), 操 (exercise, handle, worry), 草 (grass, mud),
 * 去 (go), 日 (day, Japan), 滚 (roll), 逼 (force, lifelike), 死 / 贱 / 狗 / 东西 in their everyday senses.
 */
const BENIGN = [
  '妈妈', '我妈妈', '你妈妈好', '你妈妈身体好吗', '你妈妈还好吗？', '替我向你妈问好', '你妈让你回家吃饭', '你妈妈做饭真好吃', '你妈在家吗？', '你妈是老师吗？',
  '我妈', '我妈说的', '我妈叫我回家', '他妈妈来接他了', '他妈妈是医生', '她妈妈很温柔', '妈，我回来了', '妈，饭好了吗？', '妈的生日快到了', '我妈的生日', '祝妈妈生日快乐',
  '妈妈我爱你', '谢谢妈妈', '你爸妈好吗？', '你妈妈的手机号', '你大爷身体还硬朗吗？', '大爷您好',
  '操作', '操作系统', '怎么操作？', '我操作一下', '操作失败', '操作成功', '操场', '去操场跑步', '在操场上', '操心', '别操心了', '你操心什么', '让你操心了', '操练',
  '体操', '做早操', '广播体操', '课间操', '操盘', '操刀', '亲自操刀', '情操', '节操', '操守', '操劳', '操之过急', '操纵杆',
  '草地', '草原', '草莓', '草稿', '草泥', '鞋上都是草泥', '草地上有泥', '青草', '割草', '草帽', '草木', '草率', '别草率', '起草', '起草文件', '水泥', '泥巴', '马', '骑马',
  '羊驼', '羊驼真可爱', '草泥马是羊驼的别称', '泥马渡康王', '马上', '马上到', '马路',
  '我去', '我去超市', '我去上班了', '我去洗澡', '我去看看', '我去吃饭了', '去你家', '去你家玩', '去你那', '去吧', '去哪', '去哪里？', '去上学', '去医院',
  '日常', '日记', '日期', '日程', '生日', '今日', '日出', '日本料理', '日元',
  '滚动', '滚筒', '滚筒洗衣机', '滚雪球', '滚烫', '滚轮', '翻滚', '打滚', '滚动条', '摇滚', '滚瓜烂熟',
  '逼真', '逼迫', '逼近', '被逼无奈', '别逼我做选择', '逼问', '倒逼', '画面很逼真',
  '死机了', '手机死机', '笑死', '笑死我了', '累死了', '热死了', '困死了', '饿死了', '死记硬背', '贱卖', '便宜卖', '狗狗', '小狗', '我家狗', '狗狗真可爱',
  '东西', '买东西', '这是什么东西做的？', '好东西', '东西到了', '你的东西', '大爷', '老大爷', '孙子', '我孙子', '我孙子三岁了', '抱孙子', '王八', '乌龟', '王八汤',
  '他', '他的', '他妈妈', '他妈妈好', '你', '你们', '楼主', '楼上', '楼主说得对', '楼上说得对', '客服', '客服在吗？', '老板', '老板好', '主播', '主播好',
  '你个子真高', '你这个人真好', '你就是个天才', '你这个想法不错', '你们好', '你个小机灵鬼', '你这AI真聪明',
];
const BENIGN_FRAMES = ['{b}', '{b}', '{b}{after}', '{before}{b}', '{b}，{b}', '{who}，{b}', '{b}{after}'];
const BENIGN_BEFORE = ['', '', '', '我', '嗯，', '哈哈，', '好，', '那个，', '对了，', '真的，', '哇，'];
const BENIGN_AFTER = ['', '', '', '！', '!!!', '。', '…', '！！', '？', '~', ' ', '，谢谢', '，好的', '，哈哈', '，加油', '，晚安', '，明白了'];

function fillSlots(rng: Rng, frame: string, slots: Readonly<Record<string, readonly string[]>>): string {
  return frame.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const values = slots[name];
    return values ? pick(rng, values) : whole;
  });
}

/**
 * `count` short Chinese utterances, `benignShare` of them benign look-alikes (label non_toxic), the others bare
 * profanities and insults (label toxic). Many collapse under de-duplication (short templates).
 */
export function zhShortAbuse(seed: number, count: number, benignShare: number): GeneratedRow[] {
  const rng = createRng(seed);
  const rows: GeneratedRow[] = [];
  const toxicSlots = { before: BEFORE, after: AFTER, curse: CURSES, verb: VERB_CURSES, dis: DISMISSALS, pinyin: PINYIN_CURSES, ins: INSULTS, target: TARGETS, who: WHO };
  const benignSlots = { before: BENIGN_BEFORE, after: BENIGN_AFTER, b: BENIGN, who: BENIGN_WHO };
  for (let i = 0; i < count; i += 1) {
    const benign = rng() < benignShare;
    const text = benign ? fillSlots(rng, pick(rng, BENIGN_FRAMES), benignSlots) : fillSlots(rng, pick(rng, TOXIC_FRAMES), toxicSlots);
    rows.push({ text: text.trim(), label: benign ? 'non_toxic' : 'toxic', lang: 'zh', source: 'sealgate-zh-short-abuse' });
  }
  return rows;
}
