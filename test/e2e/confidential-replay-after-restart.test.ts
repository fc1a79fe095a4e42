/**
 * Replays across an enclave restart (QA of confidential mode): the enclave's replay cache lives in the
 * worker and dies with it, so a captured sealed request must not become usable again after a restart.
 * It cannot: the restarted worker has fresh keys, and the old key id is unknown to it. Handed to the
 * enclave directly (a main thread that skips its own replay check), within the timestamp window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, startConfidentialGateway, type ConfidentialSetup } from './confidential-fixture.js';

let setup: ConfidentialSetup;

beforeAll(async () => {
  setup = await startConfidentialGateway({ guardrails: { enabled: false } });
}, 60_000);
afterAll(async () => {
  await setup?.close();
});

describe('a captured sealed request after the enclave restarts', () => {
  it('is refused as confidential_key_unknown, with no second model call', async () => {
    let captured: Uint8Array | undefined;
    const { openai, fetch: confidentialFetch } = setup.client({
      onRequest: (url, init) => {
        if (url.includes('/v1/confidential/')) captured = new Uint8Array(init.body as Uint8Array).slice();
        return { url, init };
      },
    });
    await openai.chat.completions.create(ask('before the restart'));
    const tenant = (await confidentialFetch.attestation.get(`Bearer ${setup.gw.apiKey}`)).tenant!;
    const keyBefore = setup.host.identity!.keyId;

    const restarted = new Promise<void>((resolve) => setup.host.once('ready', () => resolve()));
    await setup.host.crash();
    await restarted;
    expect(setup.host.identity!.keyId).not.toBe(keyBefore);

    const upstreamCalls = setup.fake.requests.length;
    const replayed = setup.host.handle({
      envelope: captured!,
      tenant,
      route: '/v1/chat/completions',
      surface: 'chat.completions',
      meta: { gatewayRequestId: 'req_replay_after_restart', tenantId: tenant, keyId: 'k' },
    });
    await expect(replayed).rejects.toMatchObject({ status: 400, code: 'confidential_key_unknown' });
    expect(setup.fake.requests.length).toBe(upstreamCalls);
  }, 60_000);
});
