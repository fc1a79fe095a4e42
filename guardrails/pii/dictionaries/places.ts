/**
 * More places written from general knowledge (no dataset): world cities, states and regions travellers and
 * news name, Chinese scenic spots, Hong Kong / Macau / Taiwan districts, cities' nicknames (帝都, 魔都, 榕城), oceans
 * and seas, regions (江浙沪, 京津冀, 闽南, 大湾区), historical names (北平, 汴京, 齐鲁, 巴蜀), well-known city
 * areas at home and abroad (光谷, 五角场, 太古里, 银座, 明洞), mountains, lakes and sights (莫干山, 呼伦湖, 殷墟) and
 * parts of provinces (陕北, 胶东, 川渝).
 * Left out: names that are everyday words too (马赛克 mosaic, 汉堡 hamburger, 淡水 fresh water, 前门 front door,
 * 比萨 pizza, 长岛 cocktail, 北极 in 北极熊, 天涯海角 the idiom), checked against the background character statistics.
 */
export const ZH_MORE_PLACES = `横滨 名古屋 神户 福冈 札幌 奈良 仁川 大邱 济州 平壤 胡志明市 岘港 芽庄 暹粒 琅勃拉邦 加德满都 科伦坡 达卡 伊斯兰堡 卡拉奇 拉合尔 加尔各答 班加罗尔 金奈
海得拉巴 马累 阿布扎比 多哈 利雅得 麦加 耶路撒冷 特拉维夫 贝鲁特 大马士革 巴格达 喀布尔 塔什干 阿拉木图 阿斯塔纳 比什凯克 乌兰巴托 符拉迪沃斯托克 海参崴 新西伯利亚 圣彼得堡 槟城 兰卡威 亚庇
马六甲 长滩岛 宿务 苏梅岛 甲米 清莱 芭堤雅 伯尔尼 卢塞恩 因特拉肯 萨尔茨堡 布拉格 布达佩斯 华沙 克拉科夫 斯德哥尔摩 哥本哈根 奥斯陆 赫尔辛基 雷克雅未克 都柏林 格拉斯哥 约克郡 里昂
波尔多 蒙特卡洛 马德里 塞维利亚 格拉纳达 瓦伦西亚 里斯本 波尔图 那不勒斯 都灵 锡耶纳 雅典 海德堡 科隆 法兰克福 斯图加特 德累斯顿 莱比锡 鹿特丹 海牙 安特卫普 布鲁日 基辅 明斯克
爱琴海 地中海 阿尔卑斯 费城 底特律 休斯顿 达拉斯 亚特兰大 丹佛 凤凰城 圣地亚哥 圣何塞 匹兹堡 巴尔的摩 新奥尔良 奥兰多 檀香山 蒙特利尔 渥太华 卡尔加里 魁北克 墨西哥城 坎昆 哈瓦那
利马 波哥大 圣保罗 布宜诺斯艾利斯 纽约州 佛罗里达 得克萨斯 加利福尼亚 新泽西 黄石公园 大峡谷 尼亚加拉 布里斯班 珀斯 阿德莱德 黄金海岸 堪培拉 奥克兰 惠灵顿 皇后镇 基督城 开普敦 约翰内斯堡 内罗毕
卡萨布兰卡 马拉喀什 大堡礁 北戴河 涠洲岛 千户苗寨 黄果树 壶口瀑布 镜泊湖 博鳌 亚龙湾 蜈支洲岛 城隍庙 豫园 东方明珠 后海 大栅栏 中山陵 秦淮河 瘦西湖 拙政园 虎丘 雷峰塔
西溪湿地 蜀南竹海 龙门石窟 云冈石窟 华清池 大雁塔 回民街 曾厝垵 三清山 井冈山 韶山 天门山 武陵源 雪乡 亚布力 漠河 北极村 满洲里 额济纳 茶卡盐湖 可可西里 喀纳斯 赛里木湖 那拉提
巴音布鲁克 束河 双廊 腾冲 元阳 抚仙湖 石林 香格里拉 西沙 南沙群岛 钓鱼岛 黄岩岛 舟山群岛 崇明岛 新界 沙田 荃湾 屯门 元朗 大屿山 氹仔 路环 太鲁阁 宜兰
屏东 台东 南投 彰化 云林 苗栗 京城 帝都 魔都 申城 榕城 星城 杭城 鹭岛 津门 沪上 椰城 邕城 筑城 昆城 锡城 甬城 温城
南极 大洋洲 北美洲 南美洲 太平洋 大西洋 印度洋 北冰洋 朝鲜半岛 东北亚 亚太 欧亚 黄浦江 淮河 汉江 嘉陵江 澜沧江 金沙江 渤海 黄海 东海 台湾海峡 琼州海峡 渤海湾
北部湾 江浙 江浙沪 京津冀 京津 关中 闽南 岭南 华中 塞北 漠北 江淮 苏北 苏南 皖南 浙南 粤东 粤西 川西 滇西 藏区 大湾区 粤港澳 大西北
大东北 海峡两岸 东南沿海 北平 汴京 建康 广陵 奉天 盛京 京师 巴蜀 齐鲁 燕赵 三秦 荆楚 吴越 八闽 三晋 湖湘 长安街
汉口 光谷 东单 崇文门 大望路 三元桥 亦庄 天通苑 静安寺 五角场 虹桥 朱家角 上下九 珠江新城 琶洲 长隆 蛇口 太古里 九眼桥 新街口 紫金山 观音桥 磁器口 大唐芙蓉园
曲江 美利坚 英伦 东瀛 南洋 涩谷 新宿 银座 秋叶原 池袋 箱根 镰仓 轻井泽 明洞 梨泰院
莫干山 雁荡山 天目山 南浔 甪直 霞浦 平潭 南澳岛 东极岛 五大连池 呼伦湖 额尔古纳 阿尔山 禾木 帕米尔 塔克拉玛干 罗布泊 楼兰 祁连山 贺兰山 沙坡头 西夏王陵 太白山 终南山
秦岭 大巴山 武陵山 四姑娘山 海螺沟 若尔盖 大足石刻 仙女山 天柱山 龙虎山 丹霞山 鼎湖山 罗浮山 开平碉楼 太姥山 清源山 崂山 蓬莱 刘公岛 沂蒙山 殷墟 王屋山 太行山 恒山
悬空寺 乔家大院 白洋淀 野三坡 雾灵山 川渝 两广 两湖 陕北 陕南 鄂西 赣南 豫西 晋北 鲁西 辽南 胶东`;

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
峨眉山 西湖 故宫 长城 天安门 外滩 鼓浪屿 九寨沟 张家界 漓江
${ZH_MORE_PLACES}`
)
  .split(/\s+/)
  .filter(Boolean);

/**
 * Prefecture-level cities and autonomous prefectures of mainland China by province (written from the public
 * administrative division list, without the 市/州 suffix, which the recognizer keeps when present), the
 * districts of the largest cities, Taiwan's main cities, and well-known landmarks, lakes, rivers and mountains.
 * Left out on purpose: names that are everyday words or other things (大同, 长治, 日照, 白银, 来宾, 安康, 三明,
 * 玉树, 光明, 白云, 金牛, 普洱, 阿里, 红河, 文山, 黑河, 白山, 山南, 中卫, 天门, 海东).
 */
export const ZH_PREFECTURES = (
  `石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水 太原 阳泉 晋城 朔州 晋中 运城 忻州 临汾 吕梁
包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布 沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 葫芦岛
长春 四平 辽源 通化 松原 白城 延边 哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 绥化 大兴安岭
南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁 杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水
合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 滁州 阜阳 宿州 六安 亳州 池州 宣城 福州 厦门 莆田 泉州 漳州 南平 龙岩 宁德
南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶 济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 临沂 德州 聊城 滨州 菏泽
郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 济源
武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 恩施 仙桃 潜江 神农架 长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 湘西
广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 潮州 揭阳 云浮
南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 崇左 海口 三亚 三沙 儋州
成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳 阿坝 甘孜 凉山
贵阳 六盘水 遵义 安顺 毕节 铜仁 黔东南 黔南 黔西南 昆明 曲靖 玉溪 保山 昭通 丽江 临沧 楚雄 西双版纳 大理 德宏 怒江 迪庆
拉萨 日喀则 昌都 林芝 那曲 西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 商洛 兰州 嘉峪关 金昌 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南 临夏 甘南
西宁 格尔木 银川 石嘴山 吴忠 固原 乌鲁木齐 克拉玛依 吐鲁番 哈密 昌吉 博尔塔拉 巴音郭楞 阿克苏 喀什 和田 伊犁 塔城 阿勒泰 石河子
东城 西城 丰台 石景山 门头沟 房山 通州 顺义 昌平 大兴 怀柔 平谷 密云 延庆 黄浦 徐汇 静安 虹口 杨浦 闵行 宝山 嘉定 松江 青浦 奉贤 崇明
越秀 海珠 荔湾 番禺 花都 南沙 从化 增城 福田 罗湖 盐田 宝安 龙岗 坪山 萧山 余杭 富阳 临安 青羊 武侯 成华 龙泉驿 双流 温江 渝中 渝北 沙坪坝 九龙坡 南岸
台北 新北 桃园 台中 台南 高雄 基隆 新竹 嘉义 花莲 台灣 臺灣 臺北 垦丁
珠峰 珠穆朗玛峰 喜马拉雅 青藏高原 千岛湖 洱海 泸沽湖 武夷山 庐山 衡山 嵩山 五台山 普陀山 九华山 长白山 天山 昆仑山 太湖 洞庭湖 鄱阳湖 青海湖 滇池 三峡
珠江 闽江 湘江 钱塘江 松花江 雅鲁藏布江 兵马俑 颐和园 圆明园 天坛 王府井 三里屯 陆家嘴 夫子庙 中关村 东三省 珠三角 长三角
黄埔 番禺 南海 顺德 镇海 鄞州 北仑 惠阳 惠城 宝山 浦西 浦东新区 滨海新区 两江新区 雄安 金陵 姑苏 钱塘 蓉城 鹏城 羊城 泉城 春城 冰城 江城 山城 雾都
义乌 昆山 江阴 张家港 常熟 太仓 晋江 石狮 慈溪 余姚 诸暨 瑞安 乐清 虎门 长沙县 永康 海宁 桐乡 乌镇 周庄 西塘 同里 平遥 凤凰古城 丽江古城 阳朔 婺源 宏村
小汤山 稻城 亚丁 色达 纳木错 羊卓雍措 布达拉宫 大昭寺 少林寺 灵隐寺 寒山寺 白马寺 雍和宫 南锣鼓巷 什刹海 鸟巢 水立方 北海公园 奥林匹克公园 香山 景山 未名湖 昆明湖 玄武湖
白云山 火焰山 云台山 岳麓山 橘子洲 黄鹤楼 滕王阁 岳阳楼 晋祠 乐山大佛 都江堰 青城山 武当山 梵净山 玉龙雪山 梅里雪山 珠峰大本营 天池 月牙泉 莫高窟 鸣沙山
簋街 西单 国贸 望京 五道口 徐家汇 新天地 田子坊 南京路 淮海路 春熙路 宽窄巷子 锦里 解放碑 洪崖洞 户部巷 江汉路 三坊七巷 沙面 华强北 世界之窗 欢乐谷
维多利亚港 铜锣湾 尖沙咀 旺角 中环 兰桂坊 太平山 西门町 士林 日月潭 阿里山 九份 北投 澎湖 金门 马祖
澳洲 欧美 日韩 中美 中日 中韩 中俄 美俄 英美 美日 港澳 港台 港澳台 中港台 两岸 中东 东南亚 东亚 南亚 中亚 西亚 北美 南美 拉美 西欧 东欧 北欧 南欧 中欧 加勒比 阿拉伯
巴厘岛 普吉岛 马尔代夫 济州岛 冲绳 北海道 富士山 清迈 芭提雅 塞班 关岛 斐济 大溪地 圣托里尼 尼斯 戛纳 普罗旺斯 巴伐利亚 西伯利亚 撒哈拉 亚马逊河 尼罗河 密西西比
好莱坞 阿拉斯加 迈阿密 加州 硅谷 曼哈顿 华尔街 唐人街 维也纳 威尼斯 佛罗伦萨 米兰 慕尼黑 阿姆斯特丹 布鲁塞尔 日内瓦 苏黎世 伊斯坦布尔 开罗 孟买 新德里 雅加达 马尼拉 吉隆坡 河内 金边 仰光 德黑兰 利物浦 曼彻斯特 伯明翰 爱丁堡 巴塞罗那 里约热内卢`
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
