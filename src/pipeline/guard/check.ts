/**
 * Guardrails as a service (no upstream call): `check` returns every finding with its span, the action
 * the caller's policy takes, and the transformed text; `moderate` maps our taxonomy onto OpenAI's
 * moderation categories so apps using /v1/moderations can switch with a base URL.
 */
import type { Finding, Stage } from '../../../guardrails/core/types.js';
import type { Decision, Policy } from '../../../guardrails/policy/index.js';
import type { RequestContext } from '../types.js';
import type { Scanner } from './scanner.js';
import { applyTransforms, PseudonymVault } from './transform.js';
import { pushVerdicts } from './verdicts.js';

export interface CheckedFinding {
  detector: string;
  category: string;
  type?: string;
  sensitivity?: string;
  score: number;
  start: number;
  end: number;
  action: string;
  rule?: string;
}

export interface CheckResult {
  index: number;
  outcome: Decision['outcome'];
  flagged: boolean;
  categories: string[];
  findings: CheckedFinding[];
  transformed_text: string;
  answer?: { id: string; language: string; text: string };
}

/** Synchronous scanning one request may do before it lets the event loop serve others (as the guard stage's). */
const SCAN_SLICE_MS = 10;

/**
 * Called before each text: yields a turn of the event loop once SCAN_SLICE_MS of scanning has passed. Texts under
 * the scan worker's threshold scan on the main thread; 64 of them back to back held it for seconds.
 */
function eventLoopSlices(): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart <= SCAN_SLICE_MS) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    sliceStart = performance.now();
  };
}

export async function check(scanner: Scanner, policy: Policy, texts: readonly string[], stage: Stage, ctx: RequestContext, hashKey?: Buffer): Promise<CheckResult[]> {
  const vault = new PseudonymVault(hashKey);
  const results: CheckResult[] = [];
  const slice = eventLoopSlices();
  for (const [index, text] of texts.entries()) {
    await slice();
    const findings = await scanner.scan(text, policy, { stage, tenant: ctx.tenantId, role: stage === 'input' ? 'user' : 'assistant' });
    const decision = policy.decide(findings, stage);
    pushVerdicts(ctx, stage, decision.acted);
    const actionOf = new Map(decision.acted.map((a) => [a.finding, a]));
    const answer = decision.outcome === 'answer' ? policy.answerFor(decision, 'en') : undefined;
    results.push({
      index,
      outcome: decision.outcome,
      flagged: decision.outcome !== 'allow',
      categories: decision.categories,
      findings: findings
        .slice()
        .sort((a, b) => a.start - b.start || b.score - a.score)
        .map((f) => {
          const acted = actionOf.get(f);
          return {
            detector: f.detector,
            category: f.category,
            ...(f.type ? { type: f.type } : {}),
            ...(f.sensitivity ? { sensitivity: f.sensitivity } : {}),
            score: Math.round(f.score * 1000) / 1000,
            start: f.start,
            end: f.end,
            action: acted?.action ?? 'allow',
            ...(acted ? { rule: acted.rule } : {}),
          };
        }),
      transformed_text: applyTransforms(text, decision.acted, vault, stage),
      ...(answer ? { answer: { id: answer.entryId, language: answer.language, text: answer.text } } : {}),
    });
  }
  return results;
}

/**
 * `/v1/moderations`: one result per input, each input one or more texts (a list of text parts is one input, as
 * OpenAI answers it), scored as the input stage scores a user's text.
 */
export async function moderate(scanner: Scanner, policy: Policy, inputs: readonly (readonly string[])[], ctx: RequestContext, threshold: number): Promise<ModerationResult[]> {
  const results: ModerationResult[] = [];
  const slice = eventLoopSlices();
  for (const texts of inputs) {
    const findings: Finding[] = [];
    for (const text of texts) {
      await slice();
      if (text) findings.push(...(await scanner.scan(text, policy, { stage: 'input', tenant: ctx.tenantId, role: 'user' })));
    }
    results.push(toModeration(findings, threshold));
  }
  return results;
}

/** OpenAI moderation categories (omni-moderation), each fed by taxonomy categories (glob-free exact ids). */
export const MODERATION_MAP: Readonly<Record<string, readonly string[]>> = {
  harassment: ['toxicity.toxic', 'toxicity.insult', 'toxicity.profanity'],
  'harassment/threatening': ['toxicity.threat'],
  hate: ['toxicity.hate', 'intent.harmful.hate'],
  'hate/threatening': [],
  illicit: ['intent.harmful', 'intent.harmful.cybercrime', 'intent.harmful.fraud', 'intent.harmful.drugs', 'intent.harmful.privacy', 'intent.harmful.political_extremist'],
  'illicit/violent': ['intent.harmful.weapons_cbrn', 'intent.harmful.violent_crime'],
  'self-harm': ['toxicity.self_harm', 'intent.harmful.self_harm'],
  'self-harm/intent': ['intent.harmful.self_harm'],
  'self-harm/instructions': ['intent.harmful.self_harm'],
  sexual: ['toxicity.sexual', 'intent.harmful.child_sexual'],
  'sexual/minors': ['intent.harmful.child_sexual'],
  violence: ['toxicity.threat', 'intent.harmful.violent_crime'],
  'violence/graphic': [],
};

export interface ModerationResult {
  flagged: boolean;
  categories: Record<string, boolean>;
  category_scores: Record<string, number>;
  category_applied_input_types: Record<string, string[]>;
  /** Our own taxonomy scores (extra field; OpenAI clients ignore it): includes prompt injection, jailbreak, PII. */
  sealgate_categories: Record<string, number>;
}

export function toModeration(findings: readonly Finding[], threshold: number): ModerationResult {
  const best = new Map<string, number>();
  for (const f of findings) best.set(f.category, Math.max(best.get(f.category) ?? 0, f.score));
  const categories: Record<string, boolean> = {};
  const scores: Record<string, number> = {};
  const applied: Record<string, string[]> = {};
  for (const [name, sources] of Object.entries(MODERATION_MAP)) {
    let score = 0;
    for (const source of sources) score = Math.max(score, best.get(source) ?? 0);
    if (name === 'hate/threatening') score = Math.min(best.get('toxicity.hate') ?? 0, best.get('toxicity.threat') ?? 0);
    scores[name] = Math.round(score * 1e6) / 1e6;
    categories[name] = score >= threshold;
    applied[name] = ['text'];
  }
  const sealgate: Record<string, number> = {};
  for (const [category, score] of [...best].sort(([a], [b]) => (a < b ? -1 : 1))) sealgate[category] = Math.round(score * 1e6) / 1e6;
  return { flagged: Object.values(categories).some(Boolean), categories, category_scores: scores, category_applied_input_types: applied, sealgate_categories: sealgate };
}
