/**
 * `sealgate keys create --expires 0d` (QA round 5): a zero duration stored a key already expired (status
 * "expired", printed once and useless) while -5d and past dates were refused. Now every form must lie ahead.
 */
import { describe, expect, it } from 'vitest';
import { parseExpiry, UsageError } from '../../src/cli/keys.js';

describe('parseExpiry', () => {
  const now = new Date('2026-11-30T12:00:00.000Z');

  it('refuses a zero duration in any unit', () => {
    for (const text of ['0d', '0h', '0m', '00m', '0 D']) expect(() => parseExpiry(text, now), text).toThrow(UsageError);
  });

  it('still accepts durations and future dates', () => {
    expect(parseExpiry('1m', now).toISOString()).toBe('2026-11-30T12:01:00.000Z');
    expect(parseExpiry('30d', now).toISOString()).toBe('2026-12-30T12:00:00.000Z');
    expect(parseExpiry('2027-01-01', now).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(() => parseExpiry('2026-11-30T12:00:00.000Z', now)).toThrow(/in the past/);
  });
});
