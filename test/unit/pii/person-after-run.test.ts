/**
 * Speed round 14: the English name finder tests its person verbs (`… said`, `Keller's`) at the run's end with a
 * sticky regex over the text instead of the regex on a 12-character slice, and drops a next word's final dot
 * without a regex. Both compared with the code they replaced on random texts.
 */
import { describe, expect, it } from 'vitest';
import { createRng, pick } from '../../../datasets/lib/rng.js';
import { EN_PERSON_VERB, personVerbAt, withoutFinalDot } from '../../../guardrails/pii/recognizers/person.js';

describe('person: after the run', () => {
  it('personVerbAt equals EN_PERSON_VERB on the 12-character slice', () => {
    const rng = createRng(16);
    const pieces = [' said', ' had given', ' explained', ' believes', ' believed', "'s", "'", 's', ' ', '\n', '\t', ' lives', ' lived', ' x',
      'x', '1', '_', '.', 'é', ' saidx', 'd', 'ed', ' answered', ' Said', '\u00a0said', ' cried'];
    let hits = 0;
    for (let i = 0; i < 40_000; i++) {
      let t = '';
      const n = Math.floor(rng() * 6);
      for (let k = 0; k < n; k++) t += pick(rng, pieces);
      const at = Math.floor(rng() * (t.length + 1));
      const expected = EN_PERSON_VERB.test(t.slice(at, at + 12));
      if (expected) hits++;
      expect(personVerbAt(t, at), JSON.stringify([t, at])).toBe(expected);
    }
    expect(hits).toBeGreaterThan(1_000);
  });

  it('withoutFinalDot equals replace(/\\.$/, "")', () => {
    for (const w of ['Inc.', 'Inc', '.', '..', '', 'a.b', 'Co.\n', 'St..']) expect(withoutFinalDot(w)).toBe(w.replace(/\.$/, ''));
  });
});

import { splitAtSpaces } from '../../../guardrails/pii/recognizers/person.js';

describe('person: splitAtSpaces', () => {
  it("equals split(' ')", () => {
    const rng = createRng(18);
    const pieces = ['Maria', 'Keller', 'O’Neil', 'de', ' ', '  ', '\t', '\u00a0', 'É', '.'];
    for (let i = 0; i < 40_000; i++) {
      let t = '';
      const n = Math.floor(rng() * 7);
      for (let k = 0; k < n; k++) t += pick(rng, pieces);
      expect(splitAtSpaces(t), JSON.stringify(t)).toEqual(t.split(' '));
    }
  });
});
