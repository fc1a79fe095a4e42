import { describe, expect, it } from 'vitest';
import { createRng, pick } from '../../../datasets/lib/rng.js';
import { factsOf } from '../../../guardrails/pii/detector.js';

/** The digit facts by regexes: what the detector's character loop and cluster pass must agree with. */
function reference(text: string) {
  const most = (chains: string[], f: (c: string) => number) => chains.reduce((m, c) => Math.max(m, f(c)), 0);
  const digitsIn = (c: string) => c.replace(/\D/g, '').length;
  const dotted = text.match(/\d(?:[ \-.]?\d)*/g) ?? [];
  return {
    digitCount: digitsIn(text),
    longestDigitRun: most(text.match(/\d+/g) ?? [], (c) => c.length),
    longestDigitChain: most(text.match(/\d(?:[ \-]?\d)*/g) ?? [], digitsIn),
    longestDottedDigitChain: most(dotted, digitsIn),
    mostChainJoins: most(dotted, (c) => c.length - digitsIn(c)),
    mostChainDots: most(dotted, (c) => c.replace(/[^.]/g, '').length),
  };
}

const digitFacts = (text: string) => {
  const f = factsOf(text);
  return {
    digitCount: f.digitCount,
    longestDigitRun: f.longestDigitRun,
    longestDigitChain: f.longestDigitChain,
    longestDottedDigitChain: f.longestDottedDigitChain,
    mostChainJoins: f.mostChainJoins,
    mostChainDots: f.mostChainDots,
  };
};

describe('text facts (digit runs and chains)', () => {
  it('examples', () => {
    expect(digitFacts('IP 192.168.1.1, tel 555-123-4567 at 13:45:49')).toMatchObject({ longestDottedDigitChain: 10, mostChainJoins: 3, mostChainDots: 3 });
    expect(digitFacts('2024.05.12，13:45')).toMatchObject({ mostChainJoins: 2, mostChainDots: 2 });
    expect(digitFacts('1. 2 .3 4--5')).toMatchObject({ mostChainJoins: 1, mostChainDots: 0 });
  });

  it('macHint: where MAC_HINT may match (short texts), always on long ones', () => {
    const hint = /[:\-][^]{2}[:\-][^]{2}[:\-]|\.[^]{4}\./;
    expect(factsOf('mac 00:1A:2b:3C:4d:5E').macHint).toBe(true);
    expect(factsOf('设备 001a.2b3c.4d5e').macHint).toBe(true);
    expect(factsOf('2024-05-12 13:45:49 138-0013-8000').macHint).toBe(false);
    const rng = createRng(7);
    const tokens = ['0', 'a', 'F', 'x', ':', '-', '.', ' ', '号', '12', 'abc'];
    for (let i = 0; i < 4000; i++) {
      let t = '';
      const len = Math.floor(rng() * 30);
      for (let k = 0; k < len; k++) t += pick(rng, tokens);
      expect(factsOf(t).macHint).toBe(hint.test(t));
    }
    expect(factsOf('x'.repeat(1100)).macHint).toBe(true);
  });

  it('agree with the regex definitions on short and long random texts', () => {
    const rng = createRng(20261129);
    const tokens = ['0', '1', '5', '9', '123', '4567', ' ', '-', '.', '--', '..', ':', 'a', 'B', '号', '，', '\n', '  '];
    for (let i = 0; i < 4000; i++) {
      let t = '';
      const len = 1 + Math.floor(rng() * 40);
      for (let k = 0; k < len; k++) t += pick(rng, tokens);
      // Every tenth text past LONG_TEXT (1024): the cluster pass.
      if (i % 10 === 0) while (t.length < 1100) t += `${t} `;
      expect(digitFacts(t)).toEqual(reference(t));
    }
  });
});
