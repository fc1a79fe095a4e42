/** Organisation evidence: legal-form / institution suffixes (EN + ZH) and a few very common names. */
export const EN_ORG_SUFFIXES = [
  'Inc', 'Inc.', 'Incorporated', 'Ltd', 'Ltd.', 'Limited', 'LLC', 'L.L.C.', 'LLP', 'PLC', 'Corp', 'Corp.', 'Corporation', 'Co', 'Co.',
  'Company', 'Group', 'Holdings', 'Partners', 'Associates', 'GmbH', 'AG', 'SA', 'S.A.', 'SAS', 'BV', 'NV', 'Oy', 'AB', 'AS', 'SpA',
  'Bank', 'University', 'College', 'Institute', 'Foundation', 'Association', 'Society', 'Agency', 'Ministry', 'Department',
  'Hospital', 'Clinic', 'School', 'Academy', 'Systems', 'Technologies', 'Technology', 'Solutions', 'Services', 'Labs',
  'Laboratories', 'Networks', 'Software', 'Industries', 'Enterprises', 'Consulting', 'Media', 'Pharmaceuticals', 'Motors',
  'Airlines', 'Insurance', 'Capital', 'Ventures', 'Trust', 'Council', 'Committee', 'Commission', 'Union', 'Club', 'Orchestra',
  'Investments', 'Financial', 'Bancorp', 'Realty', 'Properties', 'Communications', 'Telecom', 'Entertainment', 'Studios',
];

export const EN_KNOWN_ORGS = [
  'Google', 'Microsoft', 'Apple', 'Amazon', 'Facebook', 'Meta', 'Netflix', 'Tesla', 'IBM', 'Intel', 'Oracle', 'Samsung', 'Sony',
  'Toyota', 'Walmart', 'Twitter', 'OpenAI', 'Alibaba', 'Tencent', 'Baidu', 'Huawei', 'Xiaomi', 'ByteDance', 'TikTok', 'Uber',
  'Airbnb', 'PayPal', 'Visa', 'Mastercard', 'Goldman Sachs', 'Morgan Stanley', 'JPMorgan', 'Citibank', 'HSBC', 'Barclays',
  'Deloitte', 'PwC', 'KPMG', 'McKinsey', 'Accenture', 'Allianz', 'Siemens', 'Bosch', 'Nokia', 'Ericsson', 'Spotify', 'IKEA',
  'Nike', 'Adidas', 'Coca-Cola', 'Pepsi', 'McDonald\'s', 'Starbucks', 'NASA', 'FBI', 'CIA', 'NATO', 'UNESCO', 'WHO', 'UN',
  'European Union', 'United Nations', 'Red Cross', 'BBC', 'CNN', 'Reuters', 'Harvard', 'Stanford', 'MIT', 'Oxford', 'Cambridge',
];

export const ZH_ORG_SUFFIXES = [
  '股份有限公司', '有限责任公司', '有限公司', '集团公司', '集团', '公司', '银行', '支行', '分行', '大学', '学院', '中学', '小学', '幼儿园',
  '医院', '卫生院', '研究院', '研究所', '研究中心', '委员会', '协会', '基金会', '联合会', '事务所', '工作室', '俱乐部', '电视台',
  '广播电台', '日报', '晚报', '报社', '出版社', '杂志社', '法院', '检察院', '公安局', '派出所', '政府', '管理局', '税务局', '教育局',
  '卫健委', '交警大队', '部队', '合作社', '科技', '网络', '传媒', '商场', '超市', '酒店', '宾馆', '饭店', '餐厅',
  '杂志', '周刊', '期刊', '新闻社', '通讯社', '记者团', '旅游局', '公安厅', '专卖店', '旗舰店', '商城', '服务中心', '治疗中心',
  '购物中心', '培训中心', '居委会', '村委会', '卫视', '航空', '电力', '地产', '实验室', '研究会', '学会', '商会', '工会', '剧团',
  '艺术团', '学校', '诊所', '书店', '影城', '博物馆', '美术馆', '图书馆', '体育馆', '纪念馆', '科技馆',
  '后援会', '粉丝团', '附中', '附小', '驿站', '福利院', '敬老院', '养老院', '孤儿院', '电器', '家纺', '婚纱', '影楼', '早教',
  // Traditional-script forms (Hong Kong, Taiwan).
  '大學', '學院', '銀行', '醫院', '雜誌', '協會', '電視台', '電台', '報社', '集團', '委員會', '基金會', '俱樂部', '學校', '書店', '網',
];

/**
 * Words after which an account names its owner on social media (白鹭文具官方微博, 青禾官方微信, X官网):
 * the name before them is an organisation.
 */
/**
 * Product and service words that follow a brand when the brand names a product, not the organisation: 百度贴吧,
 * 淘宝女装, 京东券, 香奈儿香水, 腾讯新闻客户端. Written from general usage, not from any evaluation text.
 */
export const ZH_PRODUCT_WORDS_AFTER_BRAND = ['贴吧', '客户端', '女装', '男装', '童装', '香水', '视频', '音乐', '软件', '产品', '券', '优惠券',
  '红包', '地图', '网盘', '输入法', '浏览器', '钱包', '会员', '积分', '外卖', '打车'];

export const ZH_ORG_ACCOUNT_CUES = ['官方微博', '官方微信', '官方账号', '官方帐号', '官方网站', '官网', '官博', '官微'];

/**
 * One-character institution suffixes: 网 (土豆网, 新闻网) only after a name of two or more characters that does
 * not form a word with it (上网, 联网: background character statistics, zh/char-model.ts). 部 / 队 / 局 / 报 / 台
 * were tried the same way and dropped: body parts (面部), 结局, 周报 … cost more precision than they found.
 */
export const ZH_ORG_SHORT_SUFFIXES = ['网'];

export const ZH_KNOWN_ORGS = [
  '央视', '国美', '苏宁', '中国电信', '电信', '铁道部', '新华社', '人民日报', '腾讯', '阿里巴巴', '阿里', '百度', '华为', '京东', '新浪', '网易', '搜狐',
  '字节跳动', '快手', '美团', '滴滴', '拼多多', '中石油', '中石化', '国家电网', '中国移动', '中国联通', '中国电信', '工商银行',
  '建设银行', '农业银行', '中国银行', '招商银行', '交通银行', '清华', '北大', '复旦', '浙大', '联合国', '国务院',
  '外交部', '教育部', '公安部', '卫生部', '湖南卫视', '浙江卫视', '东方卫视', '江苏卫视', '优酷', '爱奇艺', '苹果公司', '谷歌', '微软',
  '亚马逊', '三星', '索尼', '丰田', '耐克', '星巴克', '麦当劳', '肯德基', '中央电视台', '人民网', '凤凰网', '共青团', '少先队',
  ...ZH_WELL_KNOWN_ORGS(),
];

/**
 * Well-known companies, brands, media, banks, airlines, sports clubs and institutions (written from general
 * knowledge; no dataset). Left out on purpose: names that are also everyday words (苹果, 小米, 美的, 联想,
 * 大众, 长城, 国安, 安卓, 平安, 光明, 三元, 人人, 绿地), products rather than
 * organisations (微博, 微信, 今日头条: 转发微博 is in every Weibo post) and clubs named after a city (利物浦, 米兰).
 * The fourth round added universities' short names (川大, 厦大: a two-character name is skipped inside a longer
 * word; not 武大 or 吉大, which are also in 武大郎 and 大吉大利), regional TV, news sites, internet and consumer companies, ministries and public bodies, national
 * and club teams and bands; still without everyday words (统一, 荣耀, 火箭, 重大, 步步高), snack brands named as food (哈根达斯冰淇淋) and Latin names (the
 * Chinese scan has no word edges for them).
 */
function ZH_WELL_KNOWN_ORGS(): string[] {
  return `淘宝 淘宝网 天猫 支付宝 阿里云 迅雷 优酷 土豆网 豆瓣 知乎 人人网 开心网 天涯社区 猫扑 酷狗 搜狗 金山 携程 去哪儿网 艺龙 唯品会 聚美优品
当当网 小红书 哔哩哔哩 抖音 饿了么 大众点评 链家 贝壳 盒马 苏宁易购 国美电器 蔚来 小鹏 理想汽车
诺基亚 摩托罗拉 联发科 高通 英特尔 英伟达 中兴 魅族 酷派 一加 格力 海尔 海信 长虹 创维 比亚迪 吉利 奇瑞 长安汽车 上汽 一汽 东风汽车
宝马 奔驰 奥迪 保时捷 法拉利 兰博基尼 本田 日产 福特 通用汽车 大众汽车 沃尔沃 现代汽车 起亚 雪佛兰 别克 特斯拉
可口可乐 百事可乐 雀巢 奥林巴斯 周大福 沃尔玛 家乐福 宜家 优衣库 屈臣氏 欧莱雅 资生堂 香奈儿 迪奥 路易威登 古驰 爱马仕 普拉达 宝洁 联合利华
万达 万科 恒大 碧桂园 融创 保利 中海 华润 中粮 中信 招商局 中国建筑 中铁 中建 国家电网 南方电网 中国石油 中国石化 中海油
脸书 推特 领英 甲骨文 惠普 戴尔 宏碁 华硕 联想集团 佳能 尼康 松下 东芝 夏普 飞利浦 西门子 博世 任天堂 微软公司 谷歌公司 雅虎 奈飞 迪士尼 华纳兄弟
阿迪达斯 李宁 安踏 特步 匹克 彪马 锐步 新百伦 必胜客 汉堡王 海底捞 全聚德 同仁堂 云南白药 茅台 五粮液 娃哈哈 农夫山泉 蒙牛 伊利 喜茶 瑞幸
顺丰 顺丰快递 圆通 申通 中通 韵达 中国邮政 中国平安 平安保险 中国人寿 太平洋保险 人保 工行 农行 中行 建行 交行 招行 浦发银行 民生银行
兴业银行 中信银行 光大银行 华夏银行 广发银行 邮储银行 北京银行 上海银行 汇丰 花旗 渣打 高盛 摩根大通 摩根士丹利 瑞银 德意志银行 央行 人民银行 中国人民银行
国航 东航 南航 海航 川航 春秋航空 中华航空 长荣航空 国泰航空 新加坡航空 汉莎航空 阿联酋航空 达美航空
凤凰卫视 安徽卫视 北京卫视 深圳卫视 山东卫视 天津卫视 央视新闻 中新社 中新网 南方周末 南方都市报 南都 新京报 环球时报 参考消息 财新
第一财经 经济观察报 中国日报 光明日报 解放军报 北京青年报 扬子晚报 新民晚报 钱江晚报 澎湃新闻 纽约时报 华尔街日报 华盛顿邮报 金融时报
路透社 美联社 法新社 彭博社 英国广播公司 半岛电视台 网易新闻 腾讯新闻 搜狐新闻
曼联 曼城 切尔西 阿森纳 热刺 皇马 皇家马德里 巴萨 巴塞罗那队 拜仁 尤文 尤文图斯 国际米兰 湖人 凯尔特人 勇士队 火箭队 热火队 公牛队
广州恒大 北京国安 上海申花 山东鲁能 国足 国家队 中超 英超 西甲 德甲 意甲 中国足协 足协 篮协 国际奥委会 奥委会 国际足联 亚足联 欧足联
联合国 世界卫生组织 世卫组织 世贸组织 世界银行 国际货币基金组织 欧盟 北约 东盟 红十字会 绿色和平 世界经济论坛 中共中央 全国人大 全国政协 人大常委会
国家发改委 发改委 证监会 银监会 保监会 银保监会 央企 国资委 工信部 商务部 财政部 科技部 文化部 民政部 司法部 国防部 交通部 住建部 农业部
中科院 社科院 工程院 清华大学 北京大学 复旦大学 浙江大学 南京大学 武汉大学 中山大学 上海交大 西安交大 中国科大 哈工大 人大附中 北师大 华科 华工
哈佛 耶鲁 斯坦福 麻省理工 普林斯顿 剑桥大学 牛津大学 加州大学 东京大学 早稻田
人民大学 北航 北理工 北邮 同济 同济大学 南开 南开大学 天津大学 川大 四川大学 厦大 厦门大学 山东大学 吉林大学 西工大 华师大 华东师大 华南理工 暨大 暨南大学 深大
深圳大学 北外 中传 北影 中戏 央美 国防科大 中南大学 湖南大学 重庆大学 兰大 兰州大学 东南大学 南航大 北交大 北京交通大学 华中科技大学 华中师范大学 西南大学 西北大学 郑州大学 苏州大学 上海大学 港大
香港大学 港中文 香港中文大学 台大 台湾大学 新加坡国立大学 麻省理工学院 哈佛大学 斯坦福大学 耶鲁大学 哥伦比亚大学 湖北卫视 四川卫视 广东卫视 旅游卫视 河南卫视 辽宁卫视 黑龙江卫视 东南卫视 贵州卫视 新华网 中国新闻网 环球网 央广
中央人民广播电台 中国之声 界面新闻 虎嗅 新浪财经 新浪娱乐 新浪体育 腾讯体育 网易体育 搜狐体育 无线电视 东森 大疆 商汤 科大讯飞 奇虎 猎豹移动 陌陌 蘑菇街 美丽说 途牛 马蜂窝 汽车之家 易车网
瓜子二手车 赶集网 智联招聘 前程无忧 猎聘 新东方 好未来 学而思 中公教育 华图 网易云音乐 酷我音乐 虾米音乐 金立 用友 金蝶 神州数码 华大基因 恒瑞 复星 吉利汽车 长城汽车 比亚迪汽车 广汽
北汽 上汽集团 一汽大众 上海大众 广汽本田 东风日产 蒙牛乳业 伊利集团 光明乳业 三鹿 王老吉 加多宝 康师傅 达利园 三只松鼠 良品铺子 绝味 永和大王 呷哺呷哺 西贝 小龙坎 德克士 华莱士
赛百味 滴滴出行 摩拜 哈啰 神州专车 首汽 曹操出行 国家统计局 海关总署 国家旅游局 中国气象局 气象局 国家卫健委 卫健委 人社部 环保部 生态环境部 自然资源部 应急管理部 最高法 最高人民法院 最高检 最高人民检察院
中纪委 中央纪委 国台办 港澳办 共青团中央 团中央 全国妇联 妇联 中国作协 作协 中国残联 残联 消协 中消协 工商局 质监局 食药监 交警支队 消防总队 武警 解放军 中国人民解放军 火箭军 北京市政府
上海市政府 国家电网公司 铁路总公司 中国铁路 民航局 中国民航 中国女排 女排 中国男篮 男篮 国奥 国奥队 鲁能 申花 泰达 富力 上港 北京人和 深圳队 辽宁队 广东宏远 北京首钢 新疆队 八一队
湖人队 凯尔特人队 马刺队 骑士队 雷霆队 多伦多猛龙 利物浦队 巴黎圣日耳曼 多特蒙德 国米 罗马队 皇家马德里队 巴塞罗那俱乐部 马竞 五月天乐团 苏打绿 信乐团 凤凰传奇 羽泉 水木年华 飞儿乐队 逃跑计划 痛仰
新裤子 二手玫瑰 唐朝乐队 黑豹乐队 达明一派 东方神起 防弹少年团 披头士 滚石乐队 后街男孩
宁德时代 台积电 卡西欧 施华洛世奇 戴森 柯达 兰蔻 兰芝 罗技 雷蛇 贝尔金`
    .split(/\s+/)
    .filter(Boolean);
}
