/**
 * Toxic and non-toxic statements about groups and people, composed from our own templates (EN + ZH).
 *
 * Why: the shared toxicity sources each have one register (tweets, forum sentences, Wikipedia talk, chatbot
 * abuse, Weibo/Zhihu comments), and a model trained on a few of them learns "a group is mentioned" or "the
 * register" as the toxic signal. This generator pairs the two sides on the same topics: attacks on groups
 * (slurs, dehumanisation, stereotypes stated as fact, "I'm not racist but…", calls for exclusion), attacks on
 * people (insults, threats, harassment of an assistant) against neutral facts and culture, personal
 * experiences, questions about prejudice, rebuttals of stereotypes, reported or discussed abuse, and plain
 * negative opinions about things (a bad restaurant is criticism, not toxicity).
 *
 * Provenance: written for SealGate from the taxonomy (docs/taxonomy.md: insult, hate/identity attack, threat)
 * and general knowledge of how hate speech and its counter-speech are phrased; not from the rows of any
 * evaluation set (COLD, ToxiGen, Stormfront, Davidson, Wikipedia talk, ConvAbuse, Jigsaw templates).
 */
import { createRng, fill, pick, type Rng } from './rng.js';
import type { GeneratedRow } from './generators.js';

export const EN_GROUPS = [
  'Black', 'Asian', 'Mexican', 'Muslim', 'Jewish', 'Chinese', 'Indian', 'Arab', 'African', 'Latino', 'gay', 'lesbian', 'transgender', 'disabled', 'immigrant',
  'Native American', 'Christian', 'Hindu', 'refugee', 'elderly', 'Irish', 'Polish', 'Roma', 'autistic', 'deaf',
];
export const EN_GROUP_NOUNS = ['women', 'immigrants', 'refugees', 'Muslims', 'Jews', 'gay men', 'trans people', 'Black people', 'Asians', 'Mexicans', 'disabled people', 'old people', 'feminists', 'foreigners', 'Arabs', 'Christians'];
export const ZH_GROUPS = [
  '河南人', '东北人', '上海人', '广东人', '新疆人', '农村人', '外地人', '黑人', '白人', '日本人', '韩国人', '印度人', '穆斯林', '基督徒', '同性恋', '女性', '男人',
  '残疾人', '老年人', '农民工', '少数民族', '单亲妈妈', '外卖小哥', '北方人', '南方人', '安徽人', '四川人',
];

/* ---- toxic ---- */
export const EN_TRAITS_BAD = [
  'lazy', 'dirty', 'stupid', 'violent', 'thieves', 'liars', 'a plague', 'ruining this country', 'all criminals', 'less than human', 'a disease', 'breeding like rats',
  'too dumb to vote', 'only good for cleaning toilets', 'destroying our culture', 'born to steal', 'a waste of oxygen',
];
const EN_TOXIC = [
  '{G} are {bad}.', 'All {G} are {bad}.', 'I\'m not racist, but {G} are {bad}.', 'Let\'s be honest, {G} are {bad}.', 'Why are {G} always so {adj}?',
  'We need to get {G} out of our neighbourhood.', '{G} should not be allowed to {right}.', 'Every time I see {G} I want to throw up.', 'Send all {G} back where they came from.',
  'Another crime by {G}, what a surprise.', 'There is nothing worse than {G}.', '{G} don\'t deserve {right2}.', 'It\'s a fact that {G} are {bad}, deal with it.',
  'Never trust {G}, they are {bad}.', 'The world would be better without {G}.', 'Typical {g} behaviour, {bad} as always.',
];
const EN_ADJ = ['stupid', 'loud', 'lazy', 'greedy', 'violent', 'dirty', 'useless', 'ugly'];
const EN_RIGHTS = ['vote', 'teach our children', 'own property', 'work here', 'marry', 'live near us', 'run for office'];
const EN_RIGHTS2 = ['equal rights', 'respect', 'any help', 'a job', 'to live here', 'human rights'];
const EN_INSULTS = [
  'You are a {ins}.', 'Shut up, you {ins}.', 'What a pathetic {ins} you are.', 'Nobody cares what you think, {ins}.', 'Go to hell, {ins}.', 'You {ins}, learn to read before you edit.',
  'Are you really this dumb or just pretending, {ins}?', 'Get lost, {ins}.', 'You useless {ins}, you can\'t even answer a simple question.', 'I hope you die, {ins}.',
  'You are the dumbest {ins} I have ever talked to.', 'Stop talking, {ins}, everyone hates you.', '{threat}, {ins}.', 'Shut your mouth or {threat2}.',
];
const EN_INS = ['idiot', 'moron', 'loser', 'retard', 'bitch', 'asshole', 'piece of shit', 'dumbass', 'freak', 'clown', 'scumbag', 'creep', 'bastard', 'fucking bot', 'stupid machine'];
const EN_THREATS = ['I will find where you live', 'watch your back', 'I will beat the shit out of you', 'you will regret this', 'someone should put a bullet in you'];
const EN_THREATS2 = ['I will shut it for you', 'I will break your face', 'you will be sorry'];

export const ZH_BAD_TRAITS = ['懒', '脏', '素质低', '爱偷东西', '没文化', '骗子多', '野蛮', '智商低', '只会占便宜', '是社会的毒瘤', '是垃圾', '不配当人', '全是小偷', '又蠢又坏'];
const ZH_TOXIC = [
  '{g}就是{t}', '{g}都{t}', '不是我歧视，{g}确实{t}', '说实话，{g}普遍{t}', '为什么{g}总是这么{adj}？', '{g}滚出我们这里', '别让{g}进我们小区', '{g}不配{right}',
  '看到{g}就恶心', '又是{g}干的，一点都不意外', '{g}没一个好东西', '世界上没有{g}会更好', '永远别相信{g}，他们{t}', '{g}就该被赶走', '典型的{g}，{t}',
  '{g}就是一群{ins}', '{g}的脑子是不是有问题？', '跟{g}讲道理就是对牛弹琴', '这种事只有{g}干得出来', '{g}就该回老家去',
];
const ZH_ADJ = ['懒', '吵', '贪', '蠢', '脏', '没素质', '野蛮', '自私'];
const ZH_RIGHTS = ['享受同样的待遇', '来大城市工作', '买房', '结婚', '上好学校', '当老师', '有投票权'];
const ZH_INS = ['傻逼', '废物', '蠢货', '人渣', '垃圾', '脑残', '贱人', '畜生', '白痴', '狗东西', '杂种', '智障', '傻X', '神经病'];
const ZH_INSULTS = [
  '你就是个{ins}', '闭嘴吧{ins}', '你这个{ins}，滚', '谁在乎你怎么想，{ins}', '你妈的，{ins}', '真是个{ins}，连这都不懂', '{ins}，去死吧', '你个{ins}还有脸说话？',
  '滚远点，{ins}', '你这种{ins}活着干嘛', '{threat}，{ins}', '再说一句{threat}', '你是不是{ins}啊，读不懂人话？', '垃圾机器人，你就是个{ins}',
];
const ZH_THREATS = ['小心我弄死你', '早晚收拾你', '信不信我打死你', '我知道你住哪', '出门小心点'];

/* ---- non-toxic on the same topics ---- */
const EN_NEUTRAL = [
  'Many {g} families celebrate {fest} with special food.', 'My {g} coworker helped me a lot during my first month.', 'Why do some people still hold prejudices against {G}?',
  'Saying that {G} are {bad} is a harmful stereotype with no evidence behind it.', 'The museum has a new exhibition on the history of {G} in America.',
  'Studies show that {G} face discrimination when applying for jobs.', 'I grew up in a {g} neighbourhood and the people were wonderful.', 'How can schools support {g} students better?',
  'The article discusses the challenges {G} face in finding housing.', 'Someone called my friend a slur today because she is {g}; I reported it.', 'Is it offensive to ask someone if they are {g}?',
  '{G} have made important contributions to science and art.', 'Our community centre organises language classes for {G}.', 'The report found that hate crimes against {G} increased last year.',
  'I disagree with your argument about immigration policy, but I respect your view.', 'The film portrays {G} with nuance and humour.', 'My grandmother is {g} and makes the best bread.',
  'A stereotype like "{G} are lazy" is exactly what the campaign fights against.', 'Please stop using slurs in this forum; it breaks the rules.', 'What does the word "bigot" mean?',
];
const EN_FESTS = ['the new year', 'their holidays', 'weddings', 'harvest festivals', 'birthdays'];
const EN_NEGATIVE_NOT_TOXIC = [
  'This restaurant was terrible, the soup was cold and the service slow.', 'The update broke my phone, really disappointed with this company.', 'The referee made a horrible call in the second half.',
  'I hate Mondays, the traffic is the worst.', 'That movie was a boring waste of two hours.', 'The new tax law is a bad idea in my opinion.', 'Ugh, the train is late again.',
  'Your answer is wrong, the capital of Australia is Canberra.', 'I strongly disagree with the editor who removed my section.', 'This is the worst customer service I have ever experienced.',
  'The villain in the book is cruel and kills without mercy.', 'The article about the attack was hard to read.', 'He was furious when they lost the match.',
];
const ZH_NEUTRAL = [
  '很多{g}过年都有自己的习俗', '我的{g}同事工作很认真，帮了我很多', '为什么有些人对{g}有偏见？', '说{g}{t}是刻板印象，没有任何依据', '这本书讲了{g}在城市打拼的故事',
  '研究显示{g}在求职时会遇到歧视', '我在{g}聚居的地方长大，邻居都很友善', '学校应该怎样更好地帮助{g}学生？', '这篇文章讨论了{g}在租房时遇到的困难', '有人因为朋友是{g}就骂她，我已经举报了',
  '问别人是不是{g}算冒犯吗？', '{g}里也有很多优秀的科学家和艺术家', '社区为{g}开设了免费培训班', '报道说针对{g}的网络暴力增多了', '我不同意你关于户籍政策的观点，但尊重你的看法',
  '这部电影对{g}的刻画很细腻', '我奶奶是{g}，做的饭特别好吃', '地域黑不可取，{g}里好人坏人都有', '请不要在评论区使用侮辱性词汇', '“{g}素质低”这种说法本身就是歧视',
  '我觉得不能因为个别人就否定所有{g}', '{g}的方言很有意思', '听说{g}那边的美食很多，推荐几个？', '性别平等需要男女共同努力', '这个话题很敏感，大家理性讨论',
];
const ZH_NEGATIVE_NOT_TOXIC = [
  '这家餐厅太难吃了，汤是凉的，服务也慢', '更新以后手机老是卡，对这家公司很失望', '裁判下半场那个判罚太离谱了', '周一真讨厌，堵车堵得要命', '这电影真无聊，浪费我两个小时',
  '我觉得这个新政策不太合理', '火车又晚点了，烦死了', '你的答案不对，澳大利亚的首都是堪培拉', '这是我遇到过最差的客服', '小说里的反派很残忍', '看完这条新闻心里很难受', '输了比赛他气坏了',
  '这个产品质量太差了，不建议买', '今天被老板批评了，心情很差', '房价这么高，年轻人压力太大了',
];

/* Organised-hate rhetoric (toxic) and the ordinary chatter of the same forums (non-toxic). */
const EN_HATE_RHETORIC = [
  'The {race} race is inferior and always will be.', '{G} are destroying our race and our nation.', 'Race mixing is a crime against our people.', '{G} control the media and the banks.',
  'Diversity is just a code word for replacing us.', 'Send every one of them back to Africa.', '{G} are subhuman and should be treated that way.', 'Our people must wake up before {G} outbreed us.',
  'No {g} should ever be allowed to marry one of ours.', 'These {g} parasites live off our taxes.', 'Every {g} neighbourhood turns into a jungle.', 'The {g} vermin are flooding our cities.',
];
const EN_RACES = ['black', 'Jewish', 'Arab', 'Asian', 'African', 'Mexican'];
const EN_FORUM_CHATTER = [
  'Does anyone know a good place to buy seeds around here?', 'Welcome to the forum, glad to have you with us.', 'I have been homeschooling my kids for two years now.', 'Thanks for the link, great read.',
  'The weather here has been terrible all week.', 'Anyone going to the meeting on Saturday?', 'I agree with the previous poster.', 'Here is a picture of my dog after the hike.',
  'My grandfather fought in the war and never talked about it.', 'I recommend a good history book about the Vikings.', 'Our town is holding a fundraiser for the fire department.',
  'What rifle do you use for deer season?', 'Can someone recommend a good mechanic in Dallas?', 'I just moved to the countryside and love the quiet.', 'This thread is getting off topic.',
  'I am a {g} person and I work as a nurse.', 'As a {g} woman I find this discussion interesting.', 'My best friend is {g} and we met at university.', 'I am {g}, ask me anything.',
];

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function enRow(rng: Rng, toxic: boolean): string {
  const g = pick(rng, EN_GROUPS);
  const slots = { bad: EN_TRAITS_BAD, adj: EN_ADJ, right: EN_RIGHTS, right2: EN_RIGHTS2, ins: EN_INS, threat: EN_THREATS, threat2: EN_THREATS2, fest: EN_FESTS };
  const groupNoun = rng() < 0.5 ? pick(rng, EN_GROUP_NOUNS) : `${g} people`;
  const r = rng();
  if (toxic) {
    const t = r < 0.45 ? pick(rng, EN_TOXIC) : r < 0.75 ? pick(rng, EN_INSULTS) : pick(rng, EN_HATE_RHETORIC);
    return cap(fill(rng, t.replace(/\{G\}/g, groupNoun).replace(/\{g\}/g, g), { ...slots, race: EN_RACES }));
  }
  const t = r < 0.55 ? pick(rng, EN_NEUTRAL) : r < 0.75 ? pick(rng, EN_NEGATIVE_NOT_TOXIC) : pick(rng, EN_FORUM_CHATTER);
  return cap(fill(rng, t.replace(/\{G\}/g, groupNoun).replace(/\{g\}/g, g), slots));
}

function zhRow(rng: Rng, toxic: boolean): string {
  const slots = { g: ZH_GROUPS, t: ZH_BAD_TRAITS, adj: ZH_ADJ, right: ZH_RIGHTS, ins: ZH_INS, threat: ZH_THREATS };
  const end = pick(rng, ['', '。', '！', '。', '？'].slice(0, toxic ? 4 : 3));
  if (toxic) return fill(rng, rng() < 0.6 ? pick(rng, ZH_TOXIC) : pick(rng, ZH_INSULTS), slots) + end;
  return fill(rng, rng() < 0.75 ? pick(rng, ZH_NEUTRAL) : pick(rng, ZH_NEGATIVE_NOT_TOXIC), slots) + end;
}

/** Toxic and non-toxic statements about groups and people, alternating languages and labels. */
export function groupStatements(seed: number, count: number): GeneratedRow[] {
  const rng = createRng(seed);
  const rows: GeneratedRow[] = [];
  for (let i = 0; i < count; i += 1) {
    const zh = i % 2 === 1;
    const toxic = i % 4 < 2;
    rows.push({ text: zh ? zhRow(rng, toxic) : enRow(rng, toxic), label: toxic ? 'toxic' : 'non_toxic', lang: zh ? 'zh' : 'en', source: 'sealgate-group-statements' });
  }
  return rows;
}
