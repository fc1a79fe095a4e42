/**
 * Without an organisation baseline a tenant file does not inherit the default policy's rules, so a
 * tenant file copied from `policies/acme.yaml.example` silently dropped injection and PII protection
 * for that tenant (found by QA round 4). The load now warns (`PolicySet.warnings`, logged by the store,
 * printed by `sealgate policy check`); with a baseline, or a tenant at least as strict, it does not.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPolicySet, PolicyStore } from '../../../guardrails/policy/index.js';
import { checkPolicies } from '../../../src/cli/policy.js';

const dirs: string[] = [];
function policyDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sg-policy-cov-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const LOOSE_TENANT = 'version: acme-1\ntenant: acme\ninput:\n  - { category: "toxicity.*", threshold: 0.7, action: block }\n';

describe('a tenant policy weaker than the default with no baseline', () => {
  it('is loaded with a warning naming the file and what it drops', () => {
    const dir = policyDir({ 'acme.yaml': LOOSE_TENANT });
    const set = loadPolicySet({ dir });
    expect(set.tenants).toEqual(['acme']);
    expect(set.warnings).toHaveLength(1);
    expect(set.warnings[0]).toContain(join(dir, 'acme.yaml'));
    expect(set.warnings[0]).toMatch(/no organisation baseline/);
    expect(set.warnings[0]).toMatch(/the default policy gives "(block|pseudonymize|mask)"/);
  });

  it('the shipped acme example copied alone is reported by policy check', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-policy-cov-'));
    dirs.push(dir);
    cpSync('policies/acme.yaml.example', join(dir, 'acme.yaml'));
    cpSync('policies/lists', join(dir, 'lists'), { recursive: true });
    const report = checkPolicies({ dir });
    expect(report.ok).toBe(true);
    expect(report.warnings?.length).toBe(1);
  });

  it('the store logs the warning at start-up, without rule content', () => {
    const dir = policyDir({ 'acme.yaml': LOOSE_TENANT });
    const lines: Array<{ level: string; obj: Record<string, unknown> }> = [];
    const logger = {
      info: (obj: object) => lines.push({ level: 'info', obj: obj as Record<string, unknown> }),
      warn: (obj: object) => lines.push({ level: 'warn', obj: obj as Record<string, unknown> }),
      error: (obj: object) => lines.push({ level: 'error', obj: obj as Record<string, unknown> }),
    };
    const store = PolicyStore.open({ dir }, { logger });
    store.close();
    const warnings = lines.filter((l) => l.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0]!.obj.warning)).toContain('acme.yaml');
  });
});

describe('no warning', () => {
  it('with a baseline (tenants layer over it)', () => {
    const baseline = 'version: org-1\ninput:\n  - { category: "intent.*", threshold: 0.8, action: block }\n';
    expect(loadPolicySet({ dir: policyDir({ 'baseline.yaml': baseline, 'acme.yaml': LOOSE_TENANT }) }).warnings).toEqual([]);
  });

  it('for a tenant that copies the default policy', () => {
    const dir = policyDir({});
    const defaults = loadPolicySet({ dir });
    expect(defaults.warnings).toEqual([]);
    cpSync('policies/default.yaml', join(dir, 'default.yaml'));
    cpSync('policies/default.yaml', join(dir, 'acme.yaml'));
    cpSync('policies/lists', join(dir, 'lists'), { recursive: true });
    const set = loadPolicySet({ dir });
    expect(set.tenants).toEqual(['acme']);
    expect(set.warnings).toEqual([]);
  });
});
