/**
 * A tenant cannot tell a model nobody serves from one its allow-list leaves out: both get OpenAI's
 * 404 `model_not_found` ("The model `x` does not exist or you do not have access to it."), with the
 * same headers, on every surface and streamed or not (a 403 `model_not_allowed` for served models let a
 * tenant list the models other tenants use). The request log keeps the reason apart
 * (`errorCode: model_not_allowed` vs `model_not_found`), and so does the audit record (same field).
 */
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { capturingLogger, CORE_ONLY, fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';

let lines: string[] = [];
let fake: FakeUpstream;
let gw: TestGateway;
// Same length, so the answers can be compared byte for byte once the name is swapped.
const FORBIDDEN = 'other-model';
const UNKNOWN = 'ghost-model';

beforeAll(async () => {
  const capture = capturingLogger('debug');
  lines = capture.lines;
  fake = await startFakeUpstream({ models: ['fake-model', FORBIDDEN] });
  gw = await startGateway(
    { ...CORE_ONLY, upstream: { providers: [fakeProvider(fake, { models: ['fake-model', FORBIDDEN] })] }, access: { tenants: { dev: { models: ['fake-model'] } } } },
    { logger: capture.logger },
  );
});

afterAll(async () => {
  await gw?.close();
  await fake?.close();
});

async function post(path: string, body: Record<string, unknown>) {
  const res = await fetch(`${gw.baseURL}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const headers = [...res.headers.keys()].filter((name) => name !== 'x-request-id' && name !== 'date').sort();
  return { status: res.status, headers, text: await res.text(), requestId: res.headers.get('x-request-id') };
}

const requestLine = (requestId: string | null) =>
  lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'request' && l.requestId === requestId);

describe('model enumeration', () => {
  const bodies: Array<[string, (model: string) => Record<string, unknown>]> = [
    ['/chat/completions', (model) => ({ model, messages: [{ role: 'user', content: 'hi' }] })],
    ['/chat/completions', (model) => ({ model, stream: true, messages: [{ role: 'user', content: 'hi' }] })],
    ['/responses', (model) => ({ model, input: 'hi' })],
    ['/completions', (model) => ({ model, prompt: 'hi' })],
    ['/embeddings', (model) => ({ model, input: 'hi' })],
  ];
  for (const [path, body] of bodies) {
    it(`${path}${body('m').stream ? ' (stream)' : ''}: a forbidden model and an unknown one get the same 404`, async () => {
      const forbidden = await post(path, body(FORBIDDEN));
      const unknown = await post(path, body(UNKNOWN));
      expect(forbidden.status).toBe(404);
      expect(unknown.status).toBe(404);
      expect(forbidden.headers).toEqual(unknown.headers);
      expect(forbidden.text.replaceAll(FORBIDDEN, UNKNOWN)).toBe(unknown.text);
      expect(JSON.parse(unknown.text)).toEqual({
        error: { message: `The model \`${UNKNOWN}\` does not exist or you do not have access to it.`, type: 'invalid_request_error', code: 'model_not_found', param: 'model' },
      });
      // The log keeps the reason apart.
      expect(requestLine(forbidden.requestId)).toMatchObject({ status: 404, errorCode: 'model_not_allowed', model: FORBIDDEN });
      expect(requestLine(unknown.requestId)).toMatchObject({ status: 404, errorCode: 'model_not_found' });
    });
  }

  it('the openai SDK sees NotFoundError for both, and GET /v1/models/{id} answers alike', async () => {
    const client = gw.client();
    for (const model of [FORBIDDEN, UNKNOWN]) {
      await expect(client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }] })).rejects.toBeInstanceOf(OpenAI.NotFoundError);
      await expect(client.models.retrieve(model)).rejects.toMatchObject({ status: 404, code: 'model_not_found' });
    }
    expect(fake.requests).toHaveLength(0);
  });
});
