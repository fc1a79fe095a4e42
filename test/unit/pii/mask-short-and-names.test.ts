/**
 * The mask operator kept the last four letters/digits of any value: a Chinese name (2-4 characters) came out whole
 * (王小明 → 王小明) and an English name kept its surname (Alice Wong → ***** Wong), found by the QA pass of the
 * twentieth session. A name now keeps its first letter only (王**, A**** ****), and no value keeps more than half
 * of its letters/digits.
 */
import { describe, expect, it } from 'vitest';
import { maskOperator } from '../../../guardrails/pii/operators/mask.js';
import { createPiiDetector } from '../../../guardrails/pii/index.js';
import type { Finding } from '../../../guardrails/core/types.js';

const span = (text: string, value: string, type: string): Finding => {
  const start = text.indexOf(value);
  return { category: `pii.${type.toLowerCase()}`, type, start, end: start + value.length, score: 0.9, detector: 'pii' } as Finding;
};

describe('mask operator on names and short values', () => {
  it('a person keeps the first letter only', () => {
    expect(maskOperator.apply('客户王小明来电', [span('客户王小明来电', '王小明', 'PERSON')]).text).toBe('客户王**来电');
    expect(maskOperator.apply('call Alice Wong now', [span('call Alice Wong now', 'Alice Wong', 'PERSON')]).text).toBe('call A**** **** now');
    expect(maskOperator.apply('欧阳娜娜', [span('欧阳娜娜', '欧阳娜娜', 'PERSON')]).text).toBe('欧***');
  });

  it('no value keeps more than half of its letters and digits', () => {
    expect(maskOperator.apply('IP 10.0.0.5', [span('IP 10.0.0.5', '10.0.0.5', 'IP_ADDRESS')]).text).toBe('IP **.*.0.5');
    expect(maskOperator.apply('地址朝阳区', [span('地址朝阳区', '朝阳区', 'LOCATION')]).text).toBe('地址**区');
  });

  it('identifiers keep their last four as before', () => {
    const text = '卡号 4111 1111 1111 1111，手机 13800138000';
    const out = maskOperator.apply(text, createPiiDetector().detect(text)).text;
    expect(out).toBe('卡号 **** **** **** 1111，手机 *******8000');
  });
});
