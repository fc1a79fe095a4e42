import { describe, expect, it } from 'vitest';
import { typesIn } from './helpers.js';

/** Things that look like identifiers but are not: none of these may produce a finding. */
const NEAR_MISSES = [
  'Order #20231015123456 shipped',
  '订单号 20231015123456789 已发货',
  '快递单号 SF1234567890123',
  'timestamp 1700000000123',
  '时间戳 1699999999',
  '2023-10-15T12:30:45.123Z',
  '2023-10-15 12:30:45',
  'version 1.2.3.4',
  'release v12.4.0.1-beta',
  'node 20.19.43, npm 11.19.1',
  'commit 9fceb02d0ae598e95dc970b74767f19372d61af8',
  'sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  'uuid 123e4567-e89b-12d3-a456-426614174000',
  'ISBN 978-3-16-148410-0',
  'invoice 4111111111111112',
  'total 1234567.89 元',
  'the quick brown fox jumps over the lazy dog',
  '今天天气很好，我们去公园散步吧。',
  'pi = 3.14159265358979',
  '共计 138 件，单价 13.80 元',
  'Page 12 of 138',
  'port 8080, pid 13800',
  // A log line's timestamp next to a phone word (found by QA round 6: '2024-05-12 12' was a PHONE_NUMBER).
  '手机 2024-05-12 12:34:56 登录成功',
  'phone verified at 2024.05.12 08:15',
  'Call log 05-12-2024',
  '电话 03-12-2023 下午回访',
  // An amount with a mobile number's digits (found by H2's QA: each was a PHONE_NUMBER at 0.8).
  '余额 15012345678.00 元',
  '金额：13800138000元',
  '共计¥13800138000',
  'total $13800138000 due',
];

/** Phones next to what the amount check looks at, which must stay phones. */
const PHONES_NOT_AMOUNTS = ['手机13800138000。', 'call 13800138000. thanks', '手机：13800138000，微信同号', '电话 13800138000 元旦后联系', '手机 13800138000 万一打不通'];

describe('adversarial near-misses', () => {
  for (const text of NEAR_MISSES) {
    it(`no finding in: ${text}`, () => {
      expect(typesIn(text)).toEqual([]);
    });
  }
});

describe('a phone next to a full stop or a currency-free word stays a phone', () => {
  for (const text of PHONES_NOT_AMOUNTS) {
    it(text, () => {
      expect(typesIn(text)).toContain('PHONE_NUMBER');
    });
  }
});
