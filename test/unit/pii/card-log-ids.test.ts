import { describe, expect, it } from 'vitest';
import { found, typesIn } from './helpers.js';

/** The digit that makes `body` Luhn-valid when appended. */
function luhnComplete(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

/** A deterministic stream of random-looking ids with a card issuer's prefix that pass Luhn (what 1 in ~29 random ids is). */
function cardShapedIds(count: number): string[] {
  let seed = 20261130;
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
  const prefixes = ['4', '51', '55', '2221', '34', '6011', '62', '3530'];
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const prefix = prefixes[i % prefixes.length]!;
    const length = i % 2 ? 16 : 19;
    let body = prefix;
    while (body.length < length - 1) body += String(next() % 10);
    ids.push(luhnComplete(body));
  }
  return ids;
}

const LOG_ID_CONTEXTS = ['trace_id={}', 'x-request-id: {}', 'request id {}', 'span_id={} parent=0', 'order {} shipped', '订单号：{}', '流水号{}', '请求ID: {}', 'correlation-id: {}'];
const isCardish = (t: string | undefined) => t === 'CREDIT_CARD' || t === 'BANK_ACCOUNT';

describe('a Luhn-valid digit run next to a log or order id word is not a card', () => {
  it('no card-shaped id is flagged after trace_id=, request id, order, 订单号, 流水号 …', () => {
    const ids = cardShapedIds(400);
    for (const context of LOG_ID_CONTEXTS) {
      const flagged = ids.filter((id) => typesIn(context.replace('{}', id)).some(isCardish));
      expect(flagged, context).toEqual([]);
    }
  });

  it('the same numbers are still cards with card words, or on their own', () => {
    for (const id of cardShapedIds(40)) {
      expect(typesIn(`card number ${id}`), id).toContain('CREDIT_CARD');
      expect(typesIn(`银行卡号：${id}`), id).toContain('CREDIT_CARD');
      expect(typesIn(id), id).toContain('CREDIT_CARD');
    }
  });

  it('a card is still found when an order word comes later, or when it is grouped as printed', () => {
    expect(found('My card 4111111111111111 was charged twice, order 20240501')).toContain('CREDIT_CARD:4111111111111111');
    expect(found('卡号=4111111111111111 订单=20240501123')).toContain('CREDIT_CARD:4111111111111111');
    expect(found('order 8812: 4111 1111 1111 1111')).toContain('CREDIT_CARD:4111 1111 1111 1111');
  });
});
