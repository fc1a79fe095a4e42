/**
 * GET /v1/receipts/{id} looks receipts up by the x-request-id, which a client may choose. The store
 * was keyed by that id alone, so another tenant sending a request with the same id overwrote the
 * receipt, and its owner got 404 from then on (a tenant could erase receipts of any request id it
 * knows or guesses, e.g. an app's own trace ids). Receipts are now kept per tenant.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';
import { createKey } from '../../src/cli/keys.js';
import { FileKeyStore } from '../../src/store/key-store/file.js';
import { decodeReceipt } from '../../src/protocol/receipt-token.js';

let fake: FakeUpstream;
let gw: TestGateway;
let otherKey: string;

beforeAll(async () => {
  fake = await startFakeUpstream();
  gw = await startGateway({ upstream: { providers: [fakeProvider(fake)] }, guardrails: { enabled: false } });
  otherKey = (await createKey(new FileKeyStore(gw.config.access.keysFile), { tenant: 'mallory' })).key;
});

afterAll(async () => {
  await gw?.close();
  await fake?.close();
});

const chat = (apiKey: string, requestId: string) =>
  fetch(`${gw.baseURL}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', 'x-request-id': requestId },
    body: JSON.stringify({ model: 'fake-model', messages: [{ role: 'user', content: 'hi' }] }),
  });

const receipt = (apiKey: string, requestId: string) => fetch(`${gw.baseURL}/receipts/${requestId}`, { headers: { authorization: `Bearer ${apiKey}` } });

describe('receipts under a client-chosen request id', () => {
  it("another tenant reusing the id neither replaces nor reveals the owner's receipt", async () => {
    const id = 'order-4711';
    const mine = await chat(gw.apiKey, id);
    expect(mine.headers.get('x-request-id')).toBe(id);
    await mine.text();
    const theirs = await chat(otherKey, id);
    expect(theirs.status).toBe(200);
    await theirs.text();
    await new Promise((resolve) => setImmediate(resolve));

    const owner = await receipt(gw.apiKey, id);
    expect(owner.status).toBe(200);
    const body = (await owner.json()) as { receipt: string };
    expect(decodeReceipt(body.receipt)).toMatchObject({ rid: id, ten: 'dev' });

    const other = await receipt(otherKey, id);
    expect(other.status).toBe(200);
    expect(decodeReceipt(((await other.json()) as { receipt: string }).receipt)).toMatchObject({ rid: id, ten: 'mallory' });
  });
});
