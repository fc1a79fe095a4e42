/**
 * QA round 4: the per-request log line carried the request's `model` string even when no provider serves
 * it (404 model_not_found). That string is client text of any length up to the body limit: a 200 KB
 * "model" holding an e-mail address went to stdout whole on every request (metrics label such names
 * "other" and audit records drop them). The log line now leaves it out for unknown models.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { capturingLogger, CORE_ONLY, fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';

let lines: string[] = [];
let fake: FakeUpstream;
let gw: TestGateway;

beforeAll(async () => {
  const capture = capturingLogger('debug');
  lines = capture.lines;
  fake = await startFakeUpstream();
  gw = await startGateway({ ...CORE_ONLY, upstream: { providers: [fakeProvider(fake)] } }, { logger: capture.logger });
});

afterAll(async () => {
  await gw?.close();
  await fake?.close();
});

const ask = (model: string) =>
  fetch(`${gw.baseURL}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] }),
  });

describe('the request log line', () => {
  it('leaves out a model name nobody serves, keeps a served one', async () => {
    const junk = `alice.smith@example.org ${'x'.repeat(200_000)}`;
    const missing = await ask(junk);
    expect(missing.status).toBe(404);
    expect((await ask('fake-model')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 50)); // the log line is written on 'close'
    const all = lines.join('');
    expect(all).not.toContain('alice.smith@example.org');
    expect(all.length).toBeLessThan(20_000);
    const requestLines = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request');
    expect(requestLines.find((l) => l.status === 404)).toMatchObject({ errorCode: 'model_not_found' });
    expect(requestLines.find((l) => l.status === 404)?.model).toBeUndefined();
    expect(requestLines.find((l) => l.status === 200)).toMatchObject({ model: 'fake-model' });
  });
});
