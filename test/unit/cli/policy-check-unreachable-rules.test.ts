/**
 * `sealgate policy check` ("validate before deploying") said "policies OK" for a rule that can never apply: a misspelt
 * category (`toxicty.*`, `pii.phone`) or PII type (`PHONE`). The schema accepts any dotted name, so the tenant lost
 * that protection without a word. Now each such rule is a warning (stderr, `warnings` in --json; still exit 0), and
 * the shipped policies, the built-in default and rules acting on a policy's own custom categories stay quiet.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_DEFAULT_POLICY } from '../../../guardrails/policy/index.js';
import { checkPolicies } from '../../../src/cli/policy.js';

const policyDir = (files: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), 'sg-policy-unreachable-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
};

describe('policy check warns about rules that can never apply', () => {
  it('a misspelt category family, a category no detector reports and an unknown PII type', () => {
    const dir = policyDir({
      'acme.yaml': [
        'tenant: acme',
        'input:',
        '  - { category: "toxicty.*", threshold: 0.7, action: block }',
        '  - { id: phones, category: "pii.phone", action: redact }',
        '  - { category: "pii.*", type: PHONE, action: redact }',
        '  - { category: "pii.*", action: pseudonymize }',
        '  - { category: "toxicity.*", action: block }',
        '  - { category: "intent.*", action: block }',
        'output:',
        '  - { category: "intent.harmful.weapon", action: block }',
        '',
      ].join('\n'),
    });
    const report = checkPolicies({ dir });
    expect(report.ok).toBe(true);
    const unreachable = (report.warnings ?? []).filter((w) => /never applies/.test(w));
    expect(unreachable).toHaveLength(4);
    expect(unreachable[0]).toContain(`${join(dir, 'acme.yaml')}: input.0: category "toxicty.*" matches nothing`);
    expect(unreachable[1]).toContain('input.1 (phones): category "pii.phone" matches nothing');
    expect(unreachable[2]).toContain('input.2: type "PHONE" is not a PII entity type');
    expect(unreachable[3]).toContain('output.0: category "intent.harmful.weapon" matches nothing');
  });

  it('prints them on stderr and exits 0 (the policies still load)', () => {
    const dir = policyDir({ 'acme.yaml': 'tenant: acme\ninput:\n  - { category: "toxicty.*", action: block }\n  - { category: "pii.*", action: pseudonymize }\n' });
    const run = spawnSync(process.execPath, [join(process.cwd(), 'bin/sealgate.mjs'), 'policy', 'check', '--dir', dir], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^policies OK/);
    expect(run.stderr).toMatch(/^warning: .*acme\.yaml: input\.0: category "toxicty\.\*" matches nothing/m);
  }, 60_000);

  it('quiet for the shipped policies (examples in use), the built-in default and a policy acting on its own categories', () => {
    const shipped = mkdtempSync(join(tmpdir(), 'sg-policy-shipped-'));
    cpSync(join(process.cwd(), 'policies'), shipped, { recursive: true });
    copyFileSync(join(shipped, 'acme.yaml.example'), join(shipped, 'acme.yaml'));
    copyFileSync(join(shipped, 'baseline.yaml.example'), join(shipped, 'baseline.yaml'));
    const builtin = policyDir({ 'default.yaml': JSON.stringify(BUILTIN_DEFAULT_POLICY) });
    const own = policyDir({
      'acme.yaml': [
        'tenant: acme',
        'input:',
        '  - { category: "compliance.*", action: block }',
        '  - { category: "rules.anything_else", action: flag }',
        '  - { category: "secret.*", action: redact }',
        '  - { category: "pii.*", type: CN_RESIDENT_ID, action: block }',
        '  - { category: "pii.*", action: pseudonymize }',
        '  - { category: "*", detector: "toxicity", threshold: 0.9, action: block }',
        'rules:',
        '  keywords:',
        '    - { id: leak, category: compliance.leak, terms: ["project zeus"] }',
        '',
      ].join('\n'),
    });
    for (const dir of [shipped, builtin, own]) {
      const report = checkPolicies({ dir });
      expect(report.ok, report.reason).toBe(true);
      expect((report.warnings ?? []).filter((w) => /never applies/.test(w)), dir).toEqual([]);
    }
  });
});
