/**
 * PII context words in Traditional Chinese (issue 4): most context words are listed in Simplified characters only, so
 * the same word written in Traditional (Taiwan, Hong Kong) did not raise a number's score, and a Traditional negative
 * word (訂單, 快遞) did not lower it. Before: 身份證 + a resident ID 0.95 (身份证 1.0), 銀行卡號 + a card number 0.9 (1.0), 帳號
 * + an account number and 護照號碼 + a passport number unreported (reported with 账号 / 护照号码), 訂單 13800138000 reported
 * as a phone number at 0.8 (订单: not reported). Words and text now both read Traditional characters as Simplified.
 */
import { describe, expect, it } from 'vitest';
import { createPiiDetector } from '../../../guardrails/pii/index.js';
import { ContextMatcher } from '../../../guardrails/pii/context.js';

const detector = createPiiDetector();
const findings = (text: string) => detector.detect(text).map((f) => ({ type: f.type, value: text.slice(f.start, f.end), score: f.score }));

/** [Simplified word, Traditional word, value, type]. */
const POSITIVE: Array<[string, string, string, string]> = [
  ['身份证', '身份證', '11010519491231002X', 'CN_RESIDENT_ID'],
  ['电话', '電話', '010-62345678', 'PHONE_NUMBER'],
  ['银行卡号', '銀行卡號', '6214830123456789012', 'CREDIT_CARD'],
  ['账号', '帳號', '6214 8301 2345 6789', 'BANK_ACCOUNT'],
  ['护照号码', '護照號碼', 'E12345678', 'PASSPORT'],
];

describe('PII context words in Traditional characters', () => {
  it.each(POSITIVE)('%s / %s before a value score it alike', (simplified, traditional, value, type) => {
    const plain = findings(`${simplified}：${value}`);
    expect(plain.map((f) => f.type)).toContain(type);
    expect(findings(`${traditional}：${value}`)).toEqual(plain);
  });

  it.each([
    ['订单', '訂單'],
    ['快递', '快遞'],
    ['单号', '單號'],
  ])('the negative word %s / %s keeps a number from being read as a phone number', (simplified, traditional) => {
    expect(findings(`${simplified} 13800138000`)).toEqual([]);
    expect(findings(`${traditional} 13800138000`)).toEqual([]);
  });

  it('a custom context word in Traditional counts next to Simplified text, and back; offsets are the text\'s', () => {
    const matcher = new ContextMatcher({ PERSON: { positive: ['會員編號'] } });
    const words = ['會員編號'];
    expect(matcher.index('ab 会员编号 12').occurrences(words)).toEqual([3, 7]);
    expect(matcher.index('ab 會員編號 12').occurrences(['会员编号'])).toEqual([3, 7]);
  });
});
