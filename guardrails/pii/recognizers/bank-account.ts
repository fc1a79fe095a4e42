import { DEFAULT_CONTEXT } from '../context.js';
import { forEachMatchNear, mentionsAny, type Candidate, type Recognizer } from '../types.js';

/** 8–23 digits, optionally grouped: an account number is only recognisable by its context (账号 / account). */
const ACCOUNT = /(?<![\d\-.])\d(?:[ \-]?\d){7,22}(?![\d\-]|[ \-]\d|\.\d)/g;

/** Characters an ACCOUNT match can contain. */
const isAccountChar = (c: number) => (c >= 48 && c <= 57) || c === 32 || c === 45;

export const bankAccountRecognizer: Recognizer = {
  name: 'bank_account',
  entityTypes: ['BANK_ACCOUNT'],
  recognize(text, facts) {
    if (facts.longestDigitChain < 8 || !mentionsAny(facts, DEFAULT_CONTEXT.BANK_ACCOUNT?.positive)) return [];
    const out: Candidate[] = [];
    forEachMatchNear(ACCOUNT, text, facts, DEFAULT_CONTEXT.BANK_ACCOUNT?.positive, 0.3, isAccountChar, (m) => {
      const digits = m[0].replace(/\D/g, '');
      if (/^(\d)\1+$/.test(digits)) return;
      // UnionPay debit cards (62…, 16–19 digits) are often not Luhn-valid: a strong account candidate.
      const unionPay = /^62\d{14,17}$/.test(digits);
      // A card-shaped number (4-4-4-4, card issuer, 16 digits) that failed Luhn is a mistyped card, not an account.
      if (!unionPay && (/^[3-5]\d{15}$/.test(digits) || /^3[47]\d{13}$/.test(digits) || /^\d{4}([ \-])\d{6}\1\d{5}$|^\d{4}([ \-])\d{4}\2\d{4}\2\d{4}$/.test(m[0]))) return;
      out.push({ type: 'BANK_ACCOUNT', start: m.index, end: m.index + m[0].length, score: unionPay ? 0.3 : 0.2, validator: 'format', contextApplied: false });
    });
    return out;
  },
};
