/** QA round 5: config the gateway accepted and then could not serve. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, validateConfig } from '../../src/config/loader.js';

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

describe('--config naming a directory', () => {
  // `sealgate doctor -c <dir>` / `serve -c <dir>` crashed with node's EISDIR stack trace instead of a config error.
  it('is a config error naming the path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sealgate-config-dir-'));
    try {
      expect(() => loadConfig({ path: dir, env: {} })).toThrow(ConfigError);
      expect(() => loadConfig({ path: dir, env: {} })).toThrow(/is a directory/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('access.mtls.clients[].tenant', () => {
  // The mapping's tenant was any non-empty string: 'acme corp' or 'acme/x' was accepted, matched no tenant and
  // silently got every model and the default limits.
  it('is checked against the tenant id form, like access.tenants keys', () => {
    for (const tenant of ['acme corp', 'acme/x', 'x'.repeat(65)]) {
      expect(() => validateConfig({ access: { mtls: { clients: [{ subjectCN: 'svc', tenant }] } } }, 'test')).toThrow(/access\.mtls\.clients\.0\.tenant/);
    }
    expect(validateConfig({ access: { mtls: { clients: [{ subjectCN: 'svc', tenant: 'acme' }] } } }, 'test').access.mtls.clients[0]!.tenant).toBe('acme');
  });
});
