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
  /** Many records at once, verdicts in order (the classifiers score the batch in one call). */
  cleanBatch(batch: readonly (readonly string[])[]): Promise<RecordVerdict[]>;
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

  /** PII on one kept record: one session per record, so equal values share a placeholder across its fields. */
  const scrub = async (texts: readonly string[], lang: 'en' | 'zh', categories: string[]): Promise<RecordVerdict> => {
    const counts: Record<string, number> = {};
    let modified = false;
    const session = createPiiSession();
    // Placeholders written literally in any field are never issued: numbering spans the whole record, so a
    // literal <EMAIL_1> in one field would otherwise read as the value replaced in another.
    for (const text of texts) session.reserveFrom(text);
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
    if (options.pii === 'drop-record' && Object.keys(counts).length > 0) return { drop: 'pii', modified: false, pii: counts, categories, lang };
    return { texts: out, modified, pii: counts, categories, lang };
  };

  const cleanBatch = async (batch: readonly (readonly string[])[]): Promise<RecordVerdict[]> => {
    // Classifiers score the whole batch at once (detectBatch shares per-call work: ~30-45% less CPU per text).
    const flat = batch.flat();
    const hitsPerClassifier: Finding[][][] = [];
    for (const { detector } of classifiers) {
      hitsPerClassifier.push(detector.detectBatch ? await detector.detectBatch(flat) : await Promise.all(flat.map((t) => detector.detect(t))));
    }
    const out: RecordVerdict[] = [];
    let offset = 0;
    for (const texts of batch) {
      const lang = guessLang(texts.join('\n'));
      const categories = new Set<string>();
      let drop: DropReason | undefined;
      classifiers.forEach(({ mode, reason }, c) => {
        let hit = false;
        for (let t = 0; t < texts.length; t++) {
          for (const f of hitsPerClassifier[c]![offset + t]!) {
            if (!reaches(f)) continue;
            categories.add(f.category);
            hit = true;
          }
        }
        if (hit && mode === 'drop') drop ??= reason;
      });
      offset += texts.length;
      // A dropped record needs no PII work (its PII is not counted).
      out.push(drop ? { drop, modified: false, pii: {}, categories: [...categories], lang } : await scrub(texts, lang, [...categories]));
    }
    return out;
  };

  return {
    clean: async (texts) => (await cleanBatch([texts]))[0]!,
    cleanBatch,
  };
}
