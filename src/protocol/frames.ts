/**
 * The sealed response: a 32-byte random response nonce, then length-prefixed sealed frames.
 *
 *   responseNonce[32] | ( u8 type | u32 length | sealed[length] )*   with exactly one final frame, last
 *
 * Keys follow Oblivious HTTP (RFC 9458 §4.4): secret = Export("sealgate/1 response", 32) from the
 * request's HPKE context, prk = Extract(enc || responseNonce, secret), key = Expand(prk, "key"),
 * nonce = Expand(prk, "nonce"). Only the sender of that request can derive them.
 * Frames use counter nonces (base XOR i) like chunked OHTTP, and the frame type is the AEAD's
 * associated data, so reordering, dropping, splicing from another response, or cutting the stream
 * before the authenticated final frame are all detected.
 */
import { ByteReader, concatBytes, i2osp, randomBytes, utf8 } from './bytes.js';
import { ProtocolError } from './errors.js';
import { computeNonce, hkdfExpand, hkdfExtract } from './hpke.js';
import { sodiumSync, wipe } from './sodium.js';

export const RESPONSE_NONCE_LENGTH = 32;
export const FRAME_DATA = 0x00;
export const FRAME_FINAL = 0x01;
const FRAME_HEADER_LENGTH = 5;
/** Upper bound on one frame, so a hostile length prefix cannot make the client buffer forever. */
export const MAX_FRAME_LENGTH = 16 * 1024 * 1024;

interface ResponseKeys {
  key: Uint8Array;
  baseNonce: Uint8Array;
}

const LABEL_KEY = utf8('key');
const LABEL_NONCE = utf8('nonce');

function deriveResponseKeys(secret: Uint8Array, enc: Uint8Array, responseNonce: Uint8Array): ResponseKeys {
  const prk = hkdfExtract(concatBytes(enc, responseNonce), secret);
  const keys = { key: hkdfExpand(prk, LABEL_KEY, 32), baseNonce: hkdfExpand(prk, LABEL_NONCE, 12) };
  wipe(prk);
  return keys;
}

/** Enclave side: seals frames in order. */
export class ResponseSealer {
  private sequence = 0;
  private finished = false;
  private readonly keys: ResponseKeys;
  readonly head: Uint8Array;

  constructor(secret: Uint8Array, enc: Uint8Array, responseNonce?: Uint8Array) {
    const nonce = responseNonce ?? randomBytes(RESPONSE_NONCE_LENGTH);
    this.head = nonce;
    this.keys = deriveResponseKeys(secret, enc, nonce);
  }

  /** Seal one frame; `final` must be the last call. The plaintext buffer is wiped after sealing. */
  seal(plaintext: Uint8Array, final: boolean): Uint8Array {
    if (this.finished) throw new Error('response already finished');
    const type = final ? FRAME_FINAL : FRAME_DATA;
    const sealed = sodiumSync().crypto_aead_chacha20poly1305_ietf_encrypt(
      plaintext,
      Uint8Array.of(type),
      null,
      computeNonce(this.keys.baseNonce, this.sequence++),
      this.keys.key,
    );
    wipe(plaintext);
    if (final) this.destroy();
    return concatBytes(Uint8Array.of(type), i2osp(sealed.length, 4), sealed);
  }

  destroy(): void {
    this.finished = true;
    wipe(this.keys.key, this.keys.baseNonce);
  }
}

/**
 * Client side: an incremental decoder. Feed bytes as they arrive; get plaintext frames back in
 * order. `end()` throws unless the final frame was seen, so a truncated stream is never taken as
 * complete.
 */
export class ResponseOpener {
  private buffer: Uint8Array = new Uint8Array(0);
  private keys: ResponseKeys | undefined;
  private sequence = 0;
  private finalSeen = false;

  constructor(
    private readonly secret: Uint8Array,
    private readonly enc: Uint8Array,
  ) {}

  get complete(): boolean {
    return this.finalSeen;
  }

  push(bytes: Uint8Array): Uint8Array[] {
    this.buffer = this.buffer.length === 0 ? bytes : concatBytes(this.buffer, bytes);
    const out: Uint8Array[] = [];
    if (!this.keys) {
      if (this.buffer.length < RESPONSE_NONCE_LENGTH) return out;
      this.keys = deriveResponseKeys(this.secret, this.enc, this.buffer.subarray(0, RESPONSE_NONCE_LENGTH));
      this.buffer = this.buffer.subarray(RESPONSE_NONCE_LENGTH);
    }
    while (this.buffer.length > 0) {
      if (this.finalSeen) throw new ProtocolError('trailing_data', 'data after the final response frame');
      if (this.buffer.length < FRAME_HEADER_LENGTH) break;
      const reader = new ByteReader(this.buffer);
      const type = reader.uint(1);
      const length = reader.uint(4);
      if ((type !== FRAME_DATA && type !== FRAME_FINAL) || length < 16 || length > MAX_FRAME_LENGTH) {
        throw new ProtocolError('malformed_frame', 'malformed response frame');
      }
      if (reader.remaining < length) break;
      const sealed = reader.take(length);
      this.buffer = this.buffer.subarray(FRAME_HEADER_LENGTH + length);
      out.push(this.openFrame(type, sealed));
    }
    return out;
  }

  private openFrame(type: number, sealed: Uint8Array): Uint8Array {
    const keys = this.keys!;
    try {
      const plaintext = sodiumSync().crypto_aead_chacha20poly1305_ietf_decrypt(
        null,
        sealed,
        Uint8Array.of(type),
        computeNonce(keys.baseNonce, this.sequence++),
        keys.key,
      );
      if (type === FRAME_FINAL) this.finalSeen = true;
      return plaintext;
    } catch {
      throw new ProtocolError('decryption_failed', 'response frame failed authentication (tampered, reordered or spliced)');
    }
  }

  /** Call when the transport ends. */
  end(): void {
    if (!this.finalSeen) throw new ProtocolError('stream_truncated', 'response ended before its authenticated final frame');
    if (this.buffer.length > 0) throw new ProtocolError('trailing_data', 'data after the final response frame');
    wipe(this.keys?.key, this.keys?.baseNonce);
  }
}
