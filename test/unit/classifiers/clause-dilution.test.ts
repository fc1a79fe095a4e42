/**
 * An insult after a benign clause (issue 4): a short text was scored as one bag of n-grams, so the numbers, addresses
 * and business words before the insult diluted it below the threshold. Scores on the old code (toxicity.toxic; thresholds
 * ZH 0.419, EN 0.464): "你这个傻逼" 0.962, "Contact me at user1@example.com, 你这个傻逼" 0.332, "请联系我，电话是13800138000，
 * 你这个傻逼" 0.257, "you are a stupid idiot" 0.988, "Call me at 555-123-4567 or email john@acme.com about the invoice, you
 * are a stupid idiot" 0.135. Each clause of a short text is now also scored, at its own language's threshold but at
 * least 0.95 (toxicity/index.ts), or 0.6 when it aims a lexicon word at the reader (see the second describe below).
 */
import { describe, expect, it } from 'vitest';
import { createToxicityDetector } from '../../../guardrails/toxicity/index.js';
import { clauseSpans } from '../../../guardrails/text-model/views.js';
import type { Finding } from '../../../guardrails/core/types.js';

/** Missed on the old code (toxicity.toxic below the threshold). */
const DILUTED = [
  'Contact me at user1@example.com, 你这个傻逼',
  '请联系我，电话是13800138000，你这个傻逼',
  'Call me at 555-123-4567 or email john@acme.com about the invoice, you are a stupid idiot',
  // Variants, written by hand.
  'Please send the invoice to billing@acme.com by Friday, 2026-12-04, reference PO-88172, and copy finance@acme.com. You are a stupid idiot.',
  '发票已经寄到北京市朝阳区建国路88号，订单号20261130，你这个傻逼',
  '请把合同发到 sales@example.cn，发票抬头写北京星河科技有限公司，谢谢\n你就是个傻逼',
  'Order #44817 shipped on 2026-11-28 via UPS, tracking 1Z999AA10123456784, 你这个傻逼',
];

/** Flagged on the old code too: still flagged. */
const FLAGGED_BEFORE = [
  '你这个傻逼',
  'you are a stupid idiot',
  'Contact me later, 你这个傻逼',
  'Contact me at user1@example.com, you are a stupid idiot',
  '明天下午三点开会，请准备好预算表和季度报告。你这个傻逼！',
];

const HARMLESS = [
  'Contact me at user1@example.com, I will reply tomorrow.',
  'Call me at 555-123-4567 or email john@acme.com about the invoice, thanks a lot.',
  '请联系我，电话是13800138000，谢谢。',
  '明天下午三点开会，请准备好预算表和季度报告。',
  'Kill the process, restart the server, then run the tests.',
  '你好，请问，这家店几点关门？',
];

describe('an insult after a benign clause is not diluted (committed weights)', async () => {
  const tox = await createToxicityDetector();
  const toxic = async (text: string): Promise<Finding | undefined> =>
    ((await tox.detect(text)) as Finding[]).find((f) => f.category === 'toxicity.toxic' && f.meta?.flagged === true);

  it.each(DILUTED)('flags %j, with the span of the insult', async (text) => {
    const finding = await toxic(text);
    expect(finding, text).toBeDefined();
    const span = text.slice(finding!.start, finding!.end);
    expect(span).toMatch(/傻逼|stupid idiot/);
    expect(span).not.toMatch(/@|\d{4}/);
  });

  it.each(FLAGGED_BEFORE)('still flags %j', async (text) => {
    expect(await toxic(text), text).toBeDefined();
  });

  it('reports a clause with its own language and the clause threshold (a Chinese insult after an English clause)', async () => {
    const finding = await toxic('Contact me at user1@example.com, 你这个傻逼');
    // Aimed at the reader (你) with a lexicon word: the lower clause floor, 0.6 (above the ZH threshold).
    expect(finding?.meta).toMatchObject({ via: 'clause', lang: 'zh', threshold: 0.6 });
  });

  it.each(HARMLESS)('does not flag the harmless %j', async (text) => {
    expect(await toxic(text)).toBeUndefined();
  });
});

/**
 * An insult aimed at the reader after a harmless clause, where the insult alone scores under the 0.95 clause floor (issue 4).
 * Old code (weights before the whole-word lexicon retrain; EN threshold 0.464, ZH 0.419): "Thanks for the help, you moron"
 * 0.210 ('you moron' alone 0.66), "Nice try, you pathetic loser." 0.410, "谢谢，你个智障。" 0.715 as a clause under 0.95. A clause
 * that aims a toxicity-lexicon word at the reader (you / your / u / 你 / 您) is now flagged from its language's threshold, at
 * least 0.6 (toxicity/index.ts). Sentences written by hand.
 */
const AIMED_AFTER_HARMLESS = ['Thanks for the help, you moron', 'Thanks for the help, you moron.', 'Nice try, you pathetic loser.', '谢谢，你个智障。'];

/** Harmless texts of several clauses with an abuse word in one clause: the clause views flag none of them. */
const HARMLESS_WITH_ABUSE_WORDS = [
  'That was a stupid mistake on my part, sorry about that.',
  'Damn, I missed the bus, see you in ten minutes.',
  'Holy crap, that is a huge pizza, thanks!',
  'This bug is so dumb, but I fixed it anyway.',
  'The movie was about a clown, my kids loved it.',
  'Take out the trash, then feed the cat, please.',
  'My dog is a little freak about thunder, poor thing.',
  'He called me an idiot once, but we made up.',
  'The villain shouts "you fool!", then the hero wins.',
  'Well, damn, that went better than expected.',
  'Sorry, I was a jerk yesterday, let me buy you lunch.',
  'What the hell, it works now, thanks a lot!',
  'The trash can is full, could you empty it?',
  '谢谢你的帮助，你真是个好人。',
  '我真是个笨蛋，又把钥匙忘在家里了。',
  '垃圾袋满了，麻烦你倒一下垃圾。',
  '卧槽，这也太好吃了吧，谢谢老板！',
  '笑死我了，你这个段子太好笑了。',
  '他骂我是傻子，不过我们已经和好了。',
  '今天累死了，早点睡吧，晚安。',
  '滚动条拉到底，然后点保存。',
  '你好，请问这附近有垃圾桶吗？',
];

describe('an insult aimed at the reader after a harmless clause (committed weights)', async () => {
  const tox = await createToxicityDetector();
  const flaggedFindings = async (text: string): Promise<Finding[]> =>
    ((await tox.detect(text)) as Finding[]).filter((f) => f.category === 'toxicity.toxic' && f.meta?.flagged === true);

  it.each(AIMED_AFTER_HARMLESS)('flags %j, with the span of the insult', async (text) => {
    const [finding] = await flaggedFindings(text);
    expect(finding, text).toBeDefined();
    expect(finding!.meta).toMatchObject({ via: 'clause' });
    expect(text.slice(finding!.start, finding!.end)).toMatch(/moron|loser|智障/);
    expect(text.slice(finding!.start, finding!.end)).not.toMatch(/Thanks|Nice|谢谢/);
  });

  it.each(HARMLESS_WITH_ABUSE_WORDS)('no clause view flags the harmless %j', async (text) => {
    expect((await flaggedFindings(text)).filter((f) => f.meta?.via === 'clause')).toEqual([]);
  });
});

describe('clauseSpans', () => {
  it('cuts after clause marks in both scripts and at newlines, dropping leading spaces', () => {
    const text = 'Contact me later, 你好。再见！ok?\nbye; 一，二';
    expect(clauseSpans(text).map(([s, e]) => text.slice(s, e))).toEqual(['Contact me later,', '你好。', '再见！', 'ok?', 'bye;', '一，', '二']);
  });

  it('does not cut inside numbers, addresses or abbreviations, and returns nothing for one clause', () => {
    expect(clauseSpans('Pay 3.5 or 1,000 to user1@example.com')).toEqual([]);
    expect(clauseSpans('you are a stupid idiot')).toEqual([]);
    expect(clauseSpans('Hello.')).toEqual([]);
  });
});
