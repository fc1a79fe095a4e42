/**
 * Guardrail policies: per-tenant YAML files layered over an organisation baseline, findings → actions
 * per stage, block responses, the vetted-answer knowledge base, and atomic reload.
 *
 *   const store = PolicyStore.open({ dir: 'policies' }, { watchFiles: true, reloadOnSighup: true, logger });
 *   const policy = store.current.forTenant(tenantId);       // take once per request
 *   const decision = policy.decide(policy.prepareFindings(text, findings), 'input');
 */
export { ACTIONS, ACTION_STRICTNESS, TRANSFORM_ACTIONS, policyFileSchema, policyRuleSchema, blockResponseSchema } from './schema.js';
export type { PolicyFile, PolicyFileInput, PolicyRule, BlockResponse } from './schema.js';
export { compileRules, decide, findContradiction, findLoosening, governingRule, isTransform } from './engine.js';
export type { ActedFinding, CompiledRule, Decision, Outcome } from './engine.js';
export { Policy, PolicySet, detectLanguage, type VettedAnswer } from './policy.js';
export { loadPolicySet, parsePolicyText, PolicyLoadError, type PolicySources } from './loader.js';
export { PolicyStore, type PolicyLogger, type PolicyStoreOptions, type ReloadResult } from './store.js';
export { BUILTIN_DEFAULT_POLICY } from './defaults.js';
export { ruleListCategories, ruleSetCategories, unreachableRuleWarnings } from './unreachable.js';
