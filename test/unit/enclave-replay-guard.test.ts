import { describe, expect, it } from 'vitest';
import { ReplayGuard } from '../../enclave-sim/replay-guard.js';

const WINDOW = 60_000;
const T = 1_800_000_000_000;

describe('the enclave replay guard', () => {
  it('accepts an id once within the window, and refuses its replay', () => {
    const guard = new ReplayGuard(WINDOW, 100);
    guard.checkTimestamp(T, T + 5);
    expect(guard.claim('acme\0id-1', T, T + 5)).toBe(true);
    expect(guard.claim('acme\0id-1', T, T + 30_000)).toBe(false);
    expect(guard.claim('acme\0id-2', T, T + 30_000)).toBe(true);
  });

  it('refuses a timestamp outside the window, so an id swept after it cannot come back', () => {
    const guard = new ReplayGuard(WINDOW, 100);
    expect(guard.claim('a', T, T)).toBe(true);
    // Past the window the id is swept, and its replay is refused as stale before any lookup.
    expect(guard.claim('b', T + WINDOW + 2_000, T + WINDOW + 2_000)).toBe(true);
    expect(guard.size).toBe(1);
    expect(() => guard.checkTimestamp(T, T + WINDOW + 2_000)).toThrow(expect.objectContaining({ code: 'stale_timestamp' }));
    expect(() => guard.checkTimestamp(T + WINDOW + 2_001 + WINDOW, T)).toThrow(expect.objectContaining({ code: 'stale_timestamp' }));
  });

  it('stays bounded: when full it forgets the oldest id and refuses every timestamp up to that id, so no forgotten id is usable', () => {
    const guard = new ReplayGuard(WINDOW, 3);
    for (let i = 0; i < 3; i++) expect(guard.claim(`id-${i}`, T + i, T + 10)).toBe(true);
    expect(guard.claim('id-3', T + 3, T + 10)).toBe(true);
    expect(guard.size).toBe(3);
    // id-0 was forgotten: its replay (same timestamp) is refused before decryption, as stale.
    expect(() => guard.checkTimestamp(T, T + 10)).toThrow(expect.objectContaining({ code: 'stale_timestamp' }));
    // Newer requests still pass; the remembered ones are still refused as replays.
    expect(() => guard.checkTimestamp(T + 1, T + 10)).not.toThrow();
    expect(guard.claim('id-1', T + 1, T + 10)).toBe(false);
    expect(guard.claim('id-4', T + 4, T + 10)).toBe(true);
    expect(() => guard.checkTimestamp(T + 1, T + 10)).toThrow(expect.objectContaining({ code: 'stale_timestamp' }));
  });
});
