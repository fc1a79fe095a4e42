/** The safe / harmful contrast generator and how training uses its rows (harmful head only, no validation rows). */
import { describe, expect, it } from 'vitest';
import { harmContrasts } from '../../../datasets/classifiers/harm-contrasts.js';
import { loadExamples } from '../../../guardrails/train/data.js';
import { VALIDATION_EXCLUDED_SOURCES } from '../../../guardrails/train/pipeline.js';
import { isTaxonomyId } from '../../../guardrails/core/taxonomy.js';

describe('harm contrasts (datasets/classifiers/harm-contrasts.ts)', () => {
  it('are deterministic, alternate EN / ZH and keep the requested safe share', () => {
    const rows = harmContrasts(23, 2000, 0.65);
    expect(rows).toEqual(harmContrasts(23, 2000, 0.65));
    expect(rows.filter((r) => r.lang === 'zh').length).toBe(1000);
    expect(rows.every((r, i) => r.lang === (i % 2 === 1 ? 'zh' : 'en'))).toBe(true);
    const safe = rows.filter((r) => r.label === 'safe').length / rows.length;
    expect(safe).toBeGreaterThan(0.6);
    expect(safe).toBeLessThan(0.7);
    for (const lang of ['en', 'zh'] as const) {
      const texts = new Set(rows.filter((r) => r.lang === lang).map((r) => r.text));
      expect(texts.size).toBeGreaterThan(400);
    }
  });

  it('give every harmful row an intent.harmful.* category and no safe row one', () => {
    for (const r of harmContrasts(5, 600)) {
      if (r.label === 'harmful') {
        expect(isTaxonomyId(r.category!)).toBe(true);
        expect(r.category!.startsWith('intent.harmful.')).toBe(true);
      } else {
        expect(r.label).toBe('safe');
        expect(r.category).toBeUndefined();
      }
    }
  });

  it('the same frame holds a safe and a harmful reading (the target decides, not the verb)', () => {
    const rows = harmContrasts(23, 3000, 0.65);
    const en = (label: string): string[] => rows.filter((r) => r.lang === 'en' && r.label === label).map((r) => r.text);
    expect(en('safe').some((t) => /^How do I kill /.test(t))).toBe(true);
    expect(en('harmful').some((t) => /^How do I kill /.test(t))).toBe(true);
  });
});

describe('harm contrasts in the intent training data', () => {
  const rows = loadExamples('intent', { limitPerSource: 40 }).filter((e) => e.source === 'sealgate-harm-contrasts');

  it('label the harmful head only, and are kept out of validation', () => {
    expect(rows.length).toBeGreaterThan(50);
    for (const e of rows) expect(Object.keys(e.labels)).toEqual(['intent.harmful']);
    expect(rows.some((e) => e.labels['intent.harmful'] === 1)).toBe(true);
    expect(rows.some((e) => e.labels['intent.harmful'] === 0)).toBe(true);
    expect(VALIDATION_EXCLUDED_SOURCES.has('sealgate-harm-contrasts')).toBe(true);
  });
});
