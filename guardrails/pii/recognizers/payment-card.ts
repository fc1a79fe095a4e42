import { forEachMatch, type Candidate, type Recognizer } from '../types.js';

// 13–19 digits, each optionally followed by one space or dash: every iteration consumes a digit, and the
// repetition is bounded, so backtracking is bounded too.
export const CARD = /(?<![\d\-])\d(?:[ \-]?\d){11,18}(?![\d\-]|[ \-]\d)/g;

/** Issuer prefixes: Visa, Mastercard (51-55, 2221-2720), Amex, Discover, JCB, Diners, UnionPay, Maestro, Mir. */
const ISSUER = /^(?:4|5[1-5]|2(?:2[2-9]|[3-6]\d|7[01]|720)|3[47]|6(?:011|4[4-9]|5|2)|35(?:2[89]|[3-8])|30[0-5]|3[689]|220[0-4]|1800|2131)/;
/** Lengths issued by the networks above (17/18 collide with resident IDs and order numbers). */
const CARD_LENGTHS = new Set([13, 14, 15, 16, 19]);

/** Separators, when present, must form card-like groups (4-4-4-4, 4-6-5, 4-4-4-4-3 …). */
function groupsLookLikeCard(raw: string): boolean {
  const groups = raw.split(/[ \-]/);
  if (groups.length === 1) return true;
  const lengths = groups.map((g) => g.length).join('-');
  return /^(?:4-4-4-4(?:-\d{1,3})?|4-6-5|4-6-4|4-4-4-\d|6-13|4-4-4-4-3)$/.test(lengths) || /^4(?:-4){3,4}$/.test(lengths);
}

/**
 * `!/^(\d)\1+$/.test(digits) && luhn(digits)` for `digits = match.replace(/\D/g, '')` of a CARD match (12–19
 * digits, single spaces or dashes between them), without building `digits`: the Luhn sum from the right over the
 * digits only, and whether two of them differ. test/unit/pii/card-luhn.test.ts compares both.
 */
export function luhnAcrossSeparators(match: string): boolean {
  let sum = 0;
  let double = false;
  let count = 0;
  let first = -1;
  let mixed = false;
  for (let i = match.length - 1; i >= 0; i--) {
    const c = match.charCodeAt(i);
    if (c < 48 || c > 57) continue;
    let d = c - 48;
    if (first < 0) first = c;
    else if (c !== first) mixed = true;
    count++;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  // A single digit is no repetition (`^(\d)\1+$` needs two); no digits fails Luhn.
  return count > 0 && (mixed || count === 1) && sum % 10 === 0;
}

export const paymentCardRecognizer: Recognizer = {
  name: 'payment_card',
  requires: { digits: 13, digitChain: 12 },
  entityTypes: ['CREDIT_CARD'],
  recognize(text, facts) {
    // CARD is a chain of 12+ digits joined by at most one space or dash.
    if (facts.digitCount < 13 || facts.longestDigitChain < 12) return [];
    const out: Candidate[] = [];
    forEachMatch(CARD, text, (m) => {
      // Most matches (order numbers, timestamps) fail Luhn: decided on the match's own characters first.
      if (!luhnAcrossSeparators(m[0])) return;
      const digits = m[0].replace(/\D/g, '');
      // Known issuer and length, grouped as a card is printed (4111 1111 1111 1111): a card on its own, even next to
      // an order or log-id word. One unbroken run of digits is 0.6: still a card without context (0.95 with card
      // words), but 0.2 next to a log or order word (trace_id=, request id, 订单号, 流水号: NUMERIC_NEGATIVE), since
      // about 1 in 29 random 16- or 19-digit ids has a card issuer's prefix and passes Luhn by chance.
      // Otherwise (Maestro 12-digit, private label …) only with card context.
      const known = ISSUER.test(digits) && CARD_LENGTHS.has(digits.length);
      const score = !known ? 0.3 : digits.length !== m[0].length && groupsLookLikeCard(m[0]) ? 0.9 : 0.6;
      out.push({ type: 'CREDIT_CARD', start: m.index, end: m.index + m[0].length, score, validator: 'luhn', contextApplied: false });
    });
    return out;
  },
};
