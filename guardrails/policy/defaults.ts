/**
 * The built-in default policy, used when no policy directory is configured (and mirrored by
 * policies/default.yaml). Sensible for a confidential gateway: PII never reaches the model in clear,
 * credentials are redacted, strong injection/jailbreak/harmful-intent and severe toxicity are blocked,
 * weaker signals flagged for audit.
 */
import type { PolicyFileInput } from './schema.js';

export const BUILTIN_DEFAULT_POLICY: PolicyFileInput = {
  version: 'builtin-1',
  description: 'SealGate built-in default policy',
  input: [
    { category: 'pii.*', threshold: 0.5, action: 'pseudonymize' },
    // Places and organisations alone identify nobody: recorded, left in clear so answers stay useful.
    { category: 'pii.*', sensitivity: 'none', threshold: 0.5, action: 'flag' },
    { category: 'secret.*', threshold: 0.5, action: 'redact' },
    { category: 'intent.prompt_injection', threshold: 0.8, action: 'block' },
    { category: 'intent.jailbreak', threshold: 0.8, action: 'block' },
    { category: 'intent.harmful.*', threshold: 0.8, action: 'block' },
    { category: 'intent.*', threshold: 0.5, action: 'flag' },
    { category: 'toxicity.*', threshold: 0.9, action: 'block' },
    { category: 'toxicity.*', threshold: 0.5, action: 'flag' },
    { category: 'rules.*', threshold: 0.5, action: 'block' },
    { category: 'topic.*', threshold: 0.5, action: 'block' },
    { category: 'kb.*', threshold: 0.5, action: 'answer' },
  ],
  output: [
    { category: 'toxicity.*', threshold: 0.8, action: 'block' },
    { category: 'toxicity.*', threshold: 0.5, action: 'flag' },
    { category: 'secret.*', threshold: 0.5, action: 'redact' },
    { category: 'pii.*', sensitivity: 'sensitive', threshold: 0.5, action: 'redact' },
    { category: 'pii.*', threshold: 0.5, action: 'flag' },
    { category: 'intent.*', threshold: 0.5, action: 'flag' },
    { category: 'rules.*', threshold: 0.5, action: 'block' },
  ],
  onBlock: { mode: 'error' },
};
