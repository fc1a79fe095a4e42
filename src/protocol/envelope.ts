/**
 * The sealed request: a cleartext header the gateway can route on (key id, request id, timestamp,
 * model) followed by the HPKE encapsulated key and the ciphertext of the OpenAI JSON body.
 *
 *   u8  version | u16 kem | u16 kdf | u16 aead | lp keyId | lp requestId | u64 timestampMs | lp model | enc[32] | ct
 *
 * `info` binds version, suite and key id (a ciphertext for one key or suite cannot be opened as
 * another); the AEAD's associated data binds tenant, route, model, timestamp and request id, so the
 * gateway cannot replay a body under another tenant, route or model, or refresh its timestamp.
 */
import { ByteReader, bytesEqual, concatBytes, i2osp, lengthPrefixed, utf8, fromUtf8 } from './bytes.js';
import {
  DEFAULT_TIMESTAMP_WINDOW_MS,
  LABEL_REQUEST_AAD,
  LABEL_REQUEST_INFO,
  LABEL_RESPONSE_EXPORT,
  PROTOCOL_VERSION,
} from './constants.js';
import { ProtocolError } from './errors.js';
import {
  AEAD_ID,
  HpkeContext,
  KDF_ID,
  KEM_ID,
  N_ENC,
  setupBaseRecipient,
  setupBaseSender,
  type X25519KeyPair,
} from './hpke.js';

export interface RequestBinding {
  /** Tenant the gateway authenticated; the client learns it from the attestation response. */
  tenant: string;
  /** The OpenAI route carried, e.g. `/v1/chat/completions`. */
  route: string;
  model: string;
  timestampMs: number;
  requestId: string;
}

export interface EnvelopeHeader {
  version: number;
  kemId: number;
  kdfId: number;
  aeadId: number;
  keyId: string;
  requestId: string;
  timestampMs: number;
  model: string;
}

export interface ParsedEnvelope {
  header: EnvelopeHeader;
  enc: Uint8Array;
  ciphertext: Uint8Array;
}

const MAX_FIELD = 256;
const REQUEST_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function requestInfo(keyId: string): Uint8Array {
  return concatBytes(
    utf8(LABEL_REQUEST_INFO),
    Uint8Array.of(0),
    i2osp(PROTOCOL_VERSION, 1),
    i2osp(KEM_ID, 2),
    i2osp(KDF_ID, 2),
    i2osp(AEAD_ID, 2),
    lengthPrefixed(keyId),
  );
}

export function requestAad(binding: RequestBinding): Uint8Array {
  return concatBytes(
    utf8(LABEL_REQUEST_AAD),
    Uint8Array.of(0),
    lengthPrefixed(binding.tenant),
    lengthPrefixed(binding.route),
    lengthPrefixed(binding.model),
    i2osp(BigInt(binding.timestampMs), 8),
    lengthPrefixed(binding.requestId),
  );
}

export function encodeHeader(header: Omit<EnvelopeHeader, 'version' | 'kemId' | 'kdfId' | 'aeadId'>): Uint8Array {
  return concatBytes(
    i2osp(PROTOCOL_VERSION, 1),
    i2osp(KEM_ID, 2),
    i2osp(KDF_ID, 2),
    i2osp(AEAD_ID, 2),
    lengthPrefixed(header.keyId),
    lengthPrefixed(header.requestId),
    i2osp(BigInt(header.timestampMs), 8),
    lengthPrefixed(header.model),
  );
}

export interface SealedRequest {
  body: Uint8Array;
  /** Keep for the response: the response key is exported from it. Destroy when the response ends. */
  context: HpkeContext;
  enc: Uint8Array;
}

/** SetupBaseS done ahead of time for one future request (see `sealRequest`'s `sender`). */
export interface PreparedSender {
  recipientPublicKey: Uint8Array;
  keyId: string;
  enc: Uint8Array;
  context: HpkeContext;
}

/** Encapsulates to the recipient now, with a fresh ephemeral key, for exactly one later request. */
export function prepareSender(recipientPublicKey: Uint8Array, keyId: string, ephemeral?: X25519KeyPair): PreparedSender {
  const { enc, context } = setupBaseSender(recipientPublicKey, requestInfo(keyId), ephemeral);
  return { recipientPublicKey, keyId, enc, context };
}

export function sealRequest(opts: {
  recipientPublicKey: Uint8Array;
  keyId: string;
  binding: RequestBinding;
  plaintext: Uint8Array;
  /** A fresh pair made ahead of time (used once; its private half is wiped here), or test vectors. */
  ephemeral?: X25519KeyPair;
  /**
   * An HPKE sender context set up ahead of time for this recipient key and key id (`prepareSender`),
   * used for this one request only. Encapsulation does not depend on the message, so a client can
   * do it while the previous request is on the wire.
   */
  sender?: PreparedSender;
}): SealedRequest {
  const { binding } = opts;
  const prepared = opts.sender;
  if (prepared && (prepared.keyId !== opts.keyId || !bytesEqual(prepared.recipientPublicKey, opts.recipientPublicKey))) {
    throw new TypeError('prepared HPKE sender is for another recipient key');
  }
  const { enc, context } = prepared ?? setupBaseSender(opts.recipientPublicKey, requestInfo(opts.keyId), opts.ephemeral);
  const ciphertext = context.seal(requestAad(binding), opts.plaintext);
  const header = encodeHeader({
    keyId: opts.keyId,
    requestId: binding.requestId,
    timestampMs: binding.timestampMs,
    model: binding.model,
  });
  return { body: concatBytes(header, enc, ciphertext), context, enc };
}

/** Parse the cleartext part; nothing is decrypted. Rejects anything not exactly our format. */
export function parseEnvelope(body: Uint8Array): ParsedEnvelope {
  const reader = new ByteReader(body);
  try {
    const version = reader.uint(1);
    if (version !== PROTOCOL_VERSION) throw new ProtocolError('unsupported_version', `unsupported protocol version ${version}`);
    const kemId = reader.uint(2);
    const kdfId = reader.uint(2);
    const aeadId = reader.uint(2);
    if (kemId !== KEM_ID || kdfId !== KDF_ID || aeadId !== AEAD_ID) {
      throw new ProtocolError('unsupported_suite', 'unsupported HPKE suite (expected X25519 / HKDF-SHA256 / ChaCha20-Poly1305)');
    }
    const keyId = textField(reader, 'key id', KEY_ID_PATTERN);
    const requestId = textField(reader, 'request id', REQUEST_ID_PATTERN);
    const timestampMs = reader.uint(8);
    const model = textField(reader, 'model');
    const enc = reader.take(N_ENC);
    const ciphertext = reader.rest();
    if (ciphertext.length < 16) throw new ProtocolError('malformed_envelope', 'ciphertext too short');
    return { header: { version, kemId, kdfId, aeadId, keyId, requestId, timestampMs, model }, enc, ciphertext };
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError('malformed_envelope', 'malformed confidential request envelope');
  }
}

function textField(reader: ByteReader, name: string, pattern?: RegExp): string {
  const bytes = reader.lengthPrefixed();
  if (bytes.length === 0 || bytes.length > MAX_FIELD) throw new ProtocolError('malformed_envelope', `invalid ${name}`);
  const text = fromUtf8(bytes);
  if (pattern && !pattern.test(text)) throw new ProtocolError('malformed_envelope', `invalid ${name}`);
  return text;
}

export function checkTimestamp(timestampMs: number, nowMs: number, windowMs = DEFAULT_TIMESTAMP_WINDOW_MS): void {
  if (Math.abs(nowMs - timestampMs) > windowMs) {
    throw new ProtocolError('stale_timestamp', `request timestamp outside the accepted window of ${windowMs / 1000}s`);
  }
}

/**
 * Enclave side: decrypt with the key pair named in the header. Tenant and route come from the
 * gateway (authentication, path); model, timestamp and request id come from the header. A lie about
 * any of them fails the AEAD check, and nothing is decrypted.
 */
export function openRequest(
  envelope: ParsedEnvelope,
  recipient: X25519KeyPair,
  outer: { tenant: string; route: string },
): { plaintext: Uint8Array; context: HpkeContext } {
  const context = setupBaseRecipient(envelope.enc, recipient, requestInfo(envelope.header.keyId));
  try {
    const plaintext = context.open(
      requestAad({
        tenant: outer.tenant,
        route: outer.route,
        model: envelope.header.model,
        timestampMs: envelope.header.timestampMs,
        requestId: envelope.header.requestId,
      }),
      envelope.ciphertext,
    );
    return { plaintext, context };
  } catch (error) {
    context.destroy();
    throw error;
  }
}

/** OHTTP-style (RFC 9458 §4.4) response secret, exported from the request's context. */
export function exportResponseSecret(context: HpkeContext): Uint8Array {
  return context.export(utf8(LABEL_RESPONSE_EXPORT), 32);
}
