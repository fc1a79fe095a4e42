import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { PassThrough, Readable } from 'node:stream';
import { runScan } from '../../../src/cli/scan.js';

async function scan(lines: string[], options: Parameters<typeof runScan>[2] = {}) {
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on('data', (c) => chunks.push(String(c)));
  const errors: string[] = [];
  const summary = await runScan(Readable.from(lines.join('\n')), output, options, (m) => errors.push(m));
  return { summary, errors, verdicts: chunks.join('').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) };
}

describe('sealgate scan', () => {
  it('writes one verdict per record with spans, types, scores; skips bad lines by number without echoing them', async () => {
    const { summary, errors, verdicts } = await scan([
      JSON.stringify({ id: 'a', text: '手机13800138000' }),
      '{"text": "secret 13900001111" broken',
      JSON.stringify({ id: 'b', body: 'no text field' }),
      '',
      JSON.stringify({ id: 'c', text: 'nothing here' }),
    ]);
    expect(summary).toEqual({ records: 2, badLines: 2, findings: 1, recordsWithFindings: 1 });
    expect(errors).toEqual(['line 2: invalid JSON; skipped', 'line 3: field "text" is missing or not a string; skipped']);
    expect(errors.join(' ')).not.toContain('13900001111');
    expect(verdicts).toEqual([
      { line: 1, id: 'a', findings: [{ detector: 'pii.phone', category: 'pii.phone_number', type: 'PHONE_NUMBER', start: 2, end: 13, score: 1, sensitivity: 'personal' }] },
      { line: 5, id: 'c', findings: [] },
    ]);
  });

  it('applies an operator and reads dotted fields', async () => {
    const { verdicts } = await scan([JSON.stringify({ msg: { content: 'mail a@b.io or 13800138000, again a@b.io' } })], { field: 'msg.content', operator: 'placeholder' });
    expect(verdicts[0].text).toBe('mail <EMAIL_1> or <PHONE_1>, again <EMAIL_1>');
  });

  it('hash operator needs a key; unknown detectors are reported', async () => {
    await expect(scan(['{}'], { operator: 'hash' })).rejects.toThrow(/hash-key/);
    await expect(scan(['{}'], { detectors: ['nope'] })).rejects.toThrow(/unknown detector "nope"/);
  });

  it('runs end to end through the CLI binary on a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-'));
    const input = join(dir, 'in.jsonl');
    const out = join(dir, 'out.jsonl');
    writeFileSync(input, `${JSON.stringify({ text: 'card 4111 1111 1111 1111' })}\nnot json\n`);
    const bin = join(process.cwd(), 'bin/sealgate.mjs');
    const run = spawnSync(process.execPath, [bin, 'scan', '--in', input, '--out', out, '--operator', 'mask', '--detectors', 'pii'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('line 2: invalid JSON; skipped');
    expect(run.stderr).toContain('scanned 1 record: 1 finding in 1 record, 1 bad line skipped');
    const verdict = JSON.parse(readFileSync(out, 'utf8').trim());
    expect(verdict.text).toBe('card **** **** **** 1111');
    // The configured guardrails: only enabled detectors run, with their options from the config file.
    const config = join(dir, 'sealgate.config.json');
    writeFileSync(config, JSON.stringify({ guardrails: { detectors: { pii: { enabled: true, options: { entities: ['EMAIL_ADDRESS'] } }, toxicity: { enabled: false }, intent: { enabled: false } } } }));
    writeFileSync(input, `${JSON.stringify({ text: 'mail a@b.io, card 4111 1111 1111 1111' })}\n`);
    const configured = spawnSync(process.execPath, [bin, 'scan', '--in', input, '--config', config], { encoding: 'utf8' });
    expect(configured.status).toBe(0);
    expect(JSON.parse(configured.stdout.trim()).findings.map((f: { type: string }) => f.type)).toEqual(['EMAIL_ADDRESS']);
    const missing = spawnSync(process.execPath, [bin, 'scan', '--in', join(dir, 'missing.jsonl')], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^sealgate scan: --in .*missing\.jsonl: no such file$/m);
  });
});
