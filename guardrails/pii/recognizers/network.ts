import { isIPv6 } from 'node:net';
import { forEachMatch, type Candidate, type Recognizer } from '../types.js';
import { ipv4 } from '../validators.js';

const IPV4 = /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)/g;
// Each group ends with a literal colon, so the split is unambiguous; isIPv6 does the real validation.
const IPV6 = /(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![\w:])/g;
const IPV6_HINT = /:[0-9A-Fa-f]{0,4}:/;
const MAC = /(?<![\w:\-])[0-9A-Fa-f]{2}([:\-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}(?![\w:\-])|(?<![\w.])[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}(?![\w.])/g;
const VERSION_BEFORE = /(?:\bv|version|ver\.?|版本|release|build)\s*$/i;

export const networkRecognizer: Recognizer = {
  name: 'network',
  entityTypes: ['IP_ADDRESS', 'MAC_ADDRESS'],
  recognize(text, facts) {
    if (!facts.hasDigit) return [];
    const out: Candidate[] = [];
    forEachMatch(IPV4, text, (m) => {
      if (!ipv4(m[0])) return;
      // Version strings (v1.2.3.4, 版本 2.0.1.3) look like addresses: reject with the word right before.
      if (VERSION_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) return;
      const smallOctets = m[0].split('.').every((o) => o.length === 1);
      out.push({ type: 'IP_ADDRESS', start: m.index, end: m.index + m[0].length, score: smallOctets ? 0.4 : 0.85, validator: 'ipv4' });
    });
    // Every IPV6 match holds two colons at most four hex digits apart: a cheap necessary condition.
    if (text.includes(':') && IPV6_HINT.test(text)) {
      forEachMatch(IPV6, text, (m) => {
        const value = m[0];
        // Require some hex digits (not just colons) and at least 3 groups to avoid clock times; checked before
        // isIPv6 (one large regex), which most colon runs (times, ratios, key: value) never need.
        if (value.length < 6 || (value.match(/[0-9A-Fa-f]/g)?.length ?? 0) < 4 || !isIPv6(value)) return;
        out.push({ type: 'IP_ADDRESS', start: m.index, end: m.index + value.length, score: 0.85, validator: 'ipv6' });
      });
    }
    forEachMatch(MAC, text, (m) => {
      if (/^(?:00[:\-.]?){5}00$|^(?:ff[:\-.]?){5}ff$/i.test(m[0])) return;
      out.push({ type: 'MAC_ADDRESS', start: m.index, end: m.index + m[0].length, score: 0.8, validator: 'mac' });
    });
    return out;
  },
};
