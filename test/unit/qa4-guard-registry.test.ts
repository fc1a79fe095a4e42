/**
 * The detector registry knows only the detectors it lists (QA round 4). It was a plain object, so
 * `createDetector('constructor')` (a valid config key) returned Object(options), a "detector" without detect():
 * `sealgate scan --detectors constructor` printed nothing and exited 0, `toString` failed every line as bad.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDetector, detectorFactories } from '../../guardrails/registry.js';

const dir = mkdtempSync(join(tmpdir(), 'qa4-registry-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('detector registry', () => {
  it('names inherited from Object are unknown detectors', async () => {
    for (const name of ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf']) {
      await expect(createDetector(name), name).rejects.toThrow(/unknown detector/);
      expect(name in detectorFactories, name).toBe(false);
    }
  });

  it('a factory that returns no detector is an error naming it', async () => {
    detectorFactories.broken = async () => ({}) as never;
    try {
      await expect(createDetector('broken')).rejects.toThrow(/detector "broken": its factory returned no detector/);
    } finally {
      delete detectorFactories.broken;
    }
    const pii = await createDetector('pii');
    expect(typeof pii.detect).toBe('function');
  });

  it('sealgate scan --detectors constructor is a usage error, not an empty run', () => {
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, '{"text":"mail alice@example.com"}\n');
    const result = spawnSync(process.execPath, [join(process.cwd(), 'bin/sealgate.mjs'), 'scan', '--in', input, '--detectors', 'constructor'], { encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown detector "constructor"/);
  }, 60_000);
});
