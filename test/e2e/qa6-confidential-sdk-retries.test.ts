/**
 * What docs/PROTOCOL.md §5 says an untrusted main thread can make a client do (QA round 6): the openai
 * SDK retries every call whose fetch threw, each retry a new sealed request and a new model call. A
 * tampered answer is no longer thrown: the client answers it as a non-retryable 502, so one flipped bit
 * costs one model call whatever maxRetries is (it cost 3 with the defaults before).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APIError } from 'openai';
import { ask, sealedOnly, startConfidentialGateway, type ConfidentialSetup } from './confidential-fixture.js';

let setup: ConfidentialSetup;

beforeAll(async () => {
  setup = await startConfidentialGateway({ guardrails: { enabled: false } });
}, 60_000);
afterAll(async () => {
  await setup?.close();
});

/** The last sealed byte flipped: the final frame fails its tag check at the client. */
const flipLastByte = sealedOnly<Uint8Array>((bytes) => {
  const copy = bytes.slice();
  copy[copy.length - 1]! ^= 1;
  return copy;
});

async function modelCalls(maxRetries: number): Promise<{ calls: number; error: unknown }> {
  const before = setup.fake.requests.length;
  const error = await setup.client({ maxRetries, onResponseBytes: flipLastByte }).openai.chat.completions.create(ask('hello')).catch((e: unknown) => e);
  return { calls: setup.fake.requests.length - before, error };
}

describe('SDK retries of a spoiled sealed answer', () => {
  it('with the SDK default of 2 retries, one flipped bit costs 1 model call', async () => {
    const { calls, error } = await modelCalls(2);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 502, type: 'confidential_answer_refused', code: 'decryption_failed' });
    expect(calls).toBe(1);
  }, 60_000);

  it('with maxRetries: 0, one', async () => {
    const { calls, error } = await modelCalls(0);
    expect(error).toMatchObject({ status: 502, code: 'decryption_failed' });
    expect(calls).toBe(1);
  });
});
