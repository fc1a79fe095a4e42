import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonNestingExceeds } from '../../../src/pipeline/json-depth.js';

/** Reference: the nesting depth of a parsed value. */
function depthOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
  if (value && typeof value === 'object') return 1 + Math.max(0, ...Object.values(value).map(depthOf));
  return 0;
}

describe('jsonNestingExceeds', () => {
  it('agrees with the depth of the parsed value, brackets and escaped quotes inside strings included (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', '\\', 'a', ' ') });
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8, stringUnit: fc.oneof(fc.constantFrom('[', '{', '"', '\\'), fc.string({ maxLength: 1 })) as never }), text, fc.nat(9), (value, key, max) => {
        const json = JSON.stringify({ [key]: value });
        expect(jsonNestingExceeds(json, max)).toBe(depthOf({ [key]: value }) > max);
      }),
      { numRuns: 3000 },
    );
  });

  it('counts deep runs and stops early', () => {
    expect(jsonNestingExceeds(`${'['.repeat(257)}${']'.repeat(257)}`)).toBe(true);
    expect(jsonNestingExceeds(`${'['.repeat(256)}${']'.repeat(256)}`)).toBe(false);
    expect(jsonNestingExceeds(`{"s":"${'['.repeat(1000)}\\"${'{'.repeat(1000)}"}`)).toBe(false);
  });
});
