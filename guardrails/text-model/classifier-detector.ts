/**
 * A Detector built on a hashed-linear model: shared by the toxicity and intent detectors.
 *
 * A text is scored as several views: the whole text; for long texts also fixed windows (so an
 * instruction planted in a long document is not diluted, and its span is reported); the text read with letters split
 * by punctuation joined, where it holds such a run (views.ts joinedViews); for a detector that asks (spec.clauses), each
 * clause of a short text, at a threshold of its own (views.ts clauseViews); and, when enabled, decoded payloads
 * (base64/hex/URL/ROT13 layers). Per category the best view wins (a clause by its margin over its threshold). A finding is emitted
 * when the calibrated score reaches the category threshold (or `minScore`, to report everything above
 * it for scans and evals); fine categories refine a firing parent by lexicon.
 */
import { z } from 'zod';
import type { DetectContext, Detector, Finding } from '../core/types.js';
import { mayJoin, normalizeForModel, normalizeJoined } from './evasion.js';
import { appendLexiconFeatures, featurizeNormalized, type SparseFeatures } from './featurize.js';
import { loadLinearModel, type ModelManifest, type ScoringBackend } from './model.js';
import { clauseViews, DEFAULT_WINDOW_CHARS, joinedViews, simplifiedViews, textViews, type TextView } from './views.js';
import { guessLang } from './lang.js';

export { windowsOf } from './views.js';

const LANG_KEY = 'text-model.lang';

export const classifierOptionsSchema = z
  .object({
    /** `typescript` (default, no native dependency) or `onnx` (onnxruntime-node, loaded only then). */
    backend: z.enum(['typescript', 'onnx']).default('typescript'),
    /** typescript: directory with `<model>.model.json` (default: the committed guardrails/models). onnx: required, a local dir with model.onnx + model.json. */
    modelDir: z.string().min(1).optional(),
    /** Per-category threshold overrides (taxonomy ids). */
    thresholds: z.record(z.string(), z.number().min(0).max(1)).optional(),
    /** Also report categories scoring at least this much (meta.flagged says whether the threshold was reached). */
    minScore: z.number().min(0).max(1).optional(),
    /** Texts longer than this are also scored in windows of this many characters. */
    windowChars: z.number().int().min(64).max(100_000).default(DEFAULT_WINDOW_CHARS),
    /** Decode base64/hex/URL/ROT13 payloads and score the plaintext (default: on). */
    decode: z.boolean().optional(),
    maxDecodeDepth: z.number().int().min(1).max(5).default(3),
  })
  .strict();

export type ClassifierOptions = z.input<typeof classifierOptionsSchema>;
type ParsedOptions = z.output<typeof classifierOptionsSchema>;

export interface EncodedView {
  start: number;
  end: number;
  text: string;
  via: string;
}

export interface ClassifierSpec {
  /** Detector name (`toxicity`, `intent`). */
  name: string;
  /** Committed model name (`<name>.model.json`). */
  modelName: string;
  decodeByDefault: boolean;
  /** Fine categories for a firing parent category, from the normalised text of the winning view. */
  refine(parentCategory: string, normalized: string): string[];
  /** Encoded payloads to score as extra views. */
  decoder?(text: string, maxDepth: number): EncodedView[];
  /**
   * Names the decoder: detectors whose decoders share a name share its payloads in a scan's memo (toxicity and intent
   * decode once per text).
   */
  decoderKey?: string;
  /**
   * Also score each clause of a short text of several clauses (views.ts clauseViews), at the clause's language's
   * threshold but never below `minThreshold`: a clause alone is a short text, which the heads score less reliably.
   * `evident` (optional): a clause its test accepts (for toxicity, an abuse word aimed at the reader) carries evidence beyond
   * the head's short-text score and is flagged from `evident.minThreshold` instead.
   */
  clauses?: { minThreshold: number; evident?: { minThreshold: number; test(normalized: string): boolean } };
}

interface DecodedView extends EncodedView {
  normalized: string;
}

interface View {
  textIndex: number;
  /** Clause views only: whether spec.clauses.evident accepts the clause (it takes that floor). */
  evident?: boolean;
  start: number;
  end: number;
  normalized: string;
  via: string;
  features?: SparseFeatures;
  /** The view's own language (clause views); otherwise the text's. */
  lang?: 'en' | 'zh';
}

export async function createClassifierDetector(spec: ClassifierSpec, rawOptions: unknown = {}): Promise<Detector> {
  const parsed = classifierOptionsSchema.safeParse(rawOptions ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid ${spec.name} detector options: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  const options: ParsedOptions = parsed.data;
  let backend: ScoringBackend;
  let manifest: ModelManifest;
  if (options.backend === 'onnx') {
    if (!options.modelDir) throw new Error(`${spec.name} detector: backend "onnx" needs modelDir (a local directory with model.onnx and model.json)`);
    const { createOnnxBackend } = await import('./onnx-backend.js');
    const onnx = await createOnnxBackend(options.modelDir);
    backend = onnx;
    manifest = onnx.manifest;
  } else {
    const model = options.modelDir ? loadLinearModel(spec.modelName, options.modelDir) : loadLinearModel(spec.modelName);
    backend = model;
    manifest = model.manifest;
  }
  for (const category of Object.keys(options.thresholds ?? {})) {
    if (!manifest.heads.some((h) => h.category === category)) {
      throw new Error(`${spec.name} detector: threshold for unknown category "${category}" (model has ${manifest.heads.map((h) => h.category).join(', ')})`);
    }
  }
  // Per head: an override applies to every language; otherwise the model's per-language operating point.
  const thresholdOf = (h: number, lang: string): number => {
    const head = manifest.heads[h]!;
    return options.thresholds?.[head.category] ?? head.thresholds?.[lang] ?? head.threshold;
  };
  const clauseFloorOf = (view: View): number => (view.evident === true ? spec.clauses?.evident?.minThreshold : undefined) ?? spec.clauses?.minThreshold ?? 0;
  const clauseThresholdOf = (h: number, view: View, lang: string): number => Math.max(thresholdOf(h, lang), clauseFloorOf(view));
  // A view's threshold: a clause's is its own (clauseThresholdOf), any other view's the text's language's.
  const viewThresholdOf = (h: number, view: View, textLang: string): number => (view.via === 'clause' ? clauseThresholdOf(h, view, view.lang ?? textLang) : thresholdOf(h, textLang));
  const buckets = manifest.featurizer.buckets;
  const decode = options.decode ?? spec.decodeByDefault;

  const featurizer = manifest.featurizer;
  // Same n-gram featuriser and windowing → same views: detectors sharing a scan's memo reuse them; a model's
  // lexicon features are appended per detector, so they do not split the shared views.
  const ngrams = { buckets };
  const viewsKey = `text-model.views:${JSON.stringify(ngrams)}:${options.windowChars}`;
  // The training views, the joined readings of split letters and the Simplified reading of Traditional text (views.ts).
  const allViews = (text: string): readonly TextView[] => {
    const views = textViews(text, ngrams, options.windowChars);
    const joined = joinedViews(text, ngrams, options.windowChars);
    const simplified = simplifiedViews(text, ngrams, options.windowChars);
    return joined.length === 0 && simplified.length === 0 ? views : [...views, ...joined, ...simplified];
  };
  const textViewsOf = (text: string, memo: Map<string, unknown> | undefined): readonly TextView[] => {
    if (!memo) return allViews(text);
    let views = memo.get(viewsKey) as readonly TextView[] | undefined;
    if (!views) memo.set(viewsKey, (views = allViews(text)));
    return views;
  };

  const decodedKey = spec.decoderKey === undefined ? undefined : `text-model.decoded:${spec.decoderKey}:${options.maxDecodeDepth}`;
  // A payload is read as the training reads it and, when it holds letters split apart (evasion.ts normalizeJoined), joined too.
  const decodeText = (text: string): DecodedView[] => {
    const out: DecodedView[] = [];
    for (const d of spec.decoder!(text, options.maxDecodeDepth)) {
      out.push({ ...d, normalized: normalizeForModel(d.text) });
      const joined = mayJoin(d.text) ? normalizeJoined(d.text) : undefined;
      if (joined !== undefined) out.push({ ...d, via: `${d.via}>joined`, normalized: joined });
    }
    return out;
  };
  const decodedOf = (text: string, memo: Map<string, unknown> | undefined): readonly DecodedView[] => {
    if (!memo || decodedKey === undefined) return decodeText(text);
    let decoded = memo.get(decodedKey) as DecodedView[] | undefined;
    if (!decoded) memo.set(decodedKey, (decoded = decodeText(text)));
    return decoded;
  };

  const viewsOf = (text: string, textIndex: number, memo?: Map<string, unknown>): View[] => {
    const views: View[] = [];
    for (const v of textViewsOf(text, memo)) {
      views.push({ textIndex, start: v.start, end: v.end, normalized: v.normalized, via: v.via, features: appendLexiconFeatures(v.features, v.normalized, featurizer) });
    }
    if (spec.clauses) {
      // Not in the scan's memo: only the detectors that ask for clauses use them.
      for (const v of clauseViews(text, ngrams, options.windowChars)) {
        const evident = spec.clauses.evident?.test(v.normalized);
        views.push({ textIndex, start: v.start, end: v.end, normalized: v.normalized, via: v.via, features: appendLexiconFeatures(v.features, v.normalized, featurizer), lang: v.lang, evident });
      }
    }
    if (decode && spec.decoder) {
      for (const d of decodedOf(text, memo)) views.push({ textIndex, start: d.start, end: d.end, normalized: d.normalized, via: d.via });
    }
    return views;
  };

  const H = manifest.heads.length;
  const findingsFrom = (count: number, views: View[], scores: Float64Array[], langs: readonly string[]): Finding[][] => {
    // Best view per (text, head), in flat typed arrays: no per-call object churn on the hot path. The best view is the
    // highest score; a clause view, with a threshold of its own, competes by its margin over that threshold.
    const bestMargin = new Float64Array(count * H).fill(-Infinity);
    const bestView = new Int32Array(count * H).fill(-1);
    for (let v = 0; v < views.length; v += 1) {
      const view = views[v]!;
      const base = view.textIndex * H;
      const s = scores[v]!;
      const textLang = langs[view.textIndex]!;
      const clause = view.via === 'clause';
      for (let h = 0; h < H; h += 1) {
        // Other views share the text's threshold, so the margin (in the text threshold's terms) orders them as their scores do.
        const margin = clause ? s[h]! - clauseThresholdOf(h, view, view.lang ?? textLang) + thresholdOf(h, textLang) : s[h]!;
        if (margin > bestMargin[base + h]!) {
          bestMargin[base + h] = margin;
          bestView[base + h] = v;
        }
      }
    }
    const out: Finding[][] = [];
    for (let t = 0; t < count; t += 1) {
      const findings: Finding[] = [];
      for (let h = 0; h < H; h += 1) {
        const view = bestView[t * H + h]!;
        if (view < 0) continue;
        const v0 = views[view]!;
        const score = scores[view]![h]!;
        const lang = v0.lang ?? langs[t]!;
        const threshold = viewThresholdOf(h, v0, langs[t]!);
        const flagged = score >= threshold;
        if (!flagged && (options.minScore === undefined || score < options.minScore)) continue;
        const v = v0;
        const category = manifest.heads[h]!.category;
        const meta = { threshold: Number(threshold.toFixed(6)), flagged, via: v.via, backend: backend.name, lang };
        const rounded = Number(score.toFixed(6));
        findings.push({ detector: spec.name, category, start: v.start, end: v.end, score: rounded, meta: { ...meta, basis: 'model' } });
        if (flagged) {
          for (const fine of spec.refine(category, v.normalized)) {
            findings.push({ detector: spec.name, category: fine, start: v.start, end: v.end, score: rounded, meta: { ...meta, basis: 'lexicon', parent: category } });
          }
        }
      }
      out.push(findings);
    }
    return out;
  };

  const featuresOf = (views: View[]): SparseFeatures[] => views.map((v) => v.features ?? featurizeNormalized(v.normalized, featurizer));

  // Detectors sharing a scan's memo guess the language once.
  const langOf = (text: string, ctx: DetectContext | undefined, memo: Map<string, unknown> | undefined): string => {
    if (ctx?.lang === 'en' || ctx?.lang === 'zh') return ctx.lang;
    if (!memo) return guessLang(text);
    let lang = memo.get(LANG_KEY) as string | undefined;
    if (lang === undefined) memo.set(LANG_KEY, (lang = guessLang(text)));
    return lang;
  };

  const run = (texts: readonly string[], ctx?: DetectContext): Finding[][] | Promise<Finding[][]> => {
    // The memo belongs to one text's scan: a batch of several texts featurises each itself.
    const memo = texts.length === 1 ? ctx?.memo : undefined;
    // Plain loops: flatMap/map with a callback cost more than the scoring of a short text.
    const views: View[] = [];
    const langs: string[] = [];
    for (let i = 0; i < texts.length; i += 1) {
      for (const view of viewsOf(texts[i]!, i, memo)) views.push(view);
      langs.push(langOf(texts[i]!, ctx, memo));
    }
    const scored = backend.scoreFeatures(featuresOf(views));
    return scored instanceof Promise ? scored.then((s) => findingsFrom(texts.length, views, s, langs)) : findingsFrom(texts.length, views, scored, langs);
  };

  return {
    name: spec.name,
    detect(text: string, ctx?: DetectContext) {
      if (typeof text !== 'string') throw new TypeError(`${spec.name}.detect expects a string`);
      const result = run([text], ctx);
      return result instanceof Promise ? result.then((r) => r[0]!) : result[0]!;
    },
    detectBatch(texts: readonly string[], ctx?: DetectContext) {
      return run(texts, ctx);
    },
  };
}
