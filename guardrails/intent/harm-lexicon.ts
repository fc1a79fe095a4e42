/**
 * Fine harmful-request categories (rule-based refinement of the learned `intent.harmful` head; see
 * MODEL_CARD.md). Lower-case, de-leeted entries; English matches at word starts, Chinese as substrings.
 */
import { INTENT_CATEGORIES as C } from '../core/taxonomy.js';
import { compileLexicon, type Lexicon } from '../text-model/lexicon.js';

export const HARM_LEXICON: Lexicon = {
  [C.child_sexual.id]: {
    en: ['child porn', 'cp video', 'underage sex', 'sexual story involving a', 'year old girl naked', 'groom a minor', 'groom a child', 'lolita', 'minor nude', 'pedophil', 'sex with a child', 'sex with a minor'],
    zh: ['儿童色情', '未成年人的色情', '涉及未成年人的色情', '幼女', '萝莉色情', '引诱未成年', '恋童', '未成年人裸照'],
  },
  [C.weapons_cbrn.id]: {
    en: ['bomb', 'explosive', 'detonat', 'grenade', 'ied', 'sarin', 'nerve agent', 'anthrax', 'ricin', 'bioweapon', 'biological weapon', 'chemical weapon', 'nuclear weapon', 'dirty bomb', 'uranium', 'gun', 'firearm', 'rifle', 'ammunition', 'silencer', 'ghost gun', 'weapon', 'toxin', 'poison gas', 'mustard gas', 'dimethylmercury', 'pathogen'],
    zh: ['炸弹', '炸药', '爆炸物', '雷管', '手榴弹', '沙林', '神经毒剂', '炭疽', '蓖麻毒素', '生物武器', '化学武器', '核武器', '脏弹', '枪支', '手枪', '步枪', '子弹', '弹药', '消音器', '武器', '毒气', '土炸弹', '制枪'],
  },
  [C.cybercrime.id]: {
    en: ['hack', 'malware', 'ransomware', 'keylogger', 'trojan', 'virus that', 'botnet', 'ddos', 'exploit', 'sql injection attack', 'phishing kit', 'brute force', 'crack password', 'steal password', 'backdoor', 'rootkit', 'spyware', 'zero-day', 'credential', 'bypass authentication', 'intrusion'],
    zh: ['黑客', '入侵', '木马', '病毒', '勒索软件', '勒索病毒', '键盘记录', '僵尸网络', 'ddos', '漏洞利用', '破解密码', '盗号', '后门', '提权', '攻击网站', '撞库', '脱库', '肉鸡', '非法侵入'],
  },
  [C.fraud.id]: {
    en: ['scam', 'phishing', 'fraud', 'launder', 'counterfeit', 'fake invoice', 'forge', 'ponzi', 'pyramid scheme', 'identity theft', 'tax evasion', 'cheat on tax', 'fake id', 'credit card fraud', 'insurance fraud', 'embezzle', 'pretending to be from the bank'],
    zh: ['诈骗', '骗钱', '钓鱼邮件', '洗钱', '伪造', '假发票', '假证', '传销', '庞氏', '偷税', '逃税', '套现', '杀猪盘', '冒充', '骗取', '非法集资', '贪污', '走私'],
  },
  [C.drugs.id]: {
    en: ['meth', 'cocaine', 'heroin', 'fentanyl', 'crack cocaine', 'mdma', 'ecstasy', 'lsd', 'cannabis', 'marijuana', 'weed', 'drug dealer', 'sell drugs', 'buy drugs', 'opioid', 'ketamine'],
    zh: ['冰毒', '海洛因', '可卡因', '芬太尼', '摇头丸', '大麻', 'k粉', '毒品', '贩毒', '吸毒', '制毒', '麻古', '鸦片'],
  },
  [C.self_harm.id]: {
    en: ['kill myself', 'suicide', 'self-harm', 'self harm', 'cut myself', 'cutting', 'overdose', 'end my life', 'painless way to die', 'hang myself', 'starve myself', 'anorexi', 'bulimi'],
    zh: ['自杀', '自残', '割腕', '轻生', '跳楼', '安眠药能死', '结束生命', '不想活', '上吊', '催吐', '厌食'],
  },
  [C.violent_crime.id]: {
    en: ['kill', 'murder', 'assassinat', 'kidnap', 'abduct', 'torture', 'assault', 'robbery', 'rob a', 'mass shooting', 'terrorist attack', 'attack on', 'stab', 'strangle', 'human trafficking', 'dispose of a body', 'hurt someone', 'beat up'],
    zh: ['杀人', '杀了', '谋杀', '暗杀', '绑架', '拐卖', '折磨', '抢劫', '袭击', '行凶', '砍人', '捅人', '投毒', '碎尸', '伤害他人', '故意伤害', '贩卖人口', '纵火'],
  },
  [C.hate.id]: {
    en: ['inferior', 'vermin', 'subhuman', 'racist joke', 'jokes that humiliate', 'hate speech', 'ethnic cleansing', 'white supremac', 'hateful', 'discriminat', 'slur', 'stereotype'],
    zh: ['歧视', '低劣', '劣等', '种族', '地域黑', '嘲笑残疾人', '仇恨', '侮辱', '垃圾人', '外地人都是'],
  },
  [C.privacy.id]: {
    en: ['home address', 'social security number', 'track my', 'track someone', 'location of', 'without her knowing', 'without him knowing', 'spy on', 'stalk', 'dox', 'personal information', 'phone number of', 'private messages', 'hidden camera', 'read someone'],
    zh: ['家庭住址', '身份证号', '定位', '跟踪', '偷拍', '监听', '人肉', '个人信息', '隐私', '开房记录', '聊天记录', '手机号码', '查到别人', '偷看'],
  },
  [C.political_extremist.id]: {
    en: ['propaganda', 'terrorist group', 'extremis', 'jihad', 'isis', 'manifesto', 'armed uprising', 'overthrow the government', 'rig the election', 'election fraud', 'fake news', 'disinformation', 'misinformation', 'radicaliz', 'recruit people into'],
    zh: ['恐怖组织', '恐怖主义', '极端主义', '圣战', '宣言', '武装暴动', '推翻政府', '颠覆', '分裂国家', '操纵选举', '假新闻', '谣言', '煽动', '游行示威', '邪教'],
  },
};

export const harmLexicon = compileLexicon(HARM_LEXICON);
