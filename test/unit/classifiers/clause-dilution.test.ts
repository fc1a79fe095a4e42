/**
 * An insult after a benign clause (issue 4): a short text was scored as one bag of n-grams, so the numbers, addresses
 * and business words before the insult diluted it below the threshold. Scores on the old code (toxicity.toxic; thresholds
 * ZH 0.419, EN 0.464): "你这个傻逼" 0.962, "Contact me at user1@example.com, 你这个傻逼" 0.332, "请联系我，电话是13800138000，
 * 你这个傻逼" 0.257, "you are a stupid idiot" 0.988, "Call me at 555-123-4567 or email john@acme.com about the invoice, you
 * are a stupid idiot" 0.135. Each clause of a short text is now also scored, at its own language's threshold but at
 * least 0.95 (toxicity/index.ts). A clause the head scores below 0.95 alone stays missed ('…, expected delivery Monday,
 * you moron': 'you moron' 0.62; '… Shut up, you worthless idiot.': the comma leaves 'you worthless idiot.' 0.81).
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
    expect(finding?.meta).toMatchObject({ via: 'clause', lang: 'zh', threshold: 0.95 });
  });

  it.each(HARMLESS)('does not flag the harmless %j', async (text) => {
    expect(await toxic(text)).toBeUndefined();
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
