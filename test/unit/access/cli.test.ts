import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../src/config/loader.js';
import { createKey, describeKey, parseExpiry, rotateKey, UsageError } from '../../../src/cli/keys.js';
import { diagnose, isLoopbackHost } from '../../../src/cli/doctor.js';
import { FileKeyStore } from '../../../src/store/key-store/file.js';
import { verifyApiKey } from '../../../src/auth/api-keys.js';

const run = promisify(execFile);
const BIN = new URL('../../../bin/sealgate.mjs', import.meta.url).pathname;

describe('sealgate keys', () => {
  it('creates a key with models, CIDRs, expiry and limits, storing only its hash', async () => {
    const store = new FileKeyStore(join(mkdtempSync(join(tmpdir(), 'sealgate-cli-')), 'keys.json'));
    const now = new Date('2026-06-01T00:00:00Z');
    const { key, record } = await createKey(store, { tenant: 'acme', models: ['a,b', 'c'], cidrs: ['10.0.0.0/8', '::1'], expires: '30d', limits: { requestsPerMinute: 5 } }, now);
    expect(record).toMatchObject({ tenantId: 'acme', models: ['a', 'b', 'c'], allowedCidrs: ['10.0.0.0/8', '::1'], expiresAt: '2026-07-01T00:00:00.000Z', limits: { requestsPerMinute: 5 } });
    expect(verifyApiKey(key, record.hash)).toBe(true);
    expect(JSON.stringify(await store.list())).not.toContain(key);
  });

  it('rotates a key: same settings, new secret, the old key expires after the grace period (never later than before)', async () => {
    const store = new FileKeyStore(join(mkdtempSync(join(tmpdir(), 'sealgate-cli-')), 'keys.json'));
    const now = new Date('2026-06-01T00:00:00Z');
    const { record: old } = await createKey(store, { tenant: 'acme', name: 'svc', models: ['a'], cidrs: ['10.0.0.0/8'], limits: { requestsPerMinute: 9 } }, now);
    const rotated = await rotateKey(store, old.id, '2h', now);
    expect(rotated.record).toMatchObject({ tenantId: 'acme', name: 'svc', models: ['a'], allowedCidrs: ['10.0.0.0/8'], limits: { requestsPerMinute: 9 } });
    expect(rotated.record.id).not.toBe(old.id);
    expect(verifyApiKey(rotated.key, rotated.record.hash)).toBe(true);
    expect((await store.get(old.id))?.expiresAt).toBe('2026-06-01T02:00:00.000Z');
    await rotateKey(store, old.id, '7d', now);
    expect((await store.get(old.id))?.expiresAt).toBe('2026-06-01T02:00:00.000Z');
    await store.update(old.id, { revokedAt: now.toISOString() });
    await expect(rotateKey(store, old.id, '1h', now)).rejects.toThrow(/revoked/);
    await expect(rotateKey(store, 'knope', '1h', now)).rejects.toThrow(/no key/);
  });

  it('rejects bad input with a message naming the flag', async () => {
    const store = new FileKeyStore(join(mkdtempSync(join(tmpdir(), 'sealgate-cli-')), 'keys.json'));
    await expect(createKey(store, { tenant: 'has space' })).rejects.toThrow(/--tenant/);
    await expect(createKey(store, { tenant: 'a', cidrs: ['10.0.0.0/40'] })).rejects.toThrow(/--cidr/);
    await expect(createKey(store, { tenant: 'a', expires: 'tomorrow-ish' })).rejects.toThrow(UsageError);
    expect(() => parseExpiry('2001-01-01')).toThrow(/past/);
    expect(parseExpiry('12h', new Date(0)).toISOString()).toBe('1970-01-01T12:00:00.000Z');
  });

  it('an explicitly empty --models or --cidr is refused, not widened to every model / any source', async () => {
    // `--models "$MODELS"` with MODELS unset, or `--models ,`: the key was created with models '*' (exit 0).
    const store = new FileKeyStore(join(mkdtempSync(join(tmpdir(), 'sealgate-cli-')), 'keys.json'));
    await expect(createKey(store, { tenant: 'acme', models: [''] })).rejects.toThrow(/--models: no model given/);
    await expect(createKey(store, { tenant: 'acme', models: [' , '] })).rejects.toThrow(/--models/);
    await expect(createKey(store, { tenant: 'acme', cidrs: [','] })).rejects.toThrow(/--cidr: no network given/);
    expect(await store.list()).toEqual([]);
    // Omitted flags keep their documented meaning.
    expect((await createKey(store, { tenant: 'acme' })).record).toMatchObject({ models: '*', allowedCidrs: [] });
  });

  it('rotation copies the model scope exactly: a key allowed no model is not replaced by one allowed every model', async () => {
    const store = new FileKeyStore(join(mkdtempSync(join(tmpdir(), 'sealgate-cli-')), 'keys.json'));
    const now = new Date('2026-06-01T00:00:00Z');
    // A scope emptied by an administrator (keys file edited, Redis record set): rotation gave the new key '*'.
    const { record } = await createKey(store, { tenant: 'acme', models: ['a'] }, now);
    await store.create({ ...record, id: 'knomodels00', models: [] });
    expect((await rotateKey(store, 'knomodels00', '1h', now)).record.models).toEqual([]);
  });

  it('an expired key is not rotated into a key that never expires', async () => {
    const store = new FileKeyStore(join(mkdtempSync(join(tmpdir(), 'sealgate-cli-')), 'keys.json'));
    const created = new Date('2026-06-01T00:00:00Z');
    const { record } = await createKey(store, { tenant: 'acme', expires: '1d' }, created);
    const later = new Date('2026-06-05T00:00:00Z');
    await expect(rotateKey(store, record.id, '1h', later)).rejects.toThrow(/has expired/);
    expect((await store.list()).length).toBe(1);
    // Before it expires, the replacement keeps the same end.
    expect((await rotateKey(store, record.id, '1h', created)).record.expiresAt).toBe('2026-06-02T00:00:00.000Z');
  });

  it('an expiry past the last valid date is a usage error, not a RangeError', () => {
    expect(() => parseExpiry('99999999999d')).toThrow(UsageError);
    expect(() => parseExpiry('99999999999d')).toThrow(/too far in the future/);
  });

  it('lists status, last use and source IPs', () => {
    const config = validateConfig({ access: { disableUnusedAfterDays: 30 } });
    const base = { id: 'k1', tenantId: 'acme', hash: 'x', allowedCidrs: [], models: '*' as const };
    const now = new Date('2026-06-01T00:00:00Z');
    const stale = describeKey({ ...base, createdAt: '2026-01-01T00:00:00Z', usage: { lastUsedAt: '2026-04-01T00:00:00Z', lastSourceIps: ['10.0.0.9'] } }, config, now);
    expect(stale).toMatchObject({ status: 'disabled_unused', lastUsed: '2026-04-01T00:00:00Z', lastSourceIps: ['10.0.0.9'] });
  });

  it('runs end to end through the CLI binary: create prints the key once, list never shows it, revoke works', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sealgate-cli-'));
    const configFile = join(dir, 'sealgate.config.json');
    writeFileSync(configFile, JSON.stringify({ access: { keysFile: join(dir, 'keys.json') } }));
    const env = { ...process.env, REDIS_URL: '', SEALGATE_CONFIG: '' };
    const created = await run('node', [BIN, 'keys', '-c', configFile, 'create', '--tenant', 'acme', '--models', 'm1'], { env, cwd: dir });
    const key = created.stdout.trim();
    expect(key).toMatch(/^sg-k[a-z0-9]{11}_/);
    expect(created.stderr).toMatch(/shown only once/);
    const listed = JSON.parse((await run('node', [BIN, 'keys', '-c', configFile, 'list', '--json'], { env, cwd: dir })).stdout);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ tenant: 'acme', status: 'active', models: ['m1'] });
    expect(JSON.stringify(listed)).not.toContain(key);
    await run('node', [BIN, 'keys', '-c', configFile, 'revoke', listed[0].id], { env, cwd: dir });
    const after = JSON.parse((await run('node', [BIN, 'keys', '-c', configFile, 'list', '--json'], { env, cwd: dir })).stdout);
    expect(after[0].status).toBe('revoked');
    await expect(run('node', [BIN, 'keys', '-c', configFile, 'revoke', 'knope'], { env, cwd: dir })).rejects.toMatchObject({ stderr: expect.stringMatching(/no key with id knope/) });
  }, 60_000);
});

describe('sealgate doctor', () => {
  const codes = (input: Record<string, unknown>, env: NodeJS.ProcessEnv = {}) => diagnose(validateConfig(input), env).map((w) => w.code);

  it('knows loopback hosts', () => {
    for (const h of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.8.0.1']) expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['0.0.0.0', '::', '10.0.0.1', 'example.com']) expect(isLoopbackHost(h)).toBe(false);
  });

  it('is quiet for the default loopback config', () => {
    expect(codes({})).toEqual([]);
  });

  it('flags exposure without TLS and the dev key beyond loopback', () => {
    expect(codes({ server: { host: '0.0.0.0' } })).toEqual(['plaintext_beyond_loopback', 'dev_key_exposed', 'metrics_open']);
    // Beyond loopback, /metrics (tenant ids, models, rates) wants a scrape token too.
    expect(codes({ server: { host: '0.0.0.0', tls: { certFile: 'c', keyFile: 'k' } }, access: { devMode: false } })).toEqual(['metrics_open']);
    expect(codes({ server: { host: '0.0.0.0', tls: { certFile: 'c', keyFile: 'k' }, metrics: { tokenEnv: 'SCRAPE_TOKEN' } }, access: { devMode: false } }, { SCRAPE_TOKEN: 't' })).toEqual([]);
  });

  it('flags plain-HTTP upstreams to non-loopback hosts only', () => {
    const provider = (baseUrl: string) => ({ upstream: { providers: [{ name: 'p', type: 'openai', baseUrl, models: ['m'] }] } });
    expect(codes(provider('http://llm.internal:8000/v1'))).toEqual(['upstream_plain_http']);
    expect(codes(provider('http://127.0.0.1:8000/v1'))).toEqual([]);
    expect(codes(provider('https://api.openai.com/v1'))).toEqual([]);
  });

  it('flags Redis without TLS across the network, per-instance token secrets and unused mTLS mappings', () => {
    expect(codes({ redisUrl: 'redis://cache.internal:6379' })).toEqual(['redis_plain', 'hash_key_per_instance', 'token_secret_per_instance']);
    expect(codes({ redisUrl: 'redis://127.0.0.1:6379' }, { SEALGATE_TOKEN_SECRET: 'x'.repeat(32), SEALGATE_HASH_KEY: 'h'.repeat(32) })).toEqual([]);
    // Relayed end-user ids are a choice the operator should see; dropped ones need no key.
    expect(codes({ privacy: { endUserIds: 'relay' } })).toEqual(['end_user_ids_relayed']);
    expect(codes({ redisUrl: 'redis://127.0.0.1:6379', privacy: { endUserIds: 'drop' } }, { SEALGATE_TOKEN_SECRET: 'x'.repeat(32) })).toEqual([]);
    expect(codes({ access: { mtls: { clients: [{ subjectCN: 'svc', tenant: 'acme' }] } } })).toEqual(['mtls_mapping_unused']);
    expect(codes({ server: { trustProxy: true } })).toEqual(['trust_any_proxy']);
  });

  it('flags switched-off detectors and fail-open guardrails from the real guardrails section', () => {
    expect(codes({ guardrails: { detectors: { pii: { enabled: false } }, failOpen: true } })).toEqual(['detector_off', 'guardrails_fail_open']);
    expect(codes({ guardrails: { input: { enabled: false } }, audit: { enabled: false } })).toEqual(['guardrails_off', 'audit_off']);
  });

  it('flags guardrails or audit switched off (whatever shape their sections take)', () => {
    const base = validateConfig({});
    // Those sections belong to other rooms; an `enabled: false` switch anywhere they define one is reported.
    const off = { ...base, guardrails: { enabled: false, output: { enabled: false } }, audit: { enabled: false } } as unknown as typeof base;
    expect(diagnose(off, {}).map((w) => `${w.code}:${w.field}`)).toEqual([
      'guardrails_off:guardrails.enabled',
      'guardrails_off:guardrails.output.enabled',
      'audit_off:audit.enabled',
    ]);
  });
});
