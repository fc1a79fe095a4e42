/**
 * The sealed response: a head (32-byte random response nonce, the HTTP status and the kind of body
 * the enclave chose), then length-prefixed sealed frames.
 *
 *   responseNonce[32] | u16 status | u8 kind | ( u8 type | u32 length | sealed[length] )*
 *   with exactly one final frame, last
 *
 * Keys follow Oblivious HTTP (RFC 9458 §4.4): secret = Export("sealgate/2 response", 32) from the
 * request's HPKE context, prk = Extract(enc || responseNonce, secret), key = Expand(prk, "key"),
 * nonce = Expand(prk, "nonce"). Only the sender of that request can derive them.
 * Frames use counter nonces (base XOR i) like chunked OHTTP, and each frame's associated data is
 * its type, the status and the kind, so reordering, dropping, splicing from another response,
 * cutting the stream before the authenticated final frame, and relabelling the answer (a 200 shown
 * as an error, a sealed error shown as a success or as a stream) are all detected.
 */
import { ByteReader, concatBytes, i2osp, randomBytes, utf8 } from './bytes.js';
import { ProtocolError } from './errors.js';
import { computeNonce, hkdfExpand, hkdfExtract } from './hpke.js';
import { sodiumSync, wipe } from './sodium.js';

export const RESPONSE_NONCE_LENGTH = 32;
/** Nonce, u16 status, u8 kind. */
export const RESPONSE_HEAD_LENGTH = RESPONSE_NONCE_LENGTH + 3;
export const FRAME_DATA = 0x00;
export const FRAME_FINAL = 0x01;

/** What the frames hold once concatenated: one JSON body, or SSE text (`text/event-stream`). */
export type ResponseKind = 'json' | 'event-stream';
const KIND_BYTES: Record<ResponseKind, number> = { json: 0x00, 'event-stream': 0x01 };

/** The answer's HTTP status and kind, as the enclave sealed them (authenticated by every frame). */
export interface ResponseHead {
  status: number;
  kind: ResponseKind;
}

/** Each frame type's associated data, `type || u16 status || u8 kind`, made once per response. */
function frameAads(head: Uint8Array): Record<number, Uint8Array> {
  const label = head.subarray(RESPONSE_NONCE_LENGTH, RESPONSE_HEAD_LENGTH);
  return { [FRAME_DATA]: concatBytes(Uint8Array.of(FRAME_DATA), label), [FRAME_FINAL]: concatBytes(Uint8Array.of(FRAME_FINAL), label) };
}
const FRAME_HEADER_LENGTH = 5;
/** Upper bound on one frame, so a hostile length prefix cannot make the client buffer forever. */
export const MAX_FRAME_LENGTH = 16 * 1024 * 1024;
/** Most plaintext one frame holds (its sealed form adds the 16-byte tag). */
export const MAX_FRAME_PLAINTEXT = MAX_FRAME_LENGTH - 16;

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

/**
 * Enclave side: seals frames in order. The keys do not depend on the answer, so they can be derived
 * while the model works; `begin` then fixes the status and kind every frame authenticates.
 */
export class ResponseSealer {
  private sequence = 0;
  private finished = false;
  private readonly keys: ResponseKeys;
  private readonly nonce: Uint8Array;
  private headBytes: Uint8Array | undefined;
  private aads: Record<number, Uint8Array> | undefined;

  constructor(secret: Uint8Array, enc: Uint8Array, responseNonce?: Uint8Array) {
    this.nonce = responseNonce ?? randomBytes(RESPONSE_NONCE_LENGTH);
    this.keys = deriveResponseKeys(secret, enc, this.nonce);
  }

  /** Fixes the answer's status and kind (once); returns the head to send before the frames. */
  begin(head: ResponseHead): Uint8Array {
    if (this.headBytes) throw new Error('response head already set');
    if (!Number.isInteger(head.status) || head.status < 100 || head.status > 599) throw new RangeError('invalid HTTP status');
    this.headBytes = concatBytes(this.nonce, i2osp(head.status, 2), Uint8Array.of(KIND_BYTES[head.kind]));
    this.aads = frameAads(this.headBytes);
    return this.headBytes;
  }

  /** The head `begin` returned. */
  get head(): Uint8Array {
    if (!this.headBytes) throw new Error('response head not set: call begin() first');
    return this.headBytes;
  }

  /** Seal one frame; `final` must be the last call. The plaintext buffer is wiped after sealing. */
  seal(plaintext: Uint8Array, final: boolean): Uint8Array {
    if (this.finished) throw new Error('response already finished');
    if (!this.aads) throw new Error('response head not set: call begin() first');
    const type = final ? FRAME_FINAL : FRAME_DATA;
    const sealed = sodiumSync().crypto_aead_chacha20poly1305_ietf_encrypt(
      plaintext,
      this.aads[type]!,
      null,
      computeNonce(this.keys.baseNonce, this.sequence++),
      this.keys.key,
    );
    wipe(plaintext);
    if (final) this.destroy();
    return concatBytes(Uint8Array.of(type), i2osp(sealed.length, 4), sealed);
  }

  /**
   * Seal `plaintext` as frames of at most MAX_FRAME_PLAINTEXT bytes, in order; with `final`, the last
   * of them is the final frame. A body over 16 MiB (a non-streamed answer may be up to
   * upstream.maxResponseBytes, 32 MiB by default) would otherwise be one frame the client refuses.
   */
  sealFrames(plaintext: Uint8Array, final: boolean): Uint8Array {
    if (plaintext.length <= MAX_FRAME_PLAINTEXT) return this.seal(plaintext, final);
    const frames: Uint8Array[] = [];
    for (let at = 0; at < plaintext.length; at += MAX_FRAME_PLAINTEXT) {
      const end = Math.min(at + MAX_FRAME_PLAINTEXT, plaintext.length);
      frames.push(this.seal(plaintext.subarray(at, end), final && end === plaintext.length));
    }
    return concatBytes(...frames);
  }

  destroy(): void {
    this.finished = true;
    wipe(this.keys.key, this.keys.baseNonce);
  }
}

/**
 * Client side: an incremental decoder. Feed bytes as they arrive; get plaintext frames back in
 * order. `end()` throws unless the final frame was seen, so a truncated stream is never taken as
 * complete. `head` is the sealed status and kind, known once the first frame has authenticated it.
 */
export class ResponseOpener {
  private buffer: Uint8Array = new Uint8Array(0);
  private keys: ResponseKeys | undefined;
  private headBytes: Uint8Array | undefined;
  private aads: Record<number, Uint8Array> | undefined;
  private headAuthenticated = false;
  private sequence = 0;
  private finalSeen = false;

  constructor(
    private readonly secret: Uint8Array,
    private readonly enc: Uint8Array,
  ) {}

  get complete(): boolean {
    return this.finalSeen;
  }

  /** The answer's status and kind, once a frame has authenticated them; undefined before. */
  get head(): ResponseHead | undefined {
    if (!this.headAuthenticated || !this.headBytes) return undefined;
    const reader = new ByteReader(this.headBytes.subarray(RESPONSE_NONCE_LENGTH));
    const status = reader.uint(2);
    return { status, kind: reader.uint(1) === KIND_BYTES['event-stream'] ? 'event-stream' : 'json' };
  }

  push(bytes: Uint8Array): Uint8Array[] {
    this.buffer = this.buffer.length === 0 ? bytes : concatBytes(this.buffer, bytes);
    const out: Uint8Array[] = [];
    if (!this.keys) {
      if (this.buffer.length < RESPONSE_HEAD_LENGTH) return out;
      const head = this.buffer.slice(0, RESPONSE_HEAD_LENGTH);
      const kind = head[RESPONSE_HEAD_LENGTH - 1]!;
      if (kind !== KIND_BYTES.json && kind !== KIND_BYTES['event-stream']) throw new ProtocolError('malformed_frame', 'malformed response head');
      this.headBytes = head;
      this.aads = frameAads(head);
      this.keys = deriveResponseKeys(this.secret, this.enc, head.subarray(0, RESPONSE_NONCE_LENGTH));
      this.buffer = this.buffer.subarray(RESPONSE_HEAD_LENGTH);
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
        this.aads![type]!,
        computeNonce(keys.baseNonce, this.sequence++),
        keys.key,
      );
      this.headAuthenticated = true;
      if (type === FRAME_FINAL) this.finalSeen = true;
      return plaintext;
    } catch {
      throw new ProtocolError('decryption_failed', 'response frame failed authentication (tampered, reordered, spliced or relabelled)');
    }
  }

  /** Call when the transport ends. */
  end(): void {
    if (!this.finalSeen) throw new ProtocolError('stream_truncated', 'response ended before its authenticated final frame');
    if (this.buffer.length > 0) throw new ProtocolError('trailing_data', 'data after the final response frame');
    wipe(this.keys?.key, this.keys?.baseNonce);
  }
}
