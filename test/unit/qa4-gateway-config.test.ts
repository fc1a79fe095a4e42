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

describe('provider base URLs', () => {
  // ftp:// (or any scheme) passed z.string().url(); every request then failed at run time as a 502.
  it('must be http(s)', () => {
    const provider = (baseUrl: string) => ({ upstream: { providers: [{ name: 'p', type: 'openai', baseUrl, models: ['m'] }] } });
    refused(provider('ftp://llm.internal/v1'), /upstream\.providers\.0\.baseUrl/);
    refused(provider('file:///etc/passwd'), /upstream\.providers\.0\.baseUrl/);
    expect(validateConfig(provider('https://api.openai.com/v1'), 'test').upstream.providers[0]).toMatchObject({ baseUrl: 'https://api.openai.com/v1' });
    expect(validateConfig(provider('http://127.0.0.1:8000/v1'), 'test').upstream.providers).toHaveLength(1);
  });
});

describe('CORS origins', () => {
  // A browser's Origin is scheme://host[:port]: 'https://app.example.com/' never equalled it, so that entry allowed no one.
  it('refuses entries that are not a bare origin', () => {
    const cors = (allowedOrigins: string[]) => ({ server: { cors: { allowedOrigins } } });
    refused(cors(['https://app.example.com/']), /server\.cors\.allowedOrigins\.0/);
    refused(cors(['https://app.example.com/app']), /server\.cors\.allowedOrigins\.0/);
    refused(cors(['chrome-extension://abc/popup.html']), /server\.cors\.allowedOrigins\.0/);
    expect(validateConfig(cors(['https://app.example.com', 'http://localhost:3000', 'chrome-extension://abcdef', '*']), 'test').server.cors.allowedOrigins).toHaveLength(4);
  });
});
