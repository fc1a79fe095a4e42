/**
 * `sealgate scan --detectors pii,pii` ran the PII detector twice: every finding was written twice and counted twice
 * ("4 findings" for one phone number and one email). A detector named more than once now runs once.
 */
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runScan } from '../../../src/cli/scan.js';

async function scan(detectors: string[]) {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  const summary = await runScan(Readable.from([`${JSON.stringify({ text: 'call me at 13800138000, alice@example.com' })}\n`]), out, { detectors }, () => {});
  out.end();
  return { summary, verdict: JSON.parse(chunks.join('')) as { findings: { type: string }[] } };
}

describe('sealgate scan with a detector named twice', () => {
  it('runs it once: each finding written and counted once', async () => {
    const once = await scan(['pii']);
    const twice = await scan(['pii', 'pii']);
    expect(once.verdict.findings.map((f) => f.type)).toEqual(['PHONE_NUMBER', 'EMAIL_ADDRESS']);
    expect(twice.verdict).toEqual(once.verdict);
    expect(twice.summary.findings).toBe(2);
  });
});
