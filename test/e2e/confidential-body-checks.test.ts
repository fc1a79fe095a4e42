/**
 * A sealed body gets the same checks as a plain one (found by QA round 6: the enclave relayed whatever it
 * decrypted, so a background response or a malformed body went to the provider unchecked in confidential mode).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConfidentialGateway, type ConfidentialSetup } from './confidential-fixture.js';

let setup: ConfidentialSetup;
beforeAll(async () => {
  setup = await startConfidentialGateway({ audit: { enabled: false } });
}, 60_000);
afterAll(async () => {
  await setup?.close();
});

describe('sealed request bodies are checked in the enclave', () => {
  it('refuses a background response (not streamed) with 400 unsupported_parameter, nothing sent upstream', async () => {
    const { openai } = setup.client();
    const from = setup.fake.requests.length;
    const err = await openai.responses.create({ model: 'fake-model', input: 'hello', background: true }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 400, code: 'unsupported_parameter', param: 'background' });
    expect(setup.fake.requests.length).toBe(from);
  });

  it('names the bad field with 400, as plain mode does', async () => {
    const { openai } = setup.client();
    const from = setup.fake.requests.length;
    const err = await openai.chat.completions.create({ model: 'fake-model', messages: [{ role: 'wizard', content: 'hi' }] } as never).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 400, code: 'invalid_value', param: 'messages.0.role' });
    const missing = await openai.chat.completions.create({ model: 'fake-model' } as never).catch((e: unknown) => e);
    expect(missing).toMatchObject({ status: 400, code: 'missing_required_parameter', param: 'messages' });
    expect(setup.fake.requests.length).toBe(from);
  });

  it('still serves a valid request', async () => {
    const { openai } = setup.client();
    const answer = await openai.chat.completions.create({ model: 'fake-model', messages: [{ role: 'user', content: 'hello there' }] });
    expect(answer.choices[0]!.message.content).toContain('hello there');
  });
});
