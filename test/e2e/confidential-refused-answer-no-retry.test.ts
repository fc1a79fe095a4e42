/**
 * A sealed answer that fails its integrity check is an attack or a bug, not a transient fault: the
 * confidential client answers it as a non-retryable 502 (`x-should-retry: false`, the ProtocolError's
 * code), so the openai SDK with its default retries surfaces one clear error and the prompt goes
 * upstream once. Before, the client threw, the SDK read it as a network fault and sealed the prompt
 * again: 3 model calls per flipped bit. The tampering host here is a real HTTP proxy between the
 * client (default node:http transport) and the gateway.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import OpenAI, { APIError } from 'openai';
import { createConfidentialFetch, REFUSED_ANSWER_HEADER } from '../../src/client/index.js';
import { startTamperProxy, type TamperProxy } from '../fixtures/tamper-proxy.js';
import { ask, startConfidentialGateway, type ConfidentialSetup } from './confidential-fixture.js';

let setup: ConfidentialSetup;
let flipLast: TamperProxy;
let flipFirstFrame: TamperProxy;

beforeAll(async () => {
  setup = await startConfidentialGateway({ guardrails: { enabled: false } });
  flipLast = await startTamperProxy(setup.gw.url, {
    edit: (body) => {
      const copy = Buffer.from(body);
      copy[copy.length - 1]! ^= 1;
      return copy;
    },
  });
  // The first sealed byte after the head and the first frame's type and length: the first frame fails.
  flipFirstFrame = await startTamperProxy(setup.gw.url, {
    edit: (body) => {
      const copy = Buffer.from(body);
      copy[Math.min(copy.length - 1, 40)]! ^= 1;
      return copy;
    },
  });
}, 60_000);
afterAll(async () => {
  await flipLast?.close();
  await flipFirstFrame?.close();
  await setup?.close();
});

/** The openai SDK with its default retries (2), through the proxy, with the default transport. */
function sdkVia(proxy: TamperProxy): OpenAI {
  const fetch = createConfidentialFetch({ gatewayUrl: proxy.url, rootPublicKey: setup.rootPublicKey, allowedMeasurements: [setup.measurement] });
  return new OpenAI({ apiKey: setup.gw.apiKey, baseURL: `${proxy.url}/v1`, fetch, timeout: 20_000 });
}

describe('a tampered sealed answer is not retried', () => {
  it('non-streamed: one model call, a 502 APIError naming decryption_failed', async () => {
    const before = setup.fake.requests.length;
    const error = await sdkVia(flipLast).chat.completions.create(ask('hello')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 502, code: 'decryption_failed', type: 'confidential_answer_refused' });
    expect((error as APIError).message).toMatch(/refused by the confidential client.*not retried/);
    expect((error as APIError).headers?.get('x-should-retry')).toBe('false');
    expect(setup.fake.requests.length - before).toBe(1);
  }, 60_000);

  it('streamed, first frame spoiled: create() fails once with the same error, one model call', async () => {
    setup.fake.script({ kind: 'ok', text: 'alpha beta gamma delta' });
    const before = setup.fake.requests.length;
    const error = await sdkVia(flipFirstFrame)
      .chat.completions.create({ ...ask('s'), stream: true })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'decryption_failed' });
    expect(setup.fake.requests.length - before).toBe(1);
  }, 60_000);

  it('a fetch caller gets the 502 as a Response, marked as the client\'s own refusal', async () => {
    const fetch = createConfidentialFetch({ gatewayUrl: flipLast.url, rootPublicKey: setup.rootPublicKey, allowedMeasurements: [setup.measurement] });
    const response = await fetch(`${flipLast.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${setup.gw.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(ask('direct')),
    });
    expect(response.status).toBe(502);
    expect(response.headers.get(REFUSED_ANSWER_HEADER)).toBe('decryption_failed');
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({ type: 'confidential_answer_refused', code: 'decryption_failed', param: null });
    expect(JSON.stringify(body)).not.toContain('direct');
  }, 60_000);
});
