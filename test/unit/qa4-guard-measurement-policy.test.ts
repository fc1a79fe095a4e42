/**
 * The measurement's policy and model parts cover what the enclave's guard loads (QA round 4):
 *  - a term list outside the policy directory (`files: [../lists/banned.txt]`, allowed by listDirs) was never hashed;
 *  - a relative policy directory was hashed under the repository root while the guard loads it from the
 *    working directory, so a gateway started elsewhere attested the checkout's policies, not its own;
 *  - a detector's options.modelDir (weights loaded instead of guardrails/models) was not hashed.
 * Each could be edited with the attested measurement unchanged.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, appendFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { detectorModelDirs, measureEnclave, policyBundleFiles, repositoryRoot } from '../../enclave-sim/measurement.js';

const dirs: string[] = [];
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qa4-measure-policy-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

type Config = Parameters<typeof policyBundleFiles>[0] & Parameters<typeof detectorModelDirs>[0];
async function measure(config: Config) {
  return measureEnclave({
    modelDir: 'guardrails/models',
    policyConfig: {},
    policyFiles: await policyBundleFiles(config),
    detectorModelDirs: detectorModelDirs(config),
  });
}
const base = (policies: { dir?: string; baselineFile?: string; listDirs?: string[] }, detectors: Config['guardrails']['detectors'] = {}): Config => ({
  confidential: { policyFiles: [] },
  guardrails: { policies, detectors },
});

describe('measurement policy and model parts', () => {
  it('an edit to a term list outside the policy directory changes the measurement', async () => {
    const root = scratch();
    mkdirSync(join(root, 'policies'));
    mkdirSync(join(root, 'lists'));
    writeFileSync(join(root, 'policies/acme.yaml'), 'rules:\n  keywords:\n    - { id: banned, files: [../lists/banned.txt] }\n');
    writeFileSync(join(root, 'lists/banned.txt'), 'project nightingale\n');
    const config = base({ dir: join(root, 'policies'), listDirs: [join(root, 'lists')] }); // the operator allows that directory
    const before = await measure(config);
    appendFileSync(join(root, 'lists/banned.txt'), 'project titan\n');
    const after = await measure(config);
    expect(after.parts.policy).not.toBe(before.parts.policy);
  });

  it('a relative policy directory is the one under the working directory (sealgate enclave measure)', () => {
    const cwd = scratch();
    mkdirSync(join(cwd, 'policies'));
    writeFileSync(join(cwd, 'cfg.yaml'), 'guardrails:\n  policies: { dir: policies }\n');
    writeFileSync(join(cwd, 'policies/acme.yaml'), 'version: a-1\n');
    const run = () => {
      const result = spawnSync(process.execPath, [join(repositoryRoot, 'bin/sealgate.mjs'), 'enclave', 'measure', '--json', '-c', 'cfg.yaml'], { cwd, encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      return (JSON.parse(result.stdout) as { parts: { policy: string } }).parts.policy;
    };
    const before = run();
    writeFileSync(join(cwd, 'policies/acme.yaml'), 'version: a-2\ninput:\n  - { category: "pii.*", action: allow }\n');
    expect(run()).not.toBe(before);
  }, 60_000);

  it("a detector's own model directory is part of the models hash", async () => {
    const models = join(scratch(), 'models');
    cpSync(join(repositoryRoot, 'guardrails/models'), models, { recursive: true });
    const config = base({}, { toxicity: { enabled: true, options: { modelDir: models } } });
    const before = await measure(config);
    appendFileSync(join(models, 'toxicity.weights.bin'), Buffer.from([0, 0]));
    const after = await measure(config);
    expect(after.parts.models).not.toBe(before.parts.models);
  });
});
