import { describe, expect, it } from 'vitest';
import { found } from './helpers.js';

const only = (type: string, text: string) => found(text).filter((s) => s.startsWith(`${type}:`));

describe('person names', () => {
  it('English: given-name dictionary, titles and cues', () => {
    expect(only('PERSON', 'Hi, my name is John Smith and I need help.')).toEqual(['PERSON:John Smith']);
    expect(only('PERSON', 'Please forward this to Mrs. Okafor.')).toEqual(['PERSON:Okafor']);
    expect(only('PERSON', 'Dear Maria Gonzalez,')).toEqual(['PERSON:Maria Gonzalez']);
    expect(only('PERSON', 'The Quick Report is due Monday.')).toEqual([]);
  });
  it('Chinese: surname + given name with cues and honorifics', () => {
    expect(only('PERSON', '我叫王小明，想咨询一下')).toEqual(['PERSON:王小明']);
    expect(only('PERSON', '联系人：李娜，电话见下')).toEqual(['PERSON:李娜']);
    // 万 is a common surname, but also a numeral and the start of many words: it needs a cue.
    expect(only('PERSON', '联系人：万晓东，电话见下')).toEqual(['PERSON:万晓东']);
    expect(found('万一下雨怎么办，他有5万元存款，真是万幸')).toEqual([]);
    // 傅 and 赖 are common surnames too; 师傅, 依赖, 老赖 are words.
    expect(only('PERSON', '联系人：傅晓东，收件人：赖雨桐')).toEqual(['PERSON:傅晓东', 'PERSON:赖雨桐']);
    expect(found('师傅帮我修车，我很依赖他，他不是老赖')).toEqual([]);
    expect(only('PERSON', '请转告张伟先生')).toEqual(['PERSON:张伟']);
    expect(only('PERSON', '王女士您好')).toEqual(['PERSON:王女士']);
    // An occupation or office before the name is a cue; a weak reading (任杜长) does not hide the name after 主任.
    expect(only('PERSON', '居委会主任杜长林透露，老人已送医')).toEqual(['PERSON:杜长林']);
    expect(only('PERSON', '辽宁队球员李晓旭拿下14分')).toEqual(['PERSON:李晓旭']);
    // A given name without a surname right after a naming verb; 叫 calling a car or a person over names no one.
    expect(only('PERSON', '她叫嘉欣，是我同学，有个名叫思远的男孩')).toEqual(['PERSON:嘉欣', 'PERSON:思远']);
    expect(found('我叫车回家，他叫我去吃饭，这种病叫做糖尿病')).toEqual([]);
    // 阎 / 蔺 are surnames; 阎王 is the king of hell.
    expect(only('PERSON', '联系人：阎晓东，收件人：蔺雨桐')).toEqual(['PERSON:阎晓东', 'PERSON:蔺雨桐']);
    expect(found('他说怕见阎王')).toEqual([]);
    // 连 / 郁 / 查 are surnames too; as verbs and adverbs (检查, 连他都) they need a cue.
    expect(only('PERSON', '联系人：连晓东，请假条交给郁晓明老师')).toEqual(['PERSON:连晓东', 'PERSON:郁晓明']);
    expect(found('我们要检查一下，连他都不知道')).toEqual([]);
    expect(found('他们正在谈判，解放思想，连忙查找资料，我甘愿等')).toEqual([]);
    // Kinship terms as forms of address after a surname.
    expect(only('PERSON', '楼下的何奶奶每天早上遛狗')).toEqual(['PERSON:何奶奶']);
    expect(only('PERSON', '邻居陈伯伯很热心')).toEqual(['PERSON:陈伯伯']);
    expect(only('PERSON', '我太太和老太太都在家')).toEqual([]);
    expect(only('PERSON', '周文医师说最近空气不好，黄护士很耐心')).toEqual(['PERSON:周文', 'PERSON:黄护士']);
    // 女神 after a word is praise, not a title (古装女神, 高颜值女神).
    expect(found('人家还是高颜值女神，她是我心中的女神')).toEqual([]);
    expect(only('PERSON', '今天马上就到，高兴得很')).toEqual([]);
  });
  it('Chinese: names in running text without cues, scored against background character statistics', () => {
    expect(only('PERSON', '这次活动由宋婉晴负责策划')).toEqual(['PERSON:宋婉晴']);
    expect(only('PERSON', '昨晚梁思涵发来一张照片')).toEqual(['PERSON:梁思涵']);
    // Surname characters inside ordinary words: 温室气体, 周边环境, 方便, 阿甘正传.
    expect(only('PERSON', '我们讨论了温室气体和周边环境的问题')).toEqual([]);
    expect(only('PERSON', '大家都很高兴，方便的话明天见')).toEqual([]);
    expect(only('PERSON', '周末去看了阿甘正传')).toEqual([]);
    // A whole @handle that is a name; a surname + title after 的.
    expect(only('PERSON', '转发 //@韦思琪: 说得对')).toEqual(['PERSON:韦思琪']);
    expect(only('PERSON', '同意//@柏宁琍://@某某')).toEqual(['PERSON:柏宁琍']);
    expect(only('PERSON', '这是我们家的周老师')).toEqual(['PERSON:周老师']);
    // A surname + title needs a clean left edge: 谢谢|小姐姐, 对于|大爷 (the surname closes a word with the
    // character before it); 曾 before a grandparent means "great-".
    expect(found('谢谢小姐姐的分享，你们对于大爷的看法呢')).toEqual([]);
    expect(found('我曾爷爷那一辈住在乡下')).toEqual([]);
    // A doubled character is not surname + given name.
    expect(only('PERSON', '林林总总的问题都解决了')).toEqual([]);
  });
});

describe('Chinese names in social-media text', () => {
  it('pet names, familiar forms of address and whole-handle names', () => {
    expect(only('PERSON', '谢谢豆豆，今天和婷婷一起吃饭')).toEqual(['PERSON:豆豆', 'PERSON:婷婷']);
    // A doubled pair the background text knows (names are in it too) is a name after a strong cue, never a
    // kinship or baby word.
    expect(only('PERSON', '我是莉莉，我家胖胖今天很乖')).toEqual(['PERSON:莉莉', 'PERSON:胖胖']);
    expect(found('我家妈妈和宝宝都好')).toEqual([]);
    expect(only('PERSON', '小李，你把报告发给老王')).toEqual(['PERSON:小李', 'PERSON:老王']);
    // 小 / 阿 + a typical given-name character, with a word edge on both sides; 小心 / 小雪 (snow) are words.
    expect(only('PERSON', '亲爱的阿勇，感谢你。——小杰')).toEqual(['PERSON:阿勇', 'PERSON:小杰']);
    expect(found('路上小心，明天有小雪')).toEqual([]);
    // A given-name character + the diminutive 儿; 女儿, 一会儿, 花儿 are words.
    expect(only('PERSON', '婷儿，今天一起吃饭吗')).toEqual(['PERSON:婷儿']);
    expect(found('我女儿今天生日，等一会儿，花儿开了')).toEqual([]);
    expect(only('PERSON', '转发 //@刘强东:新店下周开业')).toEqual(['PERSON:刘强东']);
    expect(only('PERSON', '陪着沈老师散步')).toEqual(['PERSON:沈老师']);
    expect(only('PERSON', '下班后去车行找峰哥聊聊')).toEqual(['PERSON:峰哥']);
    expect(only('PERSON', '谢谢王总的支持')).toEqual(['PERSON:王总']);
    expect(only('PERSON', '转给思琪小姐，她说好')).toEqual(['PERSON:思琪']);
  });
  it('traditional-script surnames, public figures and transliterated foreign names', () => {
    // Western given names in transliteration, alone; not inside a longer name or a place (约翰逊, 路易斯安那).
    expect(only('PERSON', '后来杰克和露西在船上相遇')).toEqual(['PERSON:杰克', 'PERSON:露西']);
    expect(only('PERSON', '路易斯安那州的约翰逊先生')).not.toContain('PERSON:路易斯');
    expect(only('PERSON', '陳冠希和張學友')).toEqual(['PERSON:陳冠希', 'PERSON:張學友']);
    expect(only('PERSON', '昨晚和朋友一起看了周迅主演的电影')).toEqual(['PERSON:周迅']);
    expect(only('PERSON', '昨晚看了佟丽娅和陈赫的节目，东北多姓佟，比如佟大为')).toEqual(['PERSON:佟丽娅', 'PERSON:陈赫', 'PERSON:佟大为']);
    expect(only('PERSON', '她叫克里斯汀斯图尔特')).toEqual(['PERSON:克里斯汀斯图尔特']);
    expect(only('PERSON', '马克·扎克伯格发布了新产品')).toEqual(['PERSON:马克·扎克伯格']);
  });
  it('nicknames with a kinship title, handles that open with a name, common given-name characters', () => {
    // One name character + 哥 / 叔 / 姐 needs no word edge when the pair is no word of running text.
    expect(only('PERSON', '昨天在楼下碰到峰哥了')).toEqual(['PERSON:峰哥']);
    expect(only('PERSON', '这事多亏强叔帮忙')).toEqual(['PERSON:强叔']);
    // …but a title word (王爷, a prince) or a doubled character (林林总总) is none.
    expect(found('那会他还只是个王爷')).toEqual([]);
    expect(found('林林总总的事情')).toEqual([]);
    // A handle that opens with a full name: people put their own name first.
    expect(only('PERSON', '@王小明爱吃鱼 快来看这个')).toEqual(['PERSON:王小明']);
    expect(found('@开心每一天 你好呀')).toEqual([]);
    // 伟 / 雯 / 雅 / 晨 are among the commonest given-name characters.
    expect(only('PERSON', '昨晚陈思雯发来一张照片，明天何雅来上班')).toEqual(['PERSON:陈思雯', 'PERSON:何雅']);
    expect(only('PERSON', '这个月林晨负责值班')).toEqual(['PERSON:林晨']);
  });
  it('a surname that closes an everyday word with the character before it starts no name', () => {
    // 一叶 / 青梅 / 宿管 are words: 叶孤舟, 梅枯, 管阿姨 are no names.
    expect(found('一叶孤舟在江上漂着')).toEqual([]);
    expect(found('青梅枯了，竹马老了')).toEqual([]);
    expect(found('宿管阿姨今天查房')).toEqual([]);
    // …but a preposition before the surname is no word with it (对|方芳), and a character that already closes a
    // word with the one before it (另外|孙某, 由于|王某) leaves the name alone.
    expect(only('PERSON', '他对方芳说了实话')).toEqual(['PERSON:方芳']);
    expect(only('PERSON', '另外孙殿英那个人')).toEqual(['PERSON:孙殿英']);
    expect(only('PERSON', '由于王芳请假，会议改期')).toEqual(['PERSON:王芳']);
  });
  it('everyday words that start with a surname character are no names', () => {
    expect(found('金秋好时节，一起去看龙舟赛')).toEqual([]);
    expect(found('我周边同学都支持韩流，骗人的话，我是王八！')).toEqual([]);
    expect(found('把黄酱倒入碗中，再加陈醋，还有金灿灿的油菜花')).toEqual([]);
    // Words that are also common names stay out of that list: 白雪 after a cue is a name.
    expect(only('PERSON', '联系人：白雪，电话见下')).toEqual(['PERSON:白雪']);
  });
  it('surname + one character that is a frequent pair is a name after a particle or verb of address', () => {
    expect(only('PERSON', '跟陈阳说一声，请问张三的考勤情况')).toEqual(['PERSON:陈阳', 'PERSON:张三']);
    // Without one it is still a word (周边环境, 温室气体) — covered above; 武德 is listed as a word.
    expect(found('他的武学与武德都很好')).toEqual([]);
  });
  it('decoration characters in nicknames delimit a name', () => {
    expect(only('PERSON', '晚安丶宋雨桐丶明天见')).toEqual(['PERSON:宋雨桐']);
    expect(only('PERSON', '冰凌灬张晓彤丶加油')).toEqual(['PERSON:张晓彤']);
    // 灬 is no given-name character (阿飞灬 is no name 飞灬): the nickname before it is 阿飞 (阿 + a name character).
    expect(found('阿飞灬大侠来了')).toEqual(['PERSON:阿飞']);
  });
  it('a two-character listed brand or place running into an everyday word is none', () => {
    expect(found('把黄金华夫饼切块，说了很多不吉利的话，加一勺豆瓣酱')).toEqual([]);
    expect(found('会使机内地线接通，拿任何一位倾国美女来比')).toEqual([]);
    expect(found('我在国美买的冰箱，金华火腿很好吃')).toEqual(['ORGANIZATION:国美', 'LOCATION:金华']);
  });
  it('a place inside a longer transliterated name is none; a residence named after a person is a place', () => {
    expect(found('当马里奥大叔得了极品装备')).toEqual([]);
    expect(found('伦敦奥运会开幕了，和丹麦比教育')).toEqual(['LOCATION:伦敦', 'LOCATION:丹麦']);
    expect(found('我们去了宋庆龄故居和鲁迅故里')).toEqual(['LOCATION:宋庆龄故居', 'LOCATION:鲁迅故里']);
  });
  it('generic place words that open other words, time words and stones name no place', () => {
    // 路人 / 路过 / 路上: 路 starts another word; 当年 is a time, not the proper part of a castle's name.
    expect(found('记者采访路人情侣，考生路过，回家路上遇到')).toEqual([]);
    expect(found('现在保留的是当年古堡废墟')).toEqual([]);
    // A stone named after a place (天河石) is a stone; 太湖|石头 stays the lake.
    expect(found('这是一款天河石，太湖石头很多')).toEqual(['LOCATION:太湖']);
    expect(found('从解放东路走')).toEqual(['LOCATION:解放东路']);
  });
  it('a proper part before a generic place word outranks a surname reading; a listed place keeps its own', () => {
    expect(found('去澳洲高宝河谷旅游')).toEqual(['LOCATION:澳洲', 'LOCATION:高宝河谷']);
    expect(found('能看看天安门广场吗，从虹桥机场出来')).toEqual(['LOCATION:天安门广场', 'LOCATION:虹桥机场']);
  });
  it('a long listed place or brand outranks a name-shaped reading inside it', () => {
    // 穆 is a surname and 朗 / 玛 could be given-name characters; 中海 is a brand inside 地中海.
    expect(found('我们在珠穆朗玛峰脚下拍照，除了高海拔，珠穆朗玛峰还很冷')).toEqual(['LOCATION:珠穆朗玛峰', 'LOCATION:珠穆朗玛峰']);
    expect(found('地中海气候夏天干燥')).toEqual(['LOCATION:地中海']);
    expect(found('洗发水还是欧莱雅好用')).toEqual(['ORGANIZATION:欧莱雅']);
  });
  it('a name that passes once is found at its other occurrences too', () => {
    expect(only('PERSON', '林悦说林悦的歌最好听')).toEqual(['PERSON:林悦', 'PERSON:林悦']);
  });
  it('everyday words of the same shapes are not names', () => {
    expect(only('PERSON', '哈哈哈，天天开心，妈妈说慢慢来')).toEqual([]);
    expect(only('PERSON', '小白也能学会的教程')).toEqual([]);
    expect(only('PERSON', '买了 2 张成人票')).toEqual([]);
    expect(only('PERSON', '祝博主新年快乐')).toEqual([]);
    // After a subject or a modal, 祝 / 向 / 管 before a title are the verb; 店小二 is a waiter; 阿阿 is a stutter.
    expect(found('我祝老师身体健康，同学们向老师问好，我管老师叫妈')).toEqual([]);
    expect(only('PERSON', '请转告祝老师明天开会，向老师是班主任')).toEqual(['PERSON:祝老师', 'PERSON:向老师']);
    expect(found('“小二，有什么好酒菜”')).toEqual([]);
    expect(only('PERSON', '转给阿阿宋@小明')).toEqual([]);
    expect(only('PERSON', '歡迎關注我們的新書')).toEqual([]);
    expect(only('PERSON', '感谢老师的帮助')).toEqual([]);
    expect(only('PERSON', '大哥你好，三姐应该先走，帅哥美女，表姐和空姐')).toEqual([]);
    expect(only('PERSON', '秋千、滑梯和跷跷板。')).toEqual([]);
    expect(only('PERSON', '数学老师布置了作业，各位同学，这位小姐，本小姐不去')).toEqual([]);
    // Two characters with nothing of a name before a title qualify it: 主治医生, 同班同学, 网课老师.
    expect(found('她的主治医生说，我同班同学是网课老师')).toEqual([]);
    // After a surname they are a rare given name and stay found (璋 / 珏 are no typical given-name characters).
    expect(only('PERSON', '请联系何璋珏先生')).toEqual(['PERSON:璋珏']);
    expect(only('PERSON', '概率不小于 0.9')).toEqual([]);
  });
});

describe('addresses', () => {
  it('Chinese address chains', () => {
    expect(only('ADDRESS', '收货地址：浙江省杭州市西湖区文三路478号华星大厦5楼')).toEqual(['ADDRESS:浙江省杭州市西湖区文三路478号华星大厦5楼']);
    expect(only('ADDRESS', '我住在北京市朝阳区建国路88号')).toEqual(['ADDRESS:北京市朝阳区建国路88号']);
  });
  it('English street addresses', () => {
    expect(only('ADDRESS', 'Ship to 221B Baker Street, London please')).toEqual(['ADDRESS:221B Baker Street, London']);
    expect(only('ADDRESS', 'office: 1600 Pennsylvania Avenue NW, Washington, DC 20500')).toEqual(['ADDRESS:1600 Pennsylvania Avenue NW, Washington, DC 20500']);
  });
  it('continental and military address shapes, one span from street to postcode', () => {
    // The country inside a street + unit + city + country + postcode block is part of the address, not a place of its own.
    expect(found('Send it to 412 Via dei Tigli 18\n Apt. 77\n Bellaria\n Italy 47814 please')).toEqual(['ADDRESS:412 Via dei Tigli 18\n Apt. 77\n Bellaria\n Italy 47814']);
    expect(only('ADDRESS', 'Drop it at 12 Tornyos Bence u. 7.\n Suite 5\n Kisvarda')).toEqual(['ADDRESS:12 Tornyos Bence u. 7.\n Suite 5\n Kisvarda']);
    expect(only('ADDRESS', 'The bus stops at 77 ul. Lipowa 14 St.')).toEqual(['ADDRESS:77 ul. Lipowa 14 St']);
    expect(only('ADDRESS', 'Meet at 9 rue des Lilas, then lunch.')).toEqual(['ADDRESS:9 rue des Lilas']);
    expect(only('ADDRESS', 'It is at Rua das Flores 1203.')).toEqual(['ADDRESS:Rua das Flores 1203']);
    expect(only('ADDRESS', 'The office is at 3112 4410 Harbor Road')).toEqual(['ADDRESS:3112 4410 Harbor Road']);
    expect(only('ADDRESS', 'Mail: USNS Calloway\nFPO AE 09512')).toEqual(['ADDRESS:USNS Calloway\nFPO AE 09512']);
    expect(only('ADDRESS', 'mail: psc 3301, box 4417\napo ap 96520')).toEqual(['ADDRESS:psc 3301, box 4417\napo ap 96520']);
    // A name-shaped second street is part of the corner, not a person.
    expect(found('We met at the corner of 18 Mill Street and Edwin Crescent.')).toEqual(['ADDRESS:the corner of 18 Mill Street and Edwin Crescent']);
    // "???" bullets of a pasted list do not break the address lines apart.
    expect(only('ADDRESS', '??? 55 Via Garibaldi 3\n??? Apt. 12\n??? Lecco')).toEqual(['ADDRESS:55 Via Garibaldi 3\n??? Apt. 12\n??? Lecco']);
  });
  it('near misses of those shapes are no addresses', () => {
    expect(only('ADDRESS', 'I sent it via email 24 hours ago')).toEqual([]);
    expect(only('ADDRESS', 'Put it in the corner of the room and leave it')).toEqual([]);
    expect(only('ADDRESS', 'USS Enterprise sailed in 1961 with FPO staff aboard')).toEqual([]);
    expect(only('ADDRESS', 'Chapter 12 and Appendix 3 cover it')).toEqual([]);
  });
});

describe('organisations and locations', () => {
  it('organisations by suffix and gazetteer', () => {
    expect(only('ORGANIZATION', 'I work at Careset Systems now')).toEqual(['ORGANIZATION:Careset Systems']);
    expect(only('ORGANIZATION', '他在杭州阿里巴巴网络技术有限公司上班')).toEqual(['ORGANIZATION:杭州阿里巴巴网络技术有限公司']);
    // Judgements and kinds before a suffix describe, they name no organisation.
    expect(only('ORGANIZATION', '深圳真的不少垃圾公司，他在一家上市公司上班，跨国公司也不错')).toEqual([]);
    // A listed name is not run on over the words before it, and an org suffix right after it stays with it.
    expect(only('ORGANIZATION', '我觉得浙江大学很好，亚马逊公司发布了财报')).toEqual(['ORGANIZATION:浙江大学', 'ORGANIZATION:亚马逊公司']);
    expect(only('ORGANIZATION', '腾讯发布了新游戏')).toEqual(['ORGANIZATION:腾讯']);
    expect(only('ORGANIZATION', '他在恒信公司上班')).toEqual(['ORGANIZATION:恒信公司']);
    expect(only('ORGANIZATION', '我平时在土豆网看视频')).toEqual(['ORGANIZATION:土豆网']);
    // A common word before the suffix describes a company; 上网 is no website.
    expect(only('ORGANIZATION', '这是普通公司')).toEqual([]);
    expect(only('ORGANIZATION', '家里刚装好宽带可以上网了')).toEqual([]);
    expect(only('ORGANIZATION', '这个网站很好用，网友都说好')).toEqual([]);
    // A place opening the name stays a place of its own; a registered legal name keeps its city.
    expect(found('联系@南京市动物救助驿站')).toEqual(['LOCATION:南京市', 'ORGANIZATION:动物救助驿站']);
    // A place ending in a stop character (都 "all" in 成都) still opens the name.
    expect(found('联系@成都市动物救助驿站')).toEqual(['LOCATION:成都市', 'ORGANIZATION:动物救助驿站']);
    // Province and city before the name each stay a place of their own.
    expect(found('联系@广西南宁市青松动物救助驿站')).toEqual(['LOCATION:广西', 'LOCATION:南宁市', 'ORGANIZATION:青松动物救助驿站']);
    // …but not when only a common word would remain before the suffix (大厦 names no hotel).
    expect(found('我们约好去北京江苏大厦酒店住宿')).toEqual(['LOCATION:北京', 'ORGANIZATION:江苏大厦酒店']);
    // A verb or preposition before the name is not part of it, also further in (宣布|收购|…).
    expect(only('ORGANIZATION', '他们宣布收购东方时报公司的股份')).toEqual(['ORGANIZATION:东方时报公司']);
    expect(found('据英国某某大学研究所的报告')).toEqual(['LOCATION:英国', 'ORGANIZATION:某某大学研究所']);
    // 和 "and" ends a name, except inside a word (协和).
    expect(found('他在北京协和医院工作')).toEqual(['LOCATION:北京', 'ORGANIZATION:协和医院']);
    // 网 closing a word with a verb (上网, 落网) or starting one (网厅, 网游) is no website.
    expect(found('我爷爷长期上网看新闻，小偷昨天落网了')).toEqual([]);
    expect(only('ORGANIZATION', '在我们县的网厅办理业务')).toEqual([]);
    // Social-media account words and a leading verb are not part of the name.
    expect(only('ORGANIZATION', '关注白鹭文具官方微博参加抽奖')).toEqual(['ORGANIZATION:白鹭文具']);
    expect(only('ORGANIZATION', '关注青禾官方微信')).toEqual(['ORGANIZATION:青禾']);
    // Universities' short names, news sites and teams.
    expect(only('ORGANIZATION', '我是川大的学生，常看界面新闻')).toEqual(['ORGANIZATION:川大', 'ORGANIZATION:界面新闻']);
    // Gazetteer names inside other words: 中国足球 is not 国足, 一汽车 not 一汽.
    expect(only('ORGANIZATION', '中国足球加油，有一汽车开过来')).toEqual([]);
  });
  it('locations from the gazetteer', () => {
    expect(only('LOCATION', 'flying from New Zealand to Berlin')).toEqual(['LOCATION:New Zealand', 'LOCATION:Berlin']);
    expect(only('LOCATION', '下周去雅安出差')).toEqual(['LOCATION:雅安']);
    expect(only('LOCATION', '下周去上海出差')).toEqual(['LOCATION:上海']);
    // World cities, regions and cities' nicknames; everyday words of the same characters are no places.
    expect(only('LOCATION', '我在魔都工作，明年去布拉格和多哈')).toEqual(['LOCATION:魔都', 'LOCATION:布拉格', 'LOCATION:多哈']);
    expect(only('LOCATION', '苏北和皖南的方言不一样')).toEqual(['LOCATION:苏北', 'LOCATION:皖南']);
    expect(found('中午吃汉堡和比萨，喝淡水')).toEqual([]);
    expect(found('北极熊很可爱，天涯海角也要找到你')).toEqual([]);
    // City areas; a later entry must not start inside another word (彩虹|桥 is no 虹桥).
    expect(only('LOCATION', '周末去五角场，下周去光谷')).toEqual(['LOCATION:五角场', 'LOCATION:光谷']);
    expect(found('参赛作品彩虹桥上有彩虹')).toEqual([]);
  });
  it('county-level places: with their suffix, or after a verb or preposition of place', () => {
    expect(only('LOCATION', '周末来荔波旅游，老家在嘉鱼县')).toEqual(['LOCATION:荔波', 'LOCATION:嘉鱼县']);
    // Without a suffix or a locative verb a county's short name is just a word or part of a name (东坡肉).
    expect(only('LOCATION', '一品东坡肉很好吃')).toEqual([]);
    // A name of three characters or more is no everyday word: found without a cue (山海关), not inside a word.
    expect(only('LOCATION', '投资不过山海关')).toEqual(['LOCATION:山海关']);
  });
  it('Chinese place names built on a generic place word (proper part + 县 / 古镇 / 路 / 公园 …)', () => {
    expect(only('LOCATION', '暑假我们去了广西的黄姚古镇')).toEqual(['LOCATION:广西', 'LOCATION:黄姚古镇']);
    expect(only('LOCATION', '老家在吉林省梨树县')).toEqual(['LOCATION:吉林省', 'LOCATION:梨树县']);
    // A direction before 路 belongs to the generic part.
    expect(only('LOCATION', '他在建设路和解放东路交叉口等车')).toEqual(['LOCATION:建设路', 'LOCATION:解放东路']);
    expect(only('LOCATION', '明天去樱花公园散步，新建的滨海大道也通车了')).toEqual(['LOCATION:樱花公园', 'LOCATION:滨海大道']);
    // Common words that end in a generic place word, or start another word with it, are no places.
    expect(found('这条马路太窄了，高速公路也堵')).toEqual([]);
    expect(found('我们换一条新的思路线')).toEqual([]);
    expect(found('城乡差距和乡镇企业')).toEqual([]);
    expect(found('她是个很有江湖气的人')).toEqual([]);
    // Particles, pronouns and measure words are no proper part: 这个县, 我们镇.
    expect(found('从我们县到他们镇')).toEqual([]);
    expect(only('LOCATION', '周末去工人体育场看球')).toEqual(['LOCATION:工人体育场']);
    // A three-character proper part standing alone after a verb or particle is taken whole.
    expect(only('LOCATION', '我们从回龙观公园出发')).toEqual(['LOCATION:回龙观公园']);
    // Everyday words the background statistics see too rarely: 道路, 山路, 冰镇; 完 / 点 are no proper part.
    expect(found('年轻人寻找自己的人生道路')).toEqual([]);
    expect(found('夏天喝冰镇饮料，沿着陡峭山路攀登')).toEqual([]);
    expect(found('逛完公园回家，再折腾点路')).toEqual([]);
    // A known place before a generic place word names the smaller place; 路过 is no road.
    expect(only('LOCATION', '长江大桥很壮观，南京东路很热闹')).toEqual(['LOCATION:长江大桥', 'LOCATION:南京东路']);
    expect(only('LOCATION', '他从上海路过')).toEqual(['LOCATION:上海']);
    // Wind directions in a weather report and 东南西北 (every direction) name no region.
    expect(found('明天东北风三到四级，东南西北都是雨')).toEqual([]);
    expect(only('LOCATION', '他下周去东北出差')).toEqual(['LOCATION:东北']);
  });
});
