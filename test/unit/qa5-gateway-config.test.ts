/** QA round 5: config the gateway accepted and then could not serve. */
import { describe, expect, it } from 'vitest';
import { ConfigError, validateConfig } from '../../src/config/loader.js';

describe('server.bodyLimit', () => {
  // "0", "0kb" or "0.0001kb" passed the size pattern and became 0 bytes: every request with a body got 413
  // (a number 0 was already refused). SEALGATE_BODY_LIMIT=0 did the same.
  it('refuses a size that comes to zero bytes', () => {
    for (const bodyLimit of ['0', '0kb', '0.0001kb', '0 mb']) {
      expect(() => validateConfig({ server: { bodyLimit } }, 'test')).toThrow(ConfigError);
      expect(() => validateConfig({ server: { bodyLimit } }, 'test')).toThrow(/server\.bodyLimit/);
    }
    expect(validateConfig({ server: { bodyLimit: '512kb' } }, 'test').server.bodyLimit).toBe(512 * 1024);
    expect(validateConfig({ server: { bodyLimit: '1b' } }, 'test').server.bodyLimit).toBe(1);
  });
});
