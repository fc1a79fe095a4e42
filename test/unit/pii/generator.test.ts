import { describe, expect, it } from 'vitest';
import { EN_FAMILY_HELD_OUT, EN_GIVEN_HELD_OUT, ZH_GIVEN_HELD_OUT, generate } from '../../../datasets/pii/generate.js';
import { EN_FIRST_NAMES, EN_SURNAMES } from '../../../guardrails/pii/dictionaries/en-names.js';
import { ZH_GIVEN_NAME_CHARS } from '../../../guardrails/pii/dictionaries/zh-names.js';
import { validators as v } from '../../../guardrails/pii/index.js';

describe('synthetic PII generator', () => {
  const records = generate(400, 7);

  it('is deterministic for a seed and balanced across languages', () => {
    expect(generate(400, 7)).toEqual(records);
    expect(records.filter((r) => r.lang === 'zh')).toHaveLength(200);
    expect(new Set(records.map((r) => r.scenario))).toEqual(new Set(['chat', 'form', 'log']));
  });

  it('labels only valid identifiers, with spans that slice the value out of the text', () => {
    for (const r of records) {
      for (const s of r.spans) {
        const value = r.text.slice(s.start, s.end);
        expect(value.trim()).toBe(value);
        expect(value.length).toBeGreaterThan(0);
        const compact = value.replace(/[\s-]/g, '');
        if (s.type === 'CN_RESIDENT_ID') expect(v.cnResidentId18(compact)).toBe(true);
        if (s.type === 'CREDIT_CARD') expect(v.luhn(compact)).toBe(true);
        if (s.type === 'IBAN_CODE') expect(v.ibanMod97(compact)).toBe(true);
        if (s.type === 'CN_USCC') expect(v.gb32100(compact)).toBe(true);
        if (s.type === 'BANK_ACCOUNT') expect(v.luhn(compact)).toBe(false);
      }
      const spans = [...r.spans].sort((a, b) => a.start - b.start);
      for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
    }
  });

  it('draws person names only from held-out pools the recognizers do not list', () => {
    expect(EN_GIVEN_HELD_OUT.length).toBeGreaterThanOrEqual(20);
    expect(EN_FAMILY_HELD_OUT.length).toBeGreaterThanOrEqual(20);
    expect(ZH_GIVEN_HELD_OUT.length).toBeGreaterThanOrEqual(30);
    for (const n of [...EN_GIVEN_HELD_OUT, ...EN_FAMILY_HELD_OUT]) expect(EN_FIRST_NAMES.has(n.toLowerCase()) || EN_SURNAMES.has(n.toLowerCase())).toBe(false);
    for (const c of ZH_GIVEN_HELD_OUT) expect(ZH_GIVEN_NAME_CHARS.has(c)).toBe(false);
    const enNames = records.filter((r) => r.lang === 'en').flatMap((r) => r.spans.filter((s) => s.type === 'PERSON').map((s) => r.text.slice(s.start, s.end)));
    expect(enNames.length).toBeGreaterThan(20);
    for (const name of enNames) for (const part of name.split(' ')) expect(EN_FIRST_NAMES.has(part.toLowerCase())).toBe(false);
  });

  it('contains unlabelled invalid identifiers and near-misses', () => {
    const unlabelled = records.filter((r) => /支付失败 卡号=|登记的|待核实|typo|not GB|version|订单/.test(r.text));
    expect(unlabelled.length).toBeGreaterThan(20);
  });
});
