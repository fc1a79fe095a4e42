/**
 * src/protocol/bytes.ts where the runtime has no Buffer (browsers): its btoa path, which protocol-native-fallback's
 * round trip does not reach (bytes.ts reads globalThis.Buffer once, at load, and Node has one). The module is loaded
 * again with Buffer removed from globalThis for the import.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';

async function loadWithoutBuffer(): Promise<typeof import('../../src/protocol/bytes.js')> {
  const saved = globalThis.Buffer;
  vi.resetModules();
  // Deleting a global for the length of one import: bytes.ts must then take its plain-JavaScript paths.
  delete (globalThis as { Buffer?: typeof Buffer }).Buffer;
  try {
    return await import('../../src/protocol/bytes.js');
  } finally {
    globalThis.Buffer = saved;
  }
}

describe('base64url without Buffer', () => {
  it('drops the = padding (none, one, two) exactly as Buffer does and round-trips', async () => {
    const bytes = await loadWithoutBuffer();
    for (let length = 0; length <= 34; length += 1) {
      const data = new Uint8Array(randomBytes(length));
      const text = bytes.toBase64Url(data);
      expect(text).toBe(Buffer.from(data).toString('base64url'));
      expect(text).not.toContain('=');
      expect(bytes.fromBase64Url(text)).toEqual(data);
    }
    // Bytes whose base64 holds '+' and '/' (0xfb 0xff 0xbf): '-' and '_' in base64url.
    expect(bytes.toBase64Url(Uint8Array.from([0xfb, 0xff, 0xbf]))).toBe('-_-_');
  });
});
