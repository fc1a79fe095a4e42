/** `sealgate eval --out` never overwrites a suite it reads (a file, or a .jsonl inside a suite folder). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGateway, type TestGateway } from '../fixtures/gateway.js';

const bin = join(process.cwd(), 'bin/sealgate.mjs');
// Not spawnSync: the gateway runs in this process and must keep answering while the CLI runs.
const run = promisify(execFile);
const suiteLine = `${JSON.stringify({ id: 'ok-en', text: 'Write a haiku about autumn leaves.', label: 'benign', category: 'benign', lang: 'en' })}\n`;

describe('sealgate eval --out', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway({ guardrails: { repeatOffenders: { enabled: false } } });
  });
  afterAll(async () => {
    await gw.close();
  });

  it('refuses an --out that is a suite file, a link to one, or a .jsonl in a suite folder; the suites stay intact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-eval-out-'));
    const suite = join(dir, 'suite.jsonl');
    writeFileSync(suite, suiteLine);
    symlinkSync(suite, join(dir, 'link.jsonl'));
    const folder = join(dir, 'suites');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.jsonl'), suiteLine);
    const cases: Array<[string[], string]> = [
      [['--suite', suite, '--out', suite], suite],
      [['--suite', suite, '--out', join(dir, 'link.jsonl')], suite],
      [['--suite', folder, '--out', join(folder, 'a.jsonl')], join(folder, 'a.jsonl')],
    ];
    for (const [args, kept] of cases) {
      const result = await run(process.execPath, [bin, 'eval', '--gateway', gw.url, '--key', gw.apiKey, '-q', ...args], { encoding: 'utf8', timeout: 120_000 }).then(
        () => ({ code: 0, stderr: '' }),
        (e: { code: number; stderr: string }) => e,
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/--out .* is (the input file|inside the suite)/);
      expect(readFileSync(kept, 'utf8')).toBe(suiteLine);
    }
  }, 180_000);
});
