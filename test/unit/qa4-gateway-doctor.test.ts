/**
 * QA round 4: a provider whose apiKeyEnv names a variable that is not set sends a placeholder key, so
 * every request fails upstream (401) and clients see 502 upstream_error; `sealgate doctor` (and the
 * start-up warnings of `serve`) said nothing about it. Now reported as upstream_key_missing.
 */
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/loader.js';
import { diagnose } from '../../src/cli/doctor.js';

const config = validateConfig({
  upstream: { providers: [{ name: 'openai', type: 'openai', baseUrl: 'https://api.openai.com/v1', apiKeyEnv: 'QA4_DOCTOR_KEY', models: ['gpt-4o-mini'] }] },
});
const codes = (env: NodeJS.ProcessEnv) => diagnose(config, env).map((w) => `${w.code}:${w.field}`);

describe('doctor and the upstream key', () => {
  it('flags an apiKeyEnv that is unset or empty', () => {
    expect(codes({})).toEqual(['upstream_key_missing:upstream.providers.0.apiKeyEnv']);
    expect(codes({ QA4_DOCTOR_KEY: '' })).toEqual(['upstream_key_missing:upstream.providers.0.apiKeyEnv']);
  });

  it('is quiet when it is set, and for providers that need no key', () => {
    expect(codes({ QA4_DOCTOR_KEY: 'sk-test' })).toEqual([]);
    expect(diagnose(validateConfig({ upstream: { providers: [{ name: 'vllm', type: 'openai', baseUrl: 'http://127.0.0.1:8000/v1', models: ['m'] }] } }), {})).toEqual([]);
  });

  it('never prints the key itself', () => {
    expect(JSON.stringify(diagnose(config, { QA4_DOCTOR_KEY: 'sk-test-secret' }))).not.toContain('sk-test-secret');
  });
});
