/**
 * QA round 6: the per-request log line printed the request's error code as it was, and a relayed
 * upstream 4xx keeps the upstream's own `code` (the client gets it unchanged): a server that echoes
 * the prompt there ("invalid prompt: … alice@…") put prompt text and PII in the gateway's log. Audit
 * records already kept only identifier-shaped codes; the log line now does the same.
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

const ask = () =>
  fetch(`${gw.baseURL}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'fake-model', messages: [{ role: 'user', content: 'my e-mail is qa6.leak@example-mail.test' }] }),
  });

const requestLines = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request');

describe('the request log line', () => {
  it('does not print an upstream error code that echoes the prompt; the client still gets it', async () => {
    fake.script({ kind: 'status', status: 400, message: 'rejected', code: 'invalid prompt: my e-mail is qa6.leak@example-mail.test' });
    const res = await ask();
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toContain('qa6.leak');
    await new Promise((r) => setTimeout(r, 50)); // the log line is written on 'close'
    expect(lines.join('')).not.toContain('qa6.leak');
    expect(requestLines().at(-1)).toMatchObject({ status: 400, errorCode: '[unrecognised]' });
  });

  it('prints a code-shaped one as it is', async () => {
    fake.script({ kind: 'status', status: 400, message: 'too long', code: 'context_length_exceeded' });
    expect((await ask()).status).toBe(400);
    await new Promise((r) => setTimeout(r, 50));
    expect(requestLines().at(-1)).toMatchObject({ status: 400, errorCode: 'context_length_exceeded' });
  });
});
