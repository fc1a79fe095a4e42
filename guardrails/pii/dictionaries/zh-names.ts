/** Common Chinese surnames (covering ~90% of the population) and compound surnames. */
export const ZH_SURNAMES = new Set(
  ('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝')
    .split(''),
);

export const ZH_COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '夏侯', '长孙', '宇文', '司徒', '轩辕', '端木', '西门', '独孤', '南宫', '呼延'];

/**
 * Characters that essentially never occur inside a given name but are common right after a surname-like
 * character in running text (particles, verbs, measure words): they end a name candidate.
 */
export const ZH_NOT_IN_GIVEN_NAME = new Set(
  ('的了是在和与及或也都就还又不没很太更最把被让给对向从到于为以而且但却说道讲想要会能可已经过着吗呢吧啊呀哦嘛么个些这那哪谁什怎几多少每各其之所们我你他她它您咱啥上下里外前后中内间时年月日号点分秒元块次回位名种样家人们去来做看听问答买卖找用打开关吃喝走跑坐住叫等再才只没有无非')
    .split(''),
);

/** Words that follow a person's name or surname: 张先生, 王女士, 李老师, 刘总. */
export const ZH_HONORIFICS = ['先生', '女士', '小姐', '老师', '同学', '医生', '大夫', '经理', '总监', '主任', '教授', '律师', '师傅', '阿姨', '叔叔', '老板', '博士', '院长', '书记', '局长', '处长', '科长', '部长', '董事长', '总'];

/** Words right before a name: 我叫张伟, 联系人：王芳, 姓名 李娜. */
export const ZH_NAME_CUES = ['我叫', '名叫', '叫做', '姓名', '名字', '联系人', '收件人', '收货人', '寄件人', '客户', '患者', '病人', '用户', '员工', '经办人', '负责人', '申请人', '持卡人', '户主', '本人', '签名', '致', '尊敬的', '亲爱的', '和', '跟', '与', '给', '找', '问'];
