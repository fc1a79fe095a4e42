/**
 * Confidential mode with a long text: the enclave thread builds its own guardrails, so a text over
 * guardrails.offload.minChars is scanned by the enclave's own scan worker (a child of the enclave
 * thread). The request is guarded as in plain mode (PII pseudonymized before the upstream), and the
 * main thread's scan pool is never started: no plaintext went to a thread the main thread owns.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { longText } from '../../bench/lib/long-text.js';
import { startConfidentialGateway, type ConfidentialSetup } from './confidential-fixture.js';

let setup: ConfidentialSetup;

beforeAll(async () => {
  setup = await startConfidentialGateway({ guardrails: { offload: { minChars: 4096 }, repeatOffenders: { enabled: false } } });
}, 120_000);
afterAll(async () => {
  await setup?.close();
});

describe('a long text in confidential mode', () => {
  it('is guarded inside the enclave; the main thread scan pool stays unused', async () => {
    const phone = '13800138000';
    const content = `${longText('mixed', 64_000, 9)}\nCall me on ${phone}.`;
    const { openai } = setup.client();
    const completion = await openai.chat.completions.create({ model: 'fake-model', messages: [{ role: 'user', content }] }, { timeout: 120_000 });
    expect(completion.choices[0]!.message.content).toContain(phone); // restored in the answer (the fake echoes)
    const upstreamSaw = setup.fake.requests.at(-1)!.raw;
    expect(upstreamSaw.length).toBeGreaterThan(30_000);
    expect(upstreamSaw).not.toContain(phone);
    const main = setup.gw.running.gateway.deps.guardrails!;
    expect(main.scanner.pool).toBeDefined();
    expect(main.scanner.pool!.size).toBe(0);
  }, 180_000);
});
