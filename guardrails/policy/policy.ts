/**
 * A loaded, immutable policy for one tenant (baseline rules layered under the tenant's), and the set
 * of all tenants' policies that one reload produces. A request takes ONE PolicySet reference at its
 * start and uses it throughout, so a reload mid-request can never mix old and new rules.
 */
import { createHash } from 'node:crypto';
import type { Finding, Stage } from '../core/types.js';
import type { RuleLayers } from '../rules/layers.js';
import type { KnowledgeEntry } from '../rules/schema.js';
import { decide, governingRule, type CompiledRule, type Decision } from './engine.js';
import type { BlockResponse } from './schema.js';

export interface VettedAnswer {
  entryId: string;
  language: string;
  text: string;
}

export class Policy {
  constructor(
    readonly tenant: string,
    /** Author's label from the file, if any. */
    readonly label: string | undefined,
    /** sha256 of every file this policy was built from (policy, baseline, term lists). */
    readonly hash: string,
    private readonly rules: { input: readonly CompiledRule[]; output: readonly CompiledRule[] },
    readonly onBlock: BlockResponse,
    /** The tenant's rules layered over the baseline's. */
    readonly ruleSet: RuleLayers,
    /** The organisation baseline's rules alone: findings they act on are out of reach of the tenant's allow-list. */
    private readonly baselineRules: { input: readonly CompiledRule[]; output: readonly CompiledRule[] } = { input: [], output: [] },
  ) {}

  /**
   * Does the baseline act on this finding (any action but allow, either stage)? A tenant's own allow-list
   * must not drop it: that would loosen the baseline, which a tenant file may only tighten. Without this,
   * `rules: { allow: { terms: ["ignore all previous instructions …"] } }` in a tenant file let the injection
   * the baseline blocks through, and an allow-listed e-mail address the baseline pseudonymizes went out in clear.
   */
  private readonly baselineActsOn = (finding: Finding): boolean =>
    [this.baselineRules.input, this.baselineRules.output].some((rules) => {
      if (rules.length === 0) return false;
      const rule = governingRule(rules, finding);
      return rule !== undefined && rule.action !== 'allow';
    });

  /** Short version string for audit records, receipts and the verdict header. */
  get version(): string {
    return `${this.tenant}@${this.hash.slice(0, 16)}`;
  }

  /** Applies allow-lists and classifier-derived topics, then decides. `text` is what was scanned. */
  prepareFindings(text: string, findings: Finding[]): Finding[] {
    const withTopics = findings.length > 0 ? [...findings, ...this.ruleSet.topicsFromClassifiers(findings)] : findings;
    return this.ruleSet.filterAllowed(text, withTopics, this.baselineActsOn);
  }

  decide(findings: readonly Finding[], stage: Stage): Decision {
    return decide(stage === 'input' ? this.rules.input : this.rules.output, findings, stage);
  }

  /** The vetted answer for an `answer` decision, in the user's language when available. */
  answerFor(decision: Decision, language: string): VettedAnswer | undefined {
    const answered = decision.acted.filter((a) => a.action === 'answer').map((a) => a.finding);
    const entry: KnowledgeEntry | undefined = this.ruleSet.findAnswer(answered);
    if (!entry) return undefined;
    const [lang, text] = pickLanguage(entry.answers, language);
    return { entryId: entry.id, language: lang, text };
  }

  refusal(language: string): string {
    return pickLanguage(this.onBlock.refusal, language)[1];
  }
}

export class PolicySet {
  readonly hash: string;
  constructor(
    private readonly policies: ReadonlyMap<string, Policy>,
    readonly defaultPolicy: Policy,
    /** Every file this set was built from (policies, baseline, term lists): what reload watches. */
    readonly files: readonly string[] = [],
    readonly loadedAt: Date = new Date(),
    /** Load-time warnings: policies that load but are probably not what the operator meant. */
    readonly warnings: readonly string[] = [],
  ) {
    const h = createHash('sha256');
    for (const [tenant, policy] of [...policies].sort(([a], [b]) => (a < b ? -1 : 1))) h.update(`${tenant}\0${policy.hash}\n`);
    h.update(`default\0${defaultPolicy.hash}`);
    this.hash = h.digest('hex');
  }

  forTenant(tenantId: string): Policy {
    return this.policies.get(tenantId) ?? this.defaultPolicy;
  }

  get tenants(): string[] {
    return [...this.policies.keys()].sort();
  }
}

function pickLanguage(texts: Readonly<Record<string, string>>, language: string): [string, string] {
  const exact = texts[language];
  if (exact !== undefined) return [language, exact];
  const base = language.split('-')[0]!;
  for (const [lang, text] of Object.entries(texts)) if (lang.split('-')[0] === base) return [lang, text];
  if (texts.en !== undefined) return ['en', texts.en];
  const first = Object.entries(texts)[0];
  return first ? [first[0], first[1]] : ['en', ''];
}

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff]/g;
const LETTER = /\p{L}/gu;

/** `zh` when at least a fifth of the letters are Chinese characters, else `en` (enough to pick an answer language). */
export function detectLanguage(text: string): 'zh' | 'en' {
  const sample = text.length > 2000 ? text.slice(0, 2000) : text;
  const cjk = sample.match(CJK)?.length ?? 0;
  if (cjk === 0) return 'en';
  const letters = sample.match(LETTER)?.length ?? 1;
  return cjk * 5 >= letters ? 'zh' : 'en';
}
