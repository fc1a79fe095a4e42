/**
 * The network recognizer asks isIPv6 (node:net) only about candidates that pass mayBeIPv6 (a `::`, or six
 * colons): that gate must never reject a string isIPv6 accepts. Checked on generated colon-hex strings (full,
 * compressed, with IPv4 tails, mutated) and on clock times, which it is there to skip. The recognizer also skips
 * the IPV6 regex where the run of hex digits, colons and dots cannot hold such a match: its IPv6 findings are
 * compared with a plain global scan on generated texts.
 */
import { isIPv6 } from 'node:net';
import { describe, expect, it } from 'vitest';
import { factsOf } from '../../../guardrails/pii/detector.js';
import { IPV6, mayBeIPv6, networkRecognizer } from '../../../guardrails/pii/recognizers/network.js';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
}
const HEX = '0123456789abcdefABCDEF';

describe('IPv6 gate', () => {
  it('passes every string isIPv6 accepts', () => {
    const r = rng(20261129);
    let valid = 0;
    let rejected = 0;
    for (let k = 0; k < 200_000; k++) {
      const groups = 1 + Math.floor(r() * 9);
      const parts: string[] = [];
      for (let g = 0; g < groups; g++) {
        const len = Math.floor(r() * 5);
        parts.push(Array.from({ length: len }, () => HEX[Math.floor(r() * HEX.length)]).join(''));
      }
      let s = parts.join(':');
      if (r() < 0.2) s += `:${[0, 0, 0, 0].map(() => Math.floor(r() * 300)).join('.')}`;
      if (r() < 0.2) s = s.replace(':', '::');
      if (r() < 0.1) s = `:${s}`;
      if (r() < 0.1) s = `${s}:`;
      const ok = isIPv6(s);
      if (ok) valid++;
      if (!mayBeIPv6(s)) {
        rejected++;
        expect(ok, s).toBe(false);
      }
    }
    expect(valid).toBeGreaterThan(5_000);
    expect(rejected).toBeGreaterThan(50_000);
  }, 60_000);

  it('skips clock times and accepts the usual forms', () => {
    expect(mayBeIPv6('22:23:46')).toBe(false);
    expect(mayBeIPv6('2001:db8::1')).toBe(true);
    expect(mayBeIPv6('2001:0db8:85a3:0000:0000:8a2e:0370:7334')).toBe(true);
    expect(mayBeIPv6('0:0:0:0:0:ffff:192.168.1.1')).toBe(true);
  });

  it('finds the IPv6 addresses a global scan with the same checks finds', () => {
    const r = rng(7);
    const pieces = ['22:23:46', '2001:db8::1', 'fe80::1ff:fe23:4567:890a', '1:2:3:4:5:6:7:8', '0:0:0:0:0:ffff:192.168.1.1', '::', ':', '::1', 'a:b', 'ab:cd:ef', '12:34', ' ', ' ', '，', '时间', 'mac=', 'x', '.', '9', 'dead:beef', '1:2:3:4:5:6', '10:00:00.5'];
    const global = new RegExp(IPV6.source, 'g');
    let found = 0;
    for (let k = 0; k < 10_000; k++) {
      let text = '';
      const n = 1 + Math.floor(r() * 8);
      for (let p = 0; p < n; p++) text += pieces[Math.floor(r() * pieces.length)];
      const fast = networkRecognizer.recognize(text, factsOf(text)).filter((c) => c.validator === 'ipv6').map((c) => [c.start, c.end]);
      const slow: number[][] = [];
      // (The recognizer looks at texts with a digit only.)
      if (/\d/.test(text)) for (const m of text.matchAll(global)) {
        const v = m[0];
        if (v.length >= 6 && (v.match(/[0-9A-Fa-f]/g) ?? []).length >= 4 && isIPv6(v)) slow.push([m.index, m.index + v.length]);
        if (v.length === 0) global.lastIndex++;
      }
      found += slow.length;
      expect(fast, text).toEqual(slow);
    }
    expect(found).toBeGreaterThan(1_500);
  }, 60_000);
});
