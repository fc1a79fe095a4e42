/**
 * repeatedNames (guardrails/pii/recognizers/en-ner.ts) has two paths: below LINEAR_REPEATS_FROM (1 024) characters
 * one indexOf per name word and an overlap loop over the spans found, from there one walk of the text and a
 * coverage array. Both must find the same repeated names: the same text padded with trailing spaces past the
 * threshold (spaces make no token, so the tagger's spans are the same) goes down the other path, and its spans
 * must be the short text's.
 */
import { describe, expect, it } from 'vitest';
import { factsOf } from '../../../guardrails/pii/detector.js';
import { enNerRecognizer } from '../../../guardrails/pii/recognizers/en-ner.js';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
}

const FIRST = ['Maria', 'Oluwaseun', 'Krisztián', 'Henrik', 'Amara', 'Tobias', 'Ingrid', 'Dmitri', 'Keller'];
const LAST = ['Keller', 'Adeyemi', 'Halvorsen', 'Novak', 'Tamsin', 'Birkeland', 'Okafor', 'Lindqvist', 'Maria'];
const GLUE = [
  ' met ', ' and ', ', then ', ' called ', '. Later ', " said that ", ' wrote to ', ' (', ') ', ' @', ' Road ', ' Group ', '-', '.', ' ', ', ',
  ' starring ', "'s song with ", ' mail.', ' #',
];
const spansOf = (text: string) =>
  enNerRecognizer.recognize(text, factsOf(text)).map((c) => `${c.type} ${c.start}-${c.end} ${c.score} ${c.validator}`);

describe('repeatedNames: short-text and long-text paths', () => {
  it('find the same repeated names', () => {
    const r = rng(20261130);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    let repeats = 0;
    for (let k = 0; k < 600; k++) {
      let text = '';
      const parts = 2 + Math.floor(r() * 10);
      for (let p = 0; p < parts; p++) {
        const roll = r();
        text += roll < 0.5 ? `${pick(FIRST)} ${pick(LAST)}` : roll < 0.8 ? pick(LAST) : pick(FIRST);
        text += pick(GLUE);
      }
      if (text.length >= 1024) continue;
      const short = spansOf(text);
      expect(spansOf(text + ' '.repeat(1100 - text.length)), text).toEqual(short);
      repeats += short.filter((s) => s.endsWith('en-ner-repeat')).length;
    }
    // The texts exercise the repeat path (occurrences accepted, and others refused as overlapping or followed by a
    // capitalised word).
    expect(repeats).toBeGreaterThan(200);
  });
});
