/** guardrails/text-model/slab.ts: typed arrays carved from shared slabs behave like freshly allocated ones. */
import { describe, expect, it } from 'vitest';
import { float32Array, int32Array, uint16Array } from '../../../guardrails/text-model/slab.js';

describe('slab-carved typed arrays', () => {
  it('are zeroed, of the asked length, aligned, and never overlap', () => {
    const arrays: Array<Int32Array | Uint16Array | Float32Array> = [];
    // Enough to cross several 64 KB slabs, with odd lengths so the alignment padding is exercised.
    for (let i = 0; i < 3000; i++) {
      const n = (i * 37) % 301;
      const a = i % 3 === 0 ? int32Array(n) : i % 3 === 1 ? uint16Array(n) : float32Array(n);
      expect(a.length).toBe(n);
      expect(a.byteOffset % 8).toBe(0);
      expect(a.every((v) => v === 0)).toBe(true);
      a.fill(i % 3 === 1 ? 0xffff : -1);
      arrays.push(a);
    }
    // Filling each array left every other one intact.
    arrays.forEach((a, i) => expect(a.every((v) => v === (i % 3 === 1 ? 0xffff : -1))).toBe(true));
    const shared = arrays.filter((a) => a.length > 0 && a.buffer.byteLength > a.byteLength);
    expect(shared.length).toBeGreaterThan(arrays.length / 2);
  });

  it('gives large arrays a buffer of their own', () => {
    const big = float32Array(5000);
    expect(big.buffer.byteLength).toBe(big.byteLength);
    expect(int32Array(2000).byteOffset).toBe(0);
  });
});
