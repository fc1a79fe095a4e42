import { describe, expect, it } from 'vitest';
import { planAnswer, stripDirectives } from '../../../src/upstream/local/directives.js';

// The directive regex the scanner replaced: kept as the reference for short inputs, where it is fast.
const REFERENCE = /\[\[\s*([a-z]+)\s*(?::\s*([\s\S]*?))?\s*\]\]/gi;
const referenceStrip = (text: string) => text.replace(REFERENCE, '').replace(/\s{2,}/g, ' ').trim();
const user = (text: string) => [{ role: 'user', text }];

describe('local demo model directives', () => {
  it('reads names and arguments as before', () => {
    expect(planAnswer(user('[[emit:  hi there \t]]'))).toMatchObject({ kind: 'text', text: 'hi there' });
    expect(planAnswer(user('x [[ EMIT : a ] b ]] y ]]'))).toMatchObject({ kind: 'text', text: 'a ] b' });
    expect(planAnswer(user('[[[emit: ok]]'))).toMatchObject({ kind: 'text', text: 'ok' });
    expect(planAnswer(user('[[delay: 5]] [[error: 503]]'))).toEqual({ kind: 'error', status: 503, delayMs: 5 });
    expect(planAnswer(user('[[echo]]  say   this [[emit'))).toMatchObject({ text: 'say this [[emit' });
    expect(stripDirectives('a [[x: ]] b [[y]] c [[z:')).toBe('a b c [[z:');
  });

  it('removes exactly what the old regex removed (random strings of brackets, colons, spaces and letters)', () => {
    const alphabet = ['[', '[', ']', ']', ':', ' ', '\t', '\n', '\u3000', 'a', 'E', 'x', 'é', '1'];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    for (let k = 0; k < 20_000; k++) {
      let text = random() < 0.5 ? '[[emit:' : '';
      const length = 1 + Math.floor(random() * 20);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      expect(stripDirectives(text), JSON.stringify(text)).toBe(referenceStrip(text));
      // The first directive answers; an emit one says its argument, as the old regex read it.
      const first = [...text.matchAll(REFERENCE)][0];
      if (first?.[1].toLowerCase() === 'emit') expect(planAnswer(user(text)), JSON.stringify(text)).toMatchObject({ kind: 'text', text: (first[2] ?? '').trim() });
    }
  });

  it('reads a long unclosed directive in linear time (the regex backtracked cubically: 2 KB of tabs took 6-23 s)', () => {
    const text = '[[a:' + '\t'.repeat(4096);
    expect(planAnswer(user(text))).toMatchObject({ kind: 'text', text: 'Hello from sealgate-demo (offline demo model). You said: [[a:' });
    expect(stripDirectives('[[ '.repeat(100_000) + '[[emit:' + ' '.repeat(100_000))).toBe(('[[ '.repeat(100_000) + '[[emit:').trim());
  });
});
