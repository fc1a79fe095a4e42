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
];

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
];
