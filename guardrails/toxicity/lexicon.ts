/**
 * Fine toxicity categories (rule-based refinement of the learned `toxicity.toxic` head; see MODEL_CARD.md).
 * Entries are lower-case and de-leeted (the matcher runs on evasion-normalised text).
 */
import { TOXICITY_CATEGORIES } from '../core/taxonomy.js';
import { compileLexicon, type Lexicon } from '../text-model/lexicon.js';

export const TOXICITY_LEXICON: Lexicon = {
  [TOXICITY_CATEGORIES.insult.id]: {
    en: ['idiot', 'stupid', 'moron', 'dumb', 'loser', 'retard', 'imbecile', 'pathetic', 'worthless', 'ugly', 'fat ass', 'dumbass', 'clown', 'trash', 'scum', 'bitch', 'asshole', 'jerk', 'freak', 'cunt', 'twat', 'prick', 'dick head', 'dickhead'],
    zh: ['傻逼', '傻子', '白痴', '蠢货', '废物', '脑残', '智障', '垃圾', '贱人', '贱货', '畜生', '狗东西', '人渣', '弱智', '蠢猪', '丑八怪', '滚', '脑瘫', '傻逼玩意', '臭婊子', '婊子', '去死'],
  },
  [TOXICITY_CATEGORIES.hate.id]: {
    en: ['nigger', 'nigga', 'faggot', 'fag', 'kike', 'chink', 'spic', 'wetback', 'tranny', 'dyke', 'raghead', 'towelhead', 'gook', 'coon', 'savages', 'subhuman', 'go back to your country', 'inferior race', 'white power', 'muslims are', 'jews are', 'blacks are', 'immigrants are', 'gays are', 'women are'],
    zh: ['黑鬼', '黑皮', '尼哥', '支那', '绿绿', '基佬', '死基佬', '娘炮', '女拳', '母狗', '小日本', '鬼子', '阿三', '棒子', '蛮夷', '劣等民族', '河南人都', '东北人都', '穆斯林都', '黑人都', '同性恋都', '女人都', '男人都', '滚出中国', '地域黑', '蝈蝻', '田园女权', '普信男'],
  },
  [TOXICITY_CATEGORIES.threat.id]: {
    en: ['kill you', 'i will kill', 'going to kill', 'gonna kill', 'murder you', 'shoot you', 'stab you', 'beat you', 'hurt you', 'burn your', 'you will die', 'i will find you', 'watch your back', 'rape you', 'hang them', 'should be shot', 'should be killed', 'deserve to die'],
    zh: ['杀了你', '弄死你', '砍死你', '打死你', '宰了你', '捅死你', '杀你全家', '你死定了', '让你好看', '找人收拾你', '烧死', '枪毙', '去死吧', '该死', '都该死', '全部杀掉'],
  },
  [TOXICITY_CATEGORIES.sexual.id]: {
    en: ['fuck you', 'suck my', 'dick', 'cock', 'pussy', 'slut', 'whore', 'tits', 'boobs', 'horny', 'blowjob', 'porn', 'nude', 'naked', 'sex with', 'rape'],
    zh: ['做爱', '操你', '日你', '约炮', '骚货', '淫荡', '鸡巴', '屌', '奶子', '裸照', '色情', '强奸', '卖淫', '嫖', '婊子'],
  },
  [TOXICITY_CATEGORIES.self_harm.id]: {
    en: ['kill yourself', 'kys', 'go die', 'slit your', 'hang yourself', 'end your life', 'commit suicide', 'cut yourself', 'nobody would miss you'],
    zh: ['你去死', '去自杀', '跳楼吧', '割腕', '上吊', '自杀吧', '怎么不去死', '活着浪费'],
  },
  [TOXICITY_CATEGORIES.profanity.id]: {
    en: ['fuck', 'shit', 'damn', 'bitch', 'bastard', 'crap', 'piss', 'wtf', 'motherfucker', 'bullshit', 'goddamn', 'asshole', 'hell no'],
    zh: ['他妈的', '你妈的', '操你妈', '卧槽', '我靠', '妈的', '靠北', '你妈死了', '妈了个逼', '我去你妈', '草', '操', '日了狗', '屁'],
  },
};

export const toxicityLexicon = compileLexicon(TOXICITY_LEXICON);
