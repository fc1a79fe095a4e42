/** QA round 4: config the gateway accepted and then could not serve. */
import { describe, expect, it } from 'vitest';
import { ConfigError, validateConfig } from '../../src/config/loader.js';

const refused = (input: Record<string, unknown>, field: RegExp) => {
  expect(() => validateConfig(input, 'test')).toThrow(ConfigError);
  expect(() => validateConfig(input, 'test')).toThrow(field);
};

describe('token TTLs', () => {
  // A default above the maximum: every POST /v1/tokens without ttl_minutes got 400 "ttl_minutes may be at most N".
  it('refuses a defaultTtlMinutes above maxTtlMinutes', () => {
    refused({ access: { tokens: { defaultTtlMinutes: 15, maxTtlMinutes: 5 } } }, /access\.tokens\.defaultTtlMinutes/);
    expect(validateConfig({ access: { tokens: { defaultTtlMinutes: 5, maxTtlMinutes: 5 } } }, 'test').access.tokens.maxTtlMinutes).toBe(5);
    // Left out, the default follows a lower maximum (it was 15 whatever the maximum).
    expect(validateConfig({ access: { tokens: { maxTtlMinutes: 5 } } }, 'test').access.tokens.defaultTtlMinutes).toBe(5);
    expect(validateConfig({}, 'test').access.tokens).toMatchObject({ defaultTtlMinutes: 15, maxTtlMinutes: 60 });
  });
});
