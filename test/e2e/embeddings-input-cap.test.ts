/**
 * Embeddings take at most 2048 inputs a request, as OpenAI's API does. A batch of 80 000 short strings took ~6 s,
 * holding the event loop in the guard (/healthz answered 0.7 s late); it was accepted (found by QA round 5).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORE_ONLY, startGateway, type TestGateway } from '../fixtures/gateway.js';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startGateway({ ...CORE_ONLY, server: { bodyLimit: '1mb' } });
});
afterAll(async () => {
  await gw?.close();
});

const inputs = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`);

describe('embeddings input cap', () => {
  it('2048 inputs are served, 2049 are refused with 400 naming input, as the SDK sees it', async () => {
    const client = gw.client();
    const ok = await client.embeddings.create({ model: 'sealgate-demo', input: inputs(2048) });
    expect(ok.data).toHaveLength(2048);
    await expect(client.embeddings.create({ model: 'sealgate-demo', input: inputs(2049) })).rejects.toMatchObject({ status: 400, param: 'input', type: 'invalid_request_error' });
    await expect(client.embeddings.create({ model: 'sealgate-demo', input: Array.from({ length: 2049 }, () => [1, 2]) })).rejects.toMatchObject({ status: 400, param: 'input' });
  });
});
