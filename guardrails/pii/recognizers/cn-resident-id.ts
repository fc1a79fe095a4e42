import { digitsOf } from '../../core/normalize.js';
import { DEFAULT_CONTEXT } from '../context.js';
import { forEachMatchNear, isDigitCode, sixDigitRuns, type Candidate, type Recognizer } from '../types.js';
import { cnResidentId15, cnResidentId18 } from '../validators.js';

/** 18-digit ID, optionally grouped 6-8-4 by spaces or dashes (as people type it). */
export const ID18 = /(?<![\dA-Za-z])[1-9]\d{5}[ \-]?(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[ \-]?\d{3}[\dXx](?![\dA-Za-z])/g;
/**
 * ID18, sticky. A match starts with six digits and no digit or letter before them: at the start of a maximal run
 * of 6+ digits. So it is tried only there (the runs the facts list), in text order, skipping starts inside the
 * previous match: the matches of a global scan, without running the pattern over the whole text.
 */
const ID18_AT = new RegExp(ID18.source, 'y');
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** Legacy 15-digit ID: YYMMDD birth date, no check digit, so it needs context. */
const ID15 = /(?<![\dA-Za-z])[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![\dA-Za-z])/g;

export const cnResidentIdRecognizer: Recognizer = {
  name: 'cn_resident_id',
  requires: { digits: 15 },
  entityTypes: ['CN_RESIDENT_ID'],
  recognize(text, facts) {
    if (facts.digitCount < 15) return [];
    const out: Candidate[] = [];
    // ID18 holds a chain of 17 digits (space/dash joined), ID15 a run of 15.
    if (facts.longestDigitChain >= 17) {
      const runs = sixDigitRuns(text, facts);
      let lastEnd = 0;
      for (let k = 0; k < runs.length; k += 2) {
        const start = runs[k]!;
        // ([1-9] first, and the lookbehind's letters: the run's start has no digit before it.)
        if (start < lastEnd || text.charCodeAt(start) === 48 || (start > 0 && isAsciiLetter(text.charCodeAt(start - 1)))) continue;
        ID18_AT.lastIndex = start;
        const m = ID18_AT.exec(text);
        if (m === null) continue;
        lastEnd = start + m[0].length;
        // 18 characters hold no separator (17 digits and the check character): digitsOf would return the match itself.
        if (!cnResidentId18(m[0].length === 18 ? m[0] : digitsOf(m[0]))) continue;
        out.push({ type: 'CN_RESIDENT_ID', start, end: lastEnd, score: 0.95, validator: 'gb11643', contextApplied: false });
      }
    }
    // Scored 0.3: only within reach of a context word.
    if (facts.longestDigitRun >= 15) forEachMatchNear(ID15, text, facts, DEFAULT_CONTEXT.CN_RESIDENT_ID?.positive, 0.3, isDigitCode, (m) => {
      if (!cnResidentId15(m[0])) return;
      out.push({ type: 'CN_RESIDENT_ID', start: m.index, end: m.index + m[0].length, score: 0.3, validator: 'gb11643-15', contextApplied: false });
    });
    return out;
  },
};
