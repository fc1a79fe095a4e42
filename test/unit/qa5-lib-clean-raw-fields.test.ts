/**
 * `sealgate clean` copies the fields it does not clean unchanged (QA round 5). It re-serialised every kept
 * record with JSON.stringify, so an id 12345678901234567891 came out as 12345678901234567000, 1e400 as null
 * and 1.50 as 1.5: a cleaned corpus no longer joined back to its source. Now only the cleaned values (and
 * the flag field) are replaced in the line as read.
 */
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runClean } from '../../src/corpus/clean.js';
import { applyEdits, setValueEdit, valueSpan } from '../../src/corpus/json-splice.js';
import type { CleanOptionsInput } from '../../src/corpus/options.js';

async function clean(input: string, options: CleanOptionsInput): Promise<string[]> {
  let out = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      out += String(chunk);
      done();
    },
  });
  await runClean(Readable.from([Buffer.from(input)]), sink, options);
  return out.split('\n').filter(Boolean);
}

const piiOnly: CleanOptionsInput = { cleaner: { toxicity: 'off', intent: 'off' } };

describe('clean keeps the other fields byte for byte', () => {
  it('big integers, huge and spelled numbers, escapes and key order survive a cleaned record', async () => {
    const line = '{"id": 12345678901234567891, "score":1.50,"big":1e400, "name":"Jos\\u00e9","text":"mail alice@example.com please","neg":-0}';
    const [out] = await clean(`${line}\n`, piiOnly);
    expect(out).toBe('{"id": 12345678901234567891, "score":1.50,"big":1e400, "name":"Jos\\u00e9","text":"mail <EMAIL_1> please","neg":-0}');
  });

  it('nested and array fields, duplicate keys (the last counts, as in JSON.parse) and unchanged records', async () => {
    const lines = [
      '{"id":9007199254740993,"messages":[{"role":"user","content":"call bob@example.com"},{"role":"assistant","content":"ok"}]}',
      '{"id":9007199254740995,"text":"first","text":"reach me at carol@example.com"}',
      '{"id":9007199254740997,"text":"nothing to clean here"}',
    ];
    const out = await clean(`${lines.join('\r\n')}\r\n`, { ...piiOnly, fields: ['messages.0.content', 'messages.1.content'] });
    expect(out[0]).toBe('{"id":9007199254740993,"messages":[{"role":"user","content":"call <EMAIL_1>"},{"role":"assistant","content":"ok"}]}');
    const dup = await clean(`${lines[1]}\n${lines[2]}\n`, piiOnly);
    expect(dup).toEqual(['{"id":9007199254740995,"text":"first","text":"reach me at <EMAIL_1>"}', lines[2]]);
  });

  it('the flag field is added to (or replaced in) the line as read', async () => {
    const toxic = 'You are a fucking idiot, shut up you stupid bitch';
    const out = await clean(
      `{"id":12345678901234567891,"text":"${toxic}"}\n{"id":12345678901234567893,"text":"${toxic}","sealgate_flags":["old"]}\n`,
      { cleaner: { pii: 'off', toxicity: 'flag', intent: 'off' } },
    );
    expect(out).toHaveLength(2);
    for (const line of out) {
      expect(line).toMatch(/^\{"id":1234567890123456789[13],/);
      expect((JSON.parse(line) as { sealgate_flags: string[] }).sealgate_flags).toContain('toxicity.toxic');
    }
  });

  it('valueSpan and setValueEdit follow what JSON.parse reads', () => {
    const json = ' { "a" : { "b" : [ 1 , "x\\"}]" , { "c" : "d" } ] } , "a2" : {} } ';
    const span = valueSpan(json, ['a', 'b', '2', 'c'])!;
    expect(JSON.parse(json.slice(...span))).toBe('d');
    expect(valueSpan(json, ['a', 'b', '01'])).toBeUndefined();
    expect(valueSpan(json, ['a', 'missing'])).toBeUndefined();
    const edited = applyEdits(json, [setValueEdit(json, ['a', 'b', '1'], 'y')!, setValueEdit(json, ['a2', 'new'], [1])!])!;
    expect(JSON.parse(edited)).toEqual({ a: { b: [1, 'y', { c: 'd' }] }, a2: { new: [1] } });
  });
});
