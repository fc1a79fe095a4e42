import { createPiiDetector, type PiiOptions } from '../../../guardrails/pii/index.js';

const defaultDetector = createPiiDetector();

/** Findings as `TYPE:value` strings (value sliced from the ORIGINAL text), in text order. */
export function found(text: string, options?: PiiOptions): string[] {
  const detector = options ? createPiiDetector(options) : defaultDetector;
  return detector.detect(text).map((f) => `${f.type}:${text.slice(f.start, f.end)}`);
}

export const typesIn = (text: string, options?: PiiOptions) => found(text, options).map((s) => s.split(':')[0]);
