import { createHmac } from 'node:crypto';
import { digitsOf, normalize } from '../../core/normalize.js';
import { asciiDigitRuns } from '../numerals.js';
import { defineOperator } from './apply.js';
import { placeholderLabel } from './labels.js';

/**
 * `<PHONE:3f1c…>`: keyed HMAC-SHA256 of the canonical value (normalised, separators removed), truncated to
 * 16 hex chars. Equal values link across requests and logs under one key; without the key nothing is readable
 * or brute-forceable from the short identifier space (phone numbers!), which a plain hash would be.
 */
export const hashOperator = defineOperator('hash', (value, finding, ctx) => {
  if (!ctx.hashKey || ctx.hashKey.length < 16) throw new Error('hash operator needs ctx.hashKey (at least 16 bytes)');
  const canonical = digitsOf(asciiDigitRuns(normalize(value).text)).toLowerCase();
  const digest = createHmac('sha256', ctx.hashKey).update(`${finding.type ?? finding.category}\u0000${canonical}`).digest('hex');
  return `<${placeholderLabel(finding.type, finding.category)}:${digest.slice(0, 16)}>`;
});
