/**
 * The toxicity head must not read "a group is mentioned" as toxic. The sentences in
 * datasets/classifiers/identity-utterances.ts are held out (no generator produces them, checked below), so they
 * measure what the head learned about statements naming a group, not whether it memorised
 * datasets/classifiers/identity-statements.ts.
 */
import { describe, expect, it } from 'vitest';
import { createToxicityDetector } from '../../../guardrails/toxicity/index.js';
import { identityStatements } from '../../../datasets/classifiers/identity-statements.js';
import { groupStatements } from '../../../datasets/classifiers/toxicity.js';
import { IDENTITY_BENIGN_EN, IDENTITY_BENIGN_ZH, IDENTITY_TOXIC_EN, IDENTITY_TOXIC_ZH } from '../../../datasets/classifiers/identity-utterances.js';
import type { Finding } from '../../../guardrails/core/types.js';

describe('toxicity head on statements that name a group (committed weights)', async () => {
  const toxicity = await createToxicityDetector();
  const flagged = (list: readonly string[]) => list.filter((t) => (toxicity.detect(t) as Finding[]).some((f) => f.category === 'toxicity.toxic' && f.meta?.flagged === true));

  it('flags few held-out benign statements (1/30 English and 0/30 Chinese when measured)', () => {
    expect(flagged(IDENTITY_BENIGN_EN).length).toBeLessThanOrEqual(2);
    expect(flagged(IDENTITY_BENIGN_ZH).length).toBeLessThanOrEqual(1);
  });

  it('still flags held-out attacks on the same groups (14/15 in each language when measured)', () => {
    expect(flagged(IDENTITY_TOXIC_EN).length).toBeGreaterThanOrEqual(13);
    expect(flagged(IDENTITY_TOXIC_ZH).length).toBeGreaterThanOrEqual(13);
  });

  // Not held out: the statements that showed the bias (0.42-0.74 before the generator, all but one flagged) and
  // that its frames were written for.
  it('no longer flags the statements that showed the bias', () => {
    expect(flagged(['Black people deserve equal rights.', 'Trans people exist.', 'My neighbours are Black.', 'Women deserve equal pay.', 'Women are engineers too.'])).toEqual([]);
  });

  it('the held-out statements are not in the generated training rows', () => {
    const generated = new Set([...identityStatements(48, 3000, 0.8), ...groupStatements(46, 4000)].map((r) => r.text.toLowerCase()));
    for (const t of [...IDENTITY_BENIGN_EN, ...IDENTITY_BENIGN_ZH, ...IDENTITY_TOXIC_EN, ...IDENTITY_TOXIC_ZH]) expect(generated.has(t.toLowerCase()), t).toBe(false);
  });
});

describe('identity statements generator', () => {
  it('is deterministic and gives both labels in both languages, mostly benign after de-duplication', () => {
    const rows = identityStatements(48, 3000, 0.8);
    expect(identityStatements(48, 3000, 0.8)).toEqual(rows);
    const unique = new Map(rows.map((r) => [r.text, r]));
    for (const lang of ['en', 'zh'] as const) {
      const inLang = [...unique.values()].filter((r) => r.lang === lang);
      const benign = inLang.filter((r) => r.label === 'non_toxic').length;
      expect(benign / inLang.length, lang).toBeGreaterThan(0.7);
      expect(inLang.length - benign, lang).toBeGreaterThan(100);
    }
  });
});
