/**
 * Synthetic PII test text, Chinese and English, with gold spans: customer-service chats, forms and logs that
 * contain VALID identifiers (spans) next to INVALID ones (wrong check digit — no span) and near-misses
 * (order numbers, timestamps, versions — no span). Deterministic for a seed.
 *
 * EVALUATION ONLY: never train on this output (it would teach a model our own templates).
 *
 *   npx tsx datasets/pii/generate.ts --n 2000 --seed 1 --out /tmp/pii-synth.jsonl
 *   npx tsx datasets/pii/generate.ts --regional --n 400     # Hong Kong / Macau / Taiwan identifiers instead
 */
import { writeFileSync } from 'node:fs';
import * as id from './identifiers.js';
import type { Rng } from './identifiers.js';
import { luhn } from '../../guardrails/pii/validators.js';
import { EN_FIRST_NAMES, EN_SURNAMES } from '../../guardrails/pii/dictionaries/en-names.js';
import { ZH_GIVEN_NAME_CHARS, ZH_NOT_IN_GIVEN_NAME } from '../../guardrails/pii/dictionaries/zh-names.js';

export interface GoldSpan {
  start: number;
  end: number;
  type: string;
}
export interface SyntheticRecord {
  id: string;
  lang: 'en' | 'zh';
  scenario: string;
  text: string;
  spans: GoldSpan[];
}

// Held-out name pools: every given name, family name and Chinese given-name character below that the
// detector's dictionaries know (guardrails/pii/dictionaries: EN_FIRST_NAMES, EN_SURNAMES, ZH_GIVEN_NAME_CHARS)
// is filtered out, so the names in this corpus are ones the recognizers have never listed — the figure
// measures generalisation, not dictionary lookup. (Chinese surnames are a closed class, the 百家姓 list, and
// stay shared: a name without a known surname is not findable by design.)
const heldOut = (pool: readonly string[], known: (name: string) => boolean) => pool.filter((n) => !known(n));
const ZH_SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严欧阳司马诸葛';
export const ZH_GIVEN_HELD_OUT = heldOut(
  [...'晗彤昭琛珂璟韵朗睿淼钧尧岚澜渊筠絮黛宸弈翊昀晏珏妤瑄煊萍若子伟澄沐予钦屹峻崇巍骞湛澈璞琰瑗珩璋琮骥芊苡沅汐湘蓁'],
  (c) => ZH_GIVEN_NAME_CHARS.has(c) || ZH_NOT_IN_GIVEN_NAME.has(c),
);
export const EN_GIVEN_HELD_OUT = heldOut(
  ['Oliver', 'Amelia', 'Priya', 'Mateo', 'Chloe', 'Dmitri', 'Aisha', 'Lukas', 'Sofia', 'Kenji', 'Fatima', 'Liam', 'Ingrid', 'Tomasz', 'Yara', 'Noah', 'Elif', 'Carlos', 'Hannah', 'Arjun', 'Zoe', 'Mikael', 'Nadia', 'Ethan', 'Leilani', 'Bjorn', 'Camila', 'Declan', 'Anouk', 'Rahul',
    'Thandiwe', 'Oisin', 'Saoirse', 'Ksenia', 'Radomir', 'Ifeoma', 'Chidi', 'Tariq', 'Yusra', 'Kalani', 'Mirela', 'Teodor', 'Lorcan', 'Ailbhe', 'Zofia', 'Henrike', 'Sindre', 'Ragnhild', 'Nikhil', 'Sunniva', 'Eamon', 'Cosimo', 'Ottilie', 'Jarrah', 'Anahera', 'Wiremu', 'Keoni', 'Malak', 'Dagny', 'Vesna', 'Branimir', 'Ilse', 'Femke', 'Joaquim', 'Ximena', 'Itzel'],
  (n) => EN_FIRST_NAMES.has(n.toLowerCase()) || EN_SURNAMES.has(n.toLowerCase()),
);
export const EN_FAMILY_HELD_OUT = heldOut(
  ['Smith', 'Okafor', 'Nguyen', 'Kowalski', 'Haddad', 'Lindqvist', 'Moreau', 'Tanaka', 'Fernandes', 'Brennan', 'Schultz', 'Castillo', 'Petrov', 'Mensah', 'Duarte', 'Whitfield', 'Abernathy', 'Kaur', 'Novak', 'Richter', 'Ibrahim', 'Larsen', 'Oyelaran', 'Varga', 'Delacroix',
    'Okonkwo', 'Adeyemi', 'Nakashima', 'Bergstrom', 'Halloran', 'Achterberg', 'Quispe', 'Oduya', 'Rautio', 'Haugland', 'Kaczmarek', 'Vukovic', 'Tshabalala', 'Ravensworth', 'Pemberton', 'Ashdown', 'Lindholm', 'Moravec', 'Danjuma', 'Ogunleye', 'Iwasaki', 'Zielinski'],
  (n) => EN_FIRST_NAMES.has(n.toLowerCase()) || EN_SURNAMES.has(n.toLowerCase()),
);
const ZH_GIVEN = ZH_GIVEN_HELD_OUT.join('');
const EN_GIVEN = EN_GIVEN_HELD_OUT;
const EN_FAMILY = EN_FAMILY_HELD_OUT;
const ZH_ROADS = ['文三路', '建国路', '中山路', '人民路', '解放大道', '南京东路', '淮海中路', '科技园南路', '长江路', '学院路', '天府大道', '延安西路'];
const ZH_AREAS: Array<[string, string, string]> = [['浙江省', '杭州市', '西湖区'], ['广东省', '深圳市', '南山区'], ['江苏省', '南京市', '鼓楼区'], ['', '北京市', '朝阳区'], ['', '上海市', '浦东新区'], ['四川省', '成都市', '武侯区'], ['湖北省', '武汉市', '洪山区'], ['山东省', '青岛市', '市南区']];
const EN_STREETS = ['Maple', 'Oak', 'Harbor', 'Cedar', 'Lincoln', 'Sunset', 'Riverside', 'Elm', 'Highland', 'Park'];
const EN_SUFFIX = ['Street', 'Avenue', 'Road', 'Lane', 'Drive', 'Boulevard'];
const EN_CITIES = ['Springfield', 'Portland', 'Austin', 'Denver', 'Madison', 'Burlington'];
const ZH_BRANDS = ['星河', '云帆', '华创', '启明', '蓝海', '恒信', '博远', '智联', '瑞丰', '天成'];
const ZH_ORG_KINDS = ['科技有限公司', '网络技术有限公司', '贸易有限公司', '医疗器械有限公司', '信息科技股份有限公司'];
const EN_ORG_KINDS = ['Inc.', 'LLC', 'Ltd', 'Holdings', 'Systems', 'Group'];

type Slot = (rng: Rng) => { value: string; type?: string };

const slots: Record<string, Slot> = {
  ZH_PERSON: (r) => ({ value: (r() < 0.05 ? id.pick(r, ['欧阳', '司马', '诸葛']) : id.pick(r, ZH_SURNAMES.slice(0, -6).split(''))) + Array.from({ length: id.int(r, 1, 2) }, () => id.pick(r, ZH_GIVEN.split(''))).join(''), type: 'PERSON' }),
  EN_PERSON: (r) => ({ value: `${id.pick(r, EN_GIVEN)} ${id.pick(r, EN_FAMILY)}`, type: 'PERSON' }),
  CN_MOBILE: (r) => {
    const m = id.cnMobile(r);
    const style = id.int(r, 0, 3);
    const value = style === 0 ? m : style === 1 ? `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}` : style === 2 ? `+86 ${m}` : `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`;
    return { value, type: 'PHONE_NUMBER' };
  },
  CN_LANDLINE: (r) => ({ value: id.cnLandline(r), type: 'PHONE_NUMBER' }),
  US_PHONE: (r) => ({ value: `(${id.pick(r, ['212', '415', '617', '312', '206', '303'])}) ${id.int(r, 200, 999)}-${id.digits(r, 4)}`, type: 'PHONE_NUMBER' }),
  INTL_PHONE: (r) => ({ value: id.pick(r, ['+44 20 7946 ', '+49 30 901820', '+33 1 42 68 ', '+81 3 3224 ']) + id.digits(r, 4), type: 'PHONE_NUMBER' }),
  EMAIL: (r) => ({ value: `${id.pick(r, ['zhang.wei', 'li_na88', 'j.okafor', 'mateo.c', 'service', 'priya.k'])}${id.int(r, 1, 999)}@${id.pick(r, ['qq.com', '163.com', 'gmail.com', 'example.org', 'corp.example.cn'])}`, type: 'EMAIL_ADDRESS' }),
  CARD: (r) => {
    const c = id.paymentCard(r);
    return { value: r() < 0.5 ? c : id.groupCard(c, id.pick(r, [' ', '-'])), type: 'CREDIT_CARD' };
  },
  BAD_CARD: (r) => ({ value: id.groupCard(id.paymentCard(r, false, id.pick(r, ['visa', 'mastercard', 'amex'] as const)), ' ') }),
  CN_ID: (r) => ({ value: id.cnResidentId(r), type: 'CN_RESIDENT_ID' }),
  BAD_CN_ID: (r) => ({ value: id.cnResidentId(r, false) }),
  USCC: (r) => ({ value: id.cnUscc(r), type: 'CN_USCC' }),
  BAD_USCC: (r) => ({ value: id.cnUscc(r, false) }),
  IBAN: (r) => ({ value: id.iban(r), type: 'IBAN_CODE' }),
  BAD_IBAN: (r) => ({ value: id.iban(r, false) }),
  SSN: (r) => ({ value: id.usSsn(r), type: 'US_SSN' }),
  BAD_SSN: (r) => ({ value: id.usSsn(r, false) }),
  IP: (r) => ({ value: r() < 0.8 ? id.ipv4(r) : id.ipv6(r), type: 'IP_ADDRESS' }),
  MAC: (r) => ({ value: Array.from({ length: 6 }, () => id.int(r, 16, 255).toString(16).toUpperCase()).join(':'), type: 'MAC_ADDRESS' }),
  PLATE: (r) => ({ value: id.cnPlate(r), type: 'CN_LICENSE_PLATE' }),
  PASSPORT: (r) => ({ value: id.cnPassport(r), type: 'PASSPORT' }),
  DOB_ZH: (r) => ({ value: `${id.int(r, 1955, 2004)}年${id.int(r, 1, 12)}月${id.int(r, 1, 28)}日`, type: 'DATE_OF_BIRTH' }),
  DOB_EN: (r) => ({ value: `${id.int(r, 1955, 2004)}-${String(id.int(r, 1, 12)).padStart(2, '0')}-${String(id.int(r, 1, 28)).padStart(2, '0')}`, type: 'DATE_OF_BIRTH' }),
  // Account numbers (not cards): made Luhn-invalid so they are not also valid card numbers.
  BANK_ACCOUNT: (r) => {
    let value = `6217${id.digits(r, 15)}`;
    while (luhn(value)) value = `6217${id.digits(r, 15)}`;
    return { value, type: 'BANK_ACCOUNT' };
  },
  ZH_BANK: (r) => ({ value: id.pick(r, ['招商银行', '工商银行', '中国银行', '建设银行']), type: 'ORGANIZATION' }),
  AWS_KEY: (r) => ({ value: id.awsKey(r), type: 'CLOUD_ACCESS_KEY' }),
  ALIYUN_KEY: (r) => ({ value: id.aliyunKey(r), type: 'CLOUD_ACCESS_KEY' }),
  OPENAI_KEY: (r) => ({ value: id.openaiKey(r), type: 'API_TOKEN' }),
  GITHUB_TOKEN: (r) => ({ value: id.githubToken(r), type: 'API_TOKEN' }),
  JWT: (r) => ({ value: id.jwt(r), type: 'JWT' }),
  PASSWORD: (r) => ({ value: id.randomToken(r, id.int(r, 8, 14)) + id.pick(r, ['!', '@', '#', '9']), type: 'PASSWORD' }),
  ZH_ADDRESS: (r) => {
    const [p, c, d] = id.pick(r, ZH_AREAS);
    return { value: `${p}${c}${d}${id.pick(r, ZH_ROADS)}${id.int(r, 1, 999)}号${r() < 0.5 ? `${id.int(r, 1, 20)}栋${id.int(r, 101, 2505)}室` : ''}`, type: 'ADDRESS' };
  },
  EN_ADDRESS: (r) => ({ value: `${id.int(r, 10, 9999)} ${id.pick(r, EN_STREETS)} ${id.pick(r, EN_SUFFIX)}${r() < 0.4 ? `, Apt ${id.int(r, 1, 40)}` : ''}, ${id.pick(r, EN_CITIES)}`, type: 'ADDRESS' }),
  ZH_ORG: (r) => ({ value: `${id.pick(r, ['杭州', '深圳', '北京', '上海', '成都'])}${id.pick(r, ZH_BRANDS)}${id.pick(r, ZH_ORG_KINDS)}`, type: 'ORGANIZATION' }),
  EN_ORG: (r) => ({ value: `${id.pick(r, EN_FAMILY)} ${id.pick(r, ['Analytics', 'Logistics', 'Biotech', 'Capital', 'Design'])} ${id.pick(r, EN_ORG_KINDS)}`, type: 'ORGANIZATION' }),
  // Hong Kong, Macau and Taiwan identifiers (the regional templates only).
  HKID: (r) => ({ value: id.hkId(r), type: 'HK_ID_CARD' }),
  BAD_HKID: (r) => ({ value: id.hkId(r, false) }),
  TW_ID: (r) => ({ value: id.twNationalId(r), type: 'TW_NATIONAL_ID' }),
  BAD_TW_ID: (r) => ({ value: id.twNationalId(r, false) }),
  MO_ID: (r) => ({ value: id.moResidentId(r), type: 'MO_RESIDENT_ID' }),
  HOME_RETURN: (r) => ({ value: id.homeReturnPermit(r), type: 'CN_TRAVEL_PERMIT' }),
  EXIT_ENTRY: (r) => ({ value: id.exitEntryPermit(r), type: 'CN_TRAVEL_PERMIT' }),
  TW_PERMIT: (r) => ({ value: id.taiwanResidentPermit(r), type: 'CN_TRAVEL_PERMIT' }),
  HK_PHONE: (r) => ({ value: id.hkPhone(r), type: 'PHONE_NUMBER' }),
  MO_PHONE: (r) => ({ value: id.moPhone(r), type: 'PHONE_NUMBER' }),
  TW_MOBILE: (r) => ({ value: id.twMobile(r), type: 'PHONE_NUMBER' }),
  // Near-misses (no span): they look like identifiers and must not be reported.
  ORDER: (r) => ({ value: `${id.int(r, 2021, 2025)}${id.digits(r, 14)}` }),
  TIMESTAMP: (r) => ({ value: `${1600000000 + id.int(r, 0, 1e8)}${id.digits(r, 3)}` }),
  DATETIME: (r) => ({ value: `2024-${String(id.int(r, 1, 12)).padStart(2, '0')}-${String(id.int(r, 1, 28)).padStart(2, '0')} ${String(id.int(r, 0, 23)).padStart(2, '0')}:${String(id.int(r, 0, 59)).padStart(2, '0')}:${String(id.int(r, 0, 59)).padStart(2, '0')}` }),
  VERSION: (r) => ({ value: `${id.int(r, 1, 12)}.${id.int(r, 0, 30)}.${id.int(r, 0, 99)}.${id.int(r, 0, 999)}` }),
  AMOUNT: (r) => ({ value: `${id.int(r, 10, 99999)}.${id.digits(r, 2)}` }),
};

const TEMPLATES: Record<'zh' | 'en', Array<[string, string]>> = {
  zh: [
    ['chat', '您好，我是{ZH_PERSON}，手机号{CN_MOBILE}，想查一下订单{ORDER}的物流，下单时间{DATETIME}。'],
    ['chat', '客服你好，我的银行卡{CARD}昨天被扣了{AMOUNT}元，请帮我查一下，电话{CN_MOBILE}。'],
    ['chat', '麻烦把发票寄到{ZH_ADDRESS}，收件人{ZH_PERSON}，联系电话{CN_MOBILE}。'],
    ['chat', '我身份证号是{CN_ID}，之前登记的{BAD_CN_ID}写错了，麻烦更正。'],
    ['chat', '我的邮箱是{EMAIL}，请把合同发过来，谢谢！'],
    ['chat', '{ZH_PERSON}先生您好，您的车辆{PLATE}有一条违章记录，请于三日内处理。'],
    ['form', '姓名：{ZH_PERSON}\n性别：男\n出生日期：{DOB_ZH}\n身份证号码：{CN_ID}\n手机：{CN_MOBILE}\n住址：{ZH_ADDRESS}'],
    ['form', '企业名称：{ZH_ORG}\n统一社会信用代码：{USCC}\n联系人：{ZH_PERSON}\n座机：{CN_LANDLINE}'],
    ['form', '开户名：{ZH_PERSON}\n开户行：{ZH_BANK}\n收款账号：{BANK_ACCOUNT}\n备注：货款{AMOUNT}元'],
    ['form', '护照号码：{PASSPORT}\n出生日期：{DOB_ZH}\n紧急联系人：{ZH_PERSON} {CN_MOBILE}'],
    ['form', '供应商：{ZH_ORG}，信用代码{BAD_USCC}（待核实），对接人{ZH_PERSON}'],
    ['log', '[{DATETIME}] INFO 用户登录成功 ip={IP} mac={MAC} 版本={VERSION}'],
    ['log', '[{DATETIME}] WARN 配置泄露 AccessKeyId={ALIYUN_KEY} 请立即轮换'],
    ['log', '[{DATETIME}] ERROR 支付失败 卡号={BAD_CARD} 订单={ORDER} 时间戳={TIMESTAMP}'],
    ['chat', '我在{ZH_ORG}上班，工牌上写的是{ZH_PERSON}，有事打{CN_LANDLINE}。'],
    ['chat', '今天天气不错，订单{ORDER}已经发货了，版本{VERSION}也上线了。'],
  ],
  en: [
    ['chat', 'Hi, this is {EN_PERSON}. My card {CARD} was charged twice on {DATETIME}, order {ORDER}.'],
    ['chat', 'Please call me back at {US_PHONE} or email {EMAIL}. Thanks, {EN_PERSON}'],
    ['chat', 'My SSN is {SSN}; the one on file ({BAD_SSN}) is a typo.'],
    ['chat', 'Ship it to {EN_ADDRESS}, attention {EN_PERSON}.'],
    ['chat', 'I wired the deposit from IBAN {IBAN}, not {BAD_IBAN}.'],
    ['chat', 'Reach our London office on {INTL_PHONE} any time.'],
    ['form', 'Name: {EN_PERSON}\nDate of birth: {DOB_EN}\nPhone: {US_PHONE}\nEmail: {EMAIL}\nAddress: {EN_ADDRESS}'],
    ['form', 'Company: {EN_ORG}\nContact: {EN_PERSON}\nBilling card: {CARD}\nInvoice total: {AMOUNT}'],
    ['form', 'Passport number: {PASSPORT}\nDate of birth: {DOB_EN}\nNationality: Canadian'],
    ['log', '{DATETIME} INFO login user_id=4411 ip={IP} device={MAC} build {VERSION}'],
    ['log', '{DATETIME} WARN leaked credentials: aws_access_key_id={AWS_KEY} OPENAI_API_KEY={OPENAI_KEY}'],
    ['log', '{DATETIME} DEBUG auth header Bearer {JWT} ts={TIMESTAMP}'],
    ['log', '{DATETIME} ERROR db connect failed password={PASSWORD} retry in 30s'],
    ['log', '{DATETIME} INFO CI token {GITHUB_TOKEN} used by {EN_PERSON}'],
    ['chat', 'Order {ORDER} shipped at {DATETIME}; tracking shows version {VERSION} of the label.'],
    ['chat', 'I work for {EN_ORG} and my manager is {EN_PERSON}.'],
  ],
};

/**
 * Hong Kong, Macau and Taiwan identifiers and local phone numbers, mostly in traditional script. Opt-in
 * (`generate(n, seed, { regional: true })`): the default output, which bench:pii scores, stays as it was.
 */
const REGIONAL_TEMPLATES: Record<'zh' | 'en', Array<[string, string]>> = {
  zh: [
    ['chat', '你好，我是香港客戶，香港身份證號碼{HKID}，之前登記的{BAD_HKID}打錯了，香港手機{HK_PHONE}。'],
    ['form', '姓名：{ZH_PERSON}\n身分證字號：{TW_ID}\n台灣手機：{TW_MOBILE}\n訂單編號：{ORDER}'],
    ['form', '澳門居民身份證：{MO_ID}\n澳門電話：{MO_PHONE}\n版本：{VERSION}'],
    ['chat', '我的回乡证号码是{HOME_RETURN}，往来港澳通行证{EXIT_ENTRY}，台胞证{TW_PERMIT}，订单{ORDER}。'],
    ['chat', '身分證{BAD_TW_ID}是舊的，請更新為{TW_ID}，時間戳{TIMESTAMP}。'],
  ],
  en: [
    ['chat', 'My HKID is {HKID}, not {BAD_HKID}; call me in Hong Kong on {HK_PHONE}.'],
    ['form', 'Name: {EN_PERSON}\nTaiwan ID: {TW_ID}\nTaiwan mobile: {TW_MOBILE}\nOrder: {ORDER}'],
    ['chat', 'My Taiwan national ID is {TW_ID}; the old one {BAD_TW_ID} was a typo. Build {VERSION}.'],
    ['form', 'Macau ID: {MO_ID}\nHome Return Permit: {HOME_RETURN}\nMacau phone: {MO_PHONE}'],
  ],
};

export interface GenerateOptions {
  /** Draw from the Hong Kong / Macau / Taiwan templates instead of the default ones. */
  regional?: boolean;
}

function fill(template: string, rng: Rng): { text: string; spans: GoldSpan[] } {
  let text = '';
  const spans: GoldSpan[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{([A-Z_]+)\}/g)) {
    text += template.slice(last, m.index);
    const slot = slots[m[1]!];
    if (!slot) throw new Error(`unknown slot ${m[1]}`);
    const { value, type } = slot(rng);
    if (type) spans.push({ start: text.length, end: text.length + value.length, type });
    text += value;
    last = m.index! + m[0].length;
  }
  return { text: text + template.slice(last), spans };
}

export function generate(n: number, seed = 1, options: GenerateOptions = {}): SyntheticRecord[] {
  const rng = id.seededRng(seed);
  const templates = options.regional ? REGIONAL_TEMPLATES : TEMPLATES;
  const prefix = options.regional ? 'sealgate-synth-regional' : 'sealgate-synth';
  const out: SyntheticRecord[] = [];
  for (let i = 0; i < n; i++) {
    const lang = i % 2 === 0 ? 'zh' : 'en';
    const [scenario, template] = id.pick(rng, templates[lang]);
    out.push({ id: `${prefix}-${seed}-${i}`, lang, scenario, ...fill(template, rng) });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string, fallback: string) => {
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 ? process.argv[at + 1]! : fallback;
  };
  const records = generate(Number(arg('n', '2000')), Number(arg('seed', '1')), { regional: process.argv.includes('--regional') });
  const lines = records.map((r) => JSON.stringify(r)).join('\n') + '\n';
  const out = arg('out', '-');
  if (out === '-') process.stdout.write(lines);
  else writeFileSync(out, lines);
}
