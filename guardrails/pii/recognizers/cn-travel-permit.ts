import { DEFAULT_CONTEXT, TRAVEL_PERMIT_WORDS } from '../context.js';
import { forEachMatchNear, isDigitCode, mentionsAny, wordNear, type Candidate, type Recognizer, type TextFacts } from '../types.js';

/**
 * Mainland travel permits, which Hong Kong, Macau and Taiwan residents show instead of a resident ID (and mainland
 * residents use to travel there). None carries a published check digit, so every form needs a context word:
 * - 港澳居民来往内地通行证 (回乡证, Home Return Permit): H (Hong Kong) or M (Macau) + 8 digits, + 10 on the old
 *   booklets (8 + a 2-digit issue count); the passport recognizer also proposes it, at a lower base score;
 * - 台湾居民来往大陆通行证 (台胞证): 8 digits (card, 2015 on) or 10: bare digits, so only next to a 台胞证 word;
 * - 往来港澳通行证 (Exit-Entry Permit for Hong Kong and Macau): C + 8 characters (a letter or digit, then 7
 *   digits), only next to a 港澳通行证 word;
 * - 大陆居民往来台湾通行证: L + 8 digits, only next to a 往来台湾 word.
 */
const HOME_RETURN = /(?<![\dA-Za-z])[HMhm]\d{8}(?:\d{2})?(?![\dA-Za-z])/g;
const TAIWAN_RESIDENT = /(?<![\dA-Za-z])\d{8}(?:\d{2})?(?![\dA-Za-z])/g;
const EXIT_ENTRY = /(?<![\dA-Za-z])[Cc][A-Za-z0-9]\d{7}(?![\dA-Za-z])/g;
const TO_TAIWAN = /(?<![\dA-Za-z])[Ll]\d{8}(?![\dA-Za-z])/g;

const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Above the passport recognizer's 0.3 for the same H/M shape, so a permit word next to it names it a permit. */
const HOME_RETURN_SCORE = 0.35;
const SCORE = 0.3;

/** Module-level so the hot path creates no closure per form. */
function gated(out: Candidate[], facts: TextFacts, words: readonly string[], validator: string) {
  return (m: RegExpExecArray) => {
    const end = m.index + m[0].length;
    if (!wordNear(facts, words, m.index, end)) return;
    out.push({ type: 'CN_TRAVEL_PERMIT', start: m.index, end, score: SCORE, validator, contextApplied: false });
  };
}

export const cnTravelPermitRecognizer: Recognizer = {
  name: 'cn_travel_permit',
  requires: { digitRun: 7 },
  entityTypes: ['CN_TRAVEL_PERMIT'],
  recognize(text, facts) {
    const all = DEFAULT_CONTEXT.CN_TRAVEL_PERMIT?.positive;
    if (facts.longestDigitRun < 7 || !mentionsAny(facts, all)) return [];
    const out: Candidate[] = [];
    // (Every form holds a run of 7+ digits; the 8-digit ones a run of 8.)
    forEachMatchNear(HOME_RETURN, text, facts, all, HOME_RETURN_SCORE, isAlnum, (m) => {
      out.push({ type: 'CN_TRAVEL_PERMIT', start: m.index, end: m.index + m[0].length, score: HOME_RETURN_SCORE, validator: 'hk-mo-home-return-format', contextApplied: false });
    });
    forEachMatchNear(EXIT_ENTRY, text, facts, TRAVEL_PERMIT_WORDS.exitEntry, SCORE, isAlnum, gated(out, facts, TRAVEL_PERMIT_WORDS.exitEntry, 'hk-mo-exit-entry-format'));
    if (facts.longestDigitRun < 8) return out;
    forEachMatchNear(TAIWAN_RESIDENT, text, facts, TRAVEL_PERMIT_WORDS.taiwanResident, SCORE, isDigitCode, gated(out, facts, TRAVEL_PERMIT_WORDS.taiwanResident, 'tw-resident-permit-format'));
    forEachMatchNear(TO_TAIWAN, text, facts, TRAVEL_PERMIT_WORDS.toTaiwan, SCORE, isAlnum, gated(out, facts, TRAVEL_PERMIT_WORDS.toTaiwan, 'tw-exit-entry-format'));
    return out;
  },
};
