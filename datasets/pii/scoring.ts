/**
 * Entity-level matching shared by `npm run bench:pii` and the tagger's development evaluation
 * (guardrails/pii/ner/dev-eval.ts), so both score the presidio corpus by the same rule.
 */
export interface Span {
  start: number;
  end: number;
  type: string;
}

/** presidio-research-synth labels → ours (types not listed are not scored). */
export const PRESIDIO_LABELS: Readonly<Record<string, string>> = {
  PERSON: 'PERSON', STREET_ADDRESS: 'ADDRESS', GPE: 'LOCATION', ORGANIZATION: 'ORGANIZATION', CREDIT_CARD: 'CREDIT_CARD',
  PHONE_NUMBER: 'PHONE_NUMBER', EMAIL_ADDRESS: 'EMAIL_ADDRESS', IBAN_CODE: 'IBAN_CODE', US_SSN: 'US_SSN', IP_ADDRESS: 'IP_ADDRESS',
};

/**
 * Does `span` count for `other` (a prediction for a gold span, or a gold span as found by a prediction): same type
 * and overlapping. With `placesNestInAddresses`, also a LOCATION `span` lying inside an ADDRESS `other` — that
 * address's city or country, not an error: a predicted LOCATION inside a gold ADDRESS is correct, a gold LOCATION
 * inside a predicted ADDRESS is found, and an ADDRESS is still found only by an ADDRESS. presidio-research labels one
 * address block either as a whole STREET_ADDRESS or as street + GPE city + GPE country, by template; its own
 * evaluation folds STREET_ADDRESS and GPE into one LOCATION type, which is looser than this.
 */
export function spanMatches(span: Span, other: Span, placesNestInAddresses = false): boolean {
  if (span.type === other.type) return span.start < other.end && other.start < span.end;
  return placesNestInAddresses && span.type === 'LOCATION' && other.type === 'ADDRESS' && span.start >= other.start && span.end <= other.end;
}
