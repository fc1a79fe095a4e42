/**
 * The generator's Hong Kong / Macau / Taiwan records (generate(…, { regional: true }), evaluation only): labels
 * only valid identifiers, leaves the default output alone, and the default detector finds every labelled
 * identifier and phone number and nothing else of those types.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { generate } from '../../../datasets/pii/generate.js';
import { createPiiDetector, validators as v } from '../../../guardrails/pii/index.js';

/** Valid in the Hong Kong, Macau or Taiwan numbering plan (libphonenumber-js). */
const validLocalPhone = (digits: string) => (['HK', 'MO', 'TW'] as const).some((c) => parsePhoneNumberFromString(digits, c)?.isValid() === true);

const REGIONAL_TYPES = new Set(['HK_ID_CARD', 'TW_NATIONAL_ID', 'MO_RESIDENT_ID', 'CN_TRAVEL_PERMIT', 'PHONE_NUMBER']);

describe('regional generator records', () => {
  const records = generate(300, 11, { regional: true });

  it('is deterministic, separate from the default output, and labels only valid values', () => {
    expect(generate(300, 11, { regional: true })).toEqual(records);
    expect(generate(50, 11)).toEqual(generate(50, 11, {}));
    expect(generate(50, 11)[0]!.id).toBe('sealgate-synth-11-0');
    expect(records[0]!.id).toBe('sealgate-synth-regional-11-0');
    let phones = 0;
    for (const r of records) {
      for (const s of r.spans) {
        const value = r.text.slice(s.start, s.end);
        const compact = value.replace(/[\s()\-]/g, '');
        if (s.type === 'HK_ID_CARD') expect(v.hkid(compact), value).toBe(true);
        if (s.type === 'TW_NATIONAL_ID') expect(v.twNationalId(compact), value).toBe(true);
        if (s.type === 'PHONE_NUMBER') {
          phones++;
          expect(validLocalPhone(compact), value).toBe(true);
        }
      }
    }
    expect(phones).toBeGreaterThan(50);
  });

  it('the default detector finds every labelled regional value, and no other value of those types', () => {
    const detector = createPiiDetector();
    let gold = 0;
    for (const r of records) {
      const want = r.spans.filter((s) => REGIONAL_TYPES.has(s.type)).map((s) => `${s.type}:${r.text.slice(s.start, s.end)}`);
      const got = detector.detect(r.text).filter((f) => REGIONAL_TYPES.has(f.type!)).map((f) => `${f.type}:${r.text.slice(f.start, f.end)}`);
      gold += want.length;
      expect(got, r.text).toEqual(want);
    }
    expect(gold).toBeGreaterThan(500);
  });
});
