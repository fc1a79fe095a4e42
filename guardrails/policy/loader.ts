/**
 * Builds a PolicySet from files: `<dir>/baseline.yaml` (organisation baseline, optional),
 * `<dir>/default.yaml` (tenants without a file; built-in default if absent) and `<dir>/<tenant>.yaml`.
 * All-or-nothing: any broken or loosening file fails the whole load with the file and the reason, so
 * the caller keeps serving the previous set.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { RuleSet } from '../rules/rule-set.js';
import type { RuleSetSpec } from '../rules/schema.js';
import { BUILTIN_DEFAULT_POLICY } from './defaults.js';
import { compileRules, findContradiction, findLoosening, type CompiledRule } from './engine.js';
import { Policy, PolicySet } from './policy.js';
import { policyFileSchema, type PolicyFile, type PolicyFileInput } from './schema.js';

export class PolicyLoadError extends Error {
  override readonly name = 'PolicyLoadError';
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

export interface PolicySources {
  /** Directory with baseline.yaml, default.yaml and <tenant>.yaml files. */
  dir?: string;
  /** Organisation baseline; defaults to `<dir>/baseline.yaml` when that exists. */
  baselineFile?: string;
  /** Used when there is no default.yaml (tests, embedding). */
  defaultPolicy?: PolicyFileInput;
  regexBudgetMs?: number;
}

const TENANT_FILE = /^[A-Za-z0-9_.-]{1,64}\.ya?ml$/;

interface ParsedFile {
  name: string;
  path: string;
  raw: string;
  spec: PolicyFile;
}

function formatZodError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('; ');
}

export function parsePolicyText(raw: string, file: string): PolicyFile {
  let data: unknown;
  try {
    data = parseYaml(raw);
  } catch (error) {
    throw new PolicyLoadError(file, `invalid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = policyFileSchema.safeParse(data ?? {});
  if (!parsed.success) throw new PolicyLoadError(file, formatZodError(parsed.error));
  return parsed.data;
}

function readPolicyFile(path: string, name: string): ParsedFile {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    throw new PolicyLoadError(path, `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return { name, path, raw, spec: parsePolicyText(raw, path) };
}

/** Baseline term files are resolved against the baseline's directory before being merged into tenants. */
function absoluteFiles(spec: RuleSetSpec, baseDir: string): RuleSetSpec {
  const abs = (files: string[]) => files.map((f) => (isAbsolute(f) ? f : resolve(baseDir, f)));
  return {
    ...spec,
    keywords: spec.keywords.map((k) => ({ ...k, files: abs(k.files) })),
    topics: spec.topics.map((t) => ({ ...t, files: abs(t.files) })),
    allow: { terms: spec.allow.terms, files: abs(spec.allow.files) },
  };
}

function mergeRuleSets(baseline: RuleSetSpec | undefined, own: RuleSetSpec): RuleSetSpec {
  if (!baseline) return own;
  return {
    keywords: [...baseline.keywords, ...own.keywords],
    regexes: [...baseline.regexes, ...own.regexes],
    topics: [...baseline.topics, ...own.topics],
    allow: { terms: [...baseline.allow.terms, ...own.allow.terms], files: [...baseline.allow.files, ...own.allow.files] },
    knowledgeBase: [...own.knowledgeBase, ...baseline.knowledgeBase],
  };
}

interface Baseline {
  raw: string;
  input: CompiledRule[];
  output: CompiledRule[];
  rules?: RuleSetSpec;
}

function buildPolicy(tenant: string, file: ParsedFile, baseline: Baseline, sources: PolicySources, files: Set<string>): Policy {
  files.add(file.path);
  if (file.spec.tenant !== undefined && file.spec.tenant !== tenant) {
    throw new PolicyLoadError(file.path, `declares tenant "${file.spec.tenant}" but the file is for "${tenant}"`);
  }
  const hash = createHash('sha256').update(`baseline\0${baseline.raw}\0policy\0${file.raw}\0`);
  const ownInput = compileRules(file.spec.input, `${tenant}.input`);
  const ownOutput = compileRules(file.spec.output, `${tenant}.output`);
  const input = [...baseline.input, ...ownInput];
  const output = [...baseline.output, ...ownOutput];
  const loosening =
    findContradiction('input', baseline.input, ownInput) ??
    findContradiction('output', baseline.output, ownOutput) ??
    findLoosening('input', baseline.input, input) ??
    findLoosening('output', baseline.output, output);
  if (loosening) throw new PolicyLoadError(file.path, `loosens the organisation baseline: ${loosening}`);

  let ruleSet: RuleSet;
  try {
    ruleSet = new RuleSet(mergeRuleSets(baseline.rules, file.spec.rules), {
      baseDir: dirname(file.path),
      regexBudgetMs: sources.regexBudgetMs,
      onFileRead: (path, content) => {
        files.add(path);
        hash.update(`list\0${path}\0${content}\0`);
      },
    });
  } catch (error) {
    throw new PolicyLoadError(file.path, (error as Error).message);
  }
  return new Policy(tenant, file.spec.version, hash.digest('hex'), { input, output }, file.spec.onBlock, ruleSet);
}

/** Loads every policy; throws PolicyLoadError (file + reason) if any file is broken or loosens the baseline. */
export function loadPolicySet(sources: PolicySources = {}): PolicySet {
  const dir = sources.dir ? resolve(sources.dir) : undefined;
  const baselinePath = sources.baselineFile ? resolve(sources.baselineFile) : dir && existsSync(join(dir, 'baseline.yaml')) ? join(dir, 'baseline.yaml') : undefined;

  let baseline: Baseline = { raw: '', input: [], output: [] };
  if (baselinePath) {
    const file = readPolicyFile(baselinePath, 'baseline');
    baseline = {
      raw: file.raw,
      input: compileRules(file.spec.input, 'baseline.input'),
      output: compileRules(file.spec.output, 'baseline.output'),
      rules: absoluteFiles(file.spec.rules, dirname(baselinePath)),
    };
  }

  const defaultPath = dir ? join(dir, 'default.yaml') : undefined;
  const defaultFile: ParsedFile =
    defaultPath && existsSync(defaultPath)
      ? readPolicyFile(defaultPath, 'default')
      : { name: 'default', path: '<built-in default>', raw: JSON.stringify(sources.defaultPolicy ?? BUILTIN_DEFAULT_POLICY), spec: policyFileSchema.parse(sources.defaultPolicy ?? BUILTIN_DEFAULT_POLICY) };
  const files = new Set<string>(baselinePath ? [baselinePath] : []);
  const defaultPolicy = buildPolicy('default', defaultFile, baseline, sources, files);

  const policies = new Map<string, Policy>();
  if (dir) {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch (error) {
      throw new PolicyLoadError(dir, `cannot read policy directory: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    for (const entry of entries.sort()) {
      if (!TENANT_FILE.test(entry)) continue;
      const path = join(dir, entry);
      if (path === baselinePath || entry === 'default.yaml' || entry === 'baseline.yaml') continue;
      const tenant = basename(entry, extname(entry));
      policies.set(tenant, buildPolicy(tenant, readPolicyFile(path, tenant), baseline, sources, files));
    }
  }
  return new PolicySet(policies, defaultPolicy, [...files].filter((f) => !f.startsWith('<')).sort());
}
