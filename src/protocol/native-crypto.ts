/**
 * node:crypto (OpenSSL) when the runtime has it, found at run time instead of by a static import, so
 * the client SDK (src/client imports only src/protocol) loads where there is none (a browser bundle):
 * there the protocol falls back to libsodium for X25519 and to the SHA-256 below for HMAC and hashes.
 *
 * `process.getBuiltinModule` is synchronous (Node ≥ 20.16, the engines field asks ≥ 20.19; Deno and
 * Bun have it too), so every protocol call stays synchronous. Same functions either way (RFC 7748
 * X25519, FIPS 180-4 SHA-256, RFC 2104 HMAC): same bytes on the wire, test vectors unchanged.
 */
import type * as NodeCrypto from 'node:crypto';
import { concatBytes } from './bytes.js';

export type NodeCryptoModule = typeof NodeCrypto;

let found: NodeCryptoModule | undefined | null = null;
let enabled = true;

/** node:crypto, or undefined where the runtime has none (or `useNativeCrypto(false)`). */
export function nativeCrypto(): NodeCryptoModule | undefined {
  if (!enabled) return undefined;
  if (found === null) {
    const runtime = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    try {
      found = (runtime?.getBuiltinModule?.('node:crypto') as NodeCryptoModule | undefined) ?? undefined;
    } catch {
      found = undefined;
    }
  }
  return found;
}

/**
 * Turns the native path off (or back on) for this process: what a runtime without node:crypto gets.
 * For tests and measurements of the fallback; key pairs made with a native handle keep it.
 */
export function useNativeCrypto(on: boolean): void {
  enabled = on;
}

export function sha256(...data: Uint8Array[]): Uint8Array {
  const native = nativeCrypto();
  if (native) {
    const hash = native.createHash('sha256');
    for (const part of data) hash.update(part);
    return new Uint8Array(hash.digest());
  }
  return sha256Js(data.length === 1 ? data[0]! : concatBytes(...data));
}

export function hmacSha256(key: Uint8Array, ...data: Uint8Array[]): Uint8Array {
  const native = nativeCrypto();
  if (native) {
    const hmac = native.createHmac('sha256', key);
    for (const part of data) hmac.update(part);
    return new Uint8Array(hmac.digest());
  }
  // RFC 2104 with a 64-byte block: keys longer than a block are hashed first.
  const block = new Uint8Array(64);
  block.set(key.length > 64 ? sha256Js(key) : key);
  const inner = new Uint8Array(64);
  const outer = new Uint8Array(64);
  for (let i = 0; i < 64; i++) {
    inner[i] = block[i]! ^ 0x36;
    outer[i] = block[i]! ^ 0x5c;
  }
  const result = sha256Js(concatBytes(outer, sha256Js(concatBytes(inner, ...data))));
  block.fill(0);
  inner.fill(0);
  outer.fill(0);
  return result;
}

const K = Uint32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** SHA-256 (FIPS 180-4) in JavaScript, for runtimes without node:crypto (Web Crypto's is async). */
export function sha256Js(message: Uint8Array): Uint8Array {
  const bitLength = message.length * 8;
  const padded = new Uint8Array(((message.length + 9 + 63) >> 6) << 6);
  padded.set(message);
  padded[message.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const h = Uint32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!;
      const b = w[i - 2]!;
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!, h[5]!, h[6]!, h[7]!];
    for (let i = 0; i < 64; i++) {
      const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (hh + s1 + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) >>> 0;
      const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] = (h[0]! + a) >>> 0;
    h[1] = (h[1]! + b) >>> 0;
    h[2] = (h[2]! + c) >>> 0;
    h[3] = (h[3]! + d) >>> 0;
    h[4] = (h[4]! + e) >>> 0;
    h[5] = (h[5]! + f) >>> 0;
    h[6] = (h[6]! + g) >>> 0;
    h[7] = (h[7]! + hh) >>> 0;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) outView.setUint32(i * 4, h[i]!);
  padded.fill(0);
  w.fill(0);
  return out;
}
