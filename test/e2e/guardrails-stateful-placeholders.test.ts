/**
 * A Responses request that continues a stored conversation (previous_response_id, conversation) must not reuse
 * an earlier turn's placeholder names: the model still has `<EMAIL_1>` of turn 1 in its context, and when turn 2
 * issued `<EMAIL_1>` for another address, the model's quote of turn 1 came back as turn 2's address (found by QA
 * round 6: "Your own email is <EMAIL_1>" reached the client as bob's address).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';

let fake: FakeUpstream;
let gw: TestGateway;

beforeAll(async () => {
  fake = await startFakeUpstream();
  gw = await startGateway({ audit: { enabled: false }, guardrails: { repeatOffenders: { enabled: false } }, upstream: { providers: [fakeProvider(fake)] } });
});
afterAll(async () => {
  await gw?.close();
  await fake?.close();
});

const sentText = (i: number): string => JSON.stringify(fake.requests[i]!.body.input);

describe('placeholders across turns of a stored conversation', () => {
  it.each([
    ['previous_response_id', { previous_response_id: 'resp_turn1' }],
    ['conversation', { conversation: 'conv_123' }],
  ])('%s: turn 2 numbers its placeholders apart from turn 1, so a quote of turn 1 is not restored to turn 2 values', async (_name, continuation) => {
    const openai = gw.client();
    const first = fake.requests.length;
    await openai.responses.create({ model: 'fake-model', input: 'My email is alice.wong@example.com, please remember it.' });
    expect(sentText(first)).toContain('<EMAIL_1>');

    fake.script({ kind: 'ok', text: 'Your own email is <EMAIL_1>.' });
    const second = fake.requests.length;
    const quoted = await openai.responses.create({ model: 'fake-model', input: 'CC bob.lee@example.com on the reply.', ...continuation } as never);
    const issued = /<EMAIL_(\d+)>/.exec(sentText(second));
    expect(issued, sentText(second)).not.toBeNull();
    expect(Number(issued![1])).toBeGreaterThanOrEqual(100);
    expect(quoted.output_text).not.toContain('bob.lee@example.com');
    expect(quoted.output_text).toContain('<EMAIL_1>');

    // This turn's own placeholder is still restored (the fake echoes the prompt by default), streamed too.
    const echoed = await openai.responses.create({ model: 'fake-model', input: 'CC bob.lee@example.com on the reply.', ...continuation } as never);
    expect(echoed.output_text).toContain('bob.lee@example.com');
    const stream = await openai.responses.create({ model: 'fake-model', input: 'CC bob.lee@example.com on the reply.', stream: true, ...continuation } as never);
    let text = '';
    for await (const event of stream as unknown as AsyncIterable<{ type: string; delta?: string }>) if (event.type === 'response.output_text.delta') text += event.delta;
    expect(text).toContain('bob.lee@example.com');
  });

  it('a request without stored state still numbers from 1', async () => {
    const from = fake.requests.length;
    await gw.client().responses.create({ model: 'fake-model', input: 'Write to bob.lee@example.com today.' });
    expect(sentText(from)).toContain('<EMAIL_1>');
  });
});
