/**
 * `metadata` values are relayed to the provider, which keeps them (dashboard, stored completions, the Responses
 * echo) though the model never reads them. They went upstream in clear whatever the policy: an e-mail address in
 * a tag reached the provider while the same address in the prompt was pseudonymized. Now the identifier detectors
 * (PII, rules) read them and the input policy applies; classifiers do not (an instruction-like tag is not a prompt).
 * A Responses object gives the metadata back as the client sent it.
 */
import { describe, expect, it } from 'vitest';
import { gatewayOverFake } from '../fixtures/gateway-suite.js';
import { EMAIL, INJECTION } from '../fixtures/guard-payloads.js';

const suite = gatewayOverFake({ audit: { enabled: false } });

async function post(path: string, body: Record<string, unknown>): Promise<{ status: number; json: Record<string, unknown>; raw: string }> {
  const { status, text: raw } = await suite.post(path, body);
  return { status, json: body.stream === true ? {} : (JSON.parse(raw) as Record<string, unknown>), raw };
}

const METADATA = { ticket: 'T-1042', contact: `mail ${EMAIL}` };

describe('metadata values', () => {
  it.each([
    ['/chat/completions', { messages: [{ role: 'user', content: 'hi' }], store: true }],
    ['/responses', { input: 'hi' }],
    ['/completions', { prompt: 'hi' }],
    ['/embeddings', { input: 'hi' }],
  ])('%s: an e-mail address in a value never reaches the upstream; other values are relayed as sent', async (path, body) => {
    const { status } = await post(path, { ...body, metadata: METADATA });
    expect(status).toBe(200);
    const upstream = suite.fake.requests[0]!;
    expect(upstream.raw).not.toContain(EMAIL);
    const sent = upstream.body.metadata as Record<string, string>;
    expect(sent.ticket).toBe('T-1042');
    expect(sent.contact.startsWith('mail ')).toBe(true);
    expect(sent.contact).not.toBe(METADATA.contact);
  });

  it('a Responses answer echoes the metadata as the client sent it, streamed and not', async () => {
    const { json } = await post('/responses', { input: 'hi', metadata: METADATA });
    expect(json.metadata).toEqual(METADATA);
    const { raw } = await post('/responses', { input: 'hi', metadata: METADATA, stream: true });
    const echoed = raw
      .split('\n\n')
      .map((frame) => frame.split('\n').find((l) => l.startsWith('data: '))?.slice(6))
      .filter((d): d is string => d !== undefined)
      .map((d) => (JSON.parse(d) as { response?: { metadata?: unknown } }).response?.metadata)
      .filter((m) => m !== undefined);
    expect(echoed.length).toBeGreaterThanOrEqual(2);
    for (const metadata of echoed) expect(metadata).toEqual(METADATA);
    for (const r of suite.fake.requests) expect(r.raw).not.toContain(EMAIL);
  });

  it('is not read by the classifiers: an instruction-like value is relayed, not blocked', async () => {
    const { status } = await post('/chat/completions', { messages: [{ role: 'user', content: 'hi' }], metadata: { note: INJECTION } });
    expect(status).toBe(200);
    expect((suite.fake.requests[0]!.body.metadata as { note: string }).note).toBe(INJECTION);
  });
});
