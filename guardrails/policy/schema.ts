/**
 * The policy file (YAML), validated with zod. One file per tenant, a `default` for tenants without
 * one, and an organisation `baseline` every other policy may tighten but never loosen.
 *
 * For each stage (input, output) an ordered-by-specificity list of rules: which findings a rule covers
 * (detector / category globs, PII entity type, sensitivity grade), the score from which it applies,
 * and the action. See docs/policies.md.
 */
import { z } from 'zod';
import type { Action } from '../core/types.js';
import { ruleSetSchema } from '../rules/schema.js';

export const ACTIONS = ['allow', 'flag', 'redact', 'mask', 'hash', 'placeholder', 'pseudonymize', 'answer', 'block'] as const satisfies readonly Action[];

/** Strictness order used to merge rules and to check that a tenant never loosens the baseline. */
export const ACTION_STRICTNESS: Readonly<Record<Action, number>> = {
  allow: 0,
  flag: 1,
  mask: 2, // partially reveals the value
  hash: 3,
  placeholder: 3,
  pseudonymize: 3,
  redact: 3,
  answer: 4,
  block: 5,
};

export const TRANSFORM_ACTIONS: ReadonlySet<Action> = new Set(['redact', 'mask', 'hash', 'placeholder', 'pseudonymize']);

const glob = z
  .string()
  .regex(/^(\*|[a-z0-9_]+(\.[a-z0-9_]+)*(\.\*)?)$/, 'a category/detector pattern is `*`, `family.*` or an exact dotted name');

export const policyRuleSchema = z
  .object({
    /** Names the rule in load errors and verdict meta; defaults to its position. */
    id: z.string().min(1).max(64).optional(),
    detector: glob.optional(),
    category: glob.default('*'),
    /** PII entity type (`PHONE_NUMBER`, `CN_RESIDENT_ID` …). */
    type: z.string().regex(/^[A-Z0-9_]+$/).optional(),
    /** PII sensitivity grade: PIPL sensitive personal information, ordinary personal data, or `none` (e.g. a city name). */
    sensitivity: z.enum(['sensitive', 'personal', 'none']).optional(),
    /** The rule applies to findings scoring at least this. */
    threshold: z.number().min(0).max(1).default(0.5),
    action: z.enum(ACTIONS),
  })
  .strict();

const languageMap = z.record(z.string().regex(/^[a-z]{2}(-[A-Za-z]{2,4})?$/), z.string().min(1));

export const blockResponseSchema = z
  .object({
    /** `error`: HTTP 400 `content_policy_violation` naming the categories; `refusal`: a normal assistant reply. */
    mode: z.enum(['error', 'refusal']).default('error'),
    refusal: languageMap.default({
      en: "Sorry, I can't help with that request.",
      zh: '抱歉，我无法协助处理该请求。',
    }),
  })
  .strict();

export const policyFileSchema = z
  .object({
    /** Author's label (e.g. a date or ticket); the content hash is the authoritative version. */
    version: z.union([z.string(), z.number()]).transform(String).optional(),
    /** Must equal the file name's tenant when present (guards against a copied file). */
    tenant: z.string().optional(),
    description: z.string().optional(),
    input: z.array(policyRuleSchema).default([]),
    output: z.array(policyRuleSchema).default([]),
    onBlock: blockResponseSchema.prefault({}),
    rules: ruleSetSchema.prefault({}),
  })
  .strict()
  // Verdicts and audit records name the rule that acted: two rules of one stage with one id made them ambiguous.
  .superRefine((file, ctx) => {
    for (const stage of ['input', 'output'] as const) {
      const seen = new Map<string, number>();
      file[stage].forEach((rule, index) => {
        if (rule.id === undefined) return;
        const first = seen.get(rule.id);
        if (first !== undefined) ctx.addIssue({ code: 'custom', path: [stage, index, 'id'], message: `rule id "${rule.id}" is used twice (${stage} rules ${first + 1} and ${index + 1})` });
        else seen.set(rule.id, index);
      });
    }
  });

export type PolicyRule = z.infer<typeof policyRuleSchema>;
export type PolicyFile = z.infer<typeof policyFileSchema>;
export type PolicyFileInput = z.input<typeof policyFileSchema>;
export type BlockResponse = z.infer<typeof blockResponseSchema>;
