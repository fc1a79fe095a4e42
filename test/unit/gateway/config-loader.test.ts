import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/loader.js';

const dir = mkdtempSync(join(tmpdir(), 'sealgate-config-'));
const write = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('loadConfig', () => {
  it('gives secure, working defaults with no file and no env', () => {
    const { config, source } = loadConfig({ env: {}, cwd: dir });
    expect(source).toBeUndefined();
    expect(config.server).toMatchObject({ host: '127.0.0.1', port: 8787, bodyLimit: 1024 * 1024, shutdownGraceMs: 10_000 });
    expect(config.upstream.providers).toEqual([{ name: 'local', type: 'local', models: ['sealgate-demo'] }]);
    expect(config.redisUrl).toBeUndefined();
  });

  it('reads YAML, then env overrides it, then explicit overrides win', () => {
    const path = write(
      'a.yaml',
      'server:\n  port: 9000\n  host: 0.0.0.0\n  bodyLimit: 2mb\nupstream:\n  providers:\n    - { name: up, type: openai, baseUrl: "${UP_URL:-http://127.0.0.1:1/v1}", apiKeyEnv: UP_KEY, models: [m1] }\n',
    );
    const { config, source } = loadConfig({ path, env: { SEALGATE_PORT: '9100', REDIS_URL: 'redis://127.0.0.1:6379' }, cwd: dir });
    expect(source).toBe(path);
    expect(config.server.port).toBe(9100);
    expect(config.server.host).toBe('0.0.0.0');
    expect(config.server.bodyLimit).toBe(2 * 1024 * 1024);
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.upstream.providers[0]).toMatchObject({ baseUrl: 'http://127.0.0.1:1/v1', apiKeyEnv: 'UP_KEY' });
    const overridden = loadConfig({ path, env: { SEALGATE_PORT: '9100', UP_URL: 'https://example.test/v1' }, cwd: dir, overrides: { server: { port: 0 } } });
    expect(overridden.config.server.port).toBe(0);
    expect(overridden.config.upstream.providers[0]).toMatchObject({ baseUrl: 'https://example.test/v1' });
  });

  it('reads JSON files and ./sealgate.config.yaml by default', () => {
    const json = write('b.json', JSON.stringify({ server: { port: 1234 } }));
    expect(loadConfig({ path: json, env: {}, cwd: dir }).config.server.port).toBe(1234);
    const cwd = mkdtempSync(join(tmpdir(), 'sealgate-cwd-'));
    writeFileSync(join(cwd, 'sealgate.config.yaml'), 'server: { port: 4321 }\n');
    expect(loadConfig({ env: {}, cwd }).config.server.port).toBe(4321);
    expect(loadConfig({ env: { SEALGATE_CONFIG: json }, cwd }).config.server.port).toBe(1234);
  });

  it('names the bad field when the config is invalid', () => {
    const bad = write('bad.yaml', 'server:\n  port: 99999\n  colour: blue\nupstream:\n  models:\n    fast: [nowhere/x]\n');
    let error: ConfigError | undefined;
    try {
      loadConfig({ path: bad, env: {}, cwd: dir });
    } catch (err) {
      error = err as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.message).toContain(bad);
    expect(error!.issues).toEqual(expect.arrayContaining([expect.stringMatching(/^server\.port: /), 'server.colour: unknown field']));
    expect(() => loadConfig({ env: { SEALGATE_PORT: 'eighty' }, cwd: dir })).toThrow(/server\.port/);
    expect(() => loadConfig({ env: { SEALGATE_TLS_CERT: '/x.pem' }, cwd: dir })).toThrow(/server\.tls\.keyFile/);
  });

  it('names the bad route target and duplicate providers', () => {
    const bad = write(
      'routes.yaml',
      'upstream:\n  providers:\n    - { name: a, type: local }\n    - { name: a, type: local }\n  models:\n    fast: [b/x, a/nope]\n',
    );
    expect(() => loadConfig({ path: bad, env: {}, cwd: dir })).toThrow(/upstream\.providers\.1\.name: duplicate provider name "a"[\s\S]*upstream\.models\.fast\.0: unknown provider "b"[\s\S]*upstream\.models\.fast\.1: provider "a" does not serve "nope"/);
  });

  it('reports unreadable files and missing explicit files', () => {
    expect(() => loadConfig({ path: join(dir, 'missing.yaml'), env: {}, cwd: dir })).toThrow(/config file not found/);
    const broken = write('broken.yaml', 'server: [unclosed\n');
    expect(() => loadConfig({ path: broken, env: {}, cwd: dir })).toThrow(/cannot parse/);
  });

  it('loads the committed default config (dev mode, local demo model)', () => {
    const { config } = loadConfig({ path: join(process.cwd(), 'sealgate.config.yaml'), env: {}, cwd: dir });
    expect(config.access.devMode).toBe(true);
    expect(config.upstream.providers.map((p) => p.type)).toEqual(['local']);
    expect(config.server.port).toBe(8787);
  });
});
