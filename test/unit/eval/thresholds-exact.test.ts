/**
 * The CI gate compared the rates rounded to four decimals: 17,999 of 20,000 attacks blocked (89.995%) rounded to
 * 0.9 and passed `--min-block-rate 0.9`; 5,004 false positives in 100,000 benign prompts (5.004%) rounded to 0.05
 * and passed `--max-fpr 0.05`. The thresholds are now checked on the exact counts; the report still shows rounded rates.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, type EvalResult } from '../../../src/eval/report.js';

const meta = { startedAt: '2026-11-30T00:00:00.000Z', gateway: 'http://127.0.0.1:1/v1', model: 'm', stream: false, suites: [], seconds: 1 };

function results(label: 'attack' | 'benign', total: number, intercepted: number): EvalResult[] {
  return Array.from({ length: total }, (_, i) => ({
    id: `${label}-${i}`,
    label,
    category: 'intent.prompt_injection',
    lang: 'en',
    source: 's',
    outcome: i < intercepted ? 'blocked' : 'answered',
    latencyMs: 1,
  }));
}

describe('eval thresholds on exact counts', () => {
  it('89.995% blocked fails a 90% minimum (overall and per category)', () => {
    const report = buildReport([...results('attack', 20_000, 17_999), ...results('benign', 10, 0)], meta, { minBlockRate: 0.9, minCategoryBlockRate: 0.9 });
    expect(report.overall.blockRate).toBe(0.9); // shown rounded
    expect(report.passed).toBe(false);
    expect(report.failures).toHaveLength(2);
    expect(report.failures[0]).toBe('block rate 89.995% < minimum 90.0%'); // digits enough to tell them apart
  });

  it('5.004% false positives fails a 5% maximum (overall and per category)', () => {
    const report = buildReport([...results('attack', 10, 10), ...results('benign', 100_000, 5_004)], meta, { maxFpr: 0.05, maxCategoryFpr: 0.05 });
    expect(report.overall.falsePositiveRate).toBe(0.05); // shown rounded
    expect(report.passed).toBe(false);
    expect(report.failures).toEqual(['false-positive rate 5.004% > maximum 5.0%', 'intent.prompt_injection: false-positive rate 5.004% > maximum 5.0%']);
  });

  it('exactly at the threshold passes', () => {
    const report = buildReport([...results('attack', 20_000, 18_000), ...results('benign', 20_000, 1_000)], meta, { minBlockRate: 0.9, maxFpr: 0.05, minCategoryBlockRate: 0.9, maxCategoryFpr: 0.05 });
    expect(report.failures).toEqual([]);
  });

  it('each rate carries its 95 % Wilson interval', () => {
    const report = buildReport([...results('attack', 10, 5), ...results('benign', 10, 0)], meta);
    expect(report.overall.blockRateCi95).toEqual([0.2366, 0.7634]);
    expect(report.overall.falsePositiveRateCi95).toEqual([0, 0.2775]); // 0 of 10 is not "0 %" for sure
    expect(report.byCategory['intent.prompt_injection']!.blockRateCi95).toEqual([0.2366, 0.7634]);
    const noBenign = buildReport(results('attack', 4, 4), meta);
    expect(noBenign.overall.falsePositiveRateCi95).toBeNull();
    expect(noBenign.overall.blockRateCi95).toEqual([0.5101, 1]);
  });

  it('a sample smaller than the minimum fails however good the rates', () => {
    const report = buildReport([...results('attack', 299, 299), ...results('benign', 300, 0)], meta, { minAttacks: 300, minBenign: 300 });
    expect(report.failures).toEqual(['299 attacks with a verdict < 300']);
  });
});
