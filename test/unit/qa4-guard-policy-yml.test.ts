/**
 * baseline.yml / default.yml are the baseline and the default policy, not tenants (QA round 4). The loader
 * looked for baseline.yaml and default.yaml only, while tenant files may be .yml: a baseline.yml loaded as the
 * policy of a tenant called "baseline", enforced nothing, and a tenant file loosening it loaded (policy check OK).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPolicySet, PolicyLoadError } from '../../guardrails/policy/index.js';

const dirs: string[] = [];
function policyDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'qa4-policy-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const BASELINE = 'input:\n  - { category: "intent.prompt_injection", action: block }\n';
const LOOSER = 'input:\n  - { category: "intent.prompt_injection", action: flag }\n';

describe('.yml baseline and default files', () => {
  it('a baseline.yml is the baseline: a tenant loosening it is rejected, and no tenant is called baseline', () => {
    const dir = policyDir({ 'baseline.yml': BASELINE, 'acme.yaml': LOOSER });
    expect(() => loadPolicySet({ dir })).toThrow(/loosens the organisation baseline/);
    const ok = loadPolicySet({ dir: policyDir({ 'baseline.yml': BASELINE, 'acme.yaml': 'version: a-1\n' }) });
    expect(ok.tenants).toEqual(['acme']);
    expect(ok.forTenant('acme').decide([{ detector: 'intent', category: 'intent.prompt_injection', start: 0, end: 1, score: 0.99 }], 'input').outcome).toBe('block');
  });

  it('a default.yml is the policy of tenants without a file', () => {
    const set = loadPolicySet({ dir: policyDir({ 'default.yml': 'version: mine-7\n' }) });
    expect(set.tenants).toEqual([]);
    expect(set.defaultPolicy.label).toBe('mine-7');
  });

  it('both spellings of the baseline are a load error naming the second file', () => {
    const dir = policyDir({ 'baseline.yaml': BASELINE, 'baseline.yml': BASELINE });
    let error: unknown;
    try {
      loadPolicySet({ dir });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolicyLoadError);
    expect((error as PolicyLoadError).file).toBe(join(dir, 'baseline.yml'));
  });
});
