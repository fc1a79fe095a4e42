/**
 * A client may choose its x-request-id, and audit receipts, the header hooks and the audit observer keep their
 * per-request state by that id. Two requests in flight with the same id (an app reusing a trace id, a retry sent
 * before the first attempt ended) read each other's state: the first to finish marked the id's header receipt as
 * final and the other's end then skipped its own final receipt. The second of two concurrent requests now gets
 * a fresh id (reported in x-request-id); an id is free again once its request has ended.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';
import { decodeReceipt } from '../../src/protocol/receipt-token.js';

let fake: FakeUpstream;
let gw: TestGateway;

beforeAll(async () => {
  fake = await startFakeUpstream();
  gw = await startGateway({ upstream: { providers: [fakeProvider(fake)] }, guardrails: { enabled: false } });
});

afterAll(async () => {
  await gw?.close();
  await fake?.close();
});

const chat = (requestId: string, stream: boolean) =>
  fetch(`${gw.baseURL}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json', 'x-request-id': requestId },
    body: JSON.stringify({ model: 'fake-model', stream, messages: [{ role: 'user', content: stream ? 'streamed' : 'plain' }] }),
  });

const storedReceipt = async (requestId: string) => {
  const res = await fetch(`${gw.baseURL}/receipts/${requestId}`, { headers: { authorization: `Bearer ${gw.apiKey}` } });
  expect(res.status).toBe(200);
  return decodeReceipt(((await res.json()) as { receipt: string }).receipt);
};

describe('client-chosen request ids of concurrent requests', () => {
  it('the second concurrent request gets its own id, and each request keeps its own final receipt', async () => {
    const id = 'trace-42';
    // A streamed answer still running while a plain one with the same id starts and ends.
    fake.script({ kind: 'ok', text: 'one two three four five six', chunkDelayMs: 40 }, { kind: 'ok' });
    const streamed = await chat(id, true);
    const plain = await chat(id, false);
    await plain.text();
    await streamed.text();
    await new Promise((resolve) => setTimeout(resolve, 50));

    const streamedId = streamed.headers.get('x-request-id')!;
    const plainId = plain.headers.get('x-request-id')!;
    expect(streamedId).toBe(id);
    expect(plainId).not.toBe(id);
    expect(plainId).toMatch(/^req_[0-9a-f]{32}$/);

    // The stream's final receipt (signed at its end, after its provisional header receipt) is the one stored.
    expect(await storedReceipt(streamedId)).toMatchObject({ rid: streamedId, fin: true });
    expect(await storedReceipt(plainId)).toMatchObject({ rid: plainId, fin: true });
  });

  it('the id is free again once its request has ended', async () => {
    const first = await chat('trace-43', false);
    await first.text();
    await new Promise((resolve) => setImmediate(resolve));
    const second = await chat('trace-43', false);
    await second.text();
    expect(first.headers.get('x-request-id')).toBe('trace-43');
    expect(second.headers.get('x-request-id')).toBe('trace-43');
  });
});
