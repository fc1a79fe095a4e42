/**
 * Content digests for audit records and receipts: keyed HMAC-SHA256, so an operator holding the
 * audit key can tell that two prompts were equal without reading either, while someone holding
 * only the log cannot confirm a guessed prompt. Called where the content is: the pipeline (plain
 * mode) and the enclave worker (confidential mode). Imports node:crypto only, so both can use it.
 */
import { createHmac } from 'node:crypto';

export type DigestKey = Buffer | Uint8Array | { digestKey: Buffer | Uint8Array };

/** `hmac-sha256:<base64url>` of the UTF-8 text under the audit digest key. */
export function digestContent(auditKey: DigestKey, text: string): string {
  const key = auditKey instanceof Uint8Array ? auditKey : auditKey.digestKey;
  return `hmac-sha256:${createHmac('sha256', key).update(text, 'utf8').digest('base64url')}`;
}
