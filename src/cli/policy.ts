/**
 * `sealgate policy check [--dir DIR] [--baseline FILE] [-c/--config FILE] [--json]`
 *
 * Loads the policies exactly as the gateway would (schema, term lists, regex safety, the baseline
 * tightening check) and reports each tenant's version and rule counts, or the file and reason that
 * would make a reload fail — for CI and for a security team before they edit live files.
 * Exit 0 when everything loads (warnings, e.g. a tenant weaker than the default with no baseline or a rule whose
 * category or PII type nothing reports, go to stderr),
 * 1 when a file is rejected, 2 on usage errors. Never prints file content.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { TAXONOMY } from '../../guardrails/core/taxonomy.js';
import { ENTITY_TYPES, SECRET_TYPES } from '../../guardrails/pii/types.js';
import { loadPolicySet, parsePolicyText, PolicyLoadError, type PolicyFile, type PolicySources } from '../../guardrails/policy/index.js';
import { ConfigError, loadConfig } from '../config/loader.js';
import type { RegisterCommand } from './commands.js';

export interface PolicyCheckReport {
  ok: boolean;
  policyHash?: string;
  tenants?: { tenant: string; version: string; label?: string; terms: number }[];
  /** Policies that load but are probably not meant (a tenant weaker than the default with no baseline). */
  warnings?: string[];
  file?: string;
  reason?: string;
}

/** Every category the built-in detectors report: the toxicity / intent taxonomy and one per PII or secret type. */
const DETECTOR_CATEGORIES: readonly string[] = [
  ...TAXONOMY.map((c) => c.id),
  ...ENTITY_TYPES.map((t) => `${SECRET_TYPES.has(t) ? 'secret' : 'pii'}.${t.toLowerCase()}`),
];
/** Families whose names a policy's own rules choose (`rules.<id>`, `topic.<id>`, `kb.<id>`): any name may exist. */
const OPEN_FAMILIES = new Set(['rules', 'topic', 'kb']);

const patternMatches = (pattern: string, category: string) =>
  pattern === '*' || pattern === category || (pattern.endsWith('.*') && category.startsWith(pattern.slice(0, -1)));

/**
 * Rules that can never apply: a category pattern no detector or policy rule reports (`toxicty.*`, `pii.phone`) or a
 * PII type that does not exist (`PHONE`). The schema accepts any dotted name, so such a typo loaded as "OK" and the
 * rule silently never fired. Warnings, not errors: the gateway loads them as before. Never quotes file content
 * beyond the rule's own pattern.
 */
export function unreachableRuleWarnings(files: readonly string[]): string[] {
  const specs: { path: string; spec: PolicyFile }[] = [];
  for (const path of files) {
    if (!/\.ya?ml$/i.test(path)) continue;
    try {
      specs.push({ path, spec: parsePolicyText(readFileSync(path, 'utf8'), path) });
    } catch {
      // a term list, not a policy file (the policy files themselves have just loaded)
    }
  }
  // Categories the policies' own keyword, regex, topic and knowledge-base rules report, in any file (a tenant's rule
  // may act on the baseline's).
  const declared = specs.flatMap(({ spec }) => [
    ...spec.rules.keywords.map((k) => k.category ?? `rules.${k.id}`),
    ...spec.rules.regexes.map((r) => r.category ?? `rules.${r.id}`),
    ...spec.rules.topics.map((t) => t.category ?? `topic.${t.id}`),
    ...spec.rules.knowledgeBase.map((e) => `kb.${e.id}`),
  ]);
  const known = [...DETECTOR_CATEGORIES, ...declared];
  const warnings: string[] = [];
  for (const { path, spec } of specs) {
    for (const stage of ['input', 'output'] as const) {
      spec[stage].forEach((rule, i) => {
        const where = `${path}: ${stage}.${i}${rule.id ? ` (${rule.id})` : ''}`;
        const family = rule.category.split('.')[0]!;
        if (rule.category !== '*' && !(OPEN_FAMILIES.has(family) && rule.category.includes('.')) && !known.some((c) => patternMatches(rule.category, c))) {
          warnings.push(`${where}: category "${rule.category}" matches nothing a detector or a policy rule reports, so this rule never applies (a typo? see docs/taxonomy.md and the PII types in docs/pii.md)`);
        }
        if (rule.type !== undefined && !(ENTITY_TYPES as readonly string[]).includes(rule.type)) {
          warnings.push(`${where}: type "${rule.type}" is not a PII entity type, so this rule never applies (one of ${ENTITY_TYPES.join(', ')})`);
        }
      });
    }
  }
  return warnings;
}

export function checkPolicies(sources: PolicySources): PolicyCheckReport {
  try {
    const set = loadPolicySet(sources);
    const all = [['default', set.defaultPolicy] as const, ...set.tenants.map((t) => [t, set.forTenant(t)] as const)];
    return {
      ok: true,
      policyHash: set.hash,
      tenants: all.map(([tenant, p]) => ({ tenant, version: p.version, ...(p.label ? { label: p.label } : {}), terms: p.ruleSet.termCount })),
      warnings: [...set.warnings, ...unreachableRuleWarnings(set.files)],
    };
  } catch (error) {
    if (error instanceof PolicyLoadError) return { ok: false, file: error.file, reason: error.reason };
    return { ok: false, reason: (error as Error).message };
  }
}

export const registerPolicy: RegisterCommand = (policy: Command) => {
  policy
    .command('check')
    .description('Load the policy directory as the gateway would; report tenants or the rejected file and why')
    .option('--dir <dir>', 'policy directory (default: guardrails.policies.dir from the config)')
    .option('--baseline <file>', 'organisation baseline file (default: <dir>/baseline.yaml or baseline.yml)')
    .option('-c, --config <file>', 'SealGate config file (read without --dir/--baseline, or when given: its guardrails.policies.listDirs apply)')
    .option('--json', 'print the report as JSON')
    .action((flags: { dir?: string; baseline?: string; config?: string; json?: boolean }) => {
      let sources: PolicySources = { dir: flags.dir, baselineFile: flags.baseline };
      // The config is read without --dir/--baseline, or when named: its listDirs (directories term lists may be read
      // from besides the policy file's own) decide what loads, as in the gateway.
      if ((!flags.dir && !flags.baseline) || flags.config) {
        try {
          const { policies } = loadConfig({ path: flags.config }).config.guardrails;
          sources = flags.dir || flags.baseline ? { ...sources, listDirs: policies.listDirs } : { dir: policies.dir, baselineFile: policies.baselineFile, listDirs: policies.listDirs };
        } catch (error) {
          if (error instanceof ConfigError) {
            process.stderr.write(`sealgate policy check: ${error.message}\n`);
            process.exitCode = 2;
            return;
          }
          throw error;
        }
      }
      const report = checkPolicies(sources);
      if (flags.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
      else if (report.ok) {
        process.stdout.write(`policies OK (set ${report.policyHash!.slice(0, 16)})\n`);
        for (const t of report.tenants!) process.stdout.write(`  ${t.version}${t.label ? ` (${t.label})` : ''}  ${t.terms} terms\n`);
        for (const warning of report.warnings ?? []) process.stderr.write(`warning: ${warning}\n`);
      } else {
        process.stderr.write(`policy rejected: ${report.file ? `${report.file}: ` : ''}${report.reason}\n`);
      }
      if (!report.ok) process.exitCode = 1;
    });
};
