/**
 * QA round 5: a stream whose upstream failed after the 200 went out (the client got an in-stream error
 * event, no [DONE]) was audited as outcome "allowed": the outcome looked at the HTTP status only, so
 * `sealgate audit query --outcome failed` missed every failed stream (seen in a sealgate serve trail: a
 * record with status 200, errorCode upstream_error, outcome allowed). A stream the client itself left
 * early is still not a failure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';
import { auditRequestRecord } from '../fixtures/audit.js';

let fake: FakeUpstream;
let gw: TestGateway;

beforeAll(async () => {
  fake = await startFakeUpstream();
  gw = await startGateway({ guardrails: { enabled: false }, upstream: { providers: [fakeProvider(fake)], retries: { maxAttempts: 1 } } });
});
afterAll(async () => {
  await gw?.close();
  await fake?.close();
});

async function streamedChat(): Promise<{ requestId: string | null; text: string }> {
  const res = await fetch(`${gw.baseURL}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'fake-model', stream: true, messages: [{ role: 'user', content: 'one two three four five six' }] }),
  });
  expect(res.status).toBe(200);
  return { requestId: res.headers.get('x-request-id'), text: await res.text() };
}

async function recordOf(requestId: string | null): Promise<Record<string, unknown>> {
  await gw.running.gateway.deps.audit!.trail.drain();
  const record = auditRequestRecord(gw.config.audit.file.dir, requestId);
  expect(record).toBeDefined();
  return record!;
}

describe('the audit outcome of a streamed request', () => {
  it('is failed when the upstream dies mid-stream', async () => {
    fake.script({ kind: 'reset_mid_stream', afterChunks: 2 });
    const { requestId, text } = await streamedChat();
    expect(text).toContain('"upstream_error"');
    expect(text).not.toContain('[DONE]');
    expect(await recordOf(requestId)).toMatchObject({ status: 200, errorCode: 'upstream_error', outcome: 'failed' });
  });

  it('is allowed when the stream completes', async () => {
    const { requestId, text } = await streamedChat();
    expect(text).toContain('[DONE]');
    expect(await recordOf(requestId)).toMatchObject({ status: 200, outcome: 'allowed' });
  });
});
