import type { Sensitivity } from '../core/types.js';

/** Every entity type the PII detector can report. Adding a recognizer may add a type here. */
export const ENTITY_TYPES = [
  'EMAIL_ADDRESS',
  'PHONE_NUMBER',
  'CREDIT_CARD',
  'BANK_ACCOUNT',
  'IBAN_CODE',
  'CN_RESIDENT_ID',
  'CN_USCC',
  'PASSPORT',
  'US_SSN',
  'IP_ADDRESS',
  'MAC_ADDRESS',
  'CN_LICENSE_PLATE',
  'DATE_OF_BIRTH',
  'CLOUD_ACCESS_KEY',
  'API_TOKEN',
  'JWT',
  'PRIVATE_KEY',
  'PASSWORD',
  'URL_CREDENTIALS',
  'PERSON',
  'ADDRESS',
  'LOCATION',
  'ORGANIZATION',
] as const;

export type EntityType = (typeof ENTITY_TYPES)[number];

/** Credentials are reported under the `secret.` category family; everything else under `pii.`. */
export const SECRET_TYPES: ReadonlySet<EntityType> = new Set([
  'CLOUD_ACCESS_KEY',
  'API_TOKEN',
  'JWT',
  'PRIVATE_KEY',
  'PASSWORD',
  'URL_CREDENTIALS',
]);

/** A match proposed by a recognizer, in NORMALISED text offsets, before context scoring and overlap resolution. */
export interface Candidate {
  type: EntityType;
  start: number;
  end: number;
  /** Score before context words are applied. */
  score: number;
  /** Validator that accepted the value (`luhn`, `gb11643` …), kept in the finding's meta. */
  validator?: string;
  /** Skip the generic context adjustment (the recognizer already used context itself). */
  contextApplied?: boolean;
}

/** Cheap facts about the text computed once, so recognizers can skip work. */
export interface TextFacts {
  hasDigit: boolean;
  hasAt: boolean;
  hasCjk: boolean;
  hasUpper: boolean;
  /** Number of ASCII digits: identifiers need at least 7–8 of them. */
  digitCount: number;
  /** Lower-cased text, for cheap "is any context word present at all" gates. */
  lower: string;
  /**
   * True when candidates that can only pass with a context word may be skipped if no such word occurs
   * anywhere in the text (set when the detector's threshold is above every context-free base score).
   */
  contextGate: boolean;
  /** Where context words occur (shared by the gates below and by scoring, so each list is searched once). */
  context?: { occurrences(words: readonly string[]): number[] };
}

/** True when any of `words` occurs in the lower-cased text (used to skip context-only recognizers early). */
export function mentionsAny(facts: TextFacts, words: readonly string[] | undefined): boolean {
  if (!facts.contextGate) return true;
  if (!words) return false;
  if (facts.context) return facts.context.occurrences(words).length > 0;
  for (const w of words) if (facts.lower.includes(w)) return true;
  return false;
}

export interface Recognizer {
  /** Short name; findings carry `pii.<name>` as detector. */
  readonly name: string;
  readonly entityTypes: readonly EntityType[];
  /** `text` is normalised (guardrails/core/normalize); returned offsets are into it. */
  recognize(text: string, facts: TextFacts): Candidate[];
}

export type SensitivityMap = Partial<Record<EntityType, Sensitivity>>;

/** Iterate a global regex safely (never loops on empty matches). */
export function forEachMatch(regex: RegExp, text: string, onMatch: (m: RegExpExecArray) => void): void {
  regex.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = regex.exec(text)) !== null) {
    onMatch(m);
    if (m[0].length === 0) regex.lastIndex++;
  }
}
