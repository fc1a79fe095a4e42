/**
 * A Responses object echoes request fields (`instructions`, `tools`, `text`, `prompt`, `metadata`). Where the input
 * guard pseudonymized one, the echo handed the client the placeholder the upstream saw (`Reply to <EMAIL_1>`)
 * instead of what it sent; only `metadata` was given back (32a02eb). Now every echoed field the guard rewrote comes
 * back as the client sent it, in the JSON answer and in the stream's response objects; the upstream still never
 * sees the value.
 */
import { describe, expect, it } from 'vitest';
import type OpenAI from 'openai';
import { gatewayOverFake } from '../fixtures/gateway-suite.js';
import { EMAIL } from '../fixtures/guard-payloads.js';

const suite = gatewayOverFake({ audit: { enabled: false } });

const instructions = `Reply to ${EMAIL} in French.`;
const tools: OpenAI.Responses.Tool[] = [{ type: 'function', name: 'notify', description: `Sends a note to ${EMAIL}.`, parameters: { type: 'object', properties: {} }, strict: false }];

describe('a Responses answer echoes the request as the client sent it', () => {
  it('instructions and tools, non-streamed', async () => {
    const response = await suite.gw.client().responses.create({ model: 'fake-model', instructions, tools, input: 'hi' });
    expect(suite.fake.requests[0]!.raw).not.toContain(EMAIL);
    expect(response.instructions).toBe(instructions);
    expect((response.tools[0] as { description?: string }).description).toBe((tools[0] as { description?: string }).description);
  });

  it("instructions, in every streamed event's response object", async () => {
    const stream = await suite.gw.client().responses.create({ model: 'fake-model', instructions, input: 'hi', stream: true });
    const echoed: unknown[] = [];
    for await (const event of stream) if ('response' in event) echoed.push(event.response.instructions);
    expect(echoed.length).toBeGreaterThanOrEqual(2);
    for (const value of echoed) expect(value).toBe(instructions);
    expect(suite.fake.requests[0]!.raw).not.toContain(EMAIL);
  });

  it('an untouched request is echoed as the upstream sent it', async () => {
    const response = await suite.gw.client().responses.create({ model: 'fake-model', instructions: 'Be brief.', input: 'hi' });
    expect(response.instructions).toBe('Be brief.');
  });
});
