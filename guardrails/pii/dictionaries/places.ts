/** Place names: Chinese provinces and major cities (with and without their suffix), countries EN + ZH, major world cities. */
export const ZH_PLACES = (
  `北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾
内蒙古 广西 西藏 宁夏 新疆 香港 澳门 石家庄 太原 沈阳 长春 哈尔滨 南京 杭州 合肥 福州 南昌 济南 郑州 武汉 长沙 广州 海口 成都 贵阳
昆明 西安 兰州 西宁 呼和浩特 南宁 拉萨 银川 乌鲁木齐 台北 深圳 厦门 青岛 大连 宁波 苏州 无锡 东莞 佛山 珠海 汕头 温州 烟台 洛阳
桂林 三亚 丽江 大理 拉萨 扬州 徐州 常州 南通 绍兴 嘉兴 金华 台州 泉州 漳州 潍坊 淄博 唐山 保定 邯郸 秦皇岛 包头 鄂尔多斯 吉林 延边
齐齐哈尔 大庆 绵阳 宜宾 泸州 遵义 柳州 北海 中山 惠州 江门 湛江 茂名 韶关 岳阳 株洲 湘潭 衡阳 常德 宜昌 襄阳 荆州 九江 赣州 景德镇 芜湖
蚌埠 黄山 开封 安阳 新乡 南阳 咸阳 宝鸡 延安 天水 敦煌 喀什 吐鲁番 日喀则 朝阳 海淀 东城 西城 丰台 浦东 黄浦 徐汇 静安 天河 越秀
福田 南山 罗湖 宝安 龙岗 武侯 锦江 青羊 江北 渝中 鼓楼 玄武 西湖 滨江 余杭 萧山 昌平 通州 顺义 大兴 闵行 长宁 普陀 虹口 杨浦
中国 中华 美国 英国 法国 德国 日本 韩国 朝鲜 俄罗斯 印度 加拿大 澳大利亚 新西兰 意大利 西班牙 葡萄牙 荷兰 比利时 瑞士 瑞典 挪威 芬兰
丹麦 波兰 希腊 土耳其 埃及 南非 巴西 阿根廷 墨西哥 新加坡 马来西亚 泰国 越南 菲律宾 印尼 印度尼西亚 缅甸 老挝 柬埔寨 蒙古 伊朗
伊拉克 以色列 沙特 迪拜 巴基斯坦 阿富汗 乌克兰 纽约 伦敦 巴黎 东京 首尔 洛杉矶 旧金山 华盛顿 悉尼 墨尔本 温哥华 多伦多 柏林 罗马 莫斯科
曼谷 大阪 京都 釜山 芝加哥 波士顿 西雅图 拉斯维加斯 夏威夷 欧洲 亚洲 非洲 美洲 大陆 内地 华北 华南 华东 西北 东北 江南 长江 黄河 泰山 黄山 华山
峨眉山 西湖 故宫 长城 天安门 外滩 鼓浪屿 九寨沟 张家界 漓江`
)
  .split(/\s+/)
  .filter(Boolean);

export const EN_PLACES = (
  `Afghanistan|Albania|Algeria|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Belarus|Belgium|Bolivia|Bosnia|Brazil|Bulgaria|Cambodia|Cameroon|Canada|Chile|China|Colombia|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Dominican Republic|Ecuador|Egypt|England|Estonia|Ethiopia|Finland|France|Georgia|Germany|Ghana|Greece|Guatemala|Honduras|Hong Kong|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Korea|Kuwait|Latvia|Lebanon|Libya|Lithuania|Luxembourg|Macau|Malaysia|Malta|Mexico|Moldova|Mongolia|Morocco|Myanmar|Nepal|Netherlands|New Zealand|Nicaragua|Nigeria|North Korea|Norway|Oman|Pakistan|Panama|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Saudi Arabia|Scotland|Senegal|Serbia|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|Spain|Sri Lanka|Sudan|Sweden|Switzerland|Syria|Taiwan|Tanzania|Thailand|Tunisia|Turkey|Uganda|Ukraine|United Arab Emirates|United Kingdom|United States|United States of America|Uruguay|Uzbekistan|Venezuela|Vietnam|Wales|Yemen|Zambia|Zimbabwe|USA|UK|UAE|` +
  `New York|Los Angeles|Chicago|Houston|Phoenix|Philadelphia|San Antonio|San Diego|Dallas|San Jose|Austin|Boston|Seattle|Denver|Miami|Atlanta|Washington|San Francisco|Las Vegas|Portland|Detroit|Toronto|Vancouver|Montreal|Ottawa|London|Manchester|Birmingham|Liverpool|Edinburgh|Glasgow|Dublin|Paris|Lyon|Marseille|Berlin|Munich|Hamburg|Frankfurt|Cologne|Vienna|Zurich|Geneva|Rome|Milan|Naples|Madrid|Barcelona|Lisbon|Porto|Amsterdam|Rotterdam|Brussels|Copenhagen|Stockholm|Oslo|Helsinki|Reykjavik|Warsaw|Prague|Budapest|Athens|Istanbul|Moscow|Kyiv|Kiev|Tokyo|Osaka|Kyoto|Seoul|Beijing|Shanghai|Shenzhen|Guangzhou|Hangzhou|Chengdu|Wuhan|Nanjing|Taipei|Bangkok|Hanoi|Manila|Jakarta|Mumbai|Delhi|New Delhi|Bangalore|Karachi|Dubai|Tel Aviv|Jerusalem|Cairo|Lagos|Nairobi|Johannesburg|Cape Town|Sydney|Melbourne|Brisbane|Perth|Auckland|Wellington|Mexico City|Sao Paulo|São Paulo|Rio de Janeiro|Buenos Aires|Lima|Bogota|Santiago|Caracas|Havana|Ljubljana|Zagreb|Belgrade|Bucharest|Sofia|Riga|Tallinn|Vilnius|Bratislava|Luxembourg|Monaco|Malta|Tampere|Turku|Espoo|Oulu|Gothenburg|Malmo|Bergen|Aarhus|Odense|Antwerp|Ghent|Utrecht|Eindhoven|Seville|Valencia|Bilbao|Florence|Venice|Turin|Bologna|Genoa|Stuttgart|Dusseldorf|Leipzig|Dresden|Hanover|Nuremberg|Salzburg|Krakow|Gdansk|Wroclaw|Brno|Debrecen|Szeged|Marseilles|Toulouse|Nice|Nantes|Strasbourg|Bordeaux|Lille|Bristol|Leeds|Sheffield|Cardiff|Belfast|Cork|Quebec|Calgary|Edmonton|Winnipeg|Brooklyn|Queens|Manhattan|Texas|California|Florida|Ohio|Michigan|Illinois|Virginia|Arizona|Nevada|Oregon|Colorado|Alaska|Hawaii|Europe|Asia|Africa|America|North America|South America|Middle East|Scandinavia`
)
  .split('|')
  .filter(Boolean);

/**
 * Every ISO 3166 region name in English and Chinese, from the runtime's ICU data (Intl.DisplayNames):
 * a complete country gazetteer without shipping one. Codes without a real name, and non-country
 * groupings (World, European Union, pseudo-locales), are skipped.
 */
function isoRegionNames(): { en: string[]; zh: string[] } {
  const en: string[] = [];
  const zh: string[] = [];
  if (typeof Intl.DisplayNames !== 'function') return { en, zh };
  const enNames = new Intl.DisplayNames(['en'], { type: 'region' });
  const zhNames = new Intl.DisplayNames(['zh-Hans'], { type: 'region' });
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      try {
        const name = enNames.of(code);
        if (!name || name === code || /Unknown|World|Europe|Outlying|Pseudo|Nations|Eurozone/.test(name)) continue;
        en.push(name.replace(' & ', ' and '), ...(name.includes(' & ') ? [name] : []));
        const zhName = zhNames.of(code);
        if (zhName && zhName !== code) zh.push(zhName);
      } catch {
        // Not a region code in this ICU version.
      }
    }
  }
  return { en, zh };
}

const iso = isoRegionNames();
export const EN_COUNTRIES = iso.en;
export const ZH_COUNTRIES = iso.zh;
