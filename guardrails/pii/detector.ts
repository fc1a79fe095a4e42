import { z } from 'zod';
import { normalize } from '../core/normalize.js';
import type { DetectContext, Detector, Finding } from '../core/types.js';
import { mergeContext, scoreWithContext } from './context.js';
import { BUILTIN_RECOGNIZERS } from './recognizers/index.js';
import { resolveOverlaps } from './resolve.js';
import { sensitivityTable } from './sensitivity.js';
import { ENTITY_TYPES, SECRET_TYPES, type Candidate, type EntityType, type Recognizer, type TextFacts } from './types.js';

const entityType = z.enum(ENTITY_TYPES);
const contextWordsSchema = z.object({ positive: z.array(z.string().min(1)).optional(), negative: z.array(z.string().min(1)).optional() }).strict();

export const piiOptionsSchema = z
  .object({
    /** Only report these types (default: all). */
    entities: z.array(entityType).optional(),
    /** Never report these types. */
    exclude: z.array(entityType).optional(),
    /** Findings scoring below this are dropped. */
    minScore: z.number().min(0).max(1).default(0.5),
    /** Override the default sensitivity grade of a type. */
    sensitivity: z.partialRecord(entityType, z.enum(['sensitive', 'personal', 'none'])).optional(),
    /** Extra context words per type (added to the built-in EN + ZH lists). */
    context: z.partialRecord(entityType, contextWordsSchema).optional(),
    /** Exact values that are never reported (company hotline, support mailbox …). */
    allowList: z.array(z.string()).optional(),
  })
  .strict();

export type PiiOptions = z.input<typeof piiOptionsSchema>;

const CJK = /[\u3400-\u9fff]/;

function countDigits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

function factsOf(text: string, contextGate: boolean): TextFacts {
  const digitCount = countDigits(text);
  return {
    hasDigit: digitCount > 0,
    digitCount,
    hasAt: text.includes('@'),
    hasCjk: CJK.test(text),
    hasUpper: /[A-Z]|[^\x00-\x7f]/.test(text),
    lower: text.toLowerCase(),
    contextGate,
  };
}

export interface PiiDetector extends Detector {
  readonly name: 'pii';
  detect(text: string, ctx?: DetectContext): Finding[];
}

/** Builds the PII detector. Throws a zod error (with a readable message) on bad options. */
export function createPiiDetector(options: PiiOptions | Record<string, unknown> = {}, recognizers: readonly Recognizer[] = BUILTIN_RECOGNIZERS): PiiDetector {
  const parsed = piiOptionsSchema.safeParse(options);
  if (!parsed.success) throw new Error(`invalid pii options: ${z.prettifyError(parsed.error)}`);
  const opts = parsed.data;
  const wanted = new Set<EntityType>(opts.entities ?? ENTITY_TYPES);
  for (const t of opts.exclude ?? []) wanted.delete(t);
  const active = recognizers.filter((r) => r.entityTypes.some((t) => wanted.has(t)));
  const grades = sensitivityTable(opts.sensitivity);
  const contextWords = mergeContext(opts.context);
  const allow = new Set(opts.allowList ?? []);
  const minScore = opts.minScore;
  // Context-only candidates start at ≤ 0.3; above that threshold they need a context word to survive.
  const contextGate = minScore > 0.3 && !opts.context;

  return {
    name: 'pii',
    detect(text: string): Finding[] {
      if (text.length === 0) return [];
      const normalized = normalize(text);
      const n = normalized.text;
      const facts = factsOf(n, contextGate);
      const scored: Array<Candidate & { recognizer?: string }> = [];
      for (const recognizer of active) {
        const candidates: Array<Candidate & { recognizer?: string }> = recognizer.recognize(n, facts);
        for (let k = 0; k < candidates.length; k++) {
          const c = candidates[k]!;
          if (c.score + 0.35 < minScore || !wanted.has(c.type)) continue; // cannot reach the threshold even with context
          const score = scoreWithContext(n, c, contextWords);
          if (score < minScore) continue;
          // Candidates are fresh objects per call: annotate in place instead of copying.
          c.score = score;
          c.recognizer = recognizer.name;
          scored.push(c);
        }
      }
      const findings: Finding[] = [];
      for (const c of resolveOverlaps(scored)) {
        const [start, end] = normalized.toOriginal(c.start, c.end);
        if (allow.size > 0 && allow.has(text.slice(start, end))) continue;
        findings.push({
          detector: `pii.${c.recognizer!}`,
          category: `${SECRET_TYPES.has(c.type) ? 'secret' : 'pii'}.${c.type.toLowerCase()}`,
          type: c.type,
          start,
          end,
          score: Math.round(c.score * 1000) / 1000,
          sensitivity: grades[c.type],
          ...(c.validator ? { meta: { validator: c.validator } } : {}),
        });
      }
      return findings;
    },
  };
}
