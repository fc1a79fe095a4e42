/**
 * Rules that can never apply: a category pattern no detector or policy rule reports (`toxicty.*`, `pii.phone`) or a
 * PII type that does not exist (`PHONE`). The schema accepts any dotted name, so such a typo loaded as "OK" and the
 * rule silently never fired. Warnings, not errors: the policies load as before. Part of every load's warnings, so
 * `sealgate policy check` prints them and the gateway logs them (`policy warning`) at start-up and on each reload.
 * Never quotes file content beyond the rule's own pattern.
 */
import { TAXONOMY } from '../core/taxonomy.js';
import { ENTITY_TYPES, SECRET_TYPES } from '../pii/types.js';
import { ruleSetSchema } from '../rules/schema.js';
import type { PolicyFile } from './schema.js';

/** Every category the built-in detectors report: the toxicity / intent taxonomy and one per PII or secret type. */
const DETECTOR_CATEGORIES: readonly string[] = [
  ...TAXONOMY.map((c) => c.id),
  ...ENTITY_TYPES.map((t) => `${SECRET_TYPES.has(t) ? 'secret' : 'pii'}.${t.toLowerCase()}`),
];
/** Families whose names a policy's own rules choose (`rules.<id>`, `topic.<id>`, `kb.<id>`): any name may exist. */
const OPEN_FAMILIES = new Set(['rules', 'topic', 'kb']);

const patternMatches = (pattern: string, category: string) =>
  pattern === '*' || pattern === category || (pattern.endsWith('.*') && category.startsWith(pattern.slice(0, -1)));

/** The categories a rule set's keyword, regex, topic and knowledge-base rules report. */
export function ruleSetCategories(rules: PolicyFile['rules']): string[] {
  return [
    ...rules.keywords.map((k) => k.category ?? `rules.${k.id}`),
    ...rules.regexes.map((r) => r.category ?? `rules.${r.id}`),
    ...rules.topics.map((t) => t.category ?? `topic.${t.id}`),
    ...rules.knowledgeBase.map((e) => `kb.${e.id}`),
  ];
}

/**
 * The categories a rule set given outside the policies reports (`guardrails.detectors.rules.options.rules`, `sealgate
 * scan`'s lists): none when it is not a valid rule set (scan refuses it itself).
 */
export function ruleListCategories(rules: unknown): string[] {
  const parsed = ruleSetSchema.safeParse(rules ?? {});
  return parsed.success ? ruleSetCategories(parsed.data) : [];
}

/**
 * `specs`: every policy file of the set (a tenant's rule may act on the baseline's categories). `scanOnlyCategories`:
 * categories of rule lists the config gives `sealgate scan` (`guardrails.detectors.rules.options.rules`), which the
 * gateway does not run: a rule that only they would fire is named as such, not as a typo.
 */
export function unreachableRuleWarnings(specs: readonly { path: string; spec: PolicyFile }[], scanOnlyCategories: readonly string[] = []): string[] {
  const known = [...DETECTOR_CATEGORIES, ...specs.flatMap(({ spec }) => ruleSetCategories(spec.rules))];
  const warnings: string[] = [];
  for (const { path, spec } of specs) {
    for (const stage of ['input', 'output'] as const) {
      spec[stage].forEach((rule, i) => {
        const where = `${path}: ${stage}.${i}${rule.id ? ` (${rule.id})` : ''}`;
        const family = rule.category.split('.')[0]!;
        if (rule.category !== '*' && !(OPEN_FAMILIES.has(family) && rule.category.includes('.')) && !known.some((c) => patternMatches(rule.category, c))) {
          warnings.push(
            scanOnlyCategories.some((c) => patternMatches(rule.category, c))
              ? `${where}: category "${rule.category}" is reported only by the config's guardrails.detectors.rules.options.rules, which sealgate scan runs and the gateway does not (its rules come from the policies), so this rule never applies in the gateway; move that list into a policy's rules:`
              : `${where}: category "${rule.category}" matches nothing a detector or a policy rule reports, so this rule never applies (a typo? see docs/taxonomy.md and the PII types in docs/pii.md)`,
          );
        }
        if (rule.type !== undefined && !(ENTITY_TYPES as readonly string[]).includes(rule.type)) {
          warnings.push(`${where}: type "${rule.type}" is not a PII entity type, so this rule never applies (one of ${ENTITY_TYPES.join(', ')})`);
        }
      });
    }
  }
  return warnings;
}
