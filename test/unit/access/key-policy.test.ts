import { describe, expect, it } from 'vitest';
import { keyStatus, sourceAllowed } from '../../../src/auth/key-policy.js';
import type { StoredKey } from '../../../src/store/key-store/types.js';

const DAY = 86_400_000;
const created = new Date('2026-01-01T00:00:00Z');

function key(overrides: Partial<StoredKey> = {}): StoredKey {
  return {
    id: 'ktest0000001',
    tenantId: 'acme',
    hash: '0'.repeat(64),
    createdAt: created.toISOString(),
    allowedCidrs: [],
    models: '*',
    usage: { lastSourceIps: [] },
    ...overrides,
  };
}

const at = (days: number) => new Date(created.getTime() + days * DAY);

describe('key status', () => {
  it('is active when fresh', () => {
    expect(keyStatus(key(), at(1), 90)).toBe('active');
  });

  it('expires at expiresAt', () => {
    const k = key({ expiresAt: at(10).toISOString() });
    expect(keyStatus(k, at(9.99), 90)).toBe('active');
    expect(keyStatus(k, at(10), 90)).toBe('expired');
  });

  it('is revoked for good, whatever else is set', () => {
    expect(keyStatus(key({ revokedAt: at(1).toISOString(), enabledAt: at(2).toISOString() }), at(3), 90)).toBe('revoked');
  });

  it('auto-disables keys unused for N days, counting from the last use', () => {
    expect(keyStatus(key(), at(90.5), 90)).toBe('disabled_unused');
    const used = key({ usage: { lastUsedAt: at(50).toISOString(), lastSourceIps: ['10.0.0.1'] } });
    expect(keyStatus(used, at(139), 90)).toBe('active');
    expect(keyStatus(used, at(141), 90)).toBe('disabled_unused');
  });

  it('never auto-disables when the setting is 0', () => {
    expect(keyStatus(key(), at(10_000), 0)).toBe('active');
  });

  it('an administrator re-enabling a key restarts the unused clock and lifts a manual disable', () => {
    expect(keyStatus(key({ enabledAt: at(100).toISOString() }), at(120), 90)).toBe('active');
    expect(keyStatus(key({ disabledAt: at(5).toISOString() }), at(6), 90)).toBe('disabled');
    expect(keyStatus(key({ disabledAt: at(5).toISOString(), enabledAt: at(7).toISOString() }), at(8), 90)).toBe('active');
  });
});

describe('source restriction', () => {
  it('applies the key CIDRs and re-compiles when they change', () => {
    const k = key({ allowedCidrs: ['10.0.0.0/8'] });
    expect(sourceAllowed(k, '10.1.1.1')).toBe(true);
    expect(sourceAllowed(k, '127.0.0.1')).toBe(false);
    expect(sourceAllowed({ ...k, allowedCidrs: ['127.0.0.0/8'] }, '127.0.0.1')).toBe(true);
    expect(sourceAllowed(key(), undefined)).toBe(true);
  });
});
