/**
 * Feature-only keyword lexicon for the toxicity head (issue 4, eleventh session; measured, not shipped: MODEL_CARD.md "Known weaknesses").
 * Its hits only become model features (featurize.ts appendLexiconFeatures, set 'toxicity+implicit'); they are never
 * reported as categories — the fine categories stay those of lexicon.ts, which refine a firing head at inference.
 *
 * Aimed at implicit and dehumanising hate that the slur / profanity lexicon misses: dehumanising metaphors,
 * exclusion and expulsion, conspiracy and replacement tropes, essentialising generalisations about a group, plus a
 * broader insult / profanity list. Written from general knowledge of how such speech is phrased (the taxonomy's hate
 * definition, published descriptions of dehumanising and replacement rhetoric), not from the rows of any data set.
 * Entries are lower-case, matched on the evasion-normalised text: English at word starts (so entries are stems and
 * must not be prefixes of common words: no "ass", "hell", "pig"), Chinese as substrings.
 */
import type { Lexicon } from '../text-model/lexicon.js';

export const TOXICITY_FEATURE_LEXICON: Lexicon = {
  dehumanise: {
    en: [
      'vermin', 'parasite', 'parasitic', 'infest', 'cockroach', 'subhuman', 'sub-human', 'untermensch', 'breed like', 'breeding like',
      'like rats', 'are rats', 'like animals', 'are animals', 'are beasts', 'like beasts', 'like apes', 'are apes', 'like monkeys', 'are monkeys',
      'leeches', 'bloodsucker', 'maggots', 'plague on', 'a plague', 'a cancer on', 'a cancer to', 'mongrel',
      'not even human', 'less than human', 'barely human', 'not human', 'half human', 'savage', 'uncivilized', 'uncivilised',
      'low iq', 'low-iq', 'knuckle dragg', 'filth', 'mud people', 'degenerates', 'exterminat', 'wipe them out', 'breeders',
    ],
    zh: [
      '蛆', '寄生虫', '害虫', '蟑螂', '蝗虫', '鼠辈', '牲口', '禽兽', '猪狗', '黑猴', '野猴', '蛮子', '未开化', '野蛮人',
      '下等人', '低等', '劣等', '不是人', '非人', '不配做人', '杂种', '毒瘤', '瘟疫', '泛滥', '生那么多', '像狗一样', '像猪一样',
      '败类', '渣滓', '垃圾人',
    ],
  },
  exclude: {
    en: [
      'go back to', 'send them back', 'send them all back', 'go back where', 'back where they came from', 'back where you came from',
      'deport', "don't belong", 'do not belong', "doesn't belong", 'does not belong', "don't deserve", 'get out of our', 'get out of my country',
      'kick them out', 'keep them out', 'throw them out', 'ban them', 'ban all', 'close the border', 'build the wall', 'not welcome', 'should leave',
      'should not be allowed', "shouldn't be allowed", 'should be banned', 'no place in', 'have no right', 'our country', 'our land', 'our nation',
      'stay in their', 'go home', 'not one of us', 'they are not us', 'keep our',
    ],
    zh: [
      '滚回', '滚出', '赶出去', '赶走', '遣返', '驱逐', '不欢迎', '别来', '不配', '禁止入境', '不准入境', '不属于这里', '回你们', '回老家',
      '滚回去', '滚出去', '清理出去', '不许进', '别让他们', '不该让', '不应该让', '限制他们', '隔离他们',
    ],
  },
  conspiracy: {
    en: [
      'replace us', 'replacing us', 'white genocide', 'they control', 'control the media', 'control the bank', 'run the media',
      'own the media', 'run the bank', 'globalist', 'zionist', 'zog', 'cultural marxis', 'new world order', 'jewish question', 'race traitor',
      'race mixing', 'miscegenation', 'white race', 'our race', 'our people', 'our blood', 'racial purity', 'rahowa', 'anti-white', 'white guilt',
      'invasion', 'invader', 'outbreed', 'third world', 'multicultur', 'diversity is', 'brainwash',
    ],
    zh: [
      '控制了', '操控', '阴谋', '取代我们', '换种', '灭种', '白左', '绿教', '黑命贵', '境外势力', '洗脑',
      '犹太人控制', '蚕食', '人口替代', '血统', '纯种', '基因污染',
    ],
  },
  essentialise: {
    en: [
      'they are all', "they're all", 'all of them are', 'all of them', 'those people', 'these people', 'people like them', 'people like you',
      'their kind', 'your kind', 'you people', 'their culture', 'by nature', 'in their blood', 'in their nature', 'in their genes', 'inherently',
      'genetically', 'every single one of them', 'typical of them', 'they always', 'they never', 'they all', 'all they do', 'none of them',
    ],
    zh: [
      '这些人都', '那些人都', '那帮人', '这帮人', '这种人', '那种人', '他们都', '她们都', '一个个', '天生', '骨子里', '本性', '素质低', '素质差',
      '没一个好', '没有一个好', '全都是', '都一个样', '一个德行', '一路货色', '都是骗子', '都是小偷', '都是垃圾', '都是蛆', '都是寄生虫', '都是畜生',
    ],
  },
  abuse: {
    en: [
      'shithead', 'scumbag', 'douche', 'numbnuts', 'dipshit', 'halfwit', 'nitwit', 'cretin', 'lowlife', 'low life', 'piece of shit', 'piece of garbage',
      'waste of space', 'waste of oxygen', 'shut up', 'shut the fuck', 'stfu', 'gtfo', 'screw you', 'go to hell', 'skank', 'thot', 'cuck', 'hoes',
      'swine', 'pigs', 'ignorant', 'disgusting', 'vile', 'hypocrite', 'coward', 'sicko', 'psycho', 'creep', 'weirdo', 'fool', 'fucking', 'fucker',
      'fck', 'effing', 'bollocks', 'wanker', 'tosser', 'bugger', 'sod off', 'jackass', 'dumbfuck', 'shitty', 'pathetic', 'worthless',
      'useless', 'brainless', 'clueless', 'dimwit', 'ugly ass', 'bitches', 'hoe',
    ],
    zh: [
      '傻叉', '傻缺', '煞笔', '沙比', '二逼', '贱', '滚蛋', '滚粗', '去你的', '狗屎', '放屁', '狗日的', '王八蛋', '混蛋', '混账', '龟儿子', '杂碎',
      '死全家', '你全家', '脑子有病', '有病吧', '神经病', '不要脸', '无耻', '下贱', '猪头', '笨蛋', '傻帽', '屌丝', '死妈', '尼玛', '特么', '妈逼',
      '艹', '草泥马', '狗娘养', '绿茶婊', '圣母婊', '心机婊', '直男癌', '舔狗', '汉奸', '走狗', '五毛', '殖人', '恶心', '丢人现眼', 'low逼', '蠢',
    ],
  },
};
