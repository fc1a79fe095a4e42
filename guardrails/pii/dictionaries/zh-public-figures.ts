/**
 * Widely known people as they are written in Chinese: entertainers, athletes, business people, writers,
 * historical figures, foreign celebrities and a few fictional characters people talk about like persons.
 * Written from general knowledge (no dataset). Left out: names that are also everyday words (成龙 in 望子成龙,
 * 那英, 黎明, 文章, 夏雨, 老子, 超人, 五月天, 海子, 三毛, 小平) and characters that are film titles (哈利波特 7,
 * 蜘蛛侠 4). Their names are not secret, but a message that names them names a person, and a stable
 * placeholder keeps pseudonymised answers readable. Some of these names were also seen among the Weibo NER
 * train/dev errors (韩寒, 汤唯, 李开复 …): that benchmark's `test` rows are the fair measure of the list.
 */
export const ZH_PUBLIC_FIGURES = `
周杰伦 林俊杰 王力宏 陈奕迅 张学友 刘德华 郭富城 梁朝伟 张国荣 周星驰 周润发 李连杰 甄子丹 吴京 黄渤 徐峥 沈腾 王宝强 葛优 姜文
刘亦菲 杨幂 赵丽颖 范冰冰 李冰冰 章子怡 巩俐 周迅 赵薇 林心如 舒淇 汤唯 孙俪 邓超 黄晓明 杨颖 鹿晗 吴亦凡 张艺兴 黄子韬 王俊凯 王源 易烊千玺
胡歌 霍建华 彭于晏 阮经天 林志颖 林志玲 蔡依林 萧亚轩 田馥甄 王菲 谢霆锋 张柏芝 陈冠希 古天乐 吴彦祖 余文乐 李易峰 杨洋 吴磊 陈坤 黄轩
刘涛 蒋劲夫 林更新 张杰 谢娜 何炅 汪涵 李湘 华少 孟非 撒贝宁 董卿 朱军 白岩松 柴静 崔永元 罗永浩 高晓松 韩寒 郭敬明 安妮宝贝 金庸 琼瑶 古龙
莫言 余华 贾平凹 王朔 刘慈欣 李银河 方舟子 方文山 罗大佑 李宗盛 齐秦 张惠妹 孙燕姿 梁静茹 蔡健雅 莫文蔚 容祖儿 杨千嬅 邓紫棋 李宇春 张靓颖
周笔畅 张韶涵 王心凌 杨丞琳 罗志祥 潘玮柏 汪东城 炎亚纶 吴尊 言承旭 周渝民 朱孝天 刘若英 陶喆 任贤齐 伍佰 张信哲 许嵩 薛之谦 毛不易
华晨宇 李荣浩 赵雷 朴树 汪峰 崔健 窦唯 韩红 宋祖英 彭丽媛 郭德纲 于谦 岳云鹏 赵本山 小沈阳 宋丹丹 冯巩 蔡明 潘长江 冯小刚 张艺谋 陈凯歌
李安 王家卫 侯孝贤 贾樟柯 宁浩 陆川 管虎 马伊琍 姚晨 孙红雷 张嘉译 陈道明 陈宝国 王志文 刘烨 黄磊 海清 袁泉 徐静蕾 李小璐 贾乃亮
马云 马化腾 李彦宏 刘强东 雷军 任正非 王健林 王思聪 许家印 董明珠 李嘉诚 周鸿祎 丁磊 张朝阳 王石 潘石屹 任志强 柳传志 张一鸣 黄峥 俞敏洪
李开复 徐小平 薛蛮子 史玉柱 宗庆后 马斯克 乔布斯 比尔盖茨 盖茨 扎克伯格 巴菲特 库克 贝索斯
姚明 易建联 刘翔 李娜 孙杨 林丹 李宁 郎平 朱婷 邓亚萍 张怡宁 王楠 刘国梁 马龙 张继科 许昕 丁宁 谷爱凌 苏炳添 武磊 郑智 孙继海 郝海东 李铁
林书豪 科比 乔丹 詹姆斯 勒布朗 奥尼尔 库里 杜兰特 韦德 梅西 C罗 贝克汉姆 内马尔 齐达内 马拉多纳 贝利 费德勒 纳达尔 小威廉姆斯 博尔特 菲尔普斯
毛泽东 周恩来 邓小平 刘少奇 朱德 孙中山 蒋介石 宋庆龄 鲁迅 胡适 老舍 巴金 冰心 钱钟书 杨绛 张爱玲 徐志摩 林徽因 梁启超 李白 杜甫 白居易 苏轼
李清照 王安石 屈原 孔子 孟子 庄子 韩非子 秦始皇 汉武帝 唐太宗 唐玄宗 武则天 杨贵妃 康熙 乾隆 慈禧 诸葛亮 曹操 刘备 关羽 张飞 岳飞 文天祥
郑和 林则徐 袁隆平 钱学森 屠呦呦 雷锋 霍金 爱因斯坦 牛顿 达尔文 莎士比亚 毕加索 梵高 贝多芬 莫扎特 拿破仑 林肯 奥巴马 特朗普 希拉里 普京
默克尔 安倍 金正恩 甘地 曼德拉 戴安娜 伊丽莎白 泰勒斯威夫特 霉霉 碧昂丝 麦当娜 迈克尔杰克逊 杰克逊 小李子 莱昂纳多 汤姆克鲁斯 布拉德皮特
安吉丽娜朱莉 斯嘉丽 约翰尼德普 成吉思汗 孙悟空 猪八戒 唐僧 林黛玉 贾宝玉 蜡笔小新 哆啦A梦 柯南 皮卡丘 喜羊羊 灰太狼 
全智贤 金秀贤 宋仲基 宋慧乔 李敏镐 朴信惠 朴灿烈 权志龙 李准基 裴勇俊 张根硕 郑多燕 木村拓哉 苍井空 宫崎骏 村上春树 东野圭吾
`
 .split(/\s+/)
 .filter(Boolean);
