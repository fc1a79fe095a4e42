/**
 * Repeat offenders shared through Redis: an end user who violates the policy on one gateway instance
 * is suspended on every instance using the same Redis.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';
import { redisEnabled, requireRedisUrl } from '../redis-env.js';

describe.runIf(redisEnabled)('repeat offenders across gateway instances (Redis)', () => {
  let fake: FakeUpstream;
  let a: TestGateway;
  let b: TestGateway;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sg-redis-pol-'));
    writeFileSync(join(dir, 'default.yaml'), 'input: [ { category: "rules.*", action: block } ]\nrules: { keywords: [ { id: b, terms: ["forbidden-word"] } ] }\n');
    fake = await startFakeUpstream();
    const overrides = {
      redisUrl: requireRedisUrl(),
      upstream: { providers: [fakeProvider(fake)] },
      audit: { enabled: false },
      guardrails: {
        detectors: {},
        policies: { dir, watch: false },
        repeatOffenders: { rules: [{ consecutive: 2, response: 'suspend', durationSeconds: 30 }], keyRules: [] },
      },
    };
    a = await startGateway(overrides);
    b = await startGateway(overrides);
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ask = async (gw: TestGateway, user: string, content: string) =>
    (
      await fetch(`${gw.baseURL}/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'fake-model', user, messages: [{ role: 'user', content }] }),
      })
    ).status;

  it('suspends on one instance, refuses on the other; other users unaffected', async () => {
    const user = `u-${randomUUID()}`;
    expect(await ask(a, user, 'say forbidden-word')).toBe(400);
    expect(await ask(a, user, 'forbidden-word again')).toBe(400);
    expect(await ask(b, user, 'hello')).toBe(403);
    expect(await ask(b, `other-${user}`, 'hello')).toBe(200);
  });
});
