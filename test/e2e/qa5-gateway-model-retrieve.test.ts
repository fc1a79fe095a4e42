/**
 * QA round 5: a model id the gateway serves was "not found" by GET /v1/models/{id}. Chat, responses,
 * completions and embeddings accept `provider/model` (docs/gateway.md), but the retrieve route only knew
 * the listed ids, so client.models.retrieve('local/sealgate-demo') got 404 model_not_found for a model that
 * a chat request with the same id is served by. A tenant's model allow-list still applies.
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

describe('GET /v1/models/{provider/model}', () => {
  it('retrieves a provider-qualified id that chat requests are served by', async () => {
    const client = gw.client();
    const chat = await client.chat.completions.create({ model: 'local/sealgate-demo', messages: [{ role: 'user', content: 'hi' }] });
    expect(chat.choices[0]!.message.content).toBeTruthy();
    expect(await client.models.retrieve('local/sealgate-demo')).toMatchObject({ id: 'local/sealgate-demo', object: 'model', owned_by: 'local' });
  });

  it('still answers 404 for an id nothing serves', async () => {
    await expect(gw.client().models.retrieve('local/no-such-model')).rejects.toMatchObject({ status: 404 });
    await expect(gw.client().models.retrieve('nobody/sealgate-demo')).rejects.toMatchObject({ status: 404 });
  });
});
