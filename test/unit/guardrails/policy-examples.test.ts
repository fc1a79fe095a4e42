/** The shipped example policies (policies/) load and behave as docs/policies.md says. */
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDetector } from '../../../guardrails/registry.js';
import { BUILTIN_DEFAULT_POLICY, loadPolicySet, parsePolicyText } from '../../../guardrails/policy/index.js';
import { policyFileSchema } from '../../../guardrails/policy/index.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { checkPolicies } from '../../../src/cli/policy.js';

const root = join(import.meta.dirname, '../../../policies');

describe('example policies', () => {
  it('policies/default.yaml is the built-in default', () => {
    const file = parsePolicyText(readFileSync(join(root, 'default.yaml'), 'utf8'), 'default.yaml');
    const builtin = policyFileSchema.parse(BUILTIN_DEFAULT_POLICY);
    expect(file.input).toEqual(builtin.input);
    expect(file.output).toEqual(builtin.output);
  });

  it('baseline + acme examples load and act as documented', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-examples-'));
    mkdirSync(join(dir, 'lists'));
    copyFileSync(join(root, 'default.yaml'), join(dir, 'default.yaml'));
    copyFileSync(join(root, 'baseline.yaml.example'), join(dir, 'baseline.yaml'));
    copyFileSync(join(root, 'acme.yaml.example'), join(dir, 'acme.yaml'));
    copyFileSync(join(root, 'lists/org-banned.txt'), join(dir, 'lists/org-banned.txt'));
    const set = loadPolicySet({ dir });
    const acme = set.forTenant('acme');
    const pii = await createDetector('pii');
    const decide = async (text: string) => {
      const findings = acme.prepareFindings(text, [...(await pii.detect(text)), ...acme.ruleSet.detect(text)]);
      return acme.decide(findings, 'input');
    };
    expect((await decide('我的身份证号码是11010519491231002X')).outcome).toBe('block');
    expect((await decide('Tell me about Project Nightingale')).categories).toEqual(['rules.org_banned']); // org list, merged from the baseline
    expect((await decide('Is globex cheaper?')).outcome).toBe('block');
    expect((await decide('See the Globex Corporation annual report')).outcome).toBe('allow'); // allow-listed phrase
    const dosage = await decide('What dosage of ibuprofen is safe?');
    expect(dosage.outcome).toBe('answer');
    expect(acme.answerFor(dosage, 'zh')?.text).toBe('我们无法提供医疗建议，请咨询医生或药剂师。');
    expect((await decide('see ticket ACME-12345')).categories).toEqual(['rules.internal_ticket']);
    expect(acme.refusal('en')).toContain('support@acme.example');
    expect(set.forTenant('other').label).toBe('default-1');
  });
});

describe('sealgate policy check', () => {
  it('reports tenants and versions, or the rejected file and reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-check-'));
    copyFileSync(join(root, 'default.yaml'), join(dir, 'default.yaml'));
    writeFileSync(join(dir, 'baseline.yaml'), 'input:\n  - { category: "rules.*", action: block }\n');
    writeFileSync(join(dir, 'beta.yaml'), 'version: b1\nrules: { keywords: [ { id: k, terms: [one, two] } ] }\n');
    const ok = checkPolicies({ dir });
    expect(ok.ok).toBe(true);
    expect(ok.tenants).toEqual([
      { tenant: 'default', version: expect.stringMatching(/^default@/), label: 'default-1', terms: 0 },
      { tenant: 'beta', version: expect.stringMatching(/^beta@/), label: 'b1', terms: 2 },
    ]);
    writeFileSync(join(dir, 'lax.yaml'), 'input:\n  - { category: "rules.secret", action: flag }\n');
    const bad = checkPolicies({ dir });
    expect(bad).toMatchObject({ ok: false, file: join(dir, 'lax.yaml'), reason: expect.stringContaining('contradicts baseline rule') });
  });
});
