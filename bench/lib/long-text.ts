/**
 * Long single texts for the long-text checks (bench/long-text-latency.ts, test/unit/guardrails/offload-equivalence.test.ts):
 * realistic prose with some PII, built by joining the synthetic PII records of datasets/pii/generate.ts
 * (customer-service chats, forms, logs) until the text reaches the size asked for. Deterministic for a seed.
 */
import { generate } from '../../datasets/pii/generate.js';

export type LongTextLang = 'en' | 'zh' | 'mixed';

export function longText(lang: LongTextLang, bytes: number, seed = 1): string {
  const parts: string[] = [];
  let size = 0;
  for (let round = 0; size < bytes; round++) {
    for (const record of generate(400, seed + round)) {
      if (lang !== 'mixed' && record.lang !== lang) continue;
      parts.push(record.text);
      size += Buffer.byteLength(record.text) + 2;
      if (size >= bytes) break;
    }
  }
  return parts.join('\n\n');
}
