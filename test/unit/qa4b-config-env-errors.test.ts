/**
 * QA round 4: an invalid value from an environment variable was reported as a fault of the config
 * file ("Invalid config (/srv/sealgate.config.yaml): server.port ..." for SEALGATE_PORT=abc), sending
 * administrators to a file that was fine. The variable is now named; file faults are still the file's.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/loader.js';

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('config errors caused by environment variables name the variable', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sg-qa4b-config-'));
  const file = join(dir, 'sealgate.config.yaml');
  writeFileSync(file, 'server:\n  port: 8080\n');

  it('SEALGATE_PORT=abc blames SEALGATE_PORT, not the (valid) file', () => {
    const error = errorOf(() => loadConfig({ path: file, env: { SEALGATE_PORT: 'abc' }, cwd: dir }));
    expect(error.message).toMatch(/^Invalid config \(environment: SEALGATE_PORT\)/);
    expect(error.message).not.toContain(file);
    expect(error.issues).toEqual([expect.stringMatching(/^server\.port \(environment variable SEALGATE_PORT\): /)]);
  });

  it('names every variable at fault, and never echoes a value', () => {
    const error = errorOf(() =>
      loadConfig({ path: file, env: { SEALGATE_LOG_LEVEL: 'loud', SEALGATE_TLS_CERT: '/x.pem', REDIS_URL: 'not a url:secretpw' }, cwd: dir }),
    );
    expect(error.issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^server\.logLevel \(environment variable SEALGATE_LOG_LEVEL\): /),
        expect.stringMatching(/^server\.tls\.keyFile \(environment variable SEALGATE_TLS_CERT\): /),
        expect.stringMatching(/^redisUrl \(environment variable REDIS_URL\): /),
      ]),
    );
    expect(error.message).not.toContain('secretpw');
    expect(error.message).not.toContain(file);
  });

  it('a fault in the file is still the file, and both are named when both are at fault', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'server:\n  colour: blue\n');
    const fileOnly = errorOf(() => loadConfig({ path: bad, env: { SEALGATE_PORT: '9000' }, cwd: dir }));
    expect(fileOnly.message).toMatch(new RegExp(`^Invalid config \\(${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)`));
    expect(fileOnly.issues).toEqual(['server.colour: unknown field']);
    const both = errorOf(() => loadConfig({ path: bad, env: { SEALGATE_PORT: 'abc' }, cwd: dir }));
    expect(both.message).toContain(bad);
    expect(both.message).toContain('environment: SEALGATE_PORT');
  });

  it('a value replaced by an explicit override is not blamed on the environment', () => {
    const error = errorOf(() => loadConfig({ path: file, env: { SEALGATE_PORT: '9000' }, cwd: dir, overrides: { server: { port: 'x' } } }));
    expect(error.message).not.toContain('SEALGATE_PORT');
  });
});
