import { DEFAULT_CONTEXT } from '../context.js';
import { forEachMatchNear, mentionsAny, type Candidate, type Recognizer } from '../types.js';

/** 8–23 digits, optionally grouped: an account number is only recognisable by its context (账号 / account). */
const ACCOUNT = /(?<![\d\-.])\d(?:[ \-]?\d){7,22}(?![\d\-]|[ \-]\d|\.\d)/g;

/** Characters an ACCOUNT match can contain. */
const isAccountChar = (c: number) => (c >= 48 && c <= 57) || c === 32 || c === 45;

export const bankAccountRecognizer: Recognizer = {
  name: 'bank_account',
  requires: { digitChain: 8 },
  entityTypes: ['BANK_ACCOUNT'],
  recognize(text, facts) {
    if (facts.longestDigitChain < 8 || !mentionsAny(facts, DEFAULT_CONTEXT.BANK_ACCOUNT?.positive)) return [];
    const out: Candidate[] = [];
    forEachMatchNear(ACCOUNT, text, facts, DEFAULT_CONTEXT.BANK_ACCOUNT?.positive, 0.3, isAccountChar, (m) => {
      const score = accountScore(m[0]);
      if (score === 0) return;
      out.push({ type: 'BANK_ACCOUNT', start: m.index, end: m.index + m[0].length, score, validator: 'format', contextApplied: false });
    });
    return out;
  },
};

/**
 * The score of an ACCOUNT match (digits, single spaces or dashes between two of them), or 0 when it is not an
 * account: one digit repeated; or, unless UnionPay (62…, 16–19 digits: its debit cards are often not Luhn-valid, a
 * strong account candidate, 0.3), card-shaped — 16 digits starting 3–5, 15 starting 34 / 37, or grouped 4-6-5 /
 * 4-4-4-4 by one separator — a mistyped card that failed Luhn. By character codes, no digit copy or regex: the
 * verdicts of `/^(\d)\1+$/`, `/^62\d{14,17}$/`, `/^[3-5]\d{15}$/`, `/^3[47]\d{13}$/` on the digits and the grouping regex
 * on the match (test/unit/pii/account-score.test.ts compares them).
 */
export function accountScore(match: string): number {
  let n = 0;
  let d0 = -1;
  let d1 = -1;
  let same = true;
  // Group lengths (the first five), the number of groups and whether all separators are one character.
  let groups = 1;
  let g0 = 0;
  let g1 = 0;
  let g2 = 0;
  let g3 = 0;
  let sep = -1;
  let oneSep = true;
  for (let i = 0; i < match.length; i++) {
    const c = match.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (n === 0) d0 = c;
      else {
        if (n === 1) d1 = c;
        if (c !== d0) same = false;
      }
      n++;
      if (groups === 1) g0++;
      else if (groups === 2) g1++;
      else if (groups === 3) g2++;
      else if (groups === 4) g3++;
      continue;
    }
    groups++;
    if (sep < 0) sep = c;
    else if (c !== sep) oneSep = false;
  }
  if (same && n >= 2) return 0;
  if (d0 === 54 && d1 === 50 && n >= 16 && n <= 19) return 0.3;
  if (n === 16 && d0 >= 51 && d0 <= 53) return 0;
  if (n === 15 && d0 === 51 && (d1 === 52 || d1 === 55)) return 0;
  if (oneSep && g0 === 4 && ((groups === 3 && g1 === 6 && g2 === 5) || (groups === 4 && g1 === 4 && g2 === 4 && g3 === 4))) return 0;
  return 0.2;
}
