/**
 * QA round 4: server.tls.clientCert 'optional' or 'required' without caFile was accepted. node then
 * verifies client certificates against its public root store, so a certificate any public CA issued
 * (S/MIME, client-auth) with a mapped subject CN authenticated as that tenant, and `sealgate doctor`
 * said the mappings were unused. Such a config is now refused, naming the field.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, validateConfig } from '../../src/config/loader.js';

const tls = (extra: Record<string, unknown>) => ({ server: { tls: { certFile: '/x/server.crt', keyFile: '/x/server.key', ...extra } } });

describe('client certificates need the CA that signs them', () => {
  it.each(['optional', 'required'])('refuses clientCert %s without caFile, naming server.tls.caFile', (clientCert) => {
    expect(() => validateConfig(tls({ clientCert }), 'test')).toThrow(ConfigError);
    expect(() => validateConfig(tls({ clientCert }), 'test')).toThrow(/server\.tls\.caFile/);
  });

  it('accepts clientCert with caFile, and TLS without client certificates', () => {
    expect(validateConfig(tls({ clientCert: 'required', caFile: '/x/ca.crt' }), 'test').server.tls?.clientCert).toBe('required');
    expect(validateConfig(tls({}), 'test').server.tls?.clientCert).toBe('none');
  });
});
