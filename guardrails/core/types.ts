/**
 * The one seam every guardrail shares: a detector scores text and returns findings with spans.
 * Policies (guardrails/policy) decide what to do with findings; operators (guardrails/pii/operators)
 * transform text. Findings never carry the matched text itself, so they are safe to log and audit.
 */

export type Stage = 'input' | 'output';
export type Lang = 'en' | 'zh' | 'mixed' | 'unknown';
export type MessageRole = 'system' | 'user' | 'assistant' | 'tool' | 'developer';

/** PIPL "sensitive personal information" / GDPR special categories vs ordinary personal data. */
export type Sensitivity = 'sensitive' | 'personal' | 'none';

export interface DetectContext {
  stage?: Stage;
  lang?: Lang;
  tenant?: string;
  /** Role of the message the text came from: tool results are the indirect-injection channel. */
  role?: MessageRole;
  /**
   * Scratch space for one scan of one text, shared by the detectors of that scan (the Scanner makes
   * a fresh one per text): e.g. the toxicity and intent classifiers featurise the same text the
   * same way, so the second reuses the first's views. Keys are owned by the detector kind that sets them.
   */
  memo?: Map<string, unknown>;
}

export interface Finding {
  /** Detector name, e.g. `pii.phone`, `toxicity`, `intent`, `rules.keywords`. */
  detector: string;
  /** Taxonomy category (docs/taxonomy.md), e.g. `pii.phone_number`, `toxicity.insult`, `intent.prompt_injection`. */
  category: string;
  /** Offsets into the ORIGINAL text (UTF-16 code units), end exclusive. Whole-text classifiers span the text. */
  start: number;
  end: number;
  /** Calibrated score in [0, 1]. */
  score: number;
  /** Entity type for PII (`PHONE_NUMBER`, `CN_RESIDENT_ID` …). */
  type?: string;
  sensitivity?: Sensitivity;
  /** Small, text-free facts (validator used, rule id …). Never the matched value. */
  meta?: Record<string, string | number | boolean>;
}

export interface Detector {
  readonly name: string;
  detect(text: string, ctx?: DetectContext): Finding[] | Promise<Finding[]>;
  detectBatch?(texts: readonly string[], ctx?: DetectContext): Finding[][] | Promise<Finding[][]>;
}

/** What a policy may do with findings. */
export type Action = 'allow' | 'flag' | 'redact' | 'mask' | 'hash' | 'placeholder' | 'pseudonymize' | 'answer' | 'block';

/** A verdict is what leaves the pipeline for audit, metrics and headers: never text. */
export interface Verdict {
  stage: Stage;
  detector: string;
  category: string;
  score: number;
  action: Action;
  /** How many findings this verdict summarises. */
  count?: number;
}
