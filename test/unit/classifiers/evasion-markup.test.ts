/**
 * Markup inside words (QA pass H5; scores before the fix): inline HTML tags between letters ("ig<b></b>nore",
 * "ig<span>nore</span>") 0.000 / 0.107 on injection, 0.059 / 0.088 on toxicity; Markdown emphasis opened inside a word
 * ("st**upid**", "id**iot**") 0.24 on toxicity and 0.67 on a harmful request. A browser or a model reads the word.
 * Blocked means the default policy's block score: 0.8 for intent, 0.9 for input toxicity.
 */
import { describe, expect, it } from 'vitest';
import { normalizeForModel } from '../../../guardrails/text-model/evasion.js';
import { describeDisguisedAttacks, type Disguise } from '../../fixtures/disguised-attacks.js';

/** Each word of three letters or more cut after its second letter by `open` and closed at its end by `close`. */
const cut = (text: string, open: string, close: string): string => text.split(' ').map((w) => (w.length > 2 ? `${w.slice(0, 2)}${open}${w.slice(2)}${close}` : w)).join(' ');

const DISGUISES: Disguise[] = [
  ['empty bold tags', (t) => t.replace(/(\w)(\w)/g, '$1<b></b>$2')],
  ['a span', (t) => cut(t, '<span>', '</span>')],
  ['a styled span', (t) => cut(t, '<span style="color:red">', '</span>')],
  ['Markdown bold', (t) => cut(t, '**', '**')],
  ['Markdown strike-through', (t) => cut(t, '~~', '~~')],
  ['inline code', (t) => cut(t, '`', '`')],
];

describe('evasion normalisation: markup inside words', () => {
  it.each([
    ['tags between letters', 'ig<b></b>no<i></i>re', 'ignore'],
    ['a span', 'ig<span>nore</span> all', 'ignore all'],
    ['bold', 'st**upid** id__iot__', 'stupid idiot'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeForModel(input)).toBe(expected);
  });

  it('leaves markup around words, block and code tags, unclosed marks and snake_case alone', () => {
    for (const text of ['<b>note</b>: read this', 'line one<br>line two', 'a<div>b</div>c', 'use <code>x</code>', 'f**k that', 'my_var_name = 1', 'use `code` here', 'x **bold** y']) {
      expect(normalizeForModel(text)).toBe(text);
    }
  });
});

describeDisguisedAttacks('the detectors see through markup at the default policy block scores', DISGUISES);
