import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createRng, pick } from '../../../datasets/lib/rng.js';
import { factsOf, mayBeUpperCase } from '../../../guardrails/pii/detector.js';

/**
 * The short-text facts loop as it was before its fast path for plain ASCII and ideographs outside digit chains
 * (speed round 14): every fact the fast path can skip must come out the same.
 */
function loopWithoutFastPath(text: string) {
  const isMacSeparator = (c: number) => c === 58 || c === 45;
  let digits = 0, at = false, macHint = false, cjk = false, asciiUpper = false, otherNonAscii = false;
  let run = 0, maxRun = 0, chain = 0, maxChain = 0, dotted = 0, maxDotted = 0;
  let prevDigit = false, chainJoin = false, dottedJoin = false;
  let joins = 0, maxJoins = 0, dots = 0, maxDots = 0, joinDot = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      if (++run > maxRun) maxRun = run;
      chain = prevDigit || chainJoin ? chain + 1 : 1;
      if (chain > maxChain) maxChain = chain;
      dotted = prevDigit || dottedJoin ? dotted + 1 : 1;
      if (dotted > maxDotted) maxDotted = dotted;
      if (!prevDigit) {
        if (dottedJoin) {
          if (++joins > maxJoins) maxJoins = joins;
          if (joinDot && ++dots > maxDots) maxDots = dots;
        } else {
          joins = 0;
          dots = 0;
        }
      }
      prevDigit = true;
      chainJoin = false;
      dottedJoin = false;
      continue;
    }
    if (prevDigit) {
      run = 0;
      chainJoin = c === 32 || c === 45;
      dottedJoin = chainJoin || c === 46;
      joinDot = c === 46;
      prevDigit = false;
    } else if (dottedJoin) {
      chainJoin = false;
      dottedJoin = false;
    }
    if (c < 128) {
      if (c >= 65 && c <= 90) asciiUpper = true;
      else if (c === 64) at = true;
      else if (c === 58 || c === 45) {
        if (i >= 6 && isMacSeparator(text.charCodeAt(i - 3)) && isMacSeparator(text.charCodeAt(i - 6))) macHint = true;
      } else if (c === 46 && i >= 5 && text.charCodeAt(i - 5) === 46) macHint = true;
    } else if (c >= 0x3400 && c <= 0x9fff) cjk = true;
    else if (!otherNonAscii && mayBeUpperCase(c)) otherNonAscii = true;
  }
  return {
    hasDigit: digits > 0,
    digitCount: digits,
    longestDigitRun: maxRun,
    longestDigitChain: maxChain,
    longestDottedDigitChain: maxDotted,
    mostChainJoins: maxJoins,
    mostChainDots: maxDots,
    hasAt: at,
    macHint,
    hasCjk: cjk,
    hasUpper: asciiUpper || (otherNonAscii && /\p{Lu}/u.test(text)),
    lower: text.toLowerCase(),
  };
}

const factsFields = (text: string) => {
  const f = factsOf(text);
  return {
    hasDigit: f.hasDigit,
    digitCount: f.digitCount,
    longestDigitRun: f.longestDigitRun,
    longestDigitChain: f.longestDigitChain,
    longestDottedDigitChain: f.longestDottedDigitChain,
    mostChainJoins: f.mostChainJoins,
    mostChainDots: f.mostChainDots,
    hasAt: f.hasAt,
    macHint: f.macHint,
    hasCjk: f.hasCjk,
    hasUpper: f.hasUpper,
    lower: f.lower,
  };
};

describe('text facts: the fast path for characters outside digit chains', () => {
  it('gives every fact the full loop gives, on random short texts', () => {
    const rng = createRng(14);
    // Every kind of character the loop tells apart: digits, joiners, capitals, @ : - ., plain ASCII, ideographs
    // (at both ends of the range and just outside), other non-ASCII (cased and not), full-width forms.
    const tokens = ['0', '7', '42', ' ', '-', '.', ':', '@', '_', '=', 'a', 'z', 'Q', 'AB', '\n', '\t', '/', '~', '\x7f',
      '号', '\u3400', '\u9fff', '\u33ff', '\ua000', 'É', 'é', 'ß', 'Ω', 'ω', '，', '。', '“', 'Ａ', 'ａ', '１', '\u00a0', '\u2028'];
    for (let i = 0; i < 30000; i++) {
      let t = '';
      const len = Math.floor(rng() * 40);
      for (let k = 0; k < len; k++) t += pick(rng, tokens);
      expect(factsFields(t)).toEqual(loopWithoutFastPath(t));
    }
  });

  it('gives every fact the full loop gives for each BMP code unit after a digit, a joiner and a plain character', () => {
    // 327,680 comparisons: collected and asserted once (an expect per text took ~6 s, past the test timeout on a loaded host).
    const differing: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const t of [`1${ch}2`, `1-${ch}3`, `a${ch}b`, `${ch}`, `12.${ch}`]) {
        if (!isDeepStrictEqual(factsFields(t), loopWithoutFastPath(t))) differing.push(`U+${c.toString(16).padStart(4, '0')} in ${JSON.stringify(t)}`);
      }
    }
    expect(differing).toEqual([]);
  });
});
