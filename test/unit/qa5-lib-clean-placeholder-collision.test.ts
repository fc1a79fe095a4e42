/**
 * `sealgate clean --pii placeholder` over several fields (QA round 5): placeholders are numbered per record
 * across its fields, but only the field being scrubbed was checked for placeholders written literally. So
 * {"q":"Please email alice@example.com","a":"I wrote to <EMAIL_1> already"} came out with <EMAIL_1> in both
 * fields: one the replaced address, one a literal, indistinguishable in the cleaned corpus.
 */
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runClean } from '../../src/corpus/clean.js';

async function cleanLines(input: string, fields: string[]): Promise<Record<string, string>[]> {
  let out = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      out += String(chunk);
      done();
    },
  });
  await runClean(Readable.from([Buffer.from(input)]), sink, { fields, cleaner: { toxicity: 'off', intent: 'off' } });
  return out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, string>);
}

describe('placeholders written literally in another field are not issued', () => {
  it('a later field with a literal placeholder and no PII', async () => {
    const [record] = await cleanLines('{"q":"Please email alice@example.com","a":"Sure, I wrote to <EMAIL_1> already"}\n', ['q', 'a']);
    expect(record!.a).toBe('Sure, I wrote to <EMAIL_1> already');
    expect(record!.q).toMatch(/^Please email <EMAIL_\d+>$/);
    expect(record!.q).not.toBe('Please email <EMAIL_1>');
  });

  it('a later field with a literal placeholder and PII of its own; equal values still share a number', async () => {
    const [record] = await cleanLines(
      '{"q":"alice@example.com and bob@example.com","a":"<email_2> is not bob@example.com"}\n',
      ['q', 'a'],
    );
    const [alice, bob] = record!.q!.split(' and ');
    expect(new Set([alice, bob, '<email_2>'.toUpperCase()]).size).toBe(3);
    expect(record!.a).toBe(`<email_2> is not ${bob}`);
  });
});
