/**
 * Rule ids name what acted in verdicts, findings (`meta.rule`) and audit records, so one id must mean one rule.
 * Duplicates loaded silently: two keyword lists `{ id: k }` merged, the second's category lost on the terms they
 * share; a second knowledge-base entry `{ id: faq }` answered with the first one's text; two `input` rules
 * `{ id: r }` made every verdict naming `r` ambiguous. Now a duplicate is a load error naming the id, in
 * `sealgate policy check` and at gateway start-up alike.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPolicySet, PolicyLoadError } from '../../../guardrails/policy/index.js';
import { compileRuleSet, type RuleSetSpecInput } from '../../../guardrails/rules/index.js';
import { loadConfig } from '../../../src/config/loader.js';
import { createGuardrails } from '../../../src/pipeline/guard.js';

const dirs: string[] = [];
function policyDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sg-dup-ids-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** compileRuleSet's refusal (a RuleSetError naming each issue), as its message. */
function refusal(rules: RuleSetSpecInput): string {
  try {
    compileRuleSet(rules);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('compiled');
}

function reason(dir: string): string {
  try {
    loadPolicySet({ dir });
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyLoadError);
    return (error as PolicyLoadError).reason;
  }
  throw new Error('loaded');
}

describe('duplicate rule ids', () => {
  it('two keyword lists with one id are refused (they merged: the second category was lost)', () => {
    const rules = { keywords: [{ id: 'k', category: 'rules.a', terms: ['foo'] }, { id: 'k', category: 'rules.b', terms: ['foo', 'bar'] }] };
    expect(refusal(rules)).toMatch(/rule id "k" is used twice/);
    const dir = policyDir({ 'acme.yaml': 'rules:\n  keywords:\n    - { id: k, terms: [foo] }\n    - { id: k, terms: [bar] }\n' });
    expect(reason(dir)).toMatch(/rules\.keywords\.1\.id: rule id "k" is used twice \(keyword list 1 and keyword list 2\)/);
  });

  it('a keyword list and a regex with one id are refused (both report rules.<id>)', () => {
    expect(refusal({ keywords: [{ id: 'x', terms: ['foo'] }], regexes: [{ id: 'x', pattern: 'ACME-[0-9]{4}' }] })).toMatch(
      /rule id "x" is used twice \(keyword list 1 and regex 1\)/,
    );
  });

  it('two topics, two regexes, two knowledge-base entries with one id are refused', () => {
    expect(refusal({ topics: [{ id: 't', keywords: ['a'] }, { id: 't', keywords: ['b'] }] })).toMatch(/rule id "t" is used twice/);
    expect(refusal({ regexes: [{ id: 'r', pattern: 'ab[0-9]' }, { id: 'r', pattern: 'cd[0-9]' }] })).toMatch(/rule id "r" is used twice/);
    const kb = {
      knowledgeBase: [
        { id: 'faq', keywords: ['refund policy'], answers: { en: 'Refunds: 30 days.' } },
        { id: 'faq', keywords: ['shipping time'], answers: { en: 'Shipping: 3 days.' } },
      ],
    };
    expect(refusal(kb)).toMatch(/knowledge-base id "faq" is used twice/);
  });

  it('a topic and a knowledge-base entry may share an id (topic.<id> and kb.<id> are distinct)', () => {
    const set = compileRuleSet({ topics: [{ id: 'refunds', keywords: ['refund'] }], knowledgeBase: [{ id: 'refunds', categories: ['topic.refunds'], answers: { en: 'ok' } }] });
    expect(set.detect('a refund please').map((f) => f.category)).toEqual(['topic.refunds']);
  });

  it('two input rules with one id are refused; the same id in input and output is not', () => {
    const dup = policyDir({ 'acme.yaml': 'input:\n  - { id: r, category: "pii.*", action: mask }\n  - { id: r, category: "toxicity.*", action: block }\n' });
    expect(reason(dup)).toMatch(/input\.1\.id: rule id "r" is used twice \(input rules 1 and 2\)/);
    const both = policyDir({ 'acme.yaml': 'input:\n  - { id: r, category: "pii.*", action: mask }\noutput:\n  - { id: r, category: "pii.*", action: mask }\n' });
    expect(loadPolicySet({ dir: both }).tenants).toEqual(['acme']);
  });

  it("a tenant rule or list reusing a baseline rule's id is refused, naming both", () => {
    const baseline = 'input:\n  - { id: no-secrets, category: "secret.*", action: redact }\nrules:\n  keywords:\n    - { id: org, terms: [nightingale] }\n';
    const rule = policyDir({ 'baseline.yaml': baseline, 'acme.yaml': 'input:\n  - { id: no-secrets, category: "secret.*", action: block }\n' });
    expect(reason(rule)).toMatch(/input rule id "no-secrets" is also a baseline rule's/);
    const list = policyDir({ 'baseline.yaml': baseline, 'acme.yaml': 'rules:\n  keywords:\n    - { id: org, terms: [titan] }\n' });
    expect(reason(list)).toMatch(/keyword list id "org" is also the baseline's/);
  });
});

describe('where a duplicate is refused', () => {
  const dir = () => policyDir({ 'acme.yaml': 'rules:\n  regexes:\n    - { id: ticket, pattern: "ACME-[0-9]{4}" }\n    - { id: ticket, pattern: "TKT-[0-9]{4}" }\n' });

  it('sealgate policy check exits 1 naming the id', () => {
    const run = spawnSync(process.execPath, [join(process.cwd(), 'bin/sealgate.mjs'), 'policy', 'check', '--dir', dir()], {
      encoding: 'utf8',
      env: { ...process.env, SEALGATE_CONFIG: '' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/policy rejected: .*acme\.yaml: rules\.regexes\.1\.id: rule id "ticket" is used twice/);
  }, 60_000);

  it('gateway start-up (the guard stage) fails with the same error', async () => {
    const { config } = loadConfig({ env: {}, cwd: tmpdir(), overrides: { guardrails: { detectors: {}, policies: { dir: dir(), watch: false, reloadOnSighup: false } } } });
    await expect(createGuardrails(config)).rejects.toThrow(/rule id "ticket" is used twice/);
  });
});
