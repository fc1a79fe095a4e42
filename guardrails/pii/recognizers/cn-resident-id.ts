import { digitsOf } from '../../core/normalize.js';
import { DEFAULT_CONTEXT } from '../context.js';
import { forEachMatch, forEachMatchNear, isDigitCode, type Candidate, type Recognizer } from '../types.js';
import { cnResidentId15, cnResidentId18 } from '../validators.js';

/** 18-digit ID, optionally grouped 6-8-4 by spaces or dashes (as people type it). */
const ID18 = /(?<![\dA-Za-z])[1-9]\d{5}[ \-]?(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[ \-]?\d{3}[\dXx](?![\dA-Za-z])/g;
/** Legacy 15-digit ID: YYMMDD birth date, no check digit, so it needs context. */
const ID15 = /(?<![\dA-Za-z])[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![\dA-Za-z])/g;

export const cnResidentIdRecognizer: Recognizer = {
  name: 'cn_resident_id',
  entityTypes: ['CN_RESIDENT_ID'],
  recognize(text, facts) {
    if (facts.digitCount < 15) return [];
    const out: Candidate[] = [];
    // ID18 holds a chain of 17 digits (space/dash joined), ID15 a run of 15.
    if (facts.longestDigitChain >= 17) forEachMatch(ID18, text, (m) => {
      // 18 characters hold no separator (17 digits and the check character): digitsOf would return the match itself.
      if (!cnResidentId18(m[0].length === 18 ? m[0] : digitsOf(m[0]))) return;
      out.push({ type: 'CN_RESIDENT_ID', start: m.index, end: m.index + m[0].length, score: 0.95, validator: 'gb11643', contextApplied: false });
    });
    // Scored 0.3: only within reach of a context word.
    if (facts.longestDigitRun >= 15) forEachMatchNear(ID15, text, facts, DEFAULT_CONTEXT.CN_RESIDENT_ID?.positive, 0.3, isDigitCode, (m) => {
      if (!cnResidentId15(m[0])) return;
      out.push({ type: 'CN_RESIDENT_ID', start: m.index, end: m.index + m[0].length, score: 0.3, validator: 'gb11643-15', contextApplied: false });
    });
    return out;
  },
};
