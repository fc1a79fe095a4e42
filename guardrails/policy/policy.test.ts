import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../core/types.js';
import { compileRules, decide, detectLanguage, findContradiction, findLoosening, loadPolicySet, PolicyLoadError, PolicyStore, policyRuleSchema } from './index.js';

const f = (category: string, score: number, extra: Partial<Finding> = {}): Finding => ({ detector: category.split('.')[0]!, category, start: 0, end: 1, score, ...extra });
const rules = (list: unknown[], origin = 't') => compileRules(list.map((r) => policyRuleSchema.parse(r)), origin);

describe('decide', () => {
  const policy = rules([
    { category: 'toxicity.*', threshold: 0.9, action: 'block' },
    { category: 'toxicity.*', threshold: 0.5, action: 'flag' },
    { category: 'toxicity.profanity', threshold: 0.5, action: 'allow' },
    { category: 'pii.*', threshold: 0.5, action: 'pseudonymize' },
    { category: 'pii.*', sensitivity: 'sensitive', threshold: 0.5, action: 'block' },
    { category: 'pii.*', type: 'EMAIL_ADDRESS', threshold: 0.5, action: 'allow' },
  ]);

  it('applies thresholds, the strictest of equally specific rules, and the most specific rule', () => {
    expect(decide(policy, [f('toxicity.insult', 0.4)], 'input').outcome).toBe('allow');
    expect(decide(policy, [f('toxicity.insult', 0.6)], 'input').outcome).toBe('flag');
    expect(decide(policy, [f('toxicity.insult', 0.95)], 'input')).toMatchObject({ outcome: 'block', categories: ['toxicity.insult'] });
    expect(decide(policy, [f('toxicity.profanity', 0.6)], 'input').acted[0]!.action).toBe('allow');
  });

  it('acts on PII by entity type and by sensitivity grade', () => {
    expect(decide(policy, [f('pii.phone_number', 0.8, { type: 'PHONE_NUMBER', sensitivity: 'personal' })], 'input').outcome).toBe('transform');
    expect(decide(policy, [f('pii.cn_resident_id', 0.8, { type: 'CN_RESIDENT_ID', sensitivity: 'sensitive' })], 'input').outcome).toBe('block');
    expect(decide(policy, [f('pii.email_address', 0.8, { type: 'EMAIL_ADDRESS', sensitivity: 'personal' })], 'input').outcome).toBe('allow');
  });

  it('reports the outcome categories of the strongest action only', () => {
    const d = decide(policy, [f('toxicity.insult', 0.95), f('pii.phone_number', 0.9), f('toxicity.threat', 0.99)], 'output');
    expect(d.outcome).toBe('block');
    expect(d.categories).toEqual(['toxicity.insult', 'toxicity.threat']);
  });
});

describe('baseline: tighten, never loosen', () => {
  const baseline = rules([
    { category: 'intent.prompt_injection', threshold: 0.8, action: 'block' },
    { category: 'pii.*', sensitivity: 'sensitive', threshold: 0.5, action: 'redact' },
    { category: 'toxicity.*', threshold: 0.7, action: 'flag' },
  ], 'baseline');

  it('accepts a stricter tenant', () => {
    const tenant = [...baseline, ...rules([{ category: 'intent.prompt_injection', threshold: 0.5, action: 'block' }, { category: 'pii.*', threshold: 0.5, action: 'block' }, { category: 'toxicity.insult', threshold: 0.6, action: 'block' }])];
    expect(findLoosening('input', baseline, tenant)).toBeUndefined();
  });

  it('rejects a rule that openly contradicts the baseline even where layering would override it', () => {
    const own = rules([{ category: 'intent.prompt_injection', threshold: 0.8, action: 'flag' }]);
    expect(findLoosening('input', baseline, [...baseline, ...own])).toBeUndefined();
    expect(findContradiction('input', baseline, own)).toMatch(/t#1 \("flag" for intent.prompt_injection from score 0.8\) contradicts baseline rule baseline#1/);
    // A weaker rule below the baseline's threshold tightens that range and is fine.
    expect(findContradiction('input', baseline, rules([{ category: 'toxicity.*', threshold: 0.5, action: 'flag' }]))).toBeUndefined();
  });

  it.each([
    [{ detector: 'intent.*', category: 'intent.prompt_injection', threshold: 0.8, action: 'flag' }, /intent.prompt_injection, detector intent.*requires "block".*gives "flag"/],
    [{ category: 'pii.*', type: 'CN_RESIDENT_ID', threshold: 0.5, action: 'mask' }, /type CN_RESIDENT_ID, sensitivity sensitive.*requires "redact".*gives "mask"/],
    [{ category: 'toxicity.insult', threshold: 0.9, action: 'allow' }, /toxicity.insult at score 0.9.*requires "flag"/],
  ])('rejects a loosening rule %j', (rule, reason) => {
    expect(findLoosening('input', baseline, [...baseline, ...rules([rule])])).toMatch(reason);
  });
});

describe('policy files and reload', () => {
  let dir: string;
  let store: PolicyStore | undefined;
  afterEach(() => {
    store?.close();
    store = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text);

  it('loads baseline, default and tenant files; tenants fall back to default', () => {
    dir = mkdtempSync(join(tmpdir(), 'pol-'));
    write('baseline.yaml', 'input:\n  - { category: "intent.*", threshold: 0.8, action: block }\n');
    write('default.yaml', 'version: v1\ninput:\n  - { category: "pii.*", action: pseudonymize }\n');
    write('acme.yaml', 'tenant: acme\ninput:\n  - { category: "pii.*", action: redact }\nonBlock: { mode: refusal, refusal: { en: "No.", zh: "不行。" } }\n');
    const set = loadPolicySet({ dir });
    expect(set.tenants).toEqual(['acme']);
    const acme = set.forTenant('acme');
    expect(acme.decide([f('pii.phone_number', 0.9)], 'input').acted[0]!.action).toBe('redact');
    expect(acme.decide([f('intent.jailbreak', 0.9)], 'input').outcome).toBe('block'); // inherited from the baseline
    expect(acme.refusal('zh')).toBe('不行。');
    expect(set.forTenant('other').label).toBe('v1');
    expect(acme.version).toMatch(/^acme@[0-9a-f]{16}$/);
  });

  it('rejects a tenant file that loosens the baseline, naming file and reason', () => {
    dir = mkdtempSync(join(tmpdir(), 'pol-'));
    write('baseline.yaml', 'input:\n  - { category: "intent.*", threshold: 0.8, action: block }\n');
    write('lax.yaml', 'input:\n  - { category: "intent.jailbreak", threshold: 0.5, action: flag }\n');
    expect(() => loadPolicySet({ dir })).toThrow(PolicyLoadError);
    expect(() => loadPolicySet({ dir })).toThrow(/lax.yaml: loosens the organisation baseline: input: for category intent.jailbreak/);
  });

  it('rejects two files for one tenant instead of silently using one of them', () => {
    // acme.yaml (just tightened by an administrator) and a stale acme.yml: the .yml won by sort order.
    dir = mkdtempSync(join(tmpdir(), 'pol-'));
    write('acme.yaml', 'input:\n  - { category: "pii.*", action: block }\n');
    write('acme.yml', 'input:\n  - { category: "pii.*", action: flag }\n');
    expect(() => loadPolicySet({ dir })).toThrow(/acme.yml: a second policy file for tenant "acme"/);
  });

  it.each([
    ['input: [ { category: "pii.*", action: explode } ]', /input.0.action/],
    ['input: [ {', /invalid YAML/],
    ['tenant: someone-else', /declares tenant "someone-else"/],
    ['rules: { regexes: [ { id: r, pattern: "(a+)+$" } ] }', /regex rule "r" rejected: catastrophic/],
    ['unknownKey: 1', /Unrecognized key/],
  ])('rejects a broken file: %s', (text, reason) => {
    dir = mkdtempSync(join(tmpdir(), 'pol-'));
    write('t1.yaml', text);
    expect(() => loadPolicySet({ dir })).toThrow(reason);
  });

  it('compiles the baseline rules once for all tenants and reuses unchanged rule sets across reloads', () => {
    dir = mkdtempSync(join(tmpdir(), 'pol-'));
    write('org.txt', 'orgword\n');
    write('baseline.yaml', 'input: [ { category: "rules.*", action: block } ]\nrules: { keywords: [ { id: org, files: [org.txt] } ] }\n');
    write('a.yaml', 'rules: { keywords: [ { id: a, terms: [aword] } ] }\n');
    write('b.yaml', 'rules: { keywords: [ { id: b, terms: [bword] } ] }\n');
    const first = loadPolicySet({ dir });
    const [aOwn, aBase] = first.forTenant('a').ruleSet.layers;
    const [bOwn, bBase] = first.forTenant('b').ruleSet.layers;
    expect(aBase).toBe(bBase);
    expect(aOwn).not.toBe(bOwn);
    expect(first.forTenant('a').decide(first.forTenant('a').ruleSet.detect('say orgword'), 'input').outcome).toBe('block');

    write('b.yaml', 'rules: { keywords: [ { id: b, terms: [bword, bword2] } ] }\n');
    const second = loadPolicySet({ dir });
    expect(second.forTenant('a').ruleSet.layers[0]).toBe(aOwn); // unchanged: not rebuilt
    expect(second.forTenant('a').ruleSet.layers[1]).toBe(aBase);
    expect(second.forTenant('b').ruleSet.layers[0]).not.toBe(bOwn);
    expect(second.forTenant('a').hash).toBe(first.forTenant('a').hash);

    write('org.txt', 'orgword\nneworg\n');
    const third = loadPolicySet({ dir });
    expect(third.forTenant('a').ruleSet.layers[1]).not.toBe(aBase);
    expect(third.forTenant('a').hash).not.toBe(first.forTenant('a').hash);
    expect(third.forTenant('b').ruleSet.detect('neworg')).toHaveLength(1);
  });

  it('hash covers term list contents', () => {
    dir = mkdtempSync(join(tmpdir(), 'pol-'));
    write('words.txt', 'alpha\n');
    write('t1.yaml', 'rules: { keywords: [ { id: w, files: [words.txt] } ] }\n');
    const first = loadPolicySet({ dir }).forTenant('t1').hash;
    write('words.txt', 'beta\n');
    expect(loadPolicySet({ dir }).forTenant('t1').hash).not.toBe(first);
  });

  it('reloads on SIGHUP, keeps the old set when a file breaks, and picks up file changes', async () => {
    dir = mkdtempSync(join(tmpdir(), 'pol-'));
    write('t1.yaml', 'input: [ { category: "rules.*", action: block } ]\nrules: { keywords: [ { id: w, terms: [alpha] } ] }\n');
    const logged: string[] = [];
    const logger = { info: (_o: object, m?: string) => logged.push(`info ${m}`), error: (o: object, m?: string) => logged.push(`error ${m} ${JSON.stringify(o)}`) };
    store = PolicyStore.open({ dir }, { logger, reloadOnSighup: true, watchFiles: true, debounceMs: 20 });
    const before = store.current;
    const detects = (word: string) => store!.current.forTenant('t1').ruleSet.detect(word).length > 0;
    expect(detects('alpha')).toBe(true);

    write('t1.yaml', 'input: [ { category: "rules.*", action: block } ]\nrules: { keywords: [ { id: w, terms: [beta] } ] }\n');
    process.emit('SIGHUP', 'SIGHUP');
    expect(detects('beta')).toBe(true);
    expect(before.forTenant('t1').ruleSet.detect('alpha').length).toBe(1); // a holder of the old set still sees the old rules

    write('t1.yaml', 'input: [ { category: "rules.*", action: nope } ]\n');
    const result = store.reload();
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/action/) });
    expect(detects('beta')).toBe(true);
    expect(logged.some((l) => l.startsWith('error policy reload rejected') && !l.includes('nope'))).toBe(true);

    write('t1.yaml', 'input: [ { category: "rules.*", action: block } ]\nrules: { keywords: [ { id: w, terms: [gamma] } ] }\n');
    for (let i = 0; i < 100 && !detects('gamma'); i++) await new Promise((r) => setTimeout(r, 20));
    expect(detects('gamma')).toBe(true);
  });
});

describe('detectLanguage', () => {
  it('tells Chinese from English', () => {
    expect(detectLanguage('请问如何办理退款？')).toBe('zh');
    expect(detectLanguage('How do I get a refund?')).toBe('en');
  });
});
