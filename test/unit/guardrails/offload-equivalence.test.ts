/**
 * Long texts scanned in a worker thread (src/pipeline/guard/offload.ts) give exactly what the in-thread
 * scan gives: the same findings (spans, types, scores, order, meta), the same policy decision and the
 * same transformed text, over varied texts (synthetic PII records EN/ZH, injections, jailbreaks,
 * harmful requests, threats), the same texts joined, and ~1 MB texts (EN, ZH, mixed) — with the
 * built-in policy and with a tenant policy that has keyword/regex rules, topics, an allow-list and a
 * knowledge base. The gateway's pool is made to take every text (minChars 1) and compared with a
 * Scanner over the same detector objects and no pool.
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { longText } from '../../../bench/lib/long-text.js';
import { directInjections, harmfulRequests, rolePlayJailbreaks, benignRequests, abusiveMessages } from '../../../datasets/classifiers/generators.js';
import { threatStatements } from '../../../datasets/classifiers/threats.js';
import { generate } from '../../../datasets/pii/generate.js';
import type { Finding } from '../../../guardrails/core/types.js';
import { loadPolicySet, type Policy } from '../../../guardrails/policy/index.js';
import { validateConfig } from '../../../src/config/loader.js';
import { createGuardrails, PseudonymVault, Scanner, type Guardrails } from '../../../src/pipeline/guard.js';
import { applyTransforms } from '../../../src/pipeline/guard/transform.js';

let guardrails: Guardrails;
let inThread: Scanner;
const policies: Array<[string, Policy]> = [];

beforeAll(async () => {
  guardrails = await createGuardrails(validateConfig({ guardrails: { offload: { minChars: 1, workers: 2 }, repeatOffenders: { enabled: false } } }));
  inThread = new Scanner(guardrails.scanner.detectors);
  policies.push(['built-in', guardrails.policies.current.forTenant('t')]);
  const { tenant: _tenant, ...acme } = parseYaml(readFileSync(new URL('../../../policies/acme.yaml.example', import.meta.url), 'utf8')) as Record<string, unknown>;
  policies.push(['tenant rules', loadPolicySet({ defaultPolicy: acme }).forTenant('t')]);
}, 120_000);

afterAll(async () => {
  await guardrails?.close();
});

function texts(): string[] {
  const rows = [
    ...generate(120, 11).map((r) => r.text),
    ...directInjections(3, 20),
    ...rolePlayJailbreaks(3, 10),
    ...harmfulRequests(3, 2),
    ...benignRequests(3, 20),
    ...abusiveMessages(3, 20),
    ...threatStatements(3, 20, 0.5),
  ].map((r) => (typeof r === 'string' ? r : r.text));
  rows.push('', 'a', 'Globex and ACME-12345 on the election, dosage and the refund policy: globex corporation annual report.');
  // Joined texts: cross-record context words, repeated names and overlaps across what were separate texts.
  for (let i = 0; i + 8 <= rows.length && i < 160; i += 8) rows.push(rows.slice(i, i + 8).join(i % 16 ? '\n' : ' '));
  return rows;
}

interface Outcome {
  findings: Finding[];
  outcome: string;
  acted: Array<[number, string, string]>;
  transformed: string;
}

async function run(scanner: Scanner, policy: Policy, text: string, stage: 'input' | 'output', only?: ReadonlySet<string>): Promise<Outcome> {
  const scanned = scanner.scanNow(text, policy, { stage, role: stage === 'input' ? 'user' : 'assistant', tenant: 't' }, only);
  const findings = scanned instanceof Promise ? await scanned : scanned;
  const decision = policy.decide(findings, stage);
  return {
    findings,
    outcome: decision.outcome,
    acted: decision.acted.map((a) => [findings.indexOf(a.finding), a.action, a.rule]),
    transformed: applyTransforms(text, decision.acted, new PseudonymVault(), stage),
  };
}

async function compare(list: readonly string[], stage: 'input' | 'output', only?: ReadonlySet<string>, which = policies): Promise<{ differ: number; findings: number; transformed: number }> {
  let differ = 0;
  let findings = 0;
  let transformed = 0;
  for (const [, policy] of which) {
    for (const text of list) {
      const [local, offloaded] = await Promise.all([run(inThread, policy, text, stage, only), run(guardrails.scanner, policy, text, stage, only)]);
      if (!isDeepStrictEqual(local, offloaded)) differ++;
      findings += local.findings.length;
      if (local.transformed !== text) transformed++;
    }
  }
  return { differ, findings, transformed };
}

describe('long-text scan pool', () => {
  it('takes the texts (the comparison is not in-thread against in-thread)', async () => {
    const scanned = guardrails.scanner.scanNow('call 13800138000', policies[0]![1], { stage: 'input', role: 'user' });
    expect(scanned).toBeInstanceOf(Promise);
    expect((await scanned).length).toBeGreaterThan(0);
    expect(guardrails.scanner.pool!.size).toBeGreaterThan(0);
  }, 60_000);

  it('gives the same findings, decisions and transformed text as the in-thread scan over varied texts', async () => {
    const list = texts();
    expect(list.length).toBeGreaterThan(250);
    const input = await compare(list, 'input');
    const output = await compare(list, 'output', undefined, policies.slice(1));
    const history = await compare(list.slice(0, 60), 'input', new Set(['pii']), policies.slice(1));
    expect({ input: input.differ, output: output.differ, history: history.differ }).toEqual({ input: 0, output: 0, history: 0 });
    // The comparison has something to compare: PII spans, classifier and rule findings, rewrites.
    expect(input.findings).toBeGreaterThan(500);
    expect(input.transformed).toBeGreaterThan(100);
  }, 300_000);

  it('gives the same on ~1 MB texts (EN, ZH, mixed)', async () => {
    for (const lang of ['en', 'zh', 'mixed'] as const) {
      const text = longText(lang, 1 << 20, 3);
      // The tenant policy: its rules and allow-list run here on the long text too.
      const { differ, findings } = await compare([text], 'input', undefined, policies.slice(1));
      expect({ lang, differ }).toEqual({ lang, differ: 0 });
      expect(findings).toBeGreaterThan(5000);
    }
  }, 300_000);
});
