/**
 * Custom rule lists (per tenant, EN + ZH), as written in a policy file's `rules:` block.
 * Large keyword libraries live in text files (one term per line, `#` comments) referenced by `files`.
 */
import { z } from 'zod';

const id = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'ids are 1-64 of A-Z a-z 0-9 _ . -');
const category = z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/, 'categories are dotted lowercase names, e.g. rules.banned_terms');
const score = z.number().min(0).max(1);

export const keywordListSchema = z
  .object({
    id,
    /** Taxonomy category of a hit; defaults to `rules.<id>`. */
    category: category.optional(),
    terms: z.array(z.string().min(1)).default([]),
    /** Term files, relative to the policy file: one term per line, `#` starts a comment. */
    files: z.array(z.string().min(1)).default([]),
    score: score.default(1),
    /**
     * `auto`: terms that start/end with a letter or digit of a spaced script (Latin, Cyrillic …) only
     * match as whole words ("ass" does not fire in "class"); CJK terms match anywhere.
     */
    wholeWord: z.enum(['auto', 'always', 'never']).default('auto'),
  })
  .strict()
  // A list with nothing to match would load and never fire.
  .refine((l) => l.terms.length > 0 || l.files.length > 0, { error: (issue) => `keyword list "${(issue.input as { id?: string }).id}" has no terms or files` });

export const regexRuleSchema = z
  .object({
    id,
    category: category.optional(),
    pattern: z.string().min(1).max(2000),
    flags: z.string().regex(/^[imsu]*$/, 'allowed flags: i, m, s, u').default('i'),
    score: score.default(1),
  })
  .strict();

/** A deny-topic: keyword sets and/or classifier categories that mean "this conversation is about X". */
export const topicSchema = z
  .object({
    id,
    /** Category of the topic finding; defaults to `topic.<id>`. */
    category: category.optional(),
    keywords: z.array(z.string().min(1)).default([]),
    files: z.array(z.string().min(1)).default([]),
    /** Classifier categories (globs like `intent.harmful_request.*`) that also count as this topic. */
    classifierCategories: z.array(z.string().min(1)).default([]),
    /** Classifier score needed for a classifier category to count. */
    minScore: score.default(0.5),
    score: score.default(1),
    wholeWord: z.enum(['auto', 'always', 'never']).default('auto'),
  })
  .strict()
  .refine((t) => t.keywords.length > 0 || t.files.length > 0 || t.classifierCategories.length > 0, {
    error: (issue) => `topic "${(issue.input as { id?: string }).id}" has no keywords, files or classifierCategories`,
  });

/** A vetted answer, used by the `answer` action instead of calling the model. */
export const knowledgeEntrySchema = z
  .object({
    id,
    /** Findings of these categories (globs) are answered with this entry. */
    categories: z.array(z.string().min(1)).default([]),
    /** Text containing any of these terms matches the entry (finding category `kb.<id>`). */
    keywords: z.array(z.string().min(1)).default([]),
    /** Approved answer text by language (`en`, `zh`, …); at least one. */
    answers: z.record(z.string().regex(/^[a-z]{2}(-[A-Za-z]{2,4})?$/), z.string().min(1)).refine((a) => Object.keys(a).length > 0, {
      message: 'a knowledge-base entry needs at least one answer',
    }),
  })
  .strict()
  .refine((e) => e.categories.length > 0 || e.keywords.length > 0, {
    message: 'a knowledge-base entry needs categories or keywords to match on',
  });

export const ruleSetSchema = z
  .object({
    keywords: z.array(keywordListSchema).default([]),
    regexes: z.array(regexRuleSchema).default([]),
    topics: z.array(topicSchema).default([]),
    /** Known-safe terms: findings (of any detector) lying inside an occurrence are dropped. */
    allow: z
      .object({ terms: z.array(z.string().min(1)).default([]), files: z.array(z.string().min(1)).default([]) })
      .strict()
      .prefault({}),
    knowledgeBase: z.array(knowledgeEntrySchema).default([]),
  })
  .strict()
  // One id, one rule: findings (meta.rule), verdicts and audit records name it. Duplicates loaded silently (two
  // keyword lists merged, the second's category lost on shared terms; a second knowledge-base entry answered with
  // the first one's text). Keyword lists and regexes share an id space (both report rules.<id>), topics have theirs
  // (topic.<id>), knowledge-base entries theirs (kb.<id>; a topic and its vetted answer may share a name).
  .superRefine((spec, ctx) => {
    const spaces: { label: string; key: 'keywords' | 'regexes' | 'topics' | 'knowledgeBase'; kind: string }[][] = [
      [
        { label: 'rule', key: 'keywords', kind: 'keyword list' },
        { label: 'rule', key: 'regexes', kind: 'regex' },
      ],
      [{ label: 'rule', key: 'topics', kind: 'topic' }],
      [{ label: 'knowledge-base', key: 'knowledgeBase', kind: 'knowledge-base entry' }],
    ];
    for (const space of spaces) {
      const seen = new Map<string, string>();
      for (const { label, key, kind } of space) {
        spec[key].forEach((rule, index) => {
          const where = `${kind} ${index + 1}`;
          const first = seen.get(rule.id);
          if (first) ctx.addIssue({ code: 'custom', path: [key, index, 'id'], message: `${label} id "${rule.id}" is used twice (${first} and ${where})` });
          else seen.set(rule.id, where);
        });
      }
    }
  });

export type RuleSetSpec = z.infer<typeof ruleSetSchema>;
export type RuleSetSpecInput = z.input<typeof ruleSetSchema>;
export type KnowledgeEntry = z.infer<typeof knowledgeEntrySchema>;
