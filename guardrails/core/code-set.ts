/**
 * Sets of 16-bit values (UTF-16 code units, 16-bit hashes) as 8 KB bitsets: a membership test is one
 * load, and the table is small enough to stay in cache next to the other recognizers' tables (a 64 KB
 * byte array per set did not). Used by the PII context index, dictionary and pair matchers, and the
 * Chinese address scanner.
 */
export type CodeSet = Uint32Array;

export function newCodeSet(): CodeSet {
  return new Uint32Array(2048);
}

export function addCode(set: CodeSet, v: number): void {
  set[v >>> 5]! |= 1 << (v & 31);
}

export function hasCode(set: CodeSet, v: number): boolean {
  return (set[v >>> 5]! & (1 << (v & 31))) !== 0;
}
