/**
 * PII guardrail: recognizers (one file per entity family) + validators + context words → findings;
 * operators (redact / placeholder / mask / hash / pseudonymize) → transformed text and a restorer.
 *
 *   const pii = createPiiDetector({ minScore: 0.5 });
 *   const findings = pii.detect(text);
 *   const session = createPiiSession();               // one per request
 *   const { text: safe, restore } = anonymize(text, findings, 'pseudonymize', { session });
 *   … upstream … restore(answer)  or  session.restoreStream(deltas) / session.createStreamRestorer()
 */
export { createPiiDetector, piiOptionsSchema, type PiiDetector, type PiiOptions } from './detector.js';
export { ENTITY_TYPES, SECRET_TYPES, type EntityType, type Recognizer, type Candidate } from './types.js';
export { DEFAULT_SENSITIVITY, sensitivityTable } from './sensitivity.js';
export { DEFAULT_CONTEXT } from './context.js';
export { BUILTIN_RECOGNIZERS } from './recognizers/index.js';
export { resolveOverlaps } from './resolve.js';
export * as validators from './validators.js';
export * from './operators/index.js';
