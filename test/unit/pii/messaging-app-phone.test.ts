/**
 * An eight-digit local number next to a messaging-app word (WhatsApp 91234567) was missed when no place word was
 * near (task H2): the Hong Kong / Macau / Taiwan local-number recognizer was gated on place words and traditional
 * phone words only, and the generic phone shapes take no bare eight-digit run. A messaging-app word (WhatsApp,
 * WeChat / 微信, LINE, Telegram, Signal, Viber) is now a gate and phone context for a number libphonenumber-js calls
 * valid in the HK or MO plan (or TW with its trunk 0); a calendar date or an amount next to it is not one.
 */
import { describe, expect, it } from 'vitest';
import { found, typesIn } from './helpers.js';

describe('local numbers next to a messaging-app word', () => {
  it.each([
    ['WhatsApp 91234567', '91234567'],
    ['whatsapp: 9123 4567', '9123 4567'],
    ['Add me on WeChat 61234567', '61234567'],
    ['微信 91234567', '91234567'],
    ['加我微信：9123-4567', '9123-4567'],
    ['Telegram 51234567', '51234567'],
    ['message me on Signal, 91234567', '91234567'],
    ['Viber 66123456', '66123456'],
    ['LINE ID 0912345678', '0912345678'],
  ])('%s is a phone number', (text, value) => {
    expect(found(text).filter((f) => f.startsWith('PHONE_NUMBER:'))).toEqual([`PHONE_NUMBER:${value}`]);
  });

  it.each([
    'WhatsApp order 91234567',
    'WhatsApp 订单号 91234567',
    'WeChat tracking 91234567',
    '微信 快递单号 91234567',
    'WhatsApp invoice 91234567',
    'WhatsApp 12345678',
    'WhatsApp 20240512',
    '微信 20231231 更新',
    'WeChat ¥ 91234567',
    '微信转账 50000000元',
    '微信支付 88888888 元',
    'WhatsApp HK$91234567',
    'Telegram 2024-05-12 12:34:56',
    'Signal 12:34:56 91234567.5',
    'WhatsApp version 2.24.10.85',
    'WhatsApp 912345678',
    'WhatsApp build 91234567',
    'The line 91234567 of the log',
    'online 91234567',
  ])('near miss: %s', (text) => {
    expect(typesIn(text), text).not.toContain('PHONE_NUMBER');
  });

  it('without any phone, app or place word an eight-digit run is still no phone', () => {
    expect(typesIn('ref 91234567')).not.toContain('PHONE_NUMBER');
    expect(typesIn('91234567')).not.toContain('PHONE_NUMBER');
  });
});
