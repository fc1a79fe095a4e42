import { DEFAULT_CONTEXT } from '../context.js';
import { forEachMatch, forEachMatchNear, isDigitCode, type Candidate, type Recognizer } from '../types.js';
import { usSsn } from '../validators.js';

/** 3-2-4 with the same separator twice; a bare 9-digit run counts only with context. */
const SSN_GROUPED = /(?<![\d\-.])\d{3}([\- ])\d{2}\1\d{4}(?![\d\-]|\.\d)/g;
const SSN_BARE = /(?<![\d\-.])\d{9}(?![\d\-]|\.\d)/g;

export const usSsnRecognizer: Recognizer = {
  name: 'us_ssn',
  requires: { digits: 9 },
  entityTypes: ['US_SSN'],
  recognize(text, facts) {
    if (facts.digitCount < 9) return [];
    const out: Candidate[] = [];
    // 3-2-4 is a chain of 9 digits; the bare form a run of 9.
    // Grouped: 3-2-4 digits, two joiners in one chain.
    if (facts.longestDigitChain >= 9 && facts.mostChainJoins >= 2) forEachMatch(SSN_GROUPED, text, (m) => {
      if (!usSsn(m[0].replace(/\D/g, ''))) return;
      out.push({ type: 'US_SSN', start: m.index, end: m.index + m[0].length, score: m[1] === '-' ? 0.6 : 0.35, validator: 'ssa-rules', contextApplied: false });
    });
    // Scored 0.15: only within reach of a context word.
    if (facts.longestDigitRun >= 9) forEachMatchNear(SSN_BARE, text, facts, DEFAULT_CONTEXT.US_SSN?.positive, 0.15, isDigitCode, (m) => {
      if (!usSsn(m[0])) return;
      out.push({ type: 'US_SSN', start: m.index, end: m.index + m[0].length, score: 0.15, validator: 'ssa-rules', contextApplied: false });
    });
    return out;
  },
};
