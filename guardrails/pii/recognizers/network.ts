import { isIPv6 } from 'node:net';
import { forEachMatch, type Candidate, type Recognizer } from '../types.js';
import { ipv4 } from '../validators.js';

// `\d(?<![\w.]\d)` is `(?<![\w.])\d` with the lookbehind after the digit: same matches, and V8 skips to digits
// fast instead of entering the lookbehind at every position (~1.6x faster scan).
const IPV4 = /\d(?<![\w.]\d)\d{0,2}\.(?:\d{1,3}\.){2}\d{1,3}(?![\w]|\.\d)/g;
// Each group ends with a literal colon, so the split is unambiguous; isIPv6 does the real validation.
export const IPV6 = /(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![\w:])/y;
const IPV6_HINT = /:[0-9A-Fa-f]{0,4}:/g;
const isWordOrColon = (c: number) => (c >= 48 && c <= 58) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const MAC = /(?<![\w:\-])[0-9A-Fa-f]{2}([:\-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}(?![\w:\-])|(?<![\w.])[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}(?![\w.])/y;
/** What every MAC match holds 2 (colon/dash form) or 4 (dotted form) characters after its start. */
const MAC_HINT = /[:\-][0-9A-Fa-f]{2}[:\-][0-9A-Fa-f]{2}[:\-]|\.[0-9A-Fa-f]{4}\./g;
const VERSION_BEFORE = /(?:\bv|version|ver\.?|版本|release|build)\s*$/i;

const isHexCode = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
/** At least four hex digits (what counting /[0-9A-Fa-f]/g matches decided, without an array of one-character strings). */
function hasFourHexDigits(value: string): boolean {
  let hex = 0;
  for (let i = 0; i < value.length; i++) if (isHexCode(value.charCodeAt(i)) && ++hex === 4) return true;
  return false;
}

/**
 * Necessary for isIPv6: a `::`, or at least six colons (eight groups have seven; six groups and an IPv4 tail
 * six). Clock times and `key: value` runs (`22:23:46`) have neither, so they skip isIPv6's large regex.
 * test/unit/pii/ipv6-gate.test.ts checks that no string isIPv6 accepts fails it.
 */
export function mayBeIPv6(value: string): boolean {
  let colons = 0;
  for (let i = 0; i < value.length; i++) {
    if (value.charCodeAt(i) !== 58) continue;
    if (i + 1 < value.length && value.charCodeAt(i + 1) === 58) return true;
    colons++;
  }
  return colons >= 6;
}

/** mayBeIPv6 for the run of hex digits, colons and dots starting at `start` (every IPV6 match there is a prefix of it). */
function ipv6RunMayPass(text: string, start: number): boolean {
  let colons = 0;
  let prevColon = false;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 58) {
      if (prevColon) return true;
      if (++colons >= 6) return true;
      prevColon = true;
    } else if (isHexCode(c) || c === 46) prevColon = false;
    else break;
  }
  return false;
}

export const networkRecognizer: Recognizer = {
  name: 'network',
  requires: { digits: 1 },
  entityTypes: ['IP_ADDRESS', 'MAC_ADDRESS'],
  recognize(text, facts) {
    if (!facts.hasDigit) return [];
    const out: Candidate[] = [];
    // Four dot-joined groups: a dotted chain with three dots (dates like 2024.05.12 have two, clock times none).
    if (facts.mostChainDots >= 3) forEachMatch(IPV4, text, (m) => {
      if (!ipv4(m[0])) return;
      // Version strings (v1.2.3.4, 版本 2.0.1.3) look like addresses: reject with the word right before.
      if (VERSION_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) return;
      // Every octet one digit: a valid address of 7 characters (four digits, three dots).
      const smallOctets = m[0].length === 7;
      out.push({ type: 'IP_ADDRESS', start: m.index, end: m.index + m[0].length, score: smallOctets ? 0.4 : 0.85, validator: 'ipv4', contextApplied: false });
    });
    // Every IPV6 match holds two colons at most four hex digits apart (IPV6_HINT), the first at most four
    // characters after the match's start, which the lookbehind pins to the start of its run of [\w:]
    // characters. So the sticky regex is tried only there, once per run, in text order: the matches of a
    // global scan, without scanning the whole text with the (slow to start) lookbehind pattern.
    if (text.includes(':')) {
      let lastEnd = 0;
      let lastTried = -1;
      IPV6_HINT.lastIndex = 0;
      for (let h = IPV6_HINT.exec(text); h !== null; h = IPV6_HINT.exec(text)) {
        const colon = h.index;
        IPV6_HINT.lastIndex = colon + 1;
        let start = colon;
        while (start > 0 && colon - start <= 4 && isWordOrColon(text.charCodeAt(start - 1))) start--;
        if (start <= lastTried || start < lastEnd || (start > 0 && isWordOrColon(text.charCodeAt(start - 1)))) continue;
        lastTried = start;
        // A match is a prefix of the run of hex digits, colons and dots from `start`; without a `::` or six colons
        // in that run none can pass mayBeIPv6 below (clock times: 22:23:46). Skipping the regex leaves lastEnd
        // behind where the match would have ended, which changes nothing: every later hint's start inside that
        // match follows a [\w:] character (or a dot of an IPv4 tail, from which no colon can be reached) and is skipped anyway.
        if (!ipv6RunMayPass(text, start)) continue;
        IPV6.lastIndex = start;
        const m = IPV6.exec(text);
        if (m === null) continue;
        const value = m[0];
        if (value.length === 0) continue;
        lastEnd = start + value.length;
        // Require some hex digits (not just colons) and at least 3 groups to avoid clock times; checked before
        // isIPv6 (one large regex), which most colon runs (times, ratios, key: value) never need.
        if (value.length < 6 || !hasFourHexDigits(value) || !mayBeIPv6(value) || !isIPv6(value)) continue;
        out.push({ type: 'IP_ADDRESS', start, end: lastEnd, score: 0.85, validator: 'ipv6', contextApplied: false });
      }
    }
    // Every MAC match holds MAC_HINT two characters after its start (`:hh:hh:` in `hh:hh:hh:…`) or four after
    // it (`.hhhh.` in `hhhh.hhhh.hhhh`); the hint has no lookbehind, so V8 finds it fast. The sticky regex is
    // tried only at those starts, in text order, skipping starts inside the previous match: a global scan's matches.
    // (The hint's separators 3 and 6, or dots 5, characters apart: facts.macHint, false on most texts.)
    if (!facts.macHint) return out;
    const starts: number[] = [];
    MAC_HINT.lastIndex = 0;
    for (let h = MAC_HINT.exec(text); h !== null; h = MAC_HINT.exec(text)) {
      starts.push(h.index - (h[0].charCodeAt(0) === 46 ? 4 : 2));
      MAC_HINT.lastIndex = h.index + 1;
    }
    if (starts.length > 1) starts.sort((x, y) => x - y);
    let lastEnd = 0;
    for (let k = 0; k < starts.length; k++) {
      const start = starts[k]!;
      if (start < 0 || start < lastEnd || (k > 0 && start === starts[k - 1])) continue;
      MAC.lastIndex = start;
      const m = MAC.exec(text);
      if (m === null) continue;
      lastEnd = start + m[0].length;
      if (/^(?:00[:\-.]?){5}00$|^(?:ff[:\-.]?){5}ff$/i.test(m[0])) continue;
      out.push({ type: 'MAC_ADDRESS', start, end: lastEnd, score: 0.8, validator: 'mac', contextApplied: false });
    }
    return out;
  },
};
