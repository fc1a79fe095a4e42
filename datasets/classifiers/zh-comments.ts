/**
 * Chinese social-media comments about regions, ethnicities/nationalities and genders, both sides on the same
 * topics and in the same register (openers, fillers, emoji tags and tails are shared by both labels).
 *
 * Why: without COLD the only Chinese toxicity data is short: translated Jigsaw identity templates and our
 * one-sentence statements. Real comments attack groups in many registers — slurs and internet nicknames, a
 * stereotype stated as fact ("不是我地域黑，但…"), sarcasm and 阴阳怪气 ("不愧是…，果然…"), calls to exclude,
 * dehumanisation — and real non-offensive comments talk about the same groups: food, dialects, sport, personal
 * experience, questions, news, and counter-speech (arguing against 地域黑 / 性别歧视 / 种族歧视, quoting a slur
 * to condemn it, reporting that someone was insulted). Pairing them teaches stance rather than topic words.
 *
 * Provenance: written for SealGate from the taxonomy (docs/taxonomy.md: insult, hate/identity attack) and
 * general knowledge of Chinese internet slang and regional stereotypes; not from the rows of any evaluation
 * set (COLD's rows were not used for any template; only its per-split aggregates in the model card).
 */
import { createRng, fill, pick, type Rng } from './rng.js';
import type { GeneratedRow } from './generators.js';

type Topic = 'region' | 'race' | 'gender';

interface TopicSlots {
  /** Neutral names of the group. */
  g: readonly string[];
  /** Derogatory names (slurs, hostile internet nicknames). */
  s: readonly string[];
  /** Stereotypes stated as predicates ("…就是{st}"). */
  st: readonly string[];
  /** Neutral things people discuss about the group (culture, food, sport …). */
  thing: readonly string[];
}

const SLOTS: Record<Topic, TopicSlots> = {
  region: {
    g: ['河南人', '东北人', '上海人', '北京人', '广东人', '福建人', '安徽人', '江苏人', '四川人', '湖南人', '山东人', '甘肃人', '温州人', '外地人', '农村人', '北方人', '南方人', '天津人', '江西人', '潮汕人', '湖北人', '贵州人'],
    s: ['乡巴佬', '土包子', '外地狗', '盲流', '土鳖', '蛮子', '刁民', '穷鬼', '北佬', '捞仔'],
    st: ['偷井盖', '全是骗子', '素质低', '爱打架', '排外', '抠门小气', '满嘴跑火车', '没文化', '只会吹牛', '不讲卫生', '爱占小便宜', '脑子不好使', '又穷又横', '骨子里就坏'],
    thing: ['美食', '方言', '早餐', '火锅', '面食', '口音', '风景', '高考分数线', '老城区', '夜市', '澡堂文化', '过年习俗'],
  },
  race: {
    g: ['黑人', '非洲人', '印度人', '日本人', '韩国人', '美国人', '白人', '穆斯林', '阿拉伯人', '犹太人', '外国人', '老外', '拉丁裔', '亚裔'],
    s: ['黑鬼', '黑蛆', '尼哥', '黑猩猩', '阿三', '棒子', '小日本', '鬼子', '白皮猪', '洋垃圾', '绿绿', '洋鬼子'],
    st: ['智商低', '好吃懒做', '天生爱犯罪', '身上有味道', '只会抢劫', '没进化好', '又脏又臭', '野蛮', '骨子里就坏', '只会生孩子', '靠救济过日子', '不配当人'],
    thing: ['音乐', '篮球', '电影', '饮食习惯', '历史', '语言', '节日', '舞蹈', '咖喱', '动漫', '留学生活', '足球'],
  },
  gender: {
    g: ['女人', '女的', '男人', '男的', '女司机', '国男', '女权主义者', '剩女', '同性恋', '已婚妇女', '女大学生', '宝妈', '程序员男', '家庭主妇'],
    s: ['女拳', '田园女权', '母狗', '婊子', '绿茶婊', '捞女', '普信男', '直男癌', '龟男', '娘炮', '舔狗', '蝻', '死基佬', '小仙女'],
    st: ['头发长见识短', '只会花男人的钱', '就该在家生孩子做饭', '开车都不会', '天生比男人笨', '没一个好东西', '又丑又普信', '全是渣男', '就知道要彩礼', '只配当生育工具', '情绪化没脑子', '活该被骗'],
    thing: ['足球队', '体育成绩', '职场经历', '育儿经验', '穿搭', '健身计划', '读书笔记', '创业故事', '科研成果', '婚礼习俗', '相亲经历', '育儿假政策'],
  },
};

const INSULTS = ['傻逼', '脑残', '垃圾', '废物', '智障', '蠢货', '人渣', '畜生', '狗东西', '白痴', 'sb', '贱人', '辣鸡', '煞笔'];
const SARCASM_PRAISE = ['高贵', '优秀', '有素质', '了不起', '文明', '伟大', '聪明', '有教养'];
const RIGHTS = ['来我们城市', '享受同样的待遇', '评论', '结婚', '买房', '当领导', '上好学校', '跟我们坐一桌'];
const CITIES = ['北京', '上海', '广州', '深圳', '成都', '杭州', '武汉', '西安', '郑州', '长沙', '沈阳', '南京'];
const GOOD = ['好吃', '有意思', '有特色', '厉害', '好听', '值得一试', '有味道', '让人怀念'];

const TOXIC: Record<'any' | Topic, readonly string[]> = {
  any: [
    '{g}就是{st}，这是常识', '不是歧视，{g}确实{st}', '说实话，{g}普遍{st}', '不愧是{g}，果然{st}', '还得是{g}啊，{st}这块没人比得过', '呵呵，{g}真是{sarc}呢，说不得碰不得',
    '{g}也配{right}？笑死', '一群{s}，看着就恶心', '{s}就是{s}，永远改不了', '这些{s}什么时候滚', '{g}？呸，一群{ins}', '我身边的{g}没一个正常的，全都{st}',
    '{g}的话你也信？十个{g}九个{st}', '难怪大家都讨厌{g}，{st}', '{g}是不是都这么{st}啊，真是开眼了', '所以说{g}活该被人看不起', '又是{s}，每次出事都是他们',
    '{g}滚出去，这里不欢迎你们', '跟{g}讲道理？它们听得懂人话吗', '建议把{g}都赶走，世界清净了', '{g}都是{ins}，没必要跟它们客气', '{s}还有脸出来说话', '我就是看不起{g}，怎么了',
    '{g}能有什么好东西，{st}', '{g}生的孩子也是{ins}', '离{g}远点，{st}', '和{g}做朋友的都是{ins}', '{g}天生低人一等', '{g}就该被骂，{st}', '支持{g}的都是{ins}',
    '楼上是{s}吧，一股味', '你是{s}吧，这么急', '{s}破防了哈哈哈', '{g}都这德行，见怪不怪了', '{g}这种东西也配叫人？',
  ],
  region: [
    '不是我地域黑，{g}确实{st}', '地域黑？人家说的是事实，{g}就是{st}', '出门在外，最怕遇到{g}', '租房不租{g}，血的教训', '招人的时候我从来不要{g}', '{g}的素质，懂的都懂',
    '{city}就是被{g}搞坏的', '防火防盗防{g}',
  ],
  race: [
    '{g}就该滚回自己的国家', '{g}没进化好，跟猴子差不多', '谁家女儿嫁给{g}就是自甘堕落', '{g}来了以后治安就变差了', '{g}的命也配叫命？', '种族歧视？{g}本来就低等',
    '看到{s}就想吐', '{g}除了抢劫还会干什么',
  ],
  gender: [
    '{g}就是{st}，这句话没毛病', '{s}又开始作妖了', '娶{g}不如养条狗', '这种{g}就不配结婚', '{g}当领导，公司迟早完蛋', '{g}开车就是马路杀手', '{s}别出来丢人了',
    '{g}就该被管着，不然要上天', '{s}滚出评论区',
  ],
};

const NON_TOXIC: Record<'any' | Topic, readonly string[]> = {
  any: [
    '{g}的{thing}真的很{good}', '我有个{g}朋友，人特别好', '作为{g}，我觉得这个视频拍得挺真实', '身边的{g}都挺友善的', '有没有{g}说说你们那边的{thing}？', '{g}的{thing}有什么讲究吗？',
    '别一竿子打翻一船人，{g}也是普通人', '有人说{g}{st}，这就是偏见', '说{g}{st}的，自己见过几个{g}？', '“{g}{st}”这种话就是歧视，别再传了', '歧视{g}和别人歧视我们有什么区别？将心比心',
    '用“{s}”骂人真的很难听，希望大家别再用这种词', '他因为是{g}被人骂“{s}”，太过分了，已经举报', '被人叫“{s}”是什么感受？看完这个采访挺难受的', '哪里都有好人坏人，跟是不是{g}没关系',
    '这个新闻和{g}没关系，是个人行为', '评论区一半在骂{g}，看得我很无语，能不能就事论事', '我不同意你的观点，但{g}不该因为这件事被一起骂', '{g}也是靠自己的努力生活，尊重一下吧',
    '新闻里说针对{g}的网络暴力越来越多了', '{g}在求职中受到的歧视确实存在，需要制度保障', '很多人对{g}有刻板印象，其实接触多了就知道不是那样', '看了这个纪录片，对{g}的生活多了很多了解',
    '我就是{g}，欢迎大家来我们这边玩', '{g}的{thing}我最喜欢了', '小时候邻居是{g}，经常请我吃饭', '大学室友是{g}，到现在还是好朋友', '请问{g}过年一般怎么过？',
    '视频里这个{g}小哥说话好有意思', '这条评论把{g}都骂进去了，太偏激了', '看到有人骂“{s}”，我只想说请文明发言', '{g}里也有很多优秀的人，不要标签化',
    '这个问题的根源是贫富差距，不是{g}的问题', '{g}的{thing}和我们那边差不多', '去过一次，{g}的{thing}很{good}',
  ],
  region: [
    '地域黑真没意思，{g}里好人坏人都有', '坐标{city}，身边的{g}都很热情', '{city}的{thing}比我想的还{good}', '作为在{city}打拼的{g}，这些年被照顾了很多', '“{g}{st}”是地域黑的老段子了，早该过时了',
    '每个地方都有自己的问题，互相攻击没意思', '{city}人和{g}其实口味差不多',
  ],
  race: [
    '种族歧视在哪里都不对，{g}也一样', '{g}的{thing}对流行文化影响很大', '美国的种族问题由来已久，跟历史有关', '在国外被人歧视过，所以更不想去歧视{g}', '{g}球员这赛季表现太好了',
    '肤色不能决定一个人的好坏', '{g}留学生在这边也挺不容易的',
  ],
  gender: [
    '性别对立真的没意义，男女都不容易', '{g}在职场上遇到的不公平确实存在', '不管男的女的，做错事就该批评，别上升到性别', '性别平等需要男女一起努力', '{g}的{thing}挺有参考价值的',
    '女足这次踢得太好了', '男生也可以哭，这没什么丢人的', '说{g}“{st}”的都是刻板印象',
  ],
};

const OPENERS = ['', '', '', '说实话，', '讲真，', '哈哈哈', '坐标{city}，', '楼上说得对，', '我朋友说', '看了视频，', '同意，', '其实', '唉，', 'emmm，', '回复楼上：', '我就说一句，', '怎么说呢，'];
const FILLERS = ['', '', '', '', '我就说这么多。', '这种事情见得多了。', '评论区好热闹。', '视频里那个人说得挺对的。', '刷到这个视频有感而发。', '不说了，上班去了。'];
const TAILS = ['', '', '。', '！', '[捂脸]', '[doge]', '。。。', '哈哈哈哈', '😂', '，真的', '，你们觉得呢？', '[微笑]', '……'];

/**
 * Context sentences of a longer comment (the situation, a story, an opinion on something else), shared by both
 * labels: real comments are often several sentences of discussion around one attack or one rebuttal, and the
 * shared long benign Chinese text (reading comprehension, exam questions) otherwise teaches "long = harmless".
 */
const CONTEXT: Record<'any' | Topic, readonly string[]> = {
  any: [
    '这个视频我看了三遍', '前几天网上又在吵这个话题', '我在{city}待了五六年了', '先说明一下我的情况', '这件事其实很早就有人讨论过', '新闻里说当事人已经道歉了',
    '评论区吵成一团', '我妈看到这个新闻也说了几句', '说到这个我想起一件事', '上周公司聚餐的时候大家也聊到了', '这个答主之前的回答我也看过', '房价、工作、教育，哪个不是问题',
    '现在的年轻人压力都很大', '知乎上类似的问题已经有几百个了', '微博热搜挂了一整天', '我高中同学就是这种情况', '这个事情警察已经介入了', '去年我也遇到过差不多的事',
    '文章里的数据我查了一下，基本是对的', '很多人只看标题就开始评论', '我在外企工作，同事来自各个地方', '这个电视剧最近很火', '我不太懂政策，只说说自己的感受',
    '小区业主群里为这事吵了好几天', '老师上课的时候也提过类似的例子', '我平时很少发评论', '这个up主一直做这类视频', '事情的经过大概是这样的',
  ],
  region: [
    '我老家在县城，后来去{city}上的大学', '春节回家的火车上人特别多', '每个省的高考分数线都不一样', '外地人在大城市落户确实不容易', '我们那边的方言外地人基本听不懂',
    '各地的饮食习惯差别很大', '这几年很多人回老家发展了', '招聘网站上有的岗位写着只要本地户口', '租房的时候房东问了我是哪里人',
  ],
  race: [
    '我在国外读书的时候住过国际宿舍', '美国的新闻最近一直在报这个事', '广州有很多做外贸的外国人', '电影里的角色设定引起了争议', '体育圈里经常出现这种新闻',
    '学校里的外国留学生越来越多', '这部纪录片讲的是移民的生活', '国际新闻的评论区一向很热闹',
  ],
  gender: [
    '现在结婚的彩礼越来越高', '公司招聘的时候面试官问了婚育情况', '家里亲戚一直催婚', '这个综艺节目最近讨论度很高', '生孩子以后工作确实受影响',
    '我们部门男女比例差不多', '开车的时候遇到过各种情况', '相亲的时候对方问了收入', '这个城市男性和女性的人口差不多', '调查里女性受访者比男性多一些',
    '班上男生和女生各占一半',
  ],
};

/** Ends a sentence with punctuation unless it already has some. */
function sentence(rng: Rng, text: string): string {
  return /[。！？!?…~）)\]]$/.test(text) ? text : `${text}${pick(rng, ['。', '，', '。', '！'])}`;
}

function comment(rng: Rng, toxic: boolean, topic: Topic, docSentences: readonly string[], docShare: number): string {
  const pools = toxic ? TOXIC : NON_TOXIC;
  const core = pick(rng, rng() < 0.55 ? pools.any : pools[topic]);
  const slots = { ...SLOTS[topic], ins: INSULTS, sarc: SARCASM_PRAISE, right: RIGHTS, city: CITIES, good: GOOD };
  // One group per comment: fill {g} once so "十个{g}九个{st}" names the same group twice.
  const g = pick(rng, SLOTS[topic].g);
  const body = fill(rng, core.replace(/\{g\}/g, g), slots);
  const text = `${fill(rng, pick(rng, OPENERS), slots)}${body}${pick(rng, TAILS)}`;
  // Half the comments are one sentence; the others carry 1–4 context sentences before and/or after the stance.
  const r = rng();
  if (r < 0.5) {
    const filler = pick(rng, FILLERS);
    return filler && rng() < 0.5 ? `${filler}${text}` : `${text}${filler}`;
  }
  const n = 1 + Math.floor(rng() * 4);
  const before: string[] = [];
  const after: string[] = [];
  for (let k = 0; k < n; k += 1) {
    // Part of the context comes from sentences of shippable benign Chinese training turns (any topic), so that
    // ordinary words and length carry no label: the same sentences surround attacks and non-attacks alike.
    const c = docSentences.length > 0 && rng() < docShare ? pick(rng, docSentences) : sentence(rng, fill(rng, pick(rng, rng() < 0.5 ? CONTEXT.any : CONTEXT[topic]), slots));
    (rng() < 0.7 ? before : after).push(c);
  }
  return `${before.join('')}${sentence(rng, text)}${after.join('')}`;
}

/** Sentences (8–60 characters, no digits: not math problems) of benign Chinese documents, to surround generated stances with ordinary text. */
export function zhSentences(docs: readonly { text: string; lang: string }[]): string[] {
  const out: string[] = [];
  for (const d of docs) {
    if (d.lang !== 'zh') continue;
    for (const s of d.text.split(/(?<=[。！？!?])/)) {
      const t = s.trim();
      if (t.length >= 8 && t.length <= 60 && !/[{}<>\\0-9０-９]|https?:/.test(t)) out.push(t);
    }
  }
  return out;
}

/**
 * Chinese comments on region, race and gender, half toxic and half not, same openers, context and tails for both;
 * `docSentences` (from `zhSentences` over benign training turns) supply `docShare` of the context sentences.
 */
export function zhTopicComments(seed: number, count: number, docSentences: readonly string[] = [], docShare = 0): GeneratedRow[] {
  const rng = createRng(seed);
  const topics: Topic[] = ['region', 'race', 'gender'];
  const rows: GeneratedRow[] = [];
  for (let i = 0; i < count; i += 1) {
    const toxic = i % 2 === 0;
    const topic = topics[Math.floor(i / 2) % 3]!;
    rows.push({ text: comment(rng, toxic, topic, docSentences, docShare), label: toxic ? 'toxic' : 'non_toxic', lang: 'zh', source: 'sealgate-zh-comments', category: topic });
  }
  return rows;
}
