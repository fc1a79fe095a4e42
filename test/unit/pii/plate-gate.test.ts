/**
 * The licence-plate recognizer skips texts without an ASCII capital (facts.hasUpper false: PLATE needs the
 * authority letter) and counts a match's digits by codes: its findings must be those of the code before (a
 * whole-text scan, the tail sliced, one separator removed and its digits matched) on generated texts — plates
 * with and without separators, lower-case and full-width letters, new-energy plates, words of capitals.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../guardrails/core/normalize.js';
import { factsOf } from '../../../guardrails/pii/detector.js';
import { cnLicensePlateRecognizer } from '../../../guardrails/pii/recognizers/cn-license-plate.js';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
}
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const PLATE = /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][·•\- ]?(?:[DF][A-HJ-NP-Z0-9]\d{4}|\d{5}[DF]|[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳])(?![A-Za-z0-9])/g;
function old(text: string): number[][] {
  const out: number[][] = [];
  if (!/[\u3400-\u9fff]/.test(text) || !/\d/.test(text)) return out;
  for (const m of text.matchAll(PLATE)) {
    const tail = m[0].slice(2).replace(/[·•\- ]/, '');
    if ((tail.match(/\d/g)?.length ?? 0) < 2) continue;
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

const PIECES = ['京', '沪', '粤', '川', 'A', 'B', 'D', 'F', 'I', 'O', 'Z', 'a', 'e', 'Ａ', '０', '1', '2', '5', '9', '0', '·', '-', ' ', '挂', '学', '警', '您的车辆', '车牌', '，', 'x', 'Q'];

/** A plate-like run: province, letter (sometimes I/O, lower-case or full-width), separator, five of letters/digits/suffixes. */
function plate(r: () => number): string {
  let p = pick(r, ['京', '沪', '粤', '川', '琼']) + pick(r, ['A', 'B', 'E', 'D', 'F', 'I', 'a', 'Ａ']) + pick(r, ['', '', '·', '-', ' ']);
  for (let k = 0; k < 5 + (r() < 0.3 ? 1 : 0); k++) p += pick(r, ['1', '2', '7', '0', 'D', 'F', 'K', 'O', 'x', '挂', '学', '０']);
  return p;
}

describe('licence plates gated on capitals', () => {
  it('finds what a whole-text scan found', () => {
    const r = rng(20261129);
    let found = 0;
    let withoutCapital = 0;
    for (let k = 0; k < 5_000; k++) {
      let raw = '';
      const n = 3 + Math.floor(r() * 14);
      for (let p = 0; p < n; p++) raw += r() < 0.15 ? plate(r) : pick(r, PIECES);
      const text = normalize(raw).text;
      const expected = old(text);
      found += expected.length;
      if (!/[A-Z]/.test(text)) withoutCapital++;
      expect(cnLicensePlateRecognizer.recognize(text, factsOf(text)).map((c) => [c.start, c.end]), JSON.stringify(text)).toEqual(expected);
    }
    expect(found, 'found').toBeGreaterThan(300);
    expect(withoutCapital, 'without a capital').toBeGreaterThan(150);
  }, 60_000);
});
