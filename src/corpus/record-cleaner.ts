/**
 * Cleans one record (its text fields) with the guardrails library: the PII detector and operators,
 * the toxicity and intent classifiers. Pure computation, no I/O, so it runs the same in the main thread
 * and in worker threads. Returns the cleaned texts plus counts: never the values it removed.
 */
import type { Detector, Finding } from '../../guardrails/core/types.js';
import { anonymize, createPiiSession, type OperatorName } from '../../guardrails/pii/index.js';
import { createDetector } from '../../guardrails/registry.js';
import { guessLang } from '../../guardrails/text-model/lang.js';
import { cleanerOptionsSchema, type CleanerOptionsInput } from './options.js';

export type DropReason = 'pii' | 'toxicity' | 'intent';

export interface RecordVerdict {
  /** Cleaned texts in field order (unchanged when nothing was found); absent when the record is dropped. */
  texts?: string[];
  drop?: DropReason;
  modified: boolean;
  /** PII values replaced (or found, for drop-record), by entity type. */
  pii: Record<string, number>;
  /** Toxicity / intent taxonomy categories that reached the threshold. */
  categories: string[];
  lang: 'en' | 'zh';
}

export interface RecordCleaner {
  clean(texts: readonly string[]): Promise<RecordVerdict>;
}

export async function createRecordCleaner(input: CleanerOptionsInput = {}): Promise<RecordCleaner> {
  const options = cleanerOptionsSchema.parse(input);
  const classifierOptions = options.threshold === undefined ? {} : { minScore: options.threshold };
  const pii =
    options.pii === 'off'
      ? undefined
      : await createDetector('pii', {
          ...(options.piiEntities ? { entities: options.piiEntities } : {}),
          ...(options.piiMinScore !== undefined ? { minScore: options.piiMinScore } : {}),
        });
  const classifiers: { mode: 'drop' | 'flag'; reason: DropReason; detector: Detector }[] = [];
  if (options.toxicity !== 'off') classifiers.push({ mode: options.toxicity, reason: 'toxicity', detector: await createDetector('toxicity', classifierOptions) });
  if (options.intent !== 'off') classifiers.push({ mode: options.intent, reason: 'intent', detector: await createDetector('intent', classifierOptions) });

  const reaches = (f: Finding) => (options.threshold === undefined ? f.meta?.flagged === true : f.score >= options.threshold);
  const scrubbed = (f: Finding) => options.includeNonPersonal || f.sensitivity !== 'none';
  const operator = options.pii === 'off' || options.pii === 'drop-record' ? undefined : (options.pii as OperatorName);

  return {
    async clean(texts) {
      const lang = guessLang(texts.join('\n'));
      const categories = new Set<string>();
      // Classifiers first: a record dropped for toxicity needs no PII work.
      for (const { mode, reason, detector } of classifiers) {
        let hit = false;
        for (const text of texts) {
          for (const f of await detector.detect(text, { lang })) {
            if (!reaches(f)) continue;
            categories.add(f.category);
            hit = true;
          }
        }
        if (hit && mode === 'drop') return { drop: reason, modified: false, pii: {}, categories: [...categories], lang };
      }
      const counts: Record<string, number> = {};
      let modified = false;
      const session = createPiiSession(); // one per record: equal values share a placeholder across its fields
      const out: string[] = [];
      for (const text of texts) {
        const found = pii ? (await pii.detect(text, { lang })).filter(scrubbed) : [];
        for (const f of found) counts[f.type ?? f.category] = (counts[f.type ?? f.category] ?? 0) + 1;
        if (found.length === 0 || !operator) {
          out.push(text);
          continue;
        }
        const cleaned = anonymize(text, found, operator, { session, ...(options.hashKey ? { hashKey: options.hashKey } : {}) }).text;
        if (cleaned !== text) modified = true;
        out.push(cleaned);
      }
      session.clear();
      if (options.pii === 'drop-record' && Object.keys(counts).length > 0) return { drop: 'pii', modified: false, pii: counts, categories: [...categories], lang };
      return { texts: out, modified, pii: counts, categories: [...categories], lang };
    },
  };
}
