import { describe, expect, it } from 'vitest';
import { createDetector } from '../../../guardrails/registry.js';
import { createPiiDetector, resolveOverlaps, DEFAULT_SENSITIVITY } from '../../../guardrails/pii/index.js';
import { mayBeUpperCase, OTHER_NON_ASCII } from '../../../guardrails/pii/detector.js';

describe('createPiiDetector', () => {
  it('returns findings with original-text spans, categories, scores and sensitivity — never the value', () => {
    const text = '身份证：１１０１０５\u200b１９４９１２３１００２Ｘ';
    const [f] = createPiiDetector().detect(text);
    expect(f).toMatchObject({ detector: 'pii.cn_resident_id', category: 'pii.cn_resident_id', type: 'CN_RESIDENT_ID', sensitivity: 'sensitive' });
    expect(text.slice(f!.start, f!.end)).toBe('１１０１０５\u200b１９４９１２３１００２Ｘ');
    expect(f!.score).toBeGreaterThan(0.9);
    expect(JSON.stringify(f)).not.toContain('110105');
  });

  it('secrets are reported under the secret.* category family', () => {
    const [f] = createPiiDetector().detect('password=Hunter2!xyz');
    expect(f!.category).toBe('secret.password');
  });

  it('filters by entities / exclude / minScore and honours allowList', () => {
    const text = 'mail a.b@example.com, call 13800138000, support@corp.example';
    expect(createPiiDetector({ entities: ['PHONE_NUMBER'] }).detect(text).map((f) => f.type)).toEqual(['PHONE_NUMBER']);
    expect(createPiiDetector({ exclude: ['PHONE_NUMBER'] }).detect(text).map((f) => f.type)).toEqual(['EMAIL_ADDRESS', 'EMAIL_ADDRESS']);
    expect(createPiiDetector({ allowList: ['support@corp.example'] }).detect(text).map((f) => f.type)).toEqual(['EMAIL_ADDRESS', 'PHONE_NUMBER']);
    expect(createPiiDetector({ minScore: 0.99 }).detect('x 13800138000').length).toBe(0);
  });

  it('sensitivity grades are configurable', () => {
    expect(DEFAULT_SENSITIVITY.CN_RESIDENT_ID).toBe('sensitive');
    expect(DEFAULT_SENSITIVITY.PHONE_NUMBER).toBe('personal');
    const [f] = createPiiDetector({ sensitivity: { PHONE_NUMBER: 'sensitive' } }).detect('手机13800138000');
    expect(f!.sensitivity).toBe('sensitive');
  });

  it('custom context words raise scores', () => {
    const text = 'member 536228471';
    expect(createPiiDetector().detect(text)).toEqual([]);
    expect(createPiiDetector({ context: { US_SSN: { positive: ['member'] } } }).detect(text).map((f) => f.type)).toEqual(['US_SSN']);
  });

  it('rejects bad options with a readable error', () => {
    expect(() => createPiiDetector({ entities: ['NOPE'] } as never)).toThrow(/invalid pii options/);
    expect(() => createPiiDetector({ minScore: 2 })).toThrow(/invalid pii options/);
  });

  it('is registered as "pii" in the detector registry', async () => {
    const d = await createDetector('pii');
    expect(d.name).toBe('pii');
    expect((await d.detect('13800138000'))[0]!.type).toBe('PHONE_NUMBER');
  });

  it('is deterministic and handles empty input', () => {
    const d = createPiiDetector();
    const text = 'John Smith, 4111111111111111, 张伟 13800138000';
    expect(d.detect(text)).toEqual(d.detect(text));
    expect(d.detect('')).toEqual([]);
  });
});

describe('resolveOverlaps', () => {
  it('highest score wins, then the longer span, then earlier start, then type name', () => {
    const a = { start: 0, end: 10, score: 0.9, type: 'A' };
    const b = { start: 5, end: 20, score: 0.9, type: 'B' };
    const c = { start: 18, end: 25, score: 0.95, type: 'C' };
    expect(resolveOverlaps([a, b, c]).map((x) => x.type)).toEqual(['A', 'C']);
    const d = { start: 0, end: 10, score: 0.8, type: 'Z' };
    const e = { start: 0, end: 10, score: 0.8, type: 'Y' };
    expect(resolveOverlaps([d, e]).map((x) => x.type)).toEqual(['Y']);
    expect(resolveOverlaps([e, d]).map((x) => x.type)).toEqual(['Y']);
  });

  it('hasUpper shortcut: no BMP character ruled out by mayBeUpperCase is an upper-case letter, and the long-text regex agrees with it', () => {
    const lu = /\p{Lu}/u;
    let ruledOut = 0;
    for (let c = 0x80; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (!mayBeUpperCase(c)) {
        ruledOut++;
        if (lu.test(ch)) expect.fail(`U+${c.toString(16)} is \\p{Lu} but mayBeUpperCase rules it out`);
        // Nor does lower-casing change it: a text made of such characters (and ASCII other than A-Z) is its own `lower`.
        if (ch.toLowerCase() !== ch) expect.fail(`U+${c.toString(16)} changes under toLowerCase but mayBeUpperCase rules it out`);
      }
      if (OTHER_NON_ASCII.test(ch) !== mayBeUpperCase(c)) expect.fail(`U+${c.toString(16)}: OTHER_NON_ASCII and mayBeUpperCase disagree`);
    }
    expect(ruledOut).toBeGreaterThan(40000);
  });

  it('finds the same things in Chinese text whose lower-cased form is the text itself', () => {
    const d = createPiiDetector();
    const text = '联系人：王芳，电话13800138000，地址：北京市朝阳区建国路88号';
    expect(text.toLowerCase()).toBe(text);
    expect(d.detect(text).map((f) => f.type)).toEqual(['PERSON', 'PHONE_NUMBER', 'ADDRESS']);
  });
});
