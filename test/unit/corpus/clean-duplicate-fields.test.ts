/**
 * `sealgate clean --field text,text` cleaned the field twice and counted its PII twice: one phone number and one
 * email gave `piiByType: { PHONE_NUMBER: 2, EMAIL_ADDRESS: 2 }` in the report. A field named more than once is
 * cleaned and counted once.
 */
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runClean } from '../../../src/corpus/clean.js';

async function clean(fields: string[]) {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  const input = Readable.from([Buffer.from(`${JSON.stringify({ text: 'call me at 13800138000, alice@example.com' })}\n`, 'utf8')]);
  const report = await runClean(input, out, { fields, cleaner: { toxicity: 'off', intent: 'off' } });
  return { report, output: chunks.join('') };
}

describe('clean with a field named twice', () => {
  it('cleans and counts it once', async () => {
    const once = await clean(['text']);
    const twice = await clean(['text', 'text']);
    expect(once.report.piiByType).toEqual({ PHONE_NUMBER: 1, EMAIL_ADDRESS: 1 });
    expect(twice.report.piiByType).toEqual(once.report.piiByType);
    expect(twice.output).toBe(once.output);
    expect(twice.report.options.fields).toEqual(['text']);
  });
});
