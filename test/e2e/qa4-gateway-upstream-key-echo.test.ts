/**
 * QA round 4: an upstream 4xx explanation is relayed to the client (it is about the request), but some
 * OpenAI-compatible servers (proxies in front of a provider) echo the credential they were sent in it
 * ("Invalid model for key sk-…"). The gateway relayed that text as it was, upstream key included.
 * The configured key (and extra header values) are now redacted from every relayed field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { CORE_ONLY, fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';

const UPSTREAM_KEY = 'sk-upstream-qa4-8f3a9c2e7b1d4f60a5e9';
const ORG_HEADER = 'org-qa4-secret-1234567';
let fake: FakeUpstream;
let gw: TestGateway;

beforeAll(async () => {
  process.env.QA4_UPSTREAM_KEY = UPSTREAM_KEY;
  fake = await startFakeUpstream({ apiKey: UPSTREAM_KEY });
  gw = await startGateway(
    { ...CORE_ONLY, upstream: { providers: [{ ...fakeProvider(fake, { apiKeyEnv: 'QA4_UPSTREAM_KEY' }), headers: { 'openai-organization': ORG_HEADER } }] } },
    { env: { QA4_UPSTREAM_KEY: UPSTREAM_KEY } },
  );
});

afterAll(async () => {
  delete process.env.QA4_UPSTREAM_KEY;
  await gw?.close();
  await fake?.close();
});

describe('a relayed upstream 4xx', () => {
  it('keeps its explanation but never the upstream key or header values', async () => {
    fake.script({ kind: 'status', status: 400, message: `Model not allowed for key ${UPSTREAM_KEY} (org ${ORG_HEADER})`, code: `bad_key_${UPSTREAM_KEY}` });
    const res = await fetch(`${gw.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'fake-model', messages: [{ role: 'user', content: 'x' }] }),
    });
    expect(fake.requests.at(-1)?.headers.authorization).toBe(`Bearer ${UPSTREAM_KEY}`); // the key was really sent
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).not.toContain(UPSTREAM_KEY);
    expect(text).not.toContain(ORG_HEADER);
    expect(JSON.parse(text)).toMatchObject({ error: { message: 'Model not allowed for key [redacted] (org [redacted])', code: 'bad_key_[redacted]' } });
  });
});
