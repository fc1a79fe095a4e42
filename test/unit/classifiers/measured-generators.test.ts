/** Generators measured on 2026-11-29 (tenth session, MODEL_CARD.md "Known weaknesses") and not in the mix. */
import { describe, expect, it } from 'vitest';
import { ipRequests } from '../../../datasets/classifiers/ip-requests.js';
import { scenarios } from '../../../datasets/classifiers/scenarios.js';
import { zhShortRolePlays } from '../../../datasets/classifiers/zh-short-roleplay.js';
import { isTaxonomyId } from '../../../guardrails/core/taxonomy.js';
import { GENERATED_MIX, loadExamples } from '../../../guardrails/train/data.js';
import { VALIDATION_EXCLUDED_SOURCES } from '../../../guardrails/train/pipeline.js';

/** Llama Guard S8 / TC260 A.3.1; not (yet) a taxonomy id: MODEL_CARD.md "Known weaknesses", tenth session. */
const IP = 'intent.harmful.intellectual_property';

describe('intellectual-property requests (datasets/classifiers/ip-requests.ts)', () => {
  it('are deterministic, alternate EN / ZH and keep the requested safe share', () => {
    const rows = ipRequests(25, 1500, 0.5);
    expect(rows).toEqual(ipRequests(25, 1500, 0.5));
    expect(rows.every((r, i) => r.lang === (i % 2 === 1 ? 'zh' : 'en'))).toBe(true);
    const safe = rows.filter((r) => r.label === 'safe').length / rows.length;
    expect(safe).toBeGreaterThan(0.45);
    expect(safe).toBeLessThan(0.55);
  });

  it('label harmful rows with the intellectual-property category and safe rows with none', () => {
    for (const r of ipRequests(7, 400)) {
      if (r.label === 'harmful') expect(r.category).toBe(IP);
      else expect(r.category).toBeUndefined();
    }
  });

  it('hold the asks in the same words on both sides (lyrics, a book, a key)', () => {
    const rows = ipRequests(25, 1500, 0.5).filter((r) => r.lang === 'en');
    for (const word of [/lyrics/i, /book|chapter/i, /license key/i]) {
      expect(rows.some((r) => r.label === 'harmful' && word.test(r.text))).toBe(true);
      expect(rows.some((r) => r.label === 'safe' && word.test(r.text))).toBe(true);
    }
  });
});

describe('short Chinese role-plays and first-person scenarios (measured, not in the mix)', () => {
  it('role-plays: deterministic, Chinese, attacks and benign twins under their own source names', () => {
    const rows = zhShortRolePlays(26, 600, 0.5);
    expect(rows).toEqual(zhShortRolePlays(26, 600, 0.5));
    expect(rows.every((r) => r.lang === 'zh')).toBe(true);
    for (const r of rows) expect(r.source).toBe(r.label === 'jailbreak' ? 'sealgate-zh-short-roleplay' : 'sealgate-zh-short-roleplay-twins');
    expect(zhShortRolePlays(26, 200, 0).every((r) => r.label === 'jailbreak')).toBe(true);
    // Short: one or two sentences, unlike the long role-play jailbreaks.
    expect(Math.max(...rows.map((r) => r.text.length))).toBeLessThan(60);
  });

  it('scenarios: deterministic, EN / ZH alternating, harmful rows with a fine category', () => {
    const rows = scenarios(27, 600, 0.5);
    expect(rows).toEqual(scenarios(27, 600, 0.5));
    expect(rows.every((r, i) => r.lang === (i % 2 === 1 ? 'zh' : 'en'))).toBe(true);
    for (const r of rows) {
      if (r.label === 'harmful') expect(isTaxonomyId(r.category!)).toBe(true);
      else expect(r.category).toBeUndefined();
    }
  });

  it('are not in the shipped mix (GENERATED_MIX count 0), so the intent training data holds none of their rows', () => {
    expect([GENERATED_MIX.ipRequests.count, GENERATED_MIX.zhShortRolePlays.count, GENERATED_MIX.scenarios.count]).toEqual([0, 0, 0]);
    const sources = new Set(loadExamples('intent', { limitPerSource: 20 }).map((e) => e.source));
    for (const s of ['sealgate-ip-requests', 'sealgate-zh-short-roleplay', 'sealgate-zh-short-roleplay-twins', 'sealgate-scenarios']) {
      expect(sources.has(s)).toBe(false);
      // Were they added, they would be kept out of validation like the other templated pairs.
      expect(VALIDATION_EXCLUDED_SOURCES.has(s)).toBe(true);
    }
  });
});
