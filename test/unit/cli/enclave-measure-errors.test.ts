/**
 * `sealgate enclave measure` with a policy the loader rejects (any load error: a schema error, a duplicate rule id,
 * a term list outside the directory) crashed with the PolicyLoadError's stack trace and source lines. It now says
 * which file and why on one line, exit 1, as `sealgate policy check` does.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(process.cwd(), 'bin/sealgate.mjs');

describe('sealgate enclave measure with a rejected policy', () => {
  it('one line naming the file and the reason, exit 1, no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-measure-bad-'));
    mkdirSync(join(dir, 'policies'));
    writeFileSync(join(dir, 'policies/acme.yaml'), 'input:\n  - { category: "pii.*", action: explode }\n');
    writeFileSync(join(dir, 'cfg.yaml'), `guardrails:\n  policies: { dir: ${JSON.stringify(join(dir, 'policies'))} }\n`);
    const run = spawnSync(process.execPath, [bin, 'enclave', 'measure', '-c', join(dir, 'cfg.yaml')], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, SEALGATE_CONFIG: '' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^sealgate enclave: policy rejected: .*acme\.yaml: input\.0\.action: /m);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stdout).toBe('');
  }, 60_000);
});
