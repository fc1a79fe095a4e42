import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { HK_MO_TW_PHONE_GATE, MESSAGING_APP_WORDS } from '../context.js';
import { forEachMatchNear, mentionsAny, wordNear, type Candidate, type Recognizer } from '../types.js';
import { internationalVerdict } from './phone-validity.js';
import { isAmount } from './phone.js';

/**
 * Hong Kong, Macau and Taiwan numbers written without their country code. With +852 / +853 / +886 the phone
 * recognizer's international pattern finds them; written locally, a Hong Kong or Macau number is eight bare digits
 * (9123 4567) and a Taiwan one starts with the trunk 0 (0912 345 678, (02) 2345-6789), shapes the mainland
 * patterns leave to the generic context-only one, which takes no eight-digit run and no traditional-script phone
 * word. Proposed only next to a place word or a traditional-script phone word (HK_MO_TW_PHONE_GATE), validated by
 * libphonenumber-js for the three plans, and scored so that a phone word must be near too. A messaging-app word
 * (WhatsApp 91234567, 微信 9123 4567, LINE ID 0912345678: MESSAGING_APP_WORDS, phone context as well) opens the
 * gate without a place word, for a number that is neither a calendar date (20240512) nor an amount (¥, 元, HK$).
 */
const LOCAL = /(?<![\w+\-.])(?:\(0\d{1,2}\)[ \-]?\d{3,4}[ \-]?\d{4}|0\d{1,3}[ \-]?\d{3,4}[ \-]?\d{3,4}|[2-9]\d{3}[ \-]?\d{4})(?![\w\-]|\.\d)/g;

/** Characters a LOCAL match can contain. */
const isPart = (c: number) => (c >= 48 && c <= 57) || c === 32 || c === 40 || c === 41 || c === 45;

/** Below the threshold: a phone word must be near as well (香港 91234567 is not said to be a phone). */
const SCORE = 0.3;

/**
 * Whether the library calls the number valid in that plan: through the international shortcut (the same verdict
 * without the library's per-call costs, ~25 µs a number; phone-validity.ts), the library itself where the shortcut
 * cannot tell. A Taiwan national number drops its trunk 0 after +886.
 */
function validIn(callingCode: string, national: string, country: CountryCode, written: string): boolean {
  const verdict = internationalVerdict(`+${callingCode}${national}`);
  if (verdict !== undefined) return verdict === 'valid';
  return parsePhoneNumberFromString(written, country)?.isValid() === true;
}

function valid(digits: string): boolean {
  if (digits.charCodeAt(0) === 48) return validIn('886', digits.slice(1), 'TW', digits);
  return digits.length === 8 && (validIn('852', digits, 'HK', digits) || validIn('853', digits, 'MO', digits));
}

/** Eight digits that read as a calendar date (YYYYMMDD): a messaging app's log line, not a number to call. */
const COMPACT_DATE = /^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/;

/** Both gates, for the scan of a text that mentions a place and a messaging app. */
const EITHER_GATE = [...new Set([...HK_MO_TW_PHONE_GATE, ...MESSAGING_APP_WORDS])];

export const hkMoTwPhoneRecognizer: Recognizer = {
  name: 'hk_mo_tw_phone',
  // Every shape holds a chain of 7+ digits (the landline's after its parenthesised area code).
  requires: { digitChain: 7 },
  entityTypes: ['PHONE_NUMBER'],
  recognize(text, facts) {
    if (facts.longestDigitChain < 7) return [];
    const place = mentionsAny(facts, HK_MO_TW_PHONE_GATE);
    const app = mentionsAny(facts, MESSAGING_APP_WORDS);
    if (!place && !app) return [];
    const out: Candidate[] = [];
    forEachMatchNear(LOCAL, text, facts, place && app ? EITHER_GATE : place ? HK_MO_TW_PHONE_GATE : MESSAGING_APP_WORDS, SCORE, isPart, (m) => {
      const end = m.index + m[0].length;
      const digits = m[0].replace(/\D/g, '');
      if (isAmount(text, m.index, end)) return;
      const byPlace = place && wordNear(facts, HK_MO_TW_PHONE_GATE, m.index, end);
      if (!byPlace && !(app && !COMPACT_DATE.test(digits) && wordNear(facts, MESSAGING_APP_WORDS, m.index, end))) return;
      if (!valid(digits)) return;
      out.push({ type: 'PHONE_NUMBER', start: m.index, end, score: SCORE, validator: 'hk-mo-tw-local', contextApplied: false });
    });
    return out;
  },
};
