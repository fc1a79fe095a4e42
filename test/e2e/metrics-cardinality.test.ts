/**
 * sealgate_requests_total is labelled by model. The label took the request's `model` string as sent,
 * also for models that do not exist or are not allowed (both 404): every distinct string, up to the
 * body limit in length, became a time series kept for the life of the process (memory, and a
 * /metrics page that grows without bound). Models the gateway does not serve are now counted as
 * model="other"; configured ones keep their name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { CORE_ONLY, fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';

let fake: FakeUpstream;
let gw: TestGateway;

beforeAll(async () => {
  fake = await startFakeUpstream({ models: ['fake-model', 'hidden-model'] });
  gw = await startGateway({ ...CORE_ONLY, upstream: { providers: [fakeProvider(fake, { models: ['fake-model', 'hidden-model'] })] }, access: { tenants: { dev: { models: ['fake-model'] } } } });
});

afterAll(async () => {
  await gw?.close();
  await fake?.close();
});

const chat = async (model: string) => {
  const res = await fetch(`${gw.baseURL}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] }),
  });
  await res.text();
  return res.status;
};

describe('metrics: model label', () => {
  it('names configured models and counts unknown ones as "other"', async () => {
    expect(await chat('fake-model')).toBe(200);
    // Answered like an unknown model (no enumeration), but a configured one: it keeps its name.
    expect(await chat('hidden-model')).toBe(404);
    const junk = Array.from({ length: 5 }, (_, i) => `no-such-model-${i}-${'z'.repeat(2000)}`);
    for (const model of junk) expect(await chat(model)).toBe(404);
    const metrics = await (await fetch(`${gw.url}/metrics`)).text();
    const lines = metrics.split('\n').filter((l) => l.startsWith('sealgate_requests_total{'));
    expect(lines.some((l) => l.includes('model="fake-model"') && l.includes('status="200"'))).toBe(true);
    expect(metrics).not.toContain('no-such-model');
    expect(lines.find((l) => l.includes('status="404"') && l.includes('model="other"'))).toMatch(/model="other"\} 5$/);
    expect(lines.find((l) => l.includes('status="404"') && l.includes('model="hidden-model"'))).toMatch(/\} 1$/);
  });
});
