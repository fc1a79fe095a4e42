/**
 * One error type for every protocol failure. `code` is stable and machine-readable (the gateway maps
 * it to an OpenAI-format error); messages never include key material or plaintext.
 */
export type ProtocolErrorCode =
  | 'malformed_envelope'
  | 'unsupported_version'
  | 'unsupported_suite'
  | 'unknown_key_id'
  | 'decryption_failed'
  | 'stale_timestamp'
  | 'binding_mismatch'
  | 'malformed_frame'
  | 'stream_truncated'
  | 'trailing_data'
  | 'answer_too_large'
  | 'attestation_invalid'
  | 'attestation_signature'
  | 'attestation_expired'
  | 'attestation_nonce'
  | 'attestation_measurement'
  | 'attestation_root';

export class ProtocolError extends Error {
  readonly code: ProtocolErrorCode;
  constructor(code: ProtocolErrorCode, message: string) {
    super(message);
    this.name = 'ProtocolError';
    this.code = code;
  }
}
