import { forEachMatch, type Candidate, type Recognizer } from '../types.js';

/**
 * Chinese plates: province abbreviation, issuing-authority letter, optional separator, then 5 characters
 * (6 for new-energy plates starting/ending with D/F); letters exclude I and O. 警/学/挂/港/澳 suffixes.
 */
const PLATE =
  /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][·•\- ]?(?:[DF][A-HJ-NP-Z0-9]\d{4}|\d{5}[DF]|[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳])(?![A-Za-z0-9])/g;

/** ASCII digits in `s` from `from` on (what `s.slice(from).replace(/[·•\- ]/, '').match(/\d/g)?.length ?? 0` counted). */
export function digitsFrom(s: string, from: number): number {
  let n = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

export const cnLicensePlateRecognizer: Recognizer = {
  name: 'cn_license_plate',
  requires: { digits: 1, upper: true, cjk: true },
  entityTypes: ['CN_LICENSE_PLATE'],
  recognize(text, facts) {
    // A plate holds an ideograph, a digit and an ASCII capital (the authority letter): hasUpper (true with any A–Z).
    if (!facts.hasCjk || !facts.hasDigit || !facts.hasUpper) return [];
    const out: Candidate[] = [];
    forEachMatch(PLATE, text, (m) => {
      // Real plates have at least two digits after the province and letter; "京AABCDE"-like runs are words, not plates.
      if (digitsFrom(m[0], 2) < 2) return;
      out.push({ type: 'CN_LICENSE_PLATE', start: m.index, end: m.index + m[0].length, score: 0.7, validator: 'gb36-format', contextApplied: false });
    });
    return out;
  },
};
