/**
 * Recognizer.requires lets the detector skip a recognizer whose required facts a text lacks (speed round 14). Each
 * built-in declaration must be a necessary condition: wherever the facts do not meet it, the recognizer finds
 * nothing. Checked on generated texts made of real identifiers, their near misses, context words, capitals, CJK
 * and noise, short and long (the long-text facts come from another pass); and the detector must call a recognizer
 * exactly when meetsRequires holds.
 */
import { describe, expect, it } from 'vitest';
import { createRng, pick } from '../../../datasets/lib/rng.js';
import { normalize } from '../../../guardrails/core/normalize.js';
import { createPiiDetector, factsOf } from '../../../guardrails/pii/detector.js';
import { BUILTIN_RECOGNIZERS } from '../../../guardrails/pii/recognizers/index.js';
import { meetsRequires, type Recognizer } from '../../../guardrails/pii/types.js';

const PIECES = ['tel 555-1234', '电话 6234567', '010-62345678', '13812345678', '+44 20 7946 0958', '(212) 555-0187', 'a.b@example.com', '@',
  'DE89370400440532013000', 'GB82 WEST 1234 5698 7654 32', '11010519491231002X', '110105491231002', '91350100M000100Y43', '123-45-6789',
  'SSN 123456789', 'passport E12345678', '护照 G12345678', 'born 1990-05-12', '出生 1990年5月12日', 'dob 12/05/1990', '京A12345', '粤B·D12345',
  '192.168.1.1', '00:1A:2B:3C:4D:5E', '4111 1111 1111 1111', 'account 12345678', '账号 6222021234567890123', 'Maria Keller', 'Acme GmbH',
  '北京市海淀区', '张伟', 'A123456(3)', 'XA1234568', '香港身份證 G123456A', 'A123456789', '身分證 F131104093', '澳門身份證 1234567(8)', 'BIR 51234567', '回乡证 H12345678', '台胞证 12345678', '港澳通行证 C12345678', '往来台湾 L12345678', '香港手机 91234567', '台灣手機 0912-345-678', '電話：(02)2345-6789', '7', '42', '2024', ' ', ', ', '\n', 'A', 'x', '号', '，', '-', '.'];

function texts(seed: number, count: number): string[] {
  const rng = createRng(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let t = '';
    const n = Math.floor(rng() * 8);
    for (let k = 0; k < n; k++) t += pick(rng, PIECES);
    // Every twentieth past 1024 characters (the cluster-pass facts).
    if (i % 20 === 0) while (t.length > 0 && t.length < 1100) t += ` ${t}`;
    out.push(normalize(t).text);
  }
  return out;
}

describe('Recognizer.requires', () => {
  const declared = BUILTIN_RECOGNIZERS.filter((r) => r.requires);

  it('is declared by the identifier recognizers and the tagger', () => {
    expect(declared.map((r) => r.name).sort()).toEqual(
      ['address', 'bank_account', 'cn_license_plate', 'cn_resident_id', 'cn_travel_permit', 'cn_uscc', 'date_of_birth', 'email', 'en_ner', 'hk_id_card', 'hk_mo_tw_phone', 'iban', 'location', 'mo_resident_id', 'network', 'organization', 'passport', 'payment_card', 'person', 'phone', 'tw_national_id', 'us_ssn'].sort(),
    );
  });

  it('is necessary: where the facts do not meet it, the recognizer finds nothing', () => {
    let unmet = 0;
    const found = new Map<string, number>();
    for (const text of texts(1414, 6000)) {
      const facts = factsOf(text);
      for (const r of declared) {
        const candidates = r.recognize(text, facts);
        if (candidates.length > 0) found.set(r.name, (found.get(r.name) ?? 0) + 1);
        if (meetsRequires(facts, r.requires)) continue;
        unmet++;
        // The names gate (names-gate.ts) promises no finding: a person run it passes may still be a candidate
        // that scores below the threshold (its context already applied).
        const kept = r.requires?.names ? candidates.filter((c) => !c.contextApplied || c.score >= facts.minScore) : candidates;
        expect(kept, `${r.name}: ${JSON.stringify(text)}`).toEqual([]);
      }
    }
    expect(unmet).toBeGreaterThan(10_000);
    // The texts exercise every declared recognizer.
    for (const r of declared) expect(found.get(r.name) ?? 0, r.name).toBeGreaterThan(20);
  }, 120_000);

  it('is near the threshold where a recognizer does find something', () => {
    // A requirement one step stricter than declared would drop these (tested by hand: each fails then).
    const at = (r: string) => BUILTIN_RECOGNIZERS.find((x) => x.name === r)!;
    expect(at('phone').recognize('tel 555-1234', factsOf('tel 555-1234')).length).toBeGreaterThan(0);
    expect(at('email').recognize('a@b.co', factsOf('a@b.co')).length).toBe(1);
    expect(at('network').recognize('ip 1.2.3.4', factsOf('ip 1.2.3.4')).length).toBe(1);
  });

  it('the detector calls a recognizer exactly when its requires are met', () => {
    const calls: string[] = [];
    const spy = (name: string, requires: Recognizer['requires']): Recognizer => ({ name, entityTypes: ['PERSON'], requires, recognize: (t) => (calls.push(`${name} ${t}`), []) });
    const spies = [spy('a', { digits: 3 }), spy('b', { digitChain: 5, at: true }), spy('c', { digitRun: 4, upper: true }), spy('d', { cjk: true, digits: 1 }), spy('e', undefined)];
    const detector = createPiiDetector({}, spies);
    for (const text of texts(7, 3000)) {
      if (text.length === 0) continue;
      calls.length = 0;
      detector.detect(text);
      const facts = factsOf(text);
      expect(calls, JSON.stringify(text)).toEqual(spies.filter((s) => meetsRequires(facts, s.requires)).map((s) => `${s.name} ${text}`));
    }
  });
});
