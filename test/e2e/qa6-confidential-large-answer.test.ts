/**
 * A confidential answer larger than one sealed frame (16 MiB, the client's per-frame bound) but within
 * the gateway's upstream.maxResponseBytes (32 MiB) and the client's maxAnswerBytes (64 MiB) must arrive
 * as it does in plain mode (found by QA round 6: the enclave sealed a non-streamed body as one frame,
 * and the client refused it as `malformed_frame`, a tampering error, for an honest ~20 MB answer).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConfidentialGateway, type ConfidentialSetup } from './confidential-fixture.js';

let setup: ConfidentialSetup;

beforeAll(async () => {
  setup = await startConfidentialGateway({ guardrails: { enabled: false } });
}, 60_000);
afterAll(async () => {
  await setup?.close();
});

describe('a sealed answer over 16 MiB', () => {
  it('a ~20 MB non-streamed embeddings answer (float vectors) opens, as in plain mode', async () => {
    // The fake model answers `dimensions` floats per input: 100 × 12,000 floats is ~19.9 MB of JSON.
    const input = Array.from({ length: 100 }, (_, i) => `text number ${i}`);
    const request = { model: 'fake-model', input, dimensions: 12_000, encoding_format: 'float' as const };
    const plain = await fetch(`${setup.gw.baseURL}/embeddings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${setup.gw.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    expect(plain.status).toBe(200);
    expect((await plain.arrayBuffer()).byteLength).toBeGreaterThan(16 * 1024 * 1024);

    const answer = await setup.client().openai.embeddings.create(request);
    expect(answer.data).toHaveLength(100);
    expect(answer.data[99]!.embedding).toHaveLength(12_000);
  }, 60_000);
});
