/**
 * The enclave's receipt key vouches for what the enclave decided: it must not sign, for the gateway's
 * main thread (the party a confidential client does not trust), a receipt whose verdicts, digests,
 * policy or tenant differ from what the enclave released for that request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConfidentialGateway, type ConfidentialSetup } from './confidential-fixture.js';
import { fromBase64Url, utf8 } from '../../src/protocol/index.js';

describe('enclave receipt signing', () => {
  let setup: ConfidentialSetup;
  beforeAll(async () => {
    setup = await startConfidentialGateway();
  });
  afterAll(async () => {
    await setup.close();
  });

  it('signs only the facts it released for a request', async () => {
    const { openai } = setup.client();
    const { response } = await openai.chat.completions
      .create({ model: 'fake-model', messages: [{ role: 'user', content: 'Call me on 13800138000 please' }] })
      .withResponse();
    const rid = response.headers.get('x-request-id')!;
    await new Promise((r) => setTimeout(r, 100)); // the final receipt is signed just after the answer
    const got = await fetch(`${setup.gw.baseURL}/receipts/${rid}`, { headers: { authorization: `Bearer ${setup.gw.apiKey}` } });
    const { receipt } = (await got.json()) as { receipt: string };
    const genuine = JSON.parse(Buffer.from(fromBase64Url(receipt.split('.')[1]!)).toString('utf8')) as Record<string, unknown>;
    expect((genuine.vd as unknown[]).length).toBeGreaterThan(0);
    expect(genuine.dig).toBeDefined();

    // The same facts, issued a few seconds later with another status (the client went away): signed.
    const later = { ...genuine, iat: (genuine.iat as number) + 5, st: 499 };
    await expect(setup.host.signReceipt(utf8(JSON.stringify(later)))).resolves.toMatchObject({ signingPublicKey: setup.host.identity!.signingPublicKey });

    // The main thread claiming other verdicts, digests or tenant for the request: refused.
    const forgeries = [
      { ...genuine, vd: [] },
      { ...genuine, dig: { in: 'hmac-sha256:' + 'A'.repeat(43) } },
      { ...genuine, ten: 'someone-else' },
      { ...genuine, pv: 'p-forged' },
      // A request the enclave never saw, with verdicts and digests: refused too.
      { ...genuine, rid: 'req_never_seen', iat: genuine.iat },
    ];
    for (const forged of forgeries) {
      await expect(setup.host.signReceipt(utf8(JSON.stringify(forged)))).rejects.toMatchObject({ code: 'receipt_refused' });
    }
    // A receipt that states nothing the enclave decides (no verdicts, digests or policy) is still signed.
    await expect(setup.host.signReceipt(utf8('{"rid":"req_1"}'))).resolves.toBeDefined();
    // The enclave is still serving.
    await openai.chat.completions.create({ model: 'fake-model', messages: [{ role: 'user', content: 'still there?' }] });
  }, 60_000);
});
