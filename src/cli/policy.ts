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
import type { Command } from 'commander';
import { loadPolicySet, PolicyLoadError, ruleListCategories, type PolicySources } from '../../guardrails/policy/index.js';
import { ConfigError, loadConfig } from '../config/loader.js';
import type { RegisterCommand } from './commands.js';
import { assertDirectoryArgument, assertReadableInput } from './file-args.js';
import { count } from './plural.js';

export interface PolicyCheckReport {
  ok: boolean;
  policyHash?: string;
  tenants?: { tenant: string; version: string; label?: string; terms: number }[];
  /** Policies that load but are probably not meant (a tenant weaker than the default with no baseline). */
  warnings?: string[];
  file?: string;
  reason?: string;
}

export function checkPolicies(sources: PolicySources): PolicyCheckReport {
  try {
    const set = loadPolicySet(sources);
    const all = [['default', set.defaultPolicy] as const, ...set.tenants.map((t) => [t, set.forTenant(t)] as const)];
    return {
      ok: true,
      policyHash: set.hash,
      tenants: all.map(([tenant, p]) => ({ tenant, version: p.version, ...(p.label ? { label: p.label } : {}), terms: p.ruleSet.termCount })),
      // Load warnings: term lists without terms, rules that can never apply (guardrails/policy/unreachable.ts).
      warnings: [...set.warnings],
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
      // A mistyped --dir or --baseline is a usage error (exit 2), not a rejected policy file (exit 1).
      try {
        if (flags.dir !== undefined) assertDirectoryArgument('--dir', flags.dir);
        if (flags.baseline !== undefined) assertReadableInput('--baseline', flags.baseline);
      } catch (error) {
        process.stderr.write(`sealgate policy check: ${(error as Error).message}\n`);
        process.exitCode = 2;
        return;
      }
      let sources: PolicySources = { dir: flags.dir, baselineFile: flags.baseline };
      // The config is read without --dir/--baseline, or when named: its listDirs (directories term lists may be read
      // from besides the policy file's own) decide what loads, as in the gateway.
      if ((!flags.dir && !flags.baseline) || flags.config) {
        try {
          const { policies, detectors } = loadConfig({ path: flags.config }).config.guardrails;
          sources = flags.dir || flags.baseline ? { ...sources, listDirs: policies.listDirs } : { dir: policies.dir, baselineFile: policies.baselineFile, listDirs: policies.listDirs };
          sources.scanOnlyCategories = ruleListCategories(detectors.rules?.options.rules);
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
        for (const t of report.tenants!) process.stdout.write(`  ${t.version}${t.label ? ` (${t.label})` : ''}  ${count(t.terms, 'term')}\n`);
        for (const warning of report.warnings ?? []) process.stderr.write(`warning: ${warning}\n`);
      } else {
        process.stderr.write(`policy rejected: ${report.file ? `${report.file}: ` : ''}${report.reason}\n`);
      }
      if (!report.ok) process.exitCode = 1;
    });
};
