/**
 * Builds a PolicySet from files: `<dir>/baseline.yaml` (organisation baseline, optional),
 * `<dir>/default.yaml` (tenants without a file; built-in default if absent) and `<dir>/<tenant>.yaml`.
 * All-or-nothing: any broken or loosening file fails the whole load with the file and the reason, so
 * the caller keeps serving the previous set.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { RuleLayers } from '../rules/layers.js';
import { confineTermFile, decodeTermFile, decodeUtf8, parseTermList, RuleSet, RuleSetError, termFileRefs } from '../rules/rule-set.js';
import type { RuleSetSpec } from '../rules/schema.js';
import { BUILTIN_DEFAULT_POLICY } from './defaults.js';
import { compileRules, findContradiction, findLoosening, type CompiledRule } from './engine.js';
import { Policy, PolicySet } from './policy.js';
import { policyFileSchema, type PolicyFile, type PolicyFileInput } from './schema.js';
import { unreachableRuleWarnings } from './unreachable.js';

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
  /**
   * Directories besides a policy file's own that its term lists (`files:`) may be read from
   * (`guardrails.policies.listDirs`, set by the operator). A list anywhere else is a load error.
   */
  listDirs?: readonly string[];
  /**
   * Categories of the rule lists the config gives `sealgate scan` (`guardrails.detectors.rules.options.rules`), which
   * the gateway does not run: a policy rule only they would fire gets a warning saying so (unreachable.ts).
   */
  scanOnlyCategories?: readonly string[];
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
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new PolicyLoadError(path, `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  // Decoded leniently, a GBK or UTF-16 file loaded with replacement characters in its terms and answers.
  const raw = decodeUtf8(bytes);
  if (raw === undefined) throw new PolicyLoadError(path, 'not valid UTF-8 (save it as UTF-8)');
  return { name, path, raw, spec: parsePolicyText(raw, path) };
}

/**
 * Compiled rule sets by content (spec + base directory + every list it reads): a reload rebuilds only
 * what changed, and identical rules are one automaton. Replaced by the entries a successful load used.
 */
let compiledRules = new Map<string, RuleSet>();

interface LoadContext {
  sources: PolicySources;
  /** Every file read (what reload watches). */
  files: Set<string>;
  /** Rule sets this load used (becomes the cache when it succeeds). */
  used: Map<string, RuleSet>;
  /** Load warnings (rules that load but cannot fire). */
  warnings: string[];
  /** Every policy file read, parsed (for the unreachable-rule check across files). */
  specs: { path: string; spec: PolicyFile }[];
}

/** Reads a rule set's term lists, then compiles it (or reuses an identical compiled one). */
function compileRuleLayer(spec: RuleSetSpec, baseDir: string, owner: string, load: LoadContext): { ruleSet: RuleSet; digest: string } {
  const contents = new Map<string, string>();
  // Content only (the spec, and each list by the name the spec gives it): the digest is part of the policy version,
  // which covered the directory's absolute path, so the same files in a CI checkout and in /etc/sealgate/policies
  // (or two replicas mounting them apart) had different versions. A compiled set does not depend on the path.
  const key = createHash('sha256').update(`${JSON.stringify(spec)}\0${load.sources.regexBudgetMs ?? ''}\0`);
  // A policy file reads lists from its own directory or the operator's listDirs only: a tenant's file naming
  // ../../etc/passwd, an absolute path or a symlink out of the directory loaded that file as terms.
  const roots = [baseDir, ...(load.sources.listDirs ?? [])];
  for (const { file, owner: rule } of termFileRefs(spec)) {
    let path: string;
    try {
      path = confineTermFile(baseDir, file, rule, roots);
    } catch (error) {
      if (error instanceof RuleSetError) throw new PolicyLoadError(owner, error.message);
      throw error;
    }
    if (contents.has(path)) continue;
    let content: string;
    try {
      content = decodeTermFile(readFileSync(path), file, rule);
    } catch (error) {
      if (error instanceof RuleSetError) throw new PolicyLoadError(owner, error.message);
      throw new PolicyLoadError(owner, `${rule}: cannot read term file "${file}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    contents.set(path, content);
    load.files.add(path);
    key.update(`${file}\0${content}\0`);
  }
  // A list whose files hold no terms (empty, all comments) loads and never fires: it may be a placeholder, so it is
  // not refused, but every load says so.
  const termsIn = (files: readonly string[]) => files.reduce((n, file) => n + parseTermList(contents.get(resolve(baseDir, file)) ?? '').length, 0);
  const unfired = [
    ...spec.keywords.filter((k) => k.terms.length === 0 && termsIn(k.files) === 0).map((k) => ({ what: `keyword list "${k.id}"`, files: k.files })),
    ...spec.topics
      .filter((t) => t.keywords.length === 0 && t.classifierCategories.length === 0 && termsIn(t.files) === 0)
      .map((t) => ({ what: `topic "${t.id}"`, files: t.files })),
  ];
  for (const { what, files } of unfired) load.warnings.push(`${owner}: ${what} has no terms (${files.join(', ')} ${files.length === 1 ? 'holds' : 'hold'} none): it never fires`);
  const digest = key.digest('hex');
  let ruleSet = load.used.get(digest) ?? compiledRules.get(digest);
  if (!ruleSet) {
    try {
      ruleSet = new RuleSet(spec, { baseDir, regexBudgetMs: load.sources.regexBudgetMs, readFile: (path) => contents.get(path) });
    } catch (error) {
      throw new PolicyLoadError(owner, (error as Error).message);
    }
  }
  load.used.set(digest, ruleSet);
  return { ruleSet, digest };
}

interface Baseline {
  raw: string;
  input: CompiledRule[];
  output: CompiledRule[];
  rules?: { ruleSet: RuleSet; digest: string };
  /** The baseline's rule lists as written (their ids, which a tenant's may not reuse). */
  spec?: RuleSetSpec;
}

/**
 * A tenant rule whose id is already taken in its stage (a baseline rule's, or an automatic `<tenant>.input#n`):
 * verdicts and audit records would name one id for two rules. Duplicates within the file are a schema error.
 */
function reusedId(stage: 'input' | 'output', baseline: readonly CompiledRule[], own: readonly CompiledRule[]): string | undefined {
  const baseIds = new Set(baseline.map((r) => r.id));
  const ownIds = new Set<string>();
  for (const rule of own) {
    if (baseIds.has(rule.id)) return `${stage} rule id "${rule.id}" is also a baseline rule's; verdicts would name one id for both (rename it)`;
    if (ownIds.has(rule.id)) return `${stage} rule id "${rule.id}" is used twice`;
    ownIds.add(rule.id);
  }
  return undefined;
}

/** A tenant keyword list, regex or topic reusing an id of the baseline's (findings would name one id for both layers' rules). */
function reusedListId(baseline: RuleSetSpec | undefined, own: RuleSetSpec): string | undefined {
  if (!baseline) return undefined;
  const ruleIds = new Set([...baseline.keywords, ...baseline.regexes].map((r) => r.id));
  const topicIds = new Set(baseline.topics.map((t) => t.id));
  for (const [kind, rules, ids] of [
    ['keyword list', own.keywords, ruleIds],
    ['regex', own.regexes, ruleIds],
    ['topic', own.topics, topicIds],
  ] as const) {
    for (const rule of rules) {
      if (ids.has(rule.id)) return `rules: ${kind} id "${rule.id}" is also the baseline's; findings would name one id for both (rename it)`;
    }
  }
  return undefined;
}

interface BuiltPolicy {
  policy: Policy;
  /** Baseline + own rules, as decided (for the coverage warning). */
  rules: { input: CompiledRule[]; output: CompiledRule[] };
}

function buildPolicy(tenant: string, file: ParsedFile, baseline: Baseline, load: LoadContext): BuiltPolicy {
  load.files.add(file.path);
  if (file.spec.tenant !== undefined && file.spec.tenant !== tenant) {
    throw new PolicyLoadError(file.path, `declares tenant "${file.spec.tenant}" but the file is for "${tenant}"`);
  }
  const ownInput = compileRules(file.spec.input, `${tenant}.input`);
  const ownOutput = compileRules(file.spec.output, `${tenant}.output`);
  const input = [...baseline.input, ...ownInput];
  const output = [...baseline.output, ...ownOutput];
  const reused = reusedId('input', baseline.input, ownInput) ?? reusedId('output', baseline.output, ownOutput) ?? reusedListId(baseline.spec, file.spec.rules);
  if (reused) throw new PolicyLoadError(file.path, reused);
  const loosening =
    findContradiction('input', baseline.input, ownInput) ??
    findContradiction('output', baseline.output, ownOutput) ??
    findLoosening('input', baseline.input, input) ??
    findLoosening('output', baseline.output, output);
  if (loosening) throw new PolicyLoadError(file.path, `loosens the organisation baseline: ${loosening}`);

  const own = compileRuleLayer(file.spec.rules, dirname(file.path), file.path, load);
  // The version covers everything the policy is made of: baseline, policy file, and every list both read.
  const hash = createHash('sha256')
    .update(`baseline\0${baseline.raw}\0${baseline.rules?.digest ?? ''}\0policy\0${file.raw}\0${own.digest}\0`)
    .digest('hex');
  const layers = new RuleLayers(baseline.rules ? [own.ruleSet, baseline.rules.ruleSet] : [own.ruleSet]);
  const policy = new Policy(tenant, file.spec.version, hash, { input, output }, file.spec.onBlock, layers, { input: baseline.input, output: baseline.output });
  return { policy, rules: { input, output } };
}

/**
 * Without an organisation baseline a tenant file stands alone: it does not inherit the default policy's
 * rules (docs/policies.md), so a file copied from `acme.yaml.example` drops injection and PII protection
 * for that tenant without a word. Not an error (a tenant may mean it), but said at every load.
 */
function weakerThanDefault(tenant: BuiltPolicy, defaults: BuiltPolicy, path: string): string | undefined {
  const weaker = findLoosening('input', defaults.rules.input, tenant.rules.input) ?? findLoosening('output', defaults.rules.output, tenant.rules.output);
  if (!weaker) return undefined;
  return (
    `${path}: weaker than the default policy and no organisation baseline is set, so this tenant does not get the default's rules ` +
    `(${weaker.replace('the baseline requires', 'the default policy gives')}); add a baseline.yaml to apply them to every tenant, or add the rules to this file`
  );
}

/**
 * `<dir>/<name>.yaml` or `<dir>/<name>.yml`, whichever exists; both is a load error. Only `.yaml` was looked
 * for, so a `baseline.yml` was loaded as the policy of a tenant named "baseline" and enforced nothing, and a
 * tenant file loosening it loaded without a word (`sealgate policy check`: OK).
 */
function reservedFile(dir: string, name: string): string | undefined {
  const found = [`${name}.yaml`, `${name}.yml`].map((file) => join(dir, file)).filter((path) => existsSync(path));
  if (found.length > 1) throw new PolicyLoadError(found[1]!, `a second ${name} file (keep one of ${name}.yaml / ${name}.yml)`);
  return found[0];
}

/** File names in the policy directory that are never a tenant's. */
const RESERVED = new Set(['baseline', 'default']);

/** Loads every policy; throws PolicyLoadError (file + reason) if any file is broken or loosens the baseline. */
export function loadPolicySet(sources: PolicySources = {}): PolicySet {
  const dir = sources.dir ? resolve(sources.dir) : undefined;
  const baselinePath = sources.baselineFile ? resolve(sources.baselineFile) : dir ? reservedFile(dir, 'baseline') : undefined;

  const load: LoadContext = { sources, files: new Set(baselinePath ? [baselinePath] : []), used: new Map(), warnings: [], specs: [] };
  let baseline: Baseline = { raw: '', input: [], output: [] };
  if (baselinePath) {
    const file = readPolicyFile(baselinePath, 'baseline');
    load.specs.push({ path: baselinePath, spec: file.spec });
    baseline = {
      raw: file.raw,
      input: compileRules(file.spec.input, 'baseline.input'),
      output: compileRules(file.spec.output, 'baseline.output'),
      rules: compileRuleLayer(file.spec.rules, dirname(baselinePath), baselinePath, load),
      spec: file.spec.rules,
    };
  }

  const defaultPath = dir ? reservedFile(dir, 'default') : undefined;
  const defaultFile: ParsedFile =
    defaultPath
      ? readPolicyFile(defaultPath, 'default')
      : { name: 'default', path: '<built-in default>', raw: JSON.stringify(sources.defaultPolicy ?? BUILTIN_DEFAULT_POLICY), spec: policyFileSchema.parse(sources.defaultPolicy ?? BUILTIN_DEFAULT_POLICY) };
  load.specs.push({ path: defaultFile.path, spec: defaultFile.spec });
  const defaults = buildPolicy('default', defaultFile, baseline, load);
  const warnings = load.warnings;

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
      const tenant = basename(entry, extname(entry));
      if (path === baselinePath || RESERVED.has(tenant)) continue;
      // acme.yaml and acme.yml both present: one silently replaced the other (the .yml, by sort order),
      // so an edit to the file an administrator reads could have no effect.
      if (policies.has(tenant)) throw new PolicyLoadError(path, `a second policy file for tenant "${tenant}" (keep one of ${tenant}.yaml / ${tenant}.yml)`);
      const tenantFile = readPolicyFile(path, tenant);
      load.specs.push({ path, spec: tenantFile.spec });
      const built = buildPolicy(tenant, tenantFile, baseline, load);
      policies.set(tenant, built.policy);
      const warning = baselinePath ? undefined : weakerThanDefault(built, defaults, path);
      if (warning) warnings.push(warning);
    }
  }
  warnings.push(...unreachableRuleWarnings(load.specs, sources.scanOnlyCategories));
  compiledRules = load.used; // only now: a failed load keeps the previous cache
  return new PolicySet(policies, defaults.policy, [...load.files].filter((f) => !f.startsWith('<')).sort(), new Date(), warnings);
}
