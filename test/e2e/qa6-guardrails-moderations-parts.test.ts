/**
 * QA round 6: POST /v1/moderations with OpenAI's multi-modal input (an array of `text` and `image_url` parts).
 *
 * - An image part was scored as an empty text: `flagged: false`, every category false, for an image nobody
 *   looked at (SealGate's classifiers read text only). A moderation endpoint that answers "not flagged" for what
 *   it cannot read is a silent pass; the request is now refused with 400 unguardable_input naming the part.
 * - OpenAI answers a parts array with ONE result for the whole input (its parts are one item to classify, as in
 *   a chat message); the gateway answered one result per part, so `results[0]` was only the first part's verdict
 *   and a flagged second part was easy to miss. Text parts now make one result, flagged when any part is.
 *
 * An array of strings still gets one result per string, as OpenAI's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../fixtures/gateway.js';

let gw: TestGateway;

beforeAll(async () => {
  gw = await startGateway({ audit: { enabled: false } });
});
afterAll(async () => {
  await gw?.close();
});

const TOXIC = 'You are a worthless idiot and I will kill you.';
const FINE = 'What a lovely morning.';

async function moderate(input: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${gw.baseURL}/moderations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'omni-moderation-latest', input }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('moderations: image parts', () => {
  it('an image part is refused (400 unguardable_input naming it), not answered "not flagged"', async () => {
    const { status, body } = await moderate([{ type: 'text', text: FINE }, { type: 'image_url', image_url: { url: 'https://example.com/a.png' } }]);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ type: 'invalid_request_error', code: 'unguardable_input', param: 'input[1]' });
  });

  it('an image alone is refused too, through the SDK', async () => {
    await expect(gw.client().moderations.create({ input: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } }] })).rejects.toMatchObject({
      status: 400,
      code: 'unguardable_input',
      param: 'input[0]',
    });
  });
});

describe('moderations: a parts array is one input, as OpenAI answers it', () => {
  it('text parts get one result, flagged when any part is (the toxic part second)', async () => {
    const moderation = await gw.client().moderations.create({ input: [{ type: 'text', text: FINE }, { type: 'text', text: TOXIC }] });
    expect(moderation.results).toHaveLength(1);
    expect(moderation.results[0]!.flagged).toBe(true);
    expect(moderation.results[0]!.categories.harassment).toBe(true);
    expect(moderation.results[0]!.category_applied_input_types.harassment).toEqual(['text']);
  });

  it('benign text parts get one result, not flagged', async () => {
    const moderation = await gw.client().moderations.create({ input: [{ type: 'text', text: FINE }, { type: 'text', text: 'See you at noon.' }] });
    expect(moderation.results).toHaveLength(1);
    expect(moderation.results[0]!.flagged).toBe(false);
  });

  it('an array of strings still gets one result per string', async () => {
    const moderation = await gw.client().moderations.create({ input: [FINE, TOXIC] });
    expect(moderation.results.map((r) => r.flagged)).toEqual([false, true]);
  });
});
