/**
 * QA round 4: POST /v1/tokens with a ttl_minutes under half a second (0.001) answered 200 with
 * expires_in 0: the lifetime is whole seconds, so the token was minted already expired and its first
 * use got 401 token_expired. It is now a 400 naming ttl_minutes; one second and more work as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORE_ONLY, startGateway, type TestGateway } from '../fixtures/gateway.js';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startGateway({ ...CORE_ONLY });
});
afterAll(async () => {
  await gw?.close();
});

const mint = async (ttl_minutes: number) => {
  const res = await fetch(`${gw.baseURL}/tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ttl_minutes }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

describe('token lifetimes under a second', () => {
  it('are refused instead of minted already expired', async () => {
    const tiny = await mint(0.001);
    expect(tiny.status).toBe(400);
    expect(tiny.body.error).toMatchObject({ param: 'ttl_minutes', code: 'invalid_request' });
  });

  it('one second is the shortest token; longer ones work as before', async () => {
    const second = await mint(1 / 60);
    expect(second.status).toBe(200);
    expect(second.body.expires_in).toBe(1);
    const minute = await mint(1);
    expect(minute.body.expires_in).toBe(60);
    const models = await fetch(`${gw.baseURL}/models`, { headers: { authorization: `Bearer ${minute.body.token}` } });
    expect(models.status).toBe(200);
  });
});
