/**
 * QA round 5: audit records never said which policy decided. A policy's version reads
 * `<tenant>@<hash prefix>` (e.g. default@841c2d2a45beb0c5, also in the x-sealgate-verdict header and the
 * receipt), and the record builder replaced every identifier containing '@' by '[unrecognised]' (meant for
 * e-mail-shaped model names), so every request record had policyVersion "[unrecognised]" (seen in a
 * sealgate serve trail). Served model ids with '@' (Vertex AI style claude-3-5-sonnet@20240620) were lost
 * the same way. An e-mail-shaped name a caller typed still never reaches a record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';
import { auditRequestRecord } from '../fixtures/audit.js';

const VERTEX_STYLE = 'claude-3-5-sonnet@20240620';

let fake: FakeUpstream;
let gw: TestGateway;

beforeAll(async () => {
  fake = await startFakeUpstream();
  gw = await startGateway({ upstream: { providers: [fakeProvider(fake, { models: ['fake-model', VERTEX_STYLE] })] } });
});
afterAll(async () => {
  await gw?.close();
  await fake?.close();
});

async function chat(model: string) {
  return fetch(`${gw.baseURL}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hello there' }] }),
  });
}

async function recordOf(res: Response): Promise<Record<string, unknown>> {
  await gw.running.gateway.deps.audit!.trail.drain();
  const record = auditRequestRecord(gw.config.audit.file.dir, res.headers.get('x-request-id'));
  expect(record).toBeDefined();
  return record!;
}

describe('audit records keep identifiers that contain @', () => {
  it('records the policy version the verdict header names', async () => {
    const res = await chat('fake-model');
    expect(res.status).toBe(200);
    const policy = /policy=(\S+)/.exec(res.headers.get('x-sealgate-verdict') ?? '')?.[1];
    expect(policy).toMatch(/^default@[0-9a-f]{16}$/);
    expect((await recordOf(res)).policyVersion).toBe(policy);
  });

  it('records a served model id with @ in it', async () => {
    const res = await chat(VERTEX_STYLE);
    expect(res.status).toBe(200);
    expect((await recordOf(res)).model).toBe(VERTEX_STYLE);
  });

  it('still drops an e-mail-shaped model name nobody serves', async () => {
    const res = await chat('jane.doe@example.com');
    expect(res.status).toBe(404);
    const record = await recordOf(res);
    expect(JSON.stringify(record)).not.toContain('jane.doe');
  });
});
