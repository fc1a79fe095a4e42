import { describe, expect, it } from 'vitest';
import {
  anonymize,
  createPiiDetector,
  createPiiSession,
  hashOperator,
  maskOperator,
  placeholderOperator,
  pseudonymizeOperator,
  redactOperator,
} from '../../../guardrails/pii/index.js';

const detector = createPiiDetector();
const TEXT = '张伟的手机13800138000，备用 138 0013 8000，邮箱 zw@example.com，卡号 4111 1111 1111 1111';
const findings = detector.detect(TEXT).filter((f) => f.type !== 'PERSON');

describe('operators', () => {
  it('redact replaces every value with [REDACTED]', () => {
    expect(redactOperator.apply(TEXT, findings).text).toBe('张伟的手机[REDACTED]，备用 [REDACTED]，邮箱 [REDACTED]，卡号 [REDACTED]');
    expect(redactOperator.apply(TEXT, findings, { redactWith: '█' }).text).toContain('手机█');
  });

  it('placeholder numbers per type, same value (any formatting) → same number', () => {
    const out = placeholderOperator.apply(TEXT, findings).text;
    expect(out).toBe('张伟的手机<PHONE_1>，备用 <PHONE_1>，邮箱 <EMAIL_1>，卡号 <CARD_1>');
    const session = createPiiSession();
    const a = anonymize('call 13900001111 or 13800138000', detector.detect('call 13900001111 or 13800138000'), 'placeholder', { session });
    expect(a.text).toBe('call <PHONE_1> or <PHONE_2>');
    // Stable across messages of the same request.
    const b = anonymize('again 13800138000', detector.detect('again 13800138000'), 'placeholder', { session });
    expect(b.text).toBe('again <PHONE_2>');
    expect(a.restore).toBeUndefined();
  });

  it('never issues a placeholder the user typed literally', () => {
    const text = 'template <PHONE_1> then real 13800138000';
    const out = anonymize(text, detector.detect(text), 'pseudonymize', { session: createPiiSession() });
    expect(out.text).toBe('template <PHONE_1> then real <PHONE_2>');
    expect(out.restore!('<PHONE_1> / <PHONE_2>')).toBe('<PHONE_1> / 13800138000');
  });

  it('mask keeps the last N letters/digits and the separators', () => {
    expect(maskOperator.apply(TEXT, findings).text).toContain('卡号 **** **** **** 1111');
    expect(maskOperator.apply('13800138000', [{ ...findings[0]!, start: 0, end: 11 }], { maskKeepLast: 3, maskChar: '#' }).text).toBe('########000');
  });

  it('hash is keyed, stable across formatting, different across keys', () => {
    const k1 = { hashKey: 'k'.repeat(32) };
    const out = hashOperator.apply(TEXT, findings, k1).text;
    const phones = out.match(/<PHONE:[0-9a-f]{16}>/g)!;
    expect(phones).toHaveLength(2);
    expect(phones[0]).toBe(phones[1]);
    expect(out).not.toContain('13800138000');
    const other = hashOperator.apply(TEXT, findings, { hashKey: 'x'.repeat(32) }).text;
    expect(other.match(/<PHONE:[0-9a-f]{16}>/)![0]).not.toBe(phones[0]);
    expect(() => hashOperator.apply(TEXT, findings)).toThrow(/hashKey/);
  });

  it('pseudonymize round-trips and restores tolerant placeholder spellings', () => {
    const session = createPiiSession();
    const { text, restore } = pseudonymizeOperator.apply(TEXT, findings, { session });
    for (const value of ['13800138000', '138 0013 8000', 'zw@example.com', '4111 1111 1111 1111']) expect(text).not.toContain(value);
    expect(restore!('请拨打<PHONE_1>或发邮件到< EMAIL_1 >，卡<card_1>')).toBe('请拨打13800138000或发邮件到zw@example.com，卡4111 1111 1111 1111');
    expect(restore!('unknown <PHONE_9> stays')).toBe('unknown <PHONE_9> stays');
    session.clear();
    expect(session.restore('<PHONE_1>')).toBe('<PHONE_1>');
  });

  it('anonymize applies an operator per finding; allow leaves a span untouched', () => {
    const out = anonymize(TEXT, findings, (f) => (f.type === 'CREDIT_CARD' ? 'mask' : f.type === 'EMAIL_ADDRESS' ? 'allow' : 'pseudonymize'), { session: createPiiSession() });
    expect(out.text).toBe('张伟的手机<PHONE_1>，备用 <PHONE_1>，邮箱 zw@example.com，卡号 **** **** **** 1111');
    expect(out.restore!('<PHONE_1>')).toBe('13800138000');
  });

  it('overlapping or out-of-range findings are skipped safely', () => {
    const f = findings[0]!;
    const out = redactOperator.apply('short', [{ ...f, start: 2, end: 99 }, { ...f, start: 0, end: 3 }, { ...f, start: 1, end: 2 }]);
    expect(out.text).toBe('[REDACTED]rt');
  });
});

describe('output leak check', () => {
  it('separates values the user sent from values the model leaked', () => {
    const session = createPiiSession();
    const input = '我的手机13800138000，帮我写封信';
    session.noteSent(input, detector.detect(input));
    const output = '好的，已记录 138 0013 8000。另外张总的手机是13900001111。';
    const leaked = session.leakedFindings(output, detector.detect(output)).map((f) => output.slice(f.start, f.end));
    expect(leaked).toContain('13900001111');
    expect(leaked).not.toContain('138 0013 8000');
  });
});

describe('placeholder vs pseudonymize in one session', () => {
  it('placeholders share numbering but are never restored; pseudonyms are', () => {
    const session = createPiiSession();
    const a = 'call 13900001111';
    const out = anonymize(a, detector.detect(a), 'placeholder', { session });
    expect(out.text).toBe('call <PHONE_1>');
    expect(session.restore('x <PHONE_1>')).toBe('x <PHONE_1>');
    const b = 'or 13800138000 and 13900001111';
    const out2 = anonymize(b, detector.detect(b), 'pseudonymize', { session });
    expect(out2.text).toBe('or <PHONE_2> and <PHONE_1>');
    expect(session.restore('<PHONE_2>')).toBe('13800138000');
  });
});
