/**
 * Short statements about identity groups in the same frames with both labels (EN + ZH): "{group} are
 * {predicate}", "{group} deserve {right}", "{group} can be {job}s", "I am a {group} {job}", "{group} couples
 * {activity}" — the predicate decides (engineers, equal pay, welcome here vs vermin, no rights, get out).
 *
 * Why: the toxicity head read the mention of a group as toxic. Before this source, "Women are engineers too."
 * scored 0.77, "Black people deserve equal rights." 0.74, "Gay couples can adopt children." 0.70 and "Trans people
 * exist." 0.59, all flagged, against 0.004 for "I am a teacher.". groupStatements (toxicity.ts) pairs long
 * attacks with long neutral sentences, but its benign templates have few slots, so de-duplication leaves that
 * source three-quarters toxic: it taught the bias as much as it fought it. Here every frame has many slot
 * combinations on both sides, and two thirds of the rows are benign.
 *
 * Provenance: written for SealGate from general knowledge of how people talk about groups (self-identification,
 * equality, everyday facts, and the dehumanising predicates of hate speech); not from the rows of any evaluation
 * set (Jigsaw sentence templates, ToxiGen, COLD, Stormfront, Davidson, Wikipedia talk, ConvAbuse).
 */
import { createRng, fill, pick, type Rng } from './rng.js';
import type { GeneratedRow } from './generators.js';
import { EN_GROUP_NOUNS, EN_GROUPS, EN_TRAITS_BAD, ZH_BAD_TRAITS, ZH_GROUPS } from './toxicity.js';

const EN_EXTRA_NOUNS = ['men', 'girls', 'boys', 'lesbians', 'bisexual people', 'Hindus', 'Buddhists', 'atheists', 'Latinos', 'Africans', 'Indians', 'Chinese people', 'blind people', 'autistic people', 'single mothers', 'teenagers', 'migrants', 'Native Americans'];
const EN_NOUNS = [...EN_GROUP_NOUNS, ...EN_EXTRA_NOUNS];
const EN_JOBS = ['engineer', 'doctor', 'nurse', 'teacher', 'pilot', 'scientist', 'lawyer', 'programmer', 'firefighter', 'chef', 'judge', 'soldier', 'farmer', 'architect', 'CEO', 'professor', 'mechanic', 'athlete', 'writer', 'police officer'];
const EN_RELATIVES = ['sister', 'brother', 'mother', 'father', 'best friend', 'neighbour', 'boss', 'roommate', 'wife', 'husband', 'teacher', 'doctor', 'cousin', 'son', 'daughter'];
const EN_MEMBERS = ['couples', 'students', 'families', 'workers', 'parents', 'kids', 'voters', 'athletes', 'artists', 'veterans', 'nurses', 'writers'];

const EN_GOOD = [
  '{job}s too', 'part of our community', 'welcome here', 'just people like everyone else', 'as capable as anyone', 'our neighbours and friends', 'often underrepresented in {field}',
  'an important part of our history', 'active in local politics', 'great {job}s', 'among the best {job}s I know', 'people, not stereotypes', 'a big part of this city', 'my colleagues',
  'free to live as they choose', 'valued members of the team', 'more than the labels others give them', 'entitled to the same respect', 'building businesses here', 'here to stay',
];
const EN_RIGHTS = ['equal rights', 'equal pay', 'respect', 'fair treatment', 'the same opportunities', 'safe workplaces', 'a voice in politics', 'dignity', 'to be heard', 'good schools', 'fair wages', 'protection from discrimination'];
const EN_ACTIVITIES = [
  'can adopt children', 'can get married here', 'can serve in the army', 'vote in every election', 'run small businesses', 'volunteer at the shelter', 'win awards every year', 'study at the university',
  'play in the league', 'raise wonderful kids', 'started the festival', 'organise the street party', 'won the debate', 'teach at our school', 'cook amazing food', 'are welcome in our club',
];
const EN_FIELDS = ['tech', 'science', 'parliament', 'management', 'the film industry', 'engineering', 'medicine', 'sports journalism'];
const EN_BENIGN = [
  '{G} are {good}.', '{G} deserve {right}.', '{G} can be {job}s.', '{G} can be {job}s too.', 'Many {G} work as {job}s.', 'I am a {g} {job}.', 'I am {g} and proud of it.', 'I am {g}.',
  'My {rel} is {g}.', 'My {rel} is a {g} {job}.', 'My neighbours are {g}.', '{g} {members} {act}.', 'Some of the best {job}s I know are {G}.', 'Being {g} is part of who I am.',
  '{G} exist and deserve {right}.', 'Of course {G} can be {job}s.', 'We hired two {G} as {job}s last month.', 'Support {g} {members}!', '{G} and everyone else deserve {right}.',
  'Is it true that {G} are {good}?', 'How many {G} work as {job}s?', 'Why are {G} underrepresented in {field}?', 'What holidays do {G} celebrate?', 'Tell me about famous {g} {job}s.',
];
const EN_TOXIC = [
  '{G} are {bad}.', '{G} don\'t deserve {right}.', '{G} can\'t be {job}s, they are too {adj}.', 'I hate {G}.', 'I hate {g} people, they are {bad}.', 'Being {g} is disgusting.',
  '{g} {members} are an abomination.', '{g} {members} are {bad}.', 'No {g} should ever be a {job}.', 'Keep {G} away from our kids.', '{G} should get out of this country.',
  'My {rel} is {g}, what a disgrace.', 'A {g} {job}? Never, they are {bad}.', '{G} are vermin and should be treated like it.', 'Get rid of all the {G}.', '{G} are {bad}, everyone knows it.',
];
const EN_ADJ = ['stupid', 'lazy', 'dirty', 'dumb', 'violent', 'useless', 'emotional', 'weak'];

const ZH_EXTRA = ['男性', '女生', '00后', '90后', '残障人士', '聋哑人', '外国人', '少数民族同胞', '农村女孩', '东北姑娘', '广西人', '湖南人'];
const ZH_ALL = [...ZH_GROUPS, ...ZH_EXTRA];
const ZH_JOBS = ['工程师', '医生', '护士', '老师', '飞行员', '科学家', '律师', '程序员', '消防员', '厨师', '法官', '军人', '建筑师', '教授', '司机', '运动员', '作家', '警察', '总经理', '设计师'];
const ZH_RELATIVES = ['姐姐', '哥哥', '妈妈', '爸爸', '好朋友', '邻居', '老板', '室友', '老婆', '老公', '同事', '表哥', '儿子', '女儿', '老师'];
const ZH_GOOD = [
  '和其他人一样优秀', '也是我们社区的一份子', '在这里很受欢迎', '也是普通人', '一样有能力', '是我们的邻居和朋友', '为这座城市做了很多贡献', '里有很多优秀的人才',
  '工作很努力', '也可以成为很好的{job}', '值得被尊重', '有自己的文化和传统', '在各行各业都有', '和我们没有什么不同',
];
const ZH_RIGHTS = ['平等的权利', '同工同酬', '被尊重', '公平的机会', '平等对待', '受教育的权利', '安全的工作环境', '发声的权利'];
const ZH_BENIGN = [
  '{g}{good}', '{g}也可以当{job}', '{g}应该享有{right}', '很多{g}在做{job}', '我是{g}，我是一名{job}', '我是{g}，我很自豪', '我的{rel}是{g}', '我的{rel}是一名{g}{job}',
  '我们公司新来的{job}是{g}', '{g}当{job}一点问题都没有', '{g}和大家一样应该得到{right}', '{g}里出过很多有名的{job}', '支持{g}平等就业', '为什么{g}在{field}里比较少？',
  '{g}过节有什么习俗？', '我身边的{g}朋友都很好相处', '{g}也能成为优秀的{job}',
];
const ZH_FIELDS = ['科技行业', '管理层', '科研领域', '政坛', '体育圈', '工程领域'];
const ZH_TOXIC = [
  '{g}都{bad}', '{g}不配{right}', '我讨厌{g}', '{g}当{job}？别搞笑了，{g}都{bad}', '{g}就不该当{job}', '离{g}远一点，他们{bad}', '{g}都给我滚出去', '我的{rel}是{g}，真丢人',
  '{g}就是一群废物', '{g}全部赶走才好', '{g}凭什么享有{right}',
];

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function enRow(rng: Rng, toxic: boolean): string {
  const slots = { job: EN_JOBS, rel: EN_RELATIVES, members: EN_MEMBERS, good: EN_GOOD, right: EN_RIGHTS, act: EN_ACTIVITIES, field: EN_FIELDS, bad: EN_TRAITS_BAD, adj: EN_ADJ };
  const template = pick(rng, toxic ? EN_TOXIC : EN_BENIGN);
  // Good predicates carry their own slots ({job}s too, {field}): fill twice.
  const once = template.replace(/\{G\}/g, pick(rng, EN_NOUNS)).replace(/\{g\}/g, pick(rng, EN_GROUPS));
  return cap(fill(rng, fill(rng, once, slots), slots)).replace(/\b([Aa]) ([AEIOU])/g, '$1n $2');
}

function zhRow(rng: Rng, toxic: boolean): string {
  const slots = { job: ZH_JOBS, rel: ZH_RELATIVES, good: ZH_GOOD, right: ZH_RIGHTS, field: ZH_FIELDS, bad: ZH_BAD_TRAITS };
  const g = pick(rng, ZH_ALL);
  const text = fill(rng, fill(rng, pick(rng, toxic ? ZH_TOXIC : ZH_BENIGN).replace(/\{g\}/g, g), slots), slots);
  return /[？！。]$/.test(text) ? text : text + pick(rng, toxic ? ['', '。', '！'] : ['', '。']);
}

/** Identity statements, alternating languages; `benignShare` of them non-toxic. */
export function identityStatements(seed: number, count: number, benignShare: number): GeneratedRow[] {
  const rng = createRng(seed);
  const rows: GeneratedRow[] = [];
  for (let i = 0; i < count; i += 1) {
    const zh = i % 2 === 1;
    const toxic = rng() >= benignShare;
    rows.push({ text: zh ? zhRow(rng, toxic) : enRow(rng, toxic), label: toxic ? 'toxic' : 'non_toxic', lang: zh ? 'zh' : 'en', source: 'sealgate-identity-statements' });
  }
  return rows;
}
