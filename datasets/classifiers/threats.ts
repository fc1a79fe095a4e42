/**
 * Threats of violence and their benign twins in the same frames (EN + ZH), for the toxicity head.
 *
 * Why: the shared toxicity sources hold few threats, and the generated toxicity data had a handful of threat
 * phrases, so the head flagged 4/30 EN and 3/30 ZH hand-written threats (issue 4) while it flagged "Thanks, I will
 * kill the process now": it keys on "kill", not on a threat. Here the toxic side is threats of physical harm, conditional
 * threats ("if you … I will …", "再…就…"), veiled threats and doxxing ("I know where you live", "你家在哪我清楚"),
 * threats against family and property, extortion and sextortion, in slang, formal and online-chat registers; many of
 * them carry no violent word at all. The non-toxic side reuses the same frames and words: idioms and figurative
 * speech ("killed it on stage", "笑死我了"), tech and games ("kill the process", "干掉这个bug"), sports, everyday
 * conditionals and bills in the threat frames, questions about threats and safety that quote them ("how do I report a
 * threat", "被人威胁怎么办"), and fiction requests. So the violent word alone is not the signal; who is targeted and
 * what is demanded is.
 *
 * Provenance: written for SealGate from general knowledge of how threats, extortion and their everyday look-alikes
 * are phrased; not from the rows of any evaluation set or the held-out threat suite.
 */
import { createRng, fill, pick, type Rng } from './rng.js';
import type { GeneratedRow } from './generators.js';

/* ---- English: threats ---- */
const EN_HARM = [
  'kill you', 'beat you half to death', 'break both your legs', 'stab you', 'put you in the hospital', 'make you bleed', 'smash your teeth in',
  'snap your neck', 'hunt you down', 'make you disappear', 'shoot you', 'slit your throat', 'cave your skull in', 'drag you out of your house',
  'bury you', 'cut you', 'break every bone in your body', 'make sure you never walk again', 'strangle you', 'run you over',
];
const EN_WHEN = ['tonight', 'when you least expect it', 'the next time I see you', 'before the week is over', 'after school', 'when you leave work', 'soon', 'one of these nights'];
const EN_TRIGGER = [
  'go to the police', 'tell anyone about this', 'post that again', 'talk to my girlfriend again', 'leave me', 'testify', 'report me', 'come near my house',
  'block me', 'call HR', 'show your face here again', 'open your mouth', 'reply to me one more time', 'tell your parents', 'give that interview',
];
const EN_DIRECT = [
  'I am going to {harm}.', 'I will {harm} {when}.', 'I swear I\'ll {harm}.', 'You\'re dead. I will {harm}.', 'Mark my words, I will {harm}.',
  'Next time I see you I\'m going to {harm}.', 'I\'m coming for you and I will {harm}.', 'Someone is going to {harm} {when}, and it will be me.',
  'I\'m going to find you and {harm}.', 'You have no idea what\'s coming. I will {harm}.', 'Count your days, I will {harm}.',
];
const EN_CONDITIONAL = [
  'If you {trigger}, I will {harm}.', 'If you {trigger}, you\'re dead.', 'Go ahead and {trigger}, and I will {harm}.', 'You {trigger} and I swear I\'ll {harm}.',
  'Say one more word and I\'ll {harm}.', 'Try to {trigger} and see what happens to you.', 'If I ever see you {near}, I will {harm}.',
  'Don\'t even think about it. If you {trigger}, you won\'t live to regret it.', 'One more time and I will {harm}.', 'Unless you {demand}, I will {harm}.',
];
const EN_NEAR = ['near my sister', 'on my street again', 'at that gym again', 'near my kids', 'around my shop', 'with my wife'];
const EN_DEMAND = ['pay back what you owe by Friday', 'drop the charges', 'delete that post', 'move out of this building', 'withdraw the complaint', 'quit your job'];
const EN_FAMILY = ['kids', 'wife', 'husband', 'mother', 'little sister', 'family', 'daughter', 'son', 'parents', 'girlfriend'];
const EN_PROPERTY = ['house', 'car', 'shop', 'restaurant', 'store', 'garage', 'office'];
const EN_VEILED = [
  'I know where you live.', 'I know where you live, {street} is not that far from me.', 'I know which school your {fam} go to.', 'We know what time you leave the office every day.',
  'Nice {prop} you have. It would be a shame if something happened to it.', 'Be careful walking home tonight. Anything can happen.', 'You should think about your {fam} before you {trigger}.',
  'I\'ve got your home address and your licence plate.', 'I\'m going to post your home address and phone number everywhere and let people pay you a visit.',
  'People who {trigger} tend to have accidents.', 'Sleep with one eye open.', 'Enjoy your last days.', 'I\'d watch my back if I were you.', 'Accidents happen to people like you.',
  'Your {fam} walks home alone every day, right? Would be a pity.', 'I found your address, your workplace and your {fam}\'s photos. See you soon.',
  'We\'re outside your house right now.', 'You won\'t always have people around to protect you.', 'I\'ll make sure everyone knows where to find you.',
];
const EN_STREET = ['Maple Street', 'Oak Avenue', 'the blue house on the corner', 'your building', 'Elm Road'];
const EN_FAMILY_THREATS = [
  'I will hurt your {fam}.', 'Your {fam} won\'t be safe.', 'I\'ll go after your {fam} next.', 'I\'ll burn your {prop} to the ground.', 'I\'ll smash your {prop} and then you.',
  'Your {fam} will pay for this.', 'Keep ignoring me and your {fam} gets hurt.', 'I\'ll torch your {prop} with you inside.', 'Your {fam} will be the first to suffer.',
];
const EN_AMOUNT = ['$500', '$2,000', '0.1 bitcoin', '5,000 dollars', '$300', 'ten grand', '£1,000'];
const EN_DEADLINE = ['Friday', 'tomorrow night', 'the end of the day', 'Monday morning'];
const EN_SECRET = ['private photos', 'nude pictures', 'webcam video', 'chat logs', 'medical records', 'intimate videos'];
const EN_AUDIENCE = ['all your contacts', 'your boss', 'your family', 'your wife', 'everyone at your school', 'your church group'];
const EN_EXTORTION = [
  'Pay {amount} by {deadline} or I will send your {secret} to {aud}.', 'Send {amount} in bitcoin to this wallet within 48 hours or your {secret} go to {aud}.',
  'I have your {secret}. Unless you transfer {amount}, {aud} will see them.', 'Transfer {amount} by {deadline} or your {fam} gets hurt.',
  'Give me {amount} or I will post your {secret} online.', 'I recorded you through your camera. Pay {amount} or I send the {secret} to {aud}.',
  'Keep paying me {amount} every month, or your {secret} end up with {aud}.', 'You have until {deadline}: {amount}, or the {secret} go public and so does your address.',
];
const EN_SLANG = [
  'ima pull up on you and beat your ass', 'you gonna catch these hands fr', 'keep talking, I got something for you when I see you', 'run up on me again and you getting stomped',
  'on everything I\'m finna smoke you', 'pull up then, I\'ll leave you leaking', 'bet, see you outside, bring an ambulance', 'touch my car again and you\'re getting your head cracked',
];
const EN_FORMAL = [
  'Be advised that unless you {demand}, you will suffer physical consequences.', 'This is your final warning: {demand}, or your safety cannot be guaranteed.',
  'Should you {trigger}, we will make certain that you and your {fam} regret it.', 'Consider this notice: your continued silence will be answered with force.',
  'We strongly suggest you {demand}. We know where your {fam} sleep at night.',
];
const EN_CHAT = [
  'ur dead lol', 'u r so dead when i find u', 'gonna find u and end u', 'watch ur back tmrw', 'i know ur address btw', 'see u after class, ur getting jumped',
  'lol keep talking, i got ur ip and ur address', 'dm me again and i swear ill break ur face', 'found ur house on street view, nice door, see u soon',
];

/* ---- English: benign twins in the same frames ---- */
const EN_IDIOMS = [
  'Break a leg tonight!', 'You absolutely killed it on stage.', 'My feet are killing me after that hike.', 'I could murder a burger right now.', 'That joke killed, everyone was crying with laughter.',
  'I\'m dying to see the new movie.', 'We got slaughtered in the pub quiz, 2 points out of 20.', 'My mom will kill me if I\'m late for dinner again, haha.', 'This heat is killing me.',
  'Knock them dead at the interview!', 'I\'m going to kill it at the audition tomorrow.', 'That exam absolutely destroyed me.', 'She shot down my idea in the meeting, fair enough.',
  'The comedian bombed so hard last night.', 'I\'ll hunt down that recipe for you.', 'Your presentation blew them away.',
];
const EN_TECH = [
  'Kill the process on port {port} and restart the service.', 'If the job hangs, I will kill the process and rerun it.', 'How do I kill a zombie process on Linux?',
  'Run kill -9 {pid} to stop it.', 'The load balancer kills idle connections after {n} seconds.', 'Terminate the child threads before the parent exits.',
  'Shoot me an email when the build is done.', 'We need to execute the migration tonight.', 'I will nuke the cache and rebuild the container.', 'The OOM killer took down the worker again.',
  'Force-kill the emulator and wipe its data.', 'Let me hunt down this memory leak before the release.', 'If the tests fail again, I will revert your commit.', 'Kill the dev server before you switch branches.',
  'The watchdog kills any worker that stops responding for {n} seconds.', 'Thanks, I will restart the pod now.',
  'If {svc} hangs again, I will kill the process and restart it.', 'Kill the {svc} process on port {port} before you deploy.', '{svc} keeps getting killed by the OOM killer, any idea why?',
  'I\'m going to shoot down {svc} for maintenance at midnight.', 'Once {svc} is dead, the health check restarts it within {n} seconds.',
];
const EN_SERVICES = ['nginx', 'Postgres', 'the Node server', 'the worker', 'Redis', 'the build agent', 'Chrome', 'the Java app', 'the cron job'];
const EN_GAMES = [
  'I\'m going to destroy you in Mario Kart tonight.', 'If you camp that corner again, I will snipe you from the tower.', 'Headshot the boss before it respawns.',
  'Our team is going to crush them on Saturday.', 'We\'ll beat them by twenty points.', 'Next round I\'m coming for you with the rocket launcher, gg.', 'The striker killed their defence with that run.',
  'Watch out, I\'m coming for your queen.', 'I\'m going to destroy you in {game} tonight.', 'If you {gmove} again, I will {gpunish}.', 'See you at {game} night, I\'m going to wreck you.',
  'We\'re going to crush {team} on {day}.', '{person} absolutely killed it {stage}.', 'If you build there, I will rush your base in five minutes.', 'We are going to bury them in the second half.', 'I will knock you out of the tournament, see you in the final!',
];
const EN_QUESTIONS = [
  'How do I report a threat I received online?', 'Someone wrote "I know where you live" under my post. Should I call the police?', 'What counts as a criminal threat in {country}?',
  'Is it extortion if someone demands money to delete my photos?', 'My ex says he will post my private photos. Who can help me?', 'What should I do if I get a sextortion email asking for bitcoin?',
  'How do police trace anonymous death threats?', 'Someone wrote "{quote}" {seen}. Should I call the police?', 'I got "{quote}" {seen}. Is that a crime?', 'Can you explain the difference between a threat and harassment?', 'I got a message saying "watch your back". How do I document it?',
  'How can I protect my kids from strangers who contact them online?', 'Is saying "I will kill you" in a video game chat illegal?', 'My neighbour threatened to burn my car. Can I get a restraining order?',
  'What is doxxing and how do I remove my address from people-search sites?', 'How should a teacher respond when a student threatens a classmate?',
];
const EN_GAME = ['Mario Kart', 'FIFA', 'chess', 'Smash Bros', 'Fortnite', 'ping pong', 'Catan', 'Street Fighter'];
const EN_GAME_MOVE = ['camp that corner', 'steal my lane', 'take my last card', 'hide in the bush', 'block my road'];
const EN_GAME_PUNISH = ['snipe you from the tower', 'ult you', 'take your queen', 'knock you off the map', 'trade you to the other team'];
const EN_TEAM = ['the Tigers', 'them', 'the visitors', 'City', 'the league leaders', 'our rivals'];
const EN_DAY = ['Saturday', 'Sunday', 'Friday night', 'the final'];
const EN_PERSON = ['You', 'My sister', 'The band', 'Our drummer', 'She', 'The whole cast'];
const EN_STAGE = ['on stage', 'at the talent show', 'in the final', 'at the interview', 'at karaoke'];
const EN_QUOTE = ['I know where you live', 'watch your back', 'you\'re dead', 'I will find you', 'your family will pay', 'pay or your photos go public'];
const EN_SEEN = ['under my post', 'in my DMs', 'on a note on my car', 'in a text from an unknown number', 'in the game chat', 'in an email'];
const EN_GENRE = ['thriller', 'crime', 'horror', 'mystery', 'noir'];
const EN_VILLAIN = ['the villain', 'a stalker', 'a gang leader', 'the blackmailer', 'a corrupt cop'];
const EN_VICTIM = ['the detective', 'the heroine', 'a shopkeeper', 'the mayor', 'a journalist'];
const EN_COUNTRIES = ['the UK', 'California', 'Canada', 'Australia', 'Germany', 'New York'];
const EN_FICTION = [
  'Write a thriller scene where the kidnapper calls the detective and demands a ransom.', 'In my novel the villain threatens the hero\'s family. How can I make the dialogue feel real without gore?',
  'Give me a menacing line for a mob boss character who warns a shopkeeper.', 'Summarise the plot of a movie where a hacker blackmails a CEO.',
  'Write a {genre} scene where {villain} threatens {victim}.', 'For my {genre} script, how would {villain} intimidate {victim} without saying anything explicit?',
  'Write a short story about a detective who receives an anonymous threatening letter.', 'What makes a villain\'s threat sound scary in a horror film?',
];
const EN_BENIGN_FRAMES = [
  'If you finish the report early, I will buy you lunch.', 'If you need a ride, I will pick you up at eight.', 'Say one more word about the ending and I\'ll cover my ears, no spoilers!',
  'I know where you live, so I\'ll drop your books off tomorrow.', 'We know what time you leave the office, so dinner will be ready at seven.', 'Nice {prop} you have! Where did you buy it?',
  'Be careful walking home tonight, the roads are icy.', 'Think about your {fam} before you take that job abroad.', 'I\'ve got your home address, the wedding invitation is in the mail.',
  'Please pay {amount} by {deadline} or a late fee will be added.', 'Transfer {amount} to the landlord by {deadline}.', 'I have your holiday photos, I\'ll send them to {aud}.',
  'I will help your {fam} move on Saturday.', 'Your {fam} will love this gift.', 'I\'ll paint your {prop} next weekend if you want.', 'Unless you {bdemand}, the subscription renews on {deadline}.',
  'If I ever see you at that gym again, I\'ll buy you a coffee.', 'I\'m coming for you at six, be ready!', 'Go ahead and tell your parents, they will be proud of you.',
];
const EN_BENIGN_DEMAND = ['cancel before', 'change the plan', 'update your card'];
/** Everyday conditionals and plans in the threat frames ("If you …, I will …", "… I'm going to …"). */
const EN_BENIGN_COMPOSED = [
  'If you {btrigger}, I will {bact}.', '{Btrigger} again and I will {bact}.', 'Next time I see you I\'m going to {bact}.', 'I swear I\'ll {bact} {bwhen}.', 'Mark my words, I will {bact}.',
  'I\'m coming to your place {bwhen} to {bact}.', 'I will {bact} {bwhen}, I promise.', 'Unless you {btrigger}, I will {bact}.',
];
const EN_BENIGN_TRIGGER = [
  'finish the report early', 'need a ride', 'send me the file', 'win the bet', 'forget your keys again', 'call me after work', 'pass the exam', 'come to the party',
  'tell your parents', 'leave the door open', 'bring the kids', 'text me when you land',
];
const EN_BENIGN_ACT = [
  'buy you lunch', 'pick you up at eight', 'make you a spare key', 'bake you a cake', 'fix your bike', 'send you the photos', 'help you move', 'cook dinner for your family',
  'water your plants', 'walk your dog', 'drive you to the airport', 'introduce you to my sister', 'return your book', 'teach you to swim',
];
const EN_BENIGN_WHEN = ['tonight', 'tomorrow', 'after work', 'on Saturday', 'this weekend', 'next time'];

/* ---- Chinese: threats ---- */
const ZH_HARM = [
  '弄死你', '打断你的腿', '捅死你', '废了你', '砍了你', '让你躺着出去', '打得你满地找牙', '让你进医院', '卸你一条胳膊', '让你见不到明天的太阳', '把你埋了',
  '找人收拾你', '让你消失', '把你打残', '让你横着出去', '放你的血', '让你后悔生下来', '杀了你', '宰了你全家',
];
const ZH_WHEN = ['今晚', '放学后', '你下班的时候', '这周之内', '哪天你落单了', '过几天', '迟早'];
const ZH_TRIGGER = ['报警', '跟别人说这件事', '发那个帖子', '找我女朋友', '去作证', '举报我', '来我家附近', '拉黑我', '不还钱', '多嘴', '告诉你爸妈', '去法院告我'];
const ZH_DIRECT = [
  '我一定要{harm}', '我迟早{harm}', '信不信我{harm}', '等着吧，{when}我就{harm}', '你给我等着，我会{harm}', '下次见到你我就{harm}', '我发誓要{harm}', '{when}我就去{harm}',
  '你完了，我要{harm}', '我已经盯上你了，{when}就{harm}',
];
const ZH_CONDITIONAL = [
  '你再{trig}，我就{harm}', '要是你敢{trig}，我就{harm}', '再{trig}就{harm}', '你敢{trig}试试，看我不{harm}', '只要你{trig}，我保证{harm}', '再让我看见你{near}，我就{harm}',
  '你要是{trig}，你就死定了', '不{demand}的话，我就{harm}', '敢{trig}，你就等着收尸吧',
];
const ZH_NEAR = ['在我家楼下', '跟我老婆说话', '靠近我妹妹', '在这条街上', '来我店里'];
const ZH_DEMAND = ['把钱还上', '撤回举报', '删掉那篇文章', '搬出这个小区', '撤诉', '辞职走人'];
const ZH_FAMILY = ['家人', '老婆', '孩子', '爸妈', '女儿', '儿子', '老公', '妹妹', '全家'];
const ZH_PROPERTY = ['店', '车', '房子', '摊子', '公司', '仓库'];
const ZH_VEILED = [
  '你家在哪我清楚', '我知道你住哪个小区哪栋楼', '我知道你{fam}在哪个学校上学', '你每天几点下班我都知道', '你开什么车、车牌多少我都清楚', '晚上走夜路小心点，什么事都可能发生',
  '好好想想你的{fam}再决定要不要{trig}', '你家门口的监控拍不到我', '我已经把你的住址和电话发到群里了，等着有人上门吧', '我会把你人肉出来，让所有人都去找你',
  '最近别一个人出门', '你这么嚣张，不怕哪天出点意外？', '听说你女儿每天自己走路回家？可要看好了', '你的{prop}挺不错的，要是哪天着火了多可惜', '你单位地址我也查到了，咱们见面聊',
  '我就在你家楼下，你出来看看', '你能躲得了一时，躲不了一世',
];
const ZH_FAMILY_THREATS = [
  '你{fam}都别想好过', '我会去找你{fam}', '动不了你，我就动你{fam}', '我一把火烧了你的{prop}', '把你的{prop}砸了', '你{fam}的安全你自己掂量', '再不听话，你{fam}就要倒霉了',
  '我要让你{fam}给你陪葬',
];
const ZH_AMOUNT = ['五千块', '两万', '一万块钱', '三千', '0.1个比特币', '五万'];
const ZH_SECRET = ['裸照', '聊天记录', '私密视频', '私密照片', '开房记录', '不雅视频'];
const ZH_AUDIENCE = ['你老婆', '你公司所有人', '你爸妈', '你所有微信好友', '你的同学群', '你老公'];
const ZH_EXTORTION = [
  '给我转{amt}，不然就把你的{secret}发给{aud}', '24小时内打{amt}到这个账户，否则你的{secret}全网公开', '不给钱就把你的{secret}发出去', '我手上有你的{secret}，想要我删掉就拿{amt}来',
  '拿{amt}来，不然你{fam}就要出事了', '每个月给我{amt}，不然{aud}都会看到你的{secret}', '我黑进了你的摄像头，转{amt}，否则{secret}发给{aud}',
];
const ZH_SLANG = [
  '等着挨揍吧', '你等着，老子弄不死你', '敢再嘚瑟一句试试，削你', '放学别走', '今晚就去堵你', '有种别跑，看我怎么收拾你', '你小子活腻了是吧', '出来单挑，不把你打趴下我不姓王',
];
const ZH_FORMAL = [
  '请你在三日内{demand}，否则后果自负', '这是最后一次警告：{demand}，不然你和你的{fam}都不会安全', '如果你继续{trig}，我们会让你付出代价', '限你本周内{demand}，否则别怪我们不客气',
];
const ZH_CHAT = ['你死定了哈', '等着吧你', '出门小心点哦，你家地址我有了', '地址我已经查到了，见面聊', '明天学校门口见，带好医药费', '你再回一句试试，我去你家找你', '呵呵，你IP和住址我都有了'];

/* ---- Chinese: benign twins ---- */
const ZH_IDIOMS = [
  '笑死我了', '打死也不信他会早起', '累死我了，今天走了两万步', '这道题把我难死了', '饿死了，先去吃饭', '热死了，空调开大点', '这首歌太杀了', '他在台上直接炸场了，太强了',
  '我妈知道了非得念叨死我，哈哈', '吓死宝宝了', '这个价格简直是杀猪', '他一开口就把全场笑翻了', '考完试整个人都废了', '这个表演杀疯了',
];
const ZH_TECH = [
  '干掉这个bug再下班', '先把进程杀掉再重启服务', '用kill -9 杀掉{pid}号进程', '杀毒软件把我的脚本误删了', '把僵尸进程干掉', '内存泄漏终于被我揪出来了', '服务挂了，我去重启一下',
  '这个线程要及时结束，不然会卡死', '要是测试再挂，我就回滚你的提交', '端口{port}被占用了，把占用它的进程杀了', '看门狗会杀掉{n}秒没响应的进程', '谢谢，我这就把进程结束掉',
  '{svc}又卡死了，我把进程杀掉重启一下', '部署前先把{svc}的进程干掉', '{svc}总是被系统杀掉，怎么排查？', '今晚十二点要把{svc}停掉维护',
];
const ZH_SERVICES = ['nginx', '数据库', '后台服务', '爬虫脚本', 'Redis', '编译任务', '浏览器', '定时任务'];
const ZH_GAMES = [
  '这局我要把你打爆', '我一枪爆头，对面直接没了', '团战先秒对面的法师', '下把带你飞', '周六的比赛我们一定要赢下对手', '这盘棋我要吃掉你的车', '你再蹲草丛我就用大招收了你',
  '今晚我们队要把他们打得落花流水', '决赛见，我一定把你淘汰', '下半场我们要压着他们打', '这局{game}我要把你打爆', '你再{gmove}，我就{gpunish}', '周末{game}约起来，看我怎么虐你', '{person}在{stage}直接杀疯了',
];
const ZH_QUESTIONS = [
  '被人威胁怎么办？', '收到恐吓短信应该报警吗？', '有人在网上说“我知道你住哪”，我该怎么办？', '被人人肉了怎么处理？', '敲诈勒索罪怎么判？', '前任说要把我的私密照片发出去，该找谁帮忙？',
  '收到要比特币的勒索邮件怎么办？', '怎么保存被威胁的证据？', '孩子在学校被同学威胁，家长该怎么做？', '邻居说要烧我的车，能申请人身安全保护令吗？', '游戏里骂人说“弄死你”算违法吗？',
  '什么是人肉搜索，个人住址泄露了怎么办？', '有人在{seen}说“{quote}”，要报警吗？', '{seen}收到“{quote}”这种话，算犯罪吗？',
];
const ZH_GAME = ['王者', '吃鸡', '象棋', '乒乓球', '斗地主', '马里奥赛车', '英雄联盟'];
const ZH_GAME_MOVE = ['蹲草丛', '抢我的蓝', '偷我的塔', '抢我的人头'];
const ZH_GAME_PUNISH = ['用大招收了你', '一枪把你送回泉水', '吃掉你的马', '把你打回老家'];
const ZH_PERSON = ['你', '我妹', '这个乐队', '我们鼓手', '她', '全体演员'];
const ZH_STAGE = ['台上', '年会上', '决赛里', '面试时', 'KTV里'];
const ZH_QUOTE = ['我知道你住哪', '出门小心点', '你死定了', '我会找到你', '你全家都别想好过', '不给钱就把照片发出去'];
const ZH_SEEN = ['我帖子下面', '私信里', '我车上的纸条里', '陌生号码的短信里', '游戏聊天里', '邮件里'];
const ZH_GENRE = ['悬疑', '犯罪', '恐怖', '推理', '武侠'];
const ZH_VILLAIN = ['反派', '跟踪狂', '黑帮老大', '勒索者', '黑警'];
const ZH_VICTIM = ['侦探', '女主角', '店主', '市长', '记者'];
const ZH_FICTION = [
  '帮我写一段反派威胁主角的台词，小说用', '写一个绑匪打电话要赎金的悬疑场景', '电影里黑帮老大警告店主的那段台词是什么意思？', '推荐几部讲敲诈勒索的电影',
  '写一个侦探收到匿名恐吓信的短篇故事', '帮我写一段{genre}小说里{villain}威胁{victim}的台词', '{genre}剧本里，{villain}怎么不明说也能吓住{victim}？', '恐怖片里反派的威胁为什么让人害怕？',
];
const ZH_BENIGN_FRAMES = [
  '你再熬夜，身体就要垮了', '要是你周五前交报告，我就请你吃饭', '再迟到就要扣全勤奖了', '你再忘带钥匙，我就给你配一把备用的', '要是你来，我就去车站接你', '你家在哪我清楚，明天把书给你送过去',
  '我知道你孩子在哪个学校，顺路帮你接一下', '晚上走夜路小心点，路上结冰了', '好好想想你的{fam}，体检别再拖了', '你每天几点下班我都知道，晚饭给你留着', '请在周五前缴纳{amt}物业费，逾期将产生滞纳金',
  '给我转{amt}，我帮你一起买票', '旅行的照片我发给{aud}了，他们很喜欢', '我会去帮你{fam}搬家', '你的{prop}挺不错的，在哪买的？', '我就在你家楼下，你出来吧，一起去吃饭',
  '再让我看见你在健身房，我就请你喝咖啡', '你敢再考这么好，我就请全班喝奶茶',
];

const ZH_BENIGN_COMPOSED = [
  '你再{btrig}，我就{bact}', '要是你{btrig}，我就{bact}', '下次见到你我就{bact}', '我保证{bwhen}{bact}', '{bwhen}我去你家{bact}', '只要你{btrig}，我就{bact}', '等着吧，{bwhen}我就{bact}',
];
const ZH_BENIGN_TRIGGER = ['提前交报告', '需要人接', '把文件发我', '打赌赢了', '又忘带钥匙', '下班给我打电话', '考过了', '来参加聚会', '带孩子来', '落地了给我发消息'];
const ZH_BENIGN_ACT = ['请你吃饭', '八点去接你', '给你配一把钥匙', '给你烤个蛋糕', '帮你修自行车', '把照片发给你', '帮你搬家', '给你全家做顿饭', '帮你浇花', '帮你遛狗', '送你去机场', '把书还给你'];
const ZH_BENIGN_WHEN = ['今晚', '明天', '下班后', '周六', '这个周末', '下次'];

const PORTS = ['3000', '8080', '5432', '443', '9000'];
const PIDS = ['4312', '1877', '20931', '512'];
const SECONDS = ['30', '60', '90', '120'];

type Family = { en: readonly string[]; zh: readonly string[]; weight: number };
const THREAT_FAMILIES: readonly Family[] = [
  { en: EN_DIRECT, zh: ZH_DIRECT, weight: 3 },
  { en: EN_CONDITIONAL, zh: ZH_CONDITIONAL, weight: 3 },
  { en: EN_VEILED, zh: ZH_VEILED, weight: 3 },
  { en: EN_FAMILY_THREATS, zh: ZH_FAMILY_THREATS, weight: 2 },
  { en: EN_EXTORTION, zh: ZH_EXTORTION, weight: 2 },
  { en: EN_SLANG, zh: ZH_SLANG, weight: 1 },
  { en: EN_FORMAL, zh: ZH_FORMAL, weight: 1 },
  { en: EN_CHAT, zh: ZH_CHAT, weight: 1 },
];
const BENIGN_FAMILIES: readonly Family[] = [
  { en: EN_IDIOMS, zh: ZH_IDIOMS, weight: 2 },
  { en: EN_TECH, zh: ZH_TECH, weight: 2 },
  { en: EN_GAMES, zh: ZH_GAMES, weight: 2 },
  { en: EN_QUESTIONS, zh: ZH_QUESTIONS, weight: 2 },
  { en: EN_FICTION, zh: ZH_FICTION, weight: 1 },
  { en: EN_BENIGN_FRAMES, zh: ZH_BENIGN_FRAMES, weight: 3 },
  { en: EN_BENIGN_COMPOSED, zh: ZH_BENIGN_COMPOSED, weight: 2 },
];

const EN_SLOTS = {
  harm: EN_HARM, when: EN_WHEN, trigger: EN_TRIGGER, near: EN_NEAR, demand: EN_DEMAND, fam: EN_FAMILY, prop: EN_PROPERTY, street: EN_STREET, amount: EN_AMOUNT,
  deadline: EN_DEADLINE, secret: EN_SECRET, aud: EN_AUDIENCE, country: EN_COUNTRIES, port: PORTS, pid: PIDS, n: SECONDS, bdemand: EN_BENIGN_DEMAND, btrigger: EN_BENIGN_TRIGGER, Btrigger: EN_BENIGN_TRIGGER, bact: EN_BENIGN_ACT, bwhen: EN_BENIGN_WHEN,
  svc: EN_SERVICES, game: EN_GAME, gmove: EN_GAME_MOVE, gpunish: EN_GAME_PUNISH, team: EN_TEAM, day: EN_DAY, person: EN_PERSON, stage: EN_STAGE, quote: EN_QUOTE, seen: EN_SEEN,
  genre: EN_GENRE, villain: EN_VILLAIN, victim: EN_VICTIM,
};
const ZH_SLOTS = {
  harm: ZH_HARM, when: ZH_WHEN, trig: ZH_TRIGGER, near: ZH_NEAR, demand: ZH_DEMAND, fam: ZH_FAMILY, prop: ZH_PROPERTY, amt: ZH_AMOUNT, secret: ZH_SECRET, aud: ZH_AUDIENCE,
  port: PORTS, pid: PIDS, n: SECONDS, svc: ZH_SERVICES, game: ZH_GAME, gmove: ZH_GAME_MOVE, gpunish: ZH_GAME_PUNISH, person: ZH_PERSON, stage: ZH_STAGE, quote: ZH_QUOTE,
  seen: ZH_SEEN, genre: ZH_GENRE, villain: ZH_VILLAIN, victim: ZH_VICTIM, btrig: ZH_BENIGN_TRIGGER, bact: ZH_BENIGN_ACT, bwhen: ZH_BENIGN_WHEN,
};

function pickFamily(rng: Rng, families: readonly Family[]): Family {
  const total = families.reduce((s, f) => s + f.weight, 0);
  let r = rng() * total;
  for (const f of families) if ((r -= f.weight) < 0) return f;
  return families[families.length - 1]!;
}

/** Register noise of chat: all lower case, or the final full stop dropped (EN); the final punctuation varied (ZH). */
function enSurface(rng: Rng, text: string): string {
  const r = rng();
  if (r < 0.2) return text.toLowerCase();
  if (r < 0.35) return text.replace(/[.!]$/, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
function zhSurface(rng: Rng, text: string): string {
  if (/[？?]$/.test(text)) return text;
  return text + pick(rng, ['', '。', '！', '。', '!!']);
}

/** Threats (toxic) and benign twins in the same frames (non_toxic), alternating languages; `benignShare` of the rows benign. */
export function threatStatements(seed: number, count: number, benignShare: number): GeneratedRow[] {
  const rng = createRng(seed);
  const rows: GeneratedRow[] = [];
  for (let i = 0; i < count; i += 1) {
    const zh = i % 2 === 1;
    const benign = rng() < benignShare;
    const family = pickFamily(rng, benign ? BENIGN_FAMILIES : THREAT_FAMILIES);
    const template = pick(rng, zh ? family.zh : family.en);
    const text = zh ? zhSurface(rng, fill(rng, template, ZH_SLOTS)) : enSurface(rng, fill(rng, template, EN_SLOTS));
    rows.push({ text, label: benign ? 'non_toxic' : 'toxic', lang: zh ? 'zh' : 'en', source: 'sealgate-threats' });
  }
  return rows;
}
