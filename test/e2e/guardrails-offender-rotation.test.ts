/**
 * Repeat offenders and the end-user id a client chooses. Blocked inputs were counted per API key only
 * with `perKey` (or when no end user was named), so a client sending a fresh `user` with every abusive
 * request was never warned, throttled or suspended, and the default key rules stopped at a throttle.
 * Now the key is always counted with its own, higher bars, including `distinctUsers` (how many end
 * users of the key were blocked in the window): rotating ids is caught at the key, while one abusive
 * end user of a shared key is still stopped by the per-user rules alone, the key untouched.
 * Memory stores and, with REDIS_URL, two gateway instances sharing Redis.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKey } from '../../src/cli/keys.js';
import { guardrailsSection } from '../../src/config/sections/guardrails.js';
import { FileKeyStore } from '../../src/store/key-store/file.js';
import { RedisKeyStore } from '../../src/store/key-store/redis.js';
import type { KeyStore } from '../../src/store/key-store/types.js';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';
import { redisEnabled, requireRedisUrl } from '../redis-env.js';

const TENANT = 'rotation';
const BAD = 'please say forbidden-word';
const GOOD = 'hello there';

function policyDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sg-rotation-'));
  writeFileSync(join(dir, 'default.yaml'), 'input: [ { category: "rules.*", action: block } ]\nrules: { keywords: [ { id: b, terms: ["forbidden-word"] } ] }\n');
  return dir;
}

function overrides(fake: FakeUpstream, dir: string, repeatOffenders: Record<string, unknown> = {}, redisUrl?: string) {
  return {
    ...(redisUrl ? { redisUrl } : {}),
    upstream: { providers: [fakeProvider(fake)] },
    audit: { enabled: false },
    access: { tenants: { [TENANT]: { limits: { requestsPerMinute: 1_000_000, tokensPerMinute: 1_000_000_000, concurrentRequests: 10_000 } } } },
    guardrails: { detectors: {}, policies: { dir, watch: false, reloadOnSighup: false }, repeatOffenders },
  };
}

async function ask(gw: TestGateway, key: string, user: string | undefined, content: string): Promise<{ status: number; code?: string; message?: string }> {
  const res = await fetch(`${gw.baseURL}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'fake-model', ...(user !== undefined ? { user } : {}), messages: [{ role: 'user', content }] }),
  });
  const body = (await res.json()) as { error?: { code?: string; message?: string } };
  return { status: res.status, code: body.error?.code, message: body.error?.message };
}

const fresh = () => `u-${randomUUID()}`;

describe('repeat offenders: a client rotating `user` (memory stores)', () => {
  let fake: FakeUpstream;
  let dir: string;
  const gateways: TestGateway[] = [];

  beforeAll(async () => {
    fake = await startFakeUpstream();
    dir = policyDir();
  });

  afterAll(async () => {
    for (const gw of gateways) await gw.close();
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function gatewayWithKey(repeatOffenders: Record<string, unknown> = {}): Promise<{ gw: TestGateway; key: string; keys: KeyStore }> {
    const gw = await startGateway(overrides(fake, dir, repeatOffenders));
    gateways.push(gw);
    const keys = new FileKeyStore(gw.config.access.keysFile);
    return { gw, key: (await createKey(keys, { tenant: TENANT })).key, keys };
  }

  it('default rules: a fresh `user` per blocked request gets the key throttled at 50 distinct users', async () => {
    const { gw, key, keys } = await gatewayWithKey();
    for (let i = 0; i < 49; i++) expect((await ask(gw, key, fresh(), BAD)).status).toBe(400);
    expect((await ask(gw, key, fresh(), GOOD)).status).toBe(200); // 49 distinct: not yet
    expect((await ask(gw, key, fresh(), BAD)).status).toBe(400); // the 50th: throttle, one request per second
    expect((await ask(gw, key, fresh(), GOOD)).status).toBe(200); // the interval's one request
    const refused = await ask(gw, key, fresh(), GOOD);
    expect(refused).toMatchObject({ status: 429, code: 'violation_throttled' });
    expect(refused.message).toContain('This API key');
    // Another key of the same tenant is not affected.
    const other = (await createKey(keys, { tenant: TENANT })).key;
    expect((await ask(gw, other, fresh(), GOOD)).status).toBe(200);
  });

  it('default rules: one abusive end user of a shared key is throttled on their own; the key and its other users are not', async () => {
    const { gw, key } = await gatewayWithKey();
    const eve = fresh();
    for (let i = 0; i < 5; i++) expect((await ask(gw, key, eve, BAD)).status).toBe(400);
    expect((await ask(gw, key, eve, GOOD)).status).toBe(200); // throttled: the interval's one request
    expect(await ask(gw, key, eve, GOOD)).toMatchObject({ status: 429, code: 'violation_throttled', message: expect.stringContaining('This user') });
    for (let i = 0; i < 5; i++) expect((await ask(gw, key, fresh(), GOOD)).status).toBe(200);
    expect((await ask(gw, key, undefined, GOOD)).status).toBe(200);
  });

  it('per-user suspension still works, and rotating ids after it meets the key rules (distinctUsers → suspend)', async () => {
    const { gw, key } = await gatewayWithKey({
      rules: [{ consecutive: 2, response: 'suspend', durationSeconds: 60 }],
      keyRules: [{ distinctUsers: 4, response: 'suspend', durationSeconds: 60 }],
    });
    const mallory = fresh();
    expect((await ask(gw, key, mallory, BAD)).status).toBe(400);
    expect((await ask(gw, key, mallory, BAD)).status).toBe(400);
    expect(await ask(gw, key, mallory, GOOD)).toMatchObject({ status: 403, code: 'user_suspended', message: expect.stringContaining('This user') });
    // The same person, now under new names: each name is new to the per-user rules, not to the key.
    expect((await ask(gw, key, fresh(), GOOD)).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await ask(gw, key, fresh(), BAD)).status).toBe(400);
    const refused = await ask(gw, key, fresh(), GOOD);
    expect(refused).toMatchObject({ status: 403, code: 'user_suspended' });
    expect(refused.message).toContain('This API key');
  });

  it('a request that names no end user counts on the key as one user: distinctUsers does not grow with it', async () => {
    const { gw, key } = await gatewayWithKey({ rules: [], keyRules: [{ distinctUsers: 2, response: 'suspend', durationSeconds: 60 }] });
    for (let i = 0; i < 5; i++) expect((await ask(gw, key, undefined, BAD)).status).toBe(400);
    expect((await ask(gw, key, undefined, GOOD)).status).toBe(200);
    expect((await ask(gw, key, fresh(), BAD)).status).toBe(400); // a second distinct one
    expect((await ask(gw, key, undefined, GOOD)).status).toBe(403);
  });
});

describe('repeat-offender config', () => {
  it('refuses perKey: false (the rotation bypass) and distinctUsers in per-user rules; accepts perKey: true', () => {
    const perKeyOff = guardrailsSection.safeParse({ repeatOffenders: { perKey: false } });
    expect(perKeyOff.success).toBe(false);
    expect(JSON.stringify(perKeyOff.error?.issues)).toContain('keyRules: []');
    expect(guardrailsSection.safeParse({ repeatOffenders: { rules: [{ distinctUsers: 3, response: 'warn' }] } }).success).toBe(false);
    expect(guardrailsSection.safeParse({ repeatOffenders: { perKey: true } }).success).toBe(true);
    const defaults = guardrailsSection.parse({}).repeatOffenders.keyRules;
    expect(defaults.map((r) => r.response)).toContain('suspend');
    expect(defaults.some((r) => r.distinctUsers !== undefined)).toBe(true);
  });
});

describe.runIf(redisEnabled)('repeat offenders: a client rotating `user` across instances (Redis)', () => {
  let fake: FakeUpstream;
  let dir: string;
  let a: TestGateway;
  let b: TestGateway;
  let keys: RedisKeyStore;

  beforeAll(async () => {
    dir = policyDir();
    fake = await startFakeUpstream();
    const config = overrides(
      fake,
      dir,
      { rules: [{ consecutive: 2, response: 'suspend', durationSeconds: 30 }], keyRules: [{ distinctUsers: 4, response: 'suspend', durationSeconds: 30 }] },
      requireRedisUrl(),
    );
    a = await startGateway(config);
    b = await startGateway(config);
    keys = await RedisKeyStore.connect(requireRedisUrl());
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await keys?.close();
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('distinct users blocked on two instances add up; the key is suspended on both; per-user suspension still works', async () => {
    const { key } = await createKey(keys, { tenant: TENANT });
    const mallory = fresh();
    expect((await ask(a, key, mallory, BAD)).status).toBe(400);
    expect((await ask(b, key, mallory, BAD)).status).toBe(400);
    expect((await ask(a, key, mallory, GOOD)).code).toBe('user_suspended');
    expect((await ask(b, key, fresh(), GOOD)).status).toBe(200); // one persistent offender: the key is fine
    expect((await ask(a, key, fresh(), BAD)).status).toBe(400);
    expect((await ask(b, key, fresh(), BAD)).status).toBe(400);
    expect((await ask(a, key, fresh(), GOOD)).status).toBe(200); // 3 distinct
    expect((await ask(b, key, fresh(), BAD)).status).toBe(400); // 4 distinct: the key is suspended
    for (const gw of [a, b]) {
      const refused = await ask(gw, key, fresh(), GOOD);
      expect(refused).toMatchObject({ status: 403, code: 'user_suspended' });
      expect(refused.message).toContain('This API key');
    }
    // Another key of the tenant is untouched.
    const other = (await createKey(keys, { tenant: TENANT })).key;
    expect((await ask(b, other, fresh(), GOOD)).status).toBe(200);
  });
});
