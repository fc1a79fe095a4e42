/**
 * Findings → actions. A finding is governed by the MOST SPECIFIC rule it meets (type/sensitivity over
 * exact category over `family.*` over `*`, detector as a tie-breaker); among equally specific rules the
 * strictest action wins. Tenant rules are layered over the baseline's, so a tenant file only lists what
 * it changes — and `checkNotLooser` proves at load that no finding gets a weaker action than the
 * baseline gives it.
 */
import type { Action, Finding, Stage } from '../core/types.js';
import { globMatches, globsOverlap, globSpecificity, representative } from '../rules/glob.js';
import { ACTION_STRICTNESS, TRANSFORM_ACTIONS, type PolicyRule } from './schema.js';

export interface CompiledRule extends PolicyRule {
  id: string;
  /** Where it came from, for load errors: `baseline`, `default`, a tenant id. */
  origin: string;
  specificity: number;
}

export type Outcome = 'allow' | 'flag' | 'transform' | 'answer' | 'block';

export interface ActedFinding {
  finding: Finding;
  action: Action;
  rule: string;
}

export interface Decision {
  stage: Stage;
  /** The strongest consequence: block > answer > transform > flag > allow. */
  outcome: Outcome;
  /** Findings a rule acted on (allow included, so audit sees what was seen and let through). */
  acted: ActedFinding[];
  /** Categories behind the outcome (what a block names; never content). */
  categories: string[];
}

export function compileRules(rules: readonly PolicyRule[], origin: string): CompiledRule[] {
  return rules.map((rule, index) => ({
    ...rule,
    id: rule.id ?? `${origin}#${index + 1}`,
    origin,
    specificity:
      (rule.type ? 10_000 : 0) + (rule.sensitivity ? 5_000 : 0) + globSpecificity(rule.category) * 10 + (rule.detector ? 1 + globSpecificity(rule.detector) / 100 : 0),
  }));
}

function ruleCovers(rule: CompiledRule, finding: Pick<Finding, 'detector' | 'category' | 'type' | 'sensitivity'>): boolean {
  if (rule.type !== undefined && rule.type !== finding.type) return false;
  if (rule.sensitivity !== undefined && rule.sensitivity !== finding.sensitivity) return false;
  if (rule.detector !== undefined && !globMatches(rule.detector, finding.detector)) return false;
  return globMatches(rule.category, finding.category);
}

/** The rule governing one finding, or undefined (no rule applies: allowed, not reported). */
export function governingRule(rules: readonly CompiledRule[], finding: Pick<Finding, 'detector' | 'category' | 'type' | 'sensitivity' | 'score'>): CompiledRule | undefined {
  let best: CompiledRule | undefined;
  for (const rule of rules) {
    if (finding.score < rule.threshold || !ruleCovers(rule, finding)) continue;
    if (
      !best ||
      rule.specificity > best.specificity ||
      (rule.specificity === best.specificity && ACTION_STRICTNESS[rule.action] > ACTION_STRICTNESS[best.action])
    ) {
      best = rule;
    }
  }
  return best;
}

const OUTCOME_RANK: Record<Outcome, number> = { allow: 0, flag: 1, transform: 2, answer: 3, block: 4 };

function outcomeOf(action: Action): Outcome {
  if (action === 'block' || action === 'answer' || action === 'allow' || action === 'flag') return action;
  return 'transform';
}

export function decide(rules: readonly CompiledRule[], findings: readonly Finding[], stage: Stage): Decision {
  const acted: ActedFinding[] = [];
  let outcome: Outcome = 'allow';
  for (const finding of findings) {
    const rule = governingRule(rules, finding);
    if (!rule) continue;
    acted.push({ finding, action: rule.action, rule: rule.id });
    const o = outcomeOf(rule.action);
    if (OUTCOME_RANK[o] > OUTCOME_RANK[outcome]) outcome = o;
  }
  const categories = [...new Set(acted.filter((a) => outcomeOf(a.action) === outcome && outcome !== 'allow').map((a) => a.finding.category))].sort();
  return { stage, outcome, acted, categories };
}

export function isTransform(action: Action): boolean {
  return TRANSFORM_ACTIONS.has(action);
}

/**
 * Proves that `layered` (baseline + tenant rules) never gives a weaker action than `baseline` alone.
 * The decision is piecewise constant in each dimension, changing only at values the rules name, so
 * probing one representative per pattern/type/grade and every threshold is exhaustive.
 * Returns the first loosening found, as a readable reason, or undefined.
 */
export function findLoosening(stage: Stage, baseline: readonly CompiledRule[], layered: readonly CompiledRule[]): string | undefined {
  if (baseline.length === 0) return undefined;
  const all = [...baseline, ...layered];
  const detectors = [...new Set([...all.map((r) => representative(r.detector ?? '*')), '\u0000other'])];
  const categories = [...new Set([...all.map((r) => representative(r.category)), '\u0000other'])];
  const types = [undefined, ...new Set(all.flatMap((r) => (r.type ? [r.type] : [])))];
  const grades = [undefined, 'sensitive', 'personal', 'none'] as const;
  const scores = [...new Set([...all.map((r) => r.threshold), 1])].sort((a, b) => a - b);

  for (const category of categories) {
    for (const detector of detectors) {
      for (const type of types) {
        for (const sensitivity of grades) {
          for (const score of scores) {
            const probe = { detector, category, type, sensitivity, score };
            const required = governingRule(baseline, probe);
            if (!required || required.action === 'allow') continue;
            const given = governingRule(layered, probe);
            const givenAction: Action = given?.action ?? 'allow';
            if (ACTION_STRICTNESS[givenAction] < ACTION_STRICTNESS[required.action]) {
              const what = [
                `category ${readable(category)}`,
                detector.startsWith('\u0000') ? '' : `detector ${readable(detector)}`,
                type ? `type ${type}` : '',
                sensitivity ? `sensitivity ${sensitivity}` : '',
              ]
                .filter(Boolean)
                .join(', ');
              return (
                `${stage}: for ${what} at score ${score}, the baseline requires "${required.action}" (rule ${required.id}) ` +
                `but this policy gives "${givenAction}"${given ? ` (rule ${given.id})` : ''}`
              );
            }
          }
        }
      }
    }
  }
  return undefined;
}

/**
 * A tenant rule that openly contradicts a baseline rule it overlaps (at least as specific, applying from
 * the same score or higher, weaker action) is rejected even where layering would make it inert: the
 * author clearly meant to loosen, and silently ignoring that would mislead them.
 */
export function findContradiction(stage: Stage, baseline: readonly CompiledRule[], own: readonly CompiledRule[]): string | undefined {
  for (const rule of own) {
    for (const base of baseline) {
      if (ACTION_STRICTNESS[rule.action] >= ACTION_STRICTNESS[base.action]) continue;
      if (rule.specificity < base.specificity || rule.threshold < base.threshold) continue;
      if (!globsOverlap(rule.category, base.category) || !globsOverlap(rule.detector ?? '*', base.detector ?? '*')) continue;
      if (rule.type && base.type && rule.type !== base.type) continue;
      if (rule.sensitivity && base.sensitivity && rule.sensitivity !== base.sensitivity) continue;
      return `${stage}: rule ${rule.id} ("${rule.action}" for ${rule.category} from score ${rule.threshold}) contradicts baseline rule ${base.id} ("${base.action}" from score ${base.threshold})`;
    }
  }
  return undefined;
}

function readable(value: string): string {
  return value.replace(/\u0000any$/, '*').replace(/^\u0000other$/, '<any other>');
}
