/**
 * QA round 6: a Responses request with `background: true` (not streamed) was relayed. The provider answers it at
 * once with `status: "queued"` and no output, and the answer can only be fetched later with GET
 * /v1/responses/{id}, which the gateway does not serve (404 unknown_url): the app was left polling a 404 for a
 * job the provider had started (and bills), or fetched the answer from the provider directly, past the output
 * guard and with its pseudonyms never restored. It is refused up front now (400 naming `background`, nothing
 * sent upstream). A streamed background response is guarded as it streams, so it still goes through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { fakeProvider, postJson, startGateway, type TestGateway } from '../fixtures/gateway.js';
import { readResponsesStream } from '../fixtures/streams.js';

let fake: FakeUpstream;
let gw: TestGateway;

beforeAll(async () => {
  fake = await startFakeUpstream();
  gw = await startGateway({ upstream: { providers: [fakeProvider(fake)] }, audit: { enabled: false } });
});
afterAll(async () => {
  await gw?.close();
  await fake?.close();
});

describe('Responses background mode', () => {
  it('background: true (not streamed) is refused with a 400 naming the field, before the upstream', async () => {
    fake.reset();
    const { status, text } = await postJson(gw, '/responses', { input: 'Summarise the report', background: true });
    expect(status).toBe(400);
    const { error } = JSON.parse(text) as { error: { type: string; code: string; param: string; message: string } };
    expect(error).toMatchObject({ type: 'invalid_request_error', code: 'unsupported_parameter', param: 'background' });
    expect(error.message).toMatch(/GET \/v1\/responses\/\{id\}/);
    expect(fake.requests).toHaveLength(0);
  });

  it('the SDK sees a BadRequestError', async () => {
    await expect(gw.client().responses.create({ model: 'fake-model', input: 'hi', background: true })).rejects.toMatchObject({ status: 400, param: 'background' });
  });

  it('background: false and a streamed background response still go through', async () => {
    expect((await postJson(gw, '/responses', { input: 'hello there', background: false })).status).toBe(200);
    const { types, text } = await readResponsesStream(await gw.client().responses.create({ model: 'fake-model', input: 'hello there', background: true, stream: true }));
    expect(types.at(-1)).toBe('response.completed');
    expect(text).toBe('hello there');
  });
});
