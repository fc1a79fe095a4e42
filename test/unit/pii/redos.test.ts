import { describe, expect, it } from 'vitest';
import { createPiiDetector } from '../../../guardrails/pii/index.js';

/**
 * Adversarial long inputs shaped to trigger catastrophic backtracking in naive patterns (long runs with no
 * terminator, alternating separators, unclosed PEM headers …). Each must finish; a super-linear regex would
 * blow the test timeout by orders of magnitude at these sizes. (Speed itself is measured in bench/pii.ts.)
 */
const N = 50_000;
const ADVERSARIAL: Record<string, string> = {
  digits: '1'.repeat(N),
  digitsWithSeparators: '1 '.repeat(N / 2) + 'x',
  dashes: '1-'.repeat(N / 2),
  dots: '1.'.repeat(N / 2),
  emailLocalNoAt: 'a'.repeat(N),
  emailDomainNoTld: 'a@' + 'b.'.repeat(N / 2),
  manyAts: 'a@'.repeat(N / 2),
  ipv6Colons: '1:'.repeat(N / 2),
  hexColons: 'ab:'.repeat(N / 3),
  capitalisedWords: 'Abc '.repeat(N / 4),
  chineseNoSuffix: '张'.repeat(N),
  chineseAddressLike: '北京市'.repeat(N / 3),
  chineseOrgLike: '我们公'.repeat(N / 3),
  pemUnclosed: '-----BEGIN PRIVATE KEY-----\n' + 'A'.repeat(N),
  passwordKeys: 'password='.repeat(N / 9),
  urlNoAt: 'http://' + 'a:'.repeat(N / 2),
  jwtLike: 'eyJ' + 'a'.repeat(N) + '.eyJ',
  mixedFullWidth: '１２３４ '.repeat(N / 5),
  zeroWidth: '1\u200b'.repeat(N / 2),
  // Many short CJK runs with the only suffix character at the very end (a rescanning search goes quadratic).
  chineseRunsSuffixAtEnd: '天天，'.repeat(N / 3) + '市',
  capitalisedRunsSuffixAtEnd: 'Abc, '.repeat(N / 5) + 'Inc',
  // One long ideograph run of characters that start a multi-character address suffix (大道, 小区) but never
  // complete one: a backwards scan per such character was quadratic (~20 s for 大 × 50 000).
  chineseSuffixStartsOnly: '大'.repeat(N),
  chineseSurnameAndSuffixStart: '王小'.repeat(N / 2),
  chineseHandles: '@王'.repeat(N / 2),
  chineseWebsiteSuffix: '土豆网'.repeat(N / 3),
  // Accented capitals are no \w, so a street pattern could start at every letter of the run and scan to its end
  // (quadratic: 32 000 of them took 1.5 s after a house number, 2.5 s after a Hungarian street word).
  accentedCapitalsAfterNumber: 'I live at 12 ' + 'É'.repeat(4 * N),
  accentedCapitalsHungarian: 'Kálmán utca 12 and ' + 'É'.repeat(4 * N),
  // Many numbers each next to a gate word (hk-mo-tw-phone, cn-travel-permit): each is checked against the words
  // near it, not against every word of the text.
  regionalPhones: '香港電話 91234567 '.repeat(N / 8),
  taiwanPermits: '台胞证 12345678 港澳通行证 C12345678 '.repeat(N / 16),
  hkidRuns: 'A123456(3) A1234563 '.repeat(N / 10),
};

describe('regex safety: adversarial long inputs', () => {
  const detector = createPiiDetector();
  for (const [name, text] of Object.entries(ADVERSARIAL)) {
    it(`completes on ${name} (${text.length} chars)`, () => {
      const findings = detector.detect(text);
      expect(Array.isArray(findings)).toBe(true);
      for (const f of findings) {
        expect(f.start).toBeGreaterThanOrEqual(0);
        expect(f.end).toBeLessThanOrEqual(text.length);
      }
    });
  }
});
