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
    en: [
      'kill you', 'murder you',
      // "I will kill" alone tagged and fed the model "I will kill the process now" / "going to kill it at the audition": a person must follow.
      'i will kill him', 'i will kill her', 'i will kill them', 'i will kill your', 'i\'ll kill him', 'i\'ll kill her', 'i\'ll kill your', 'going to kill him', 'going to kill her',
      'going to kill your', 'gonna kill him', 'gonna kill her', 'gonna kill your', 'shoot you', 'stab you', 'beat you', 'hurt you', 'burn your', 'you will die', 'i will find you', 'watch your back', 'rape you', 'hang them', 'should be shot', 'should be killed', 'deserve to die',
      // Bodily harm spelled out, veiled threats and doxxing, family and property, extortion (issue 4; phrases with a target, not lone verbs).
      'break your legs', 'break both your legs', 'break your face', 'break ur face', 'break every bone', 'put you in the hospital', 'hunt you down', 'slit your throat', 'snap your neck',
      'smash your teeth', 'cave your skull', 'make you disappear', 'make you bleed', 'strangle you', 'run you over', 'end you', 'you\'re dead', 'you are dead', 'ur dead', 'u r so dead', 'you\'re a dead man',
      'know where you live', 'know where u live', 'know where your kids', 'know where your family', 'got your home address', 'sleep with one eye open', 'enjoy your last days',
      'accidents happen to people like you', 'shame if something happened', 'burn down your', 'torch your', 'hurt your family', 'hurt your kids', 'your family will pay', 'your family gets hurt',
      'catch these hands', 'beat your ass', 'beat the shit out of you', 'getting jumped', 'your safety cannot be guaranteed', 'suffer physical consequences',
      'or i will post your', 'or i will send your', 'or i will leak', 'or your photos', 'or your nudes', 'watch ur back', 'got ur address', 'outside your house right now',
      'answered with force', 'where to find you', 'you\'ll pay for this', 'you will pay for this', 'end up in a ditch', 'end up dead', 'won\'t live to see', 'your days are numbered',
      'make you regret', 'or i tell your', 'or i\'ll tell your', 'or i will tell your',
    ],
    zh: [
      '杀了你', '弄死你', '砍死你', '打死你', '宰了你', '捅死你', '杀你全家', '你死定了', '让你好看', '找人收拾你', '烧死', '枪毙', '去死吧', '该死', '都该死', '全部杀掉',
      '打断你的腿', '废了你', '砍了你', '把你打残', '卸你一条', '让你进医院', '让你消失', '满地找牙', '见不到明天的太阳', '躺着出去', '横着出去', '弄不死你', '收拾你', '放你的血',
      '我知道你住哪', '知道你住哪', '你家在哪我清楚', '你家住哪我知道', '把你人肉出来', '人肉你', '等着收尸', '给你陪葬', '后果自负', '别怪我们不客气', '别怪我不客气', '活腻了',
      '你全家都别想', '烧了你的', '砸了你的', '动你家人', '全网公开', '不然就把你的', '否则你的', '不给钱就把', '别想好过', '就动你', '走着瞧', '等着瞧', '吃不了兜着走', '有你好看', '有你受的', '让你混不下去', '让你待不下去', '你给我等着', '要你的命', '要你命', '你的死期',
    ],
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

export const toxicityLexicon = compileLexicon(TOXICITY_LEXICON, { zhWholeWords: 2 });
