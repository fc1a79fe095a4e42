/**
 * End-user ids (`user`, `safety_identifier`) are often e-mail addresses. By default the upstream gets a
 * keyed digest (stable per user, different per user), `relay` sends them as sent, `drop` removes them;
 * a Responses API answer echoes them back as the client sent them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { CORE_ONLY, fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';
import { hashEndUserId } from '../../src/pipeline/end-user-ids.js';
import { ConfigError } from '../../src/config/loader.js';

const ALICE = 'alice.wong@example.com';
const BOB = 'bob@example.com';
const KEY = 'k'.repeat(32);

let fake: FakeUpstream;
const gateways: TestGateway[] = [];
const gatewayWith = async (privacy: Record<string, unknown>, env: NodeJS.ProcessEnv = {}) => {
  const gw = await startGateway({ ...CORE_ONLY, privacy, upstream: { providers: [fakeProvider(fake)] } }, { env });
  gateways.push(gw);
  return gw;
};

beforeAll(async () => {
  fake = await startFakeUpstream();
});
afterAll(async () => {
  await Promise.all(gateways.map((g) => g.close()));
  await fake.close();
});

describe('privacy.endUserIds', () => {
  it('hashes user and safety_identifier by default: stable per user, distinct between users, never the address', async () => {
    const gw = await gatewayWith({}, { SEALGATE_HASH_KEY: KEY });
    const openai = gw.client();
    const from = fake.requests.length;
    await openai.chat.completions.create({ model: 'fake-model', user: ALICE, messages: [{ role: 'user', content: 'hi' }] });
    await openai.chat.completions.create({ model: 'fake-model', user: ALICE, messages: [{ role: 'user', content: 'hi' }] });
    await openai.chat.completions.create({ model: 'fake-model', safety_identifier: BOB, messages: [{ role: 'user', content: 'hi' }] } as never);
    await openai.embeddings.create({ model: 'fake-model', user: ALICE, input: 'hi' });
    const seen = fake.requests.slice(from);
    expect(seen.map((r) => r.raw).join('\n')).not.toMatch(/alice|bob@/);
    const [a1, a2, b, e] = seen.map((r) => r.body);
    expect(a1!.user).toBe(hashEndUserId(ALICE, Buffer.from(KEY)));
    expect(a1!.user).toMatch(/^sg-[A-Za-z0-9_-]{43}$/);
    expect(a2!.user).toBe(a1!.user);
    expect(b!.safety_identifier).toBe(hashEndUserId(BOB, Buffer.from(KEY)));
    expect(b!.safety_identifier).not.toBe(a1!.user);
    expect(e!.user).toBe(a1!.user);
  });

  it('gives the Responses API echo back as the client sent it, streamed and not', async () => {
    const gw = await gatewayWith({});
    const openai = gw.client();
    const from = fake.requests.length;
    const response = await openai.responses.create({ model: 'fake-model', input: 'hi', user: ALICE, safety_identifier: BOB } as never);
    expect(response).toMatchObject({ user: ALICE, safety_identifier: BOB });
    const stream = await openai.responses.create({ model: 'fake-model', input: 'hi', user: ALICE, stream: true });
    const echoed: unknown[] = [];
    for await (const event of stream) if ('response' in event) echoed.push((event.response as { user?: unknown }).user);
    expect(echoed.length).toBeGreaterThanOrEqual(2);
    expect(echoed.every((u) => u === ALICE)).toBe(true);
    expect(fake.requests.slice(from).map((r) => r.raw).join('\n')).not.toContain('alice');
  });

  it('treats prompt_cache_key (often a user id) alike: a stable digest upstream, the echo as sent, removed with drop', async () => {
    const gw = await gatewayWith({}, { SEALGATE_HASH_KEY: KEY });
    const openai = gw.client();
    const from = fake.requests.length;
    await openai.chat.completions.create({ model: 'fake-model', prompt_cache_key: ALICE, messages: [{ role: 'user', content: 'hi' }] } as never);
    await openai.chat.completions.create({ model: 'fake-model', prompt_cache_key: ALICE, messages: [{ role: 'user', content: 'hi' }] } as never);
    const response = await openai.responses.create({ model: 'fake-model', input: 'hi', prompt_cache_key: BOB } as never);
    expect((response as { prompt_cache_key?: unknown }).prompt_cache_key).toBe(BOB);
    const sent = fake.requests.slice(from);
    expect(sent.map((r) => r.raw).join('\n')).not.toMatch(/alice|bob@/);
    expect(sent[0]!.body.prompt_cache_key).toBe(hashEndUserId(ALICE, Buffer.from(KEY)));
    expect(sent[1]!.body.prompt_cache_key).toBe(sent[0]!.body.prompt_cache_key);
    expect(sent[2]!.body.prompt_cache_key).toBe(hashEndUserId(BOB, Buffer.from(KEY)));

    const drop = await gatewayWith({ endUserIds: 'drop' });
    const at = fake.requests.length;
    await drop.client().chat.completions.create({ model: 'fake-model', prompt_cache_key: ALICE, messages: [{ role: 'user', content: 'hi' }] } as never);
    expect(fake.requests[at]!.body).not.toHaveProperty('prompt_cache_key');
  });

  it('relays the ids as sent with relay, and removes them with drop', async () => {
    const relay = await gatewayWith({ endUserIds: 'relay' });
    let from = fake.requests.length;
    await relay.client().chat.completions.create({ model: 'fake-model', user: ALICE, messages: [{ role: 'user', content: 'hi' }] });
    expect(fake.requests[from]!.body.user).toBe(ALICE);

    const drop = await gatewayWith({ endUserIds: 'drop' });
    from = fake.requests.length;
    await drop.client().chat.completions.create({ model: 'fake-model', user: ALICE, safety_identifier: BOB, messages: [{ role: 'user', content: 'hi' }] } as never);
    expect(fake.requests[from]!.body).not.toHaveProperty('user');
    expect(fake.requests[from]!.body).not.toHaveProperty('safety_identifier');
    const response = await drop.client().responses.create({ model: 'fake-model', input: 'hi', user: ALICE });
    expect(response.user).toBe(ALICE);
  });

  it('refuses a non-string safety_identifier with 400 naming the field', async () => {
    const gw = await gatewayWith({});
    const error = await gw
      .client()
      .chat.completions.create({ model: 'fake-model', safety_identifier: 42, messages: [{ role: 'user', content: 'hi' }] } as never)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, param: 'safety_identifier' });
  });

  it('refuses to start with a hash key shorter than 16 characters', async () => {
    const error = await gatewayWith({}, { SEALGATE_HASH_KEY: 'short' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(String((error as Error).message)).toMatch(/privacy.hashKeyEnv: SEALGATE_HASH_KEY must be at least 16 characters/);
    expect(String((error as Error).message)).not.toContain('short');
  });
});

describe('privacy.endUserIds in confidential mode', () => {
  it('hashes the sealed user id inside the enclave before the upstream call', async () => {
    const { startConfidentialGateway } = await import('./confidential-fixture.js');
    const setup = await startConfidentialGateway({ audit: { enabled: false } });
    try {
      const { openai } = setup.client();
      const from = setup.fake.requests.length;
      await openai.chat.completions.create({ model: 'fake-model', user: ALICE, messages: [{ role: 'user', content: 'hello' }] });
      const seen = setup.fake.requests.slice(from);
      expect(seen).toHaveLength(1);
      expect(seen[0]!.body.user).toMatch(/^sg-[A-Za-z0-9_-]{43}$/);
      expect(seen[0]!.raw).not.toContain('alice');
    } finally {
      await setup.close();
    }
  }, 60_000);
});

describe('privacy.hashKeyEnv keys the guardrails hash operator', () => {
  it('hashes a value alike on two gateways sharing SEALGATE_HASH_KEY, differently with another key', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'hash-policy-'));
    writeFileSync(join(dir, 'default.yaml'), 'version: hash-all\ninput:\n  - { category: "pii.*", threshold: 0.3, action: hash }\n');
    const hashing = (env: NodeJS.ProcessEnv) =>
      startGateway({ audit: { enabled: false }, guardrails: { repeatOffenders: { enabled: false }, policies: { dir, watch: false } }, upstream: { providers: [fakeProvider(fake)] } }, { env }).then((gw) => {
        gateways.push(gw);
        return gw;
      });
    const sentUpstream = async (gw: TestGateway): Promise<string> => {
      const from = fake.requests.length;
      await gw.client().chat.completions.create({ model: 'fake-model', messages: [{ role: 'user', content: `Write to ${ALICE} today.` }] });
      return String((fake.requests[from]!.body.messages as { content: string }[])[0]!.content);
    };
    const [one, two, other] = await Promise.all([hashing({ SEALGATE_HASH_KEY: KEY }), hashing({ SEALGATE_HASH_KEY: KEY }), hashing({ SEALGATE_HASH_KEY: 'z'.repeat(32) })]);
    const a = await sentUpstream(one);
    expect(a).not.toContain('alice');
    expect(a).toMatch(/<EMAIL:[0-9a-f]{16}>/);
    expect(await sentUpstream(two)).toBe(a);
    expect(await sentUpstream(other)).not.toBe(a);
  }, 30_000);
});
