/**
 * Small typed arrays carved out of shared slabs. `new Int32Array(n)` above 64 bytes gets an off-heap
 * backing store of its own (~1 µs to allocate on these hosts, and one more ArrayBuffer for the GC to
 * track), against ~50–80 ns for a view on a slab; the featuriser makes three to five such arrays per
 * scored text. Views start zeroed (a slab is never reused) and a slab is collected once no view on it is
 * left. Never transfer or clone an array's `.buffer`: it is the whole slab.
 */
const SLAB_BYTES = 64 * 1024;
/** Larger arrays (long texts) get their own buffer, so a slab is never held by one big view. */
const MAX_CARVED_BYTES = 4096;

let slab = new ArrayBuffer(SLAB_BYTES);
let used = 0;

/** Byte offset of a fresh, 8-byte aligned region of the current slab (moving to a new slab when full). */
function carve(bytes: number): number {
  const size = (bytes + 7) & ~7;
  if (used + size > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    used = 0;
  }
  const at = used;
  used += size;
  return at;
}

export function int32Array(n: number): Int32Array {
  if (n * 4 > MAX_CARVED_BYTES) return new Int32Array(n);
  const at = carve(n * 4);
  return new Int32Array(slab, at, n);
}

export function uint16Array(n: number): Uint16Array {
  if (n * 2 > MAX_CARVED_BYTES) return new Uint16Array(n);
  const at = carve(n * 2);
  return new Uint16Array(slab, at, n);
}

export function float32Array(n: number): Float32Array {
  if (n * 4 > MAX_CARVED_BYTES) return new Float32Array(n);
  const at = carve(n * 4);
  return new Float32Array(slab, at, n);
}
