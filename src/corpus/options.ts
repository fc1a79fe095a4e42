/**
 * Options of `sealgate clean` (validated once, then handed as plain data to every worker thread).
 */
import { z } from 'zod';

export const PII_MODES = ['redact', 'placeholder', 'mask', 'hash', 'drop-record', 'off'] as const;
export const CLASSIFIER_MODES = ['drop', 'flag', 'off'] as const;

export type PiiMode = (typeof PII_MODES)[number];
export type ClassifierMode = (typeof CLASSIFIER_MODES)[number];

export const cleanerOptionsSchema = z
  .object({
    /** What happens to PII spans: an operator from guardrails/pii/operators, or drop the whole record. */
    pii: z.enum(PII_MODES).default('placeholder'),
    /** Only these PII entity types (default: all the detector knows). */
    piiEntities: z
      .array(z.string().regex(/^[A-Z0-9_]+$/, 'entity types are UPPER_CASE (EMAIL_ADDRESS, PHONE_NUMBER …)'))
      .min(1, '--entities names no entity type (omit it to scrub every type)')
      .optional(),
    /** PII findings scoring below this are ignored (detector default 0.5). */
    piiMinScore: z.number().min(0).max(1).optional(),
    /** Also scrub places and organisations (sensitivity `none`: they identify nobody on their own). */
    includeNonPersonal: z.boolean().default(false),
    /** HMAC key for `pii: hash` (equal values hash equally under one key, so joins survive). */
    hashKey: z.string().min(16, 'hash key must be at least 16 characters').optional(),
    toxicity: z.enum(CLASSIFIER_MODES).default('drop'),
    intent: z.enum(CLASSIFIER_MODES).default('flag'),
    /** Score at which a toxicity/intent category counts; default: each model's calibrated per-category threshold. */
    threshold: z.number().min(0).max(1).optional(),
  })
  .strict()
  .refine((o) => o.pii !== 'hash' || o.hashKey !== undefined, { message: '--pii hash needs --hash-key or SEALGATE_HASH_KEY', path: ['hashKey'] });

export type CleanerOptionsInput = z.input<typeof cleanerOptionsSchema>;
export type CleanerOptions = z.output<typeof cleanerOptionsSchema>;

export const cleanOptionsSchema = z
  .object({
    format: z.enum(['jsonl', 'txt']).default('jsonl'),
    /** JSONL: the record fields to clean (dotted paths); other fields are copied unchanged. */
    // Once each: `--field text,text` cleaned the field twice and counted its PII twice in the report.
    fields: z
      .array(z.string().min(1))
      .min(1, '--field names no field')
      .overwrite((fields) => [...new Set(fields)])
      .default(['text']),
    /** JSONL, flag mode: the field that receives the flagged categories. */
    flagField: z.string().regex(/\S/, '--flag-field must name a field (it was empty)').default('sealgate_flags'),
    /** Drop records whose cleaned text repeats an earlier one (whitespace- and case-insensitive). */
    dedupe: z.boolean().default(false),
    /** Threads running the detectors, the main thread included (workers − 1 worker threads). */
    workers: z.number().int().min(1).max(64).default(1),
    /** Records per unit of work handed to a worker. */
    batchSize: z.number().int().min(1).max(100_000).default(128),
    /** Line numbers of bad lines kept in the report (the count is always exact). */
    maxBadLinesListed: z.number().int().min(0).default(1000),
    cleaner: cleanerOptionsSchema.prefault({}),
  })
  .strict()
  // Writing the flags into a cleaned field, inside it or over its parent would replace the text itself.
  .refine((o) => !o.fields.some((f) => f === o.flagField || f.startsWith(`${o.flagField}.`) || o.flagField.startsWith(`${f}.`)), {
    message: '--flag-field must not be a --field, inside one or a parent of one (it would overwrite the text)',
    path: ['flagField'],
  });

export type CleanOptionsInput = z.input<typeof cleanOptionsSchema>;
export type CleanOptions = z.output<typeof cleanOptionsSchema>;
