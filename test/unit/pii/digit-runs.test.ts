/**
 * The resident-ID recognizer tries its 18-digit pattern only at the starts of the text's maximal runs of 6+
 * digits (TextFacts.sixDigitRuns, one scan per text shared with the USCC recognizer). Its 18-digit findings must
 * be those of a global scan of ID18 with the same check, on generated texts: valid and invalid IDs, grouped 6-8-4
 * by spaces or dashes, glued to letters, digits and other IDs, order numbers, with an X check character. The runs
 * the detector's facts list are compared with a plain scan, for short texts and for long ones.
 */
import { describe, expect, it } from 'vitest';
import { digitsOf } from '../../../guardrails/core/normalize.js';
import { factsOf } from '../../../guardrails/pii/detector.js';
import { ID18, cnResidentIdRecognizer } from '../../../guardrails/pii/recognizers/cn-resident-id.js';
import { scanSixDigitRuns } from '../../../guardrails/pii/types.js';
import { cnResidentId18, gb11643CheckChar } from '../../../guardrails/pii/validators.js';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
}
const digits = (r: () => number, n: number) => Array.from({ length: n }, () => String(Math.floor(r() * 10))).join('');

function id(r: () => number): string {
  const body = `${pick(r, ['11', '31', '44', '51', '00', '99'])}${digits(r, 4)}${pick(r, ['1985', '2001', '1899', '2030'])}${pick(r, ['01', '07', '12', '13'])}${pick(r, ['03', '15', '29', '31', '32'])}${digits(r, 3)}`;
  const check = r() < 0.7 ? gb11643CheckChar(body) : String(Math.floor(r() * 10));
  const full = `${body}${check}`;
  const sep = pick(r, ['', '', ' ', '-']);
  return sep ? `${full.slice(0, 6)}${sep}${full.slice(6, 14)}${sep}${full.slice(14)}` : full;
}
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

describe('six-digit runs', () => {
  it('the 18-digit resident IDs are those of a global scan', () => {
    const r = rng(20261129);
    const global = new RegExp(ID18.source, 'g');
    let found = 0;
    for (let k = 0; k < 20_000; k++) {
      let text = '';
      const n = 1 + Math.floor(r() * 5);
      for (let p = 0; p < n; p++) text += pick(r, [() => id(r), () => id(r), () => digits(r, 1 + Math.floor(r() * 20)), () => pick(r, [' ', '-', 'a', 'X', '号', '身份证', '0', '\n'])])();
      const fast = cnResidentIdRecognizer.recognize(text, factsOf(text)).filter((c) => c.validator === 'gb11643').map((c) => [c.start, c.end]);
      const slow: number[][] = [];
      for (const m of text.matchAll(global)) if (cnResidentId18(digitsOf(m[0]))) slow.push([m.index, m.index + m[0].length]);
      found += slow.length;
      expect(fast, text).toEqual(slow);
    }
    expect(found).toBeGreaterThan(400);
  }, 60_000);

  it('the facts list the maximal runs of 6+ digits', () => {
    const r = rng(7);
    for (let k = 0; k < 3_000; k++) {
      let text = '';
      const long = k % 10 === 0;
      while (text.length < (long ? 1_500 : 60)) text += pick(r, [() => digits(r, 1 + Math.floor(r() * 12)), () => pick(r, [' ', 'a', '号', '-', '.'])])();
      const expected: number[] = [];
      for (const m of text.matchAll(/\d+/g)) if (m[0].length >= 6) expected.push(m.index, m.index + m[0].length);
      expect(factsOf(text).sixDigitRuns!()).toEqual(expected);
      expect(scanSixDigitRuns(text)).toEqual(expected);
    }
  }, 60_000);
});
