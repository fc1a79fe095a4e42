/**
 * QA round 4b: whether a streamed answer is complete is decided the same way on the transport's direct
 * path (sseJsonEvents with the surface's StreamEnd) and on the SDK path (the SDK's own Stream wrapped in
 * requireStreamEnd), for chat, legacy completions and Responses: a clean end before the answer's end
 * marker throws, a complete answer does not, an aborted stream ends quietly.
 */
import { Readable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { Stream } from 'openai/core/streaming';
import { requireStreamEnd, sseJsonEvents, streamEndFor, type StreamEnd } from '../../../src/upstream/sse-reader.js';

const noHeaders = new Headers();

function bodyOf(text: string): IncomingMessage {
  return Readable.from([Buffer.from(text)]) as unknown as IncomingMessage;
}

async function outcome(iterable: AsyncIterable<unknown>): Promise<{ events: number; error?: string }> {
  let events = 0;
  try {
    for await (const _ of iterable) events++;
    return { events };
  } catch (err) {
    return { events, error: (err as Error).message };
  }
}

async function bothPaths(text: string, end: StreamEnd | undefined, signal?: AbortSignal) {
  const direct = await outcome(sseJsonEvents(bodyOf(text), noHeaders, (err) => err as Error, Infinity, end));
  const response = { body: bodyOf(text), headers: noHeaders } as unknown as Response;
  const sdk = await outcome(requireStreamEnd(Stream.fromSSEResponse(response, new AbortController()), end, signal));
  return { direct, sdk };
}

const data = (obj: unknown): string => `data: ${JSON.stringify(obj)}\n\n`;
const named = (obj: { type: string }): string => `event: ${obj.type}\ndata: ${JSON.stringify(obj)}\n\n`;
const chat = (content: string, finish: string | null = null) => data({ object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content }, finish_reason: finish }] });
const text = (t: string, finish: string | null = null) => data({ object: 'text_completion', choices: [{ index: 0, text: t, finish_reason: finish }] });
const usage = data({ object: 'chat.completion.chunk', choices: [], usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } });
const created = named({ type: 'response.created' });
const delta = named({ type: 'response.output_text.delta' });
const TRUNCATED = 'upstream stream ended before its answer finished';

describe('a complete streamed answer, on both paths', () => {
  it.each([
    ['chat with [DONE] (OpenAI, vLLM, Ollama)', 'chat.completions', chat('a') + chat('', 'stop') + 'data: [DONE]\n\n'],
    ['chat with usage after the finish, then [DONE]', 'chat.completions', chat('a') + chat('', 'length') + usage + 'data: [DONE]\n\n'],
    ['chat ending on its finish_reason without [DONE]', 'chat.completions', chat('a', 'stop')],
    ['legacy completions', 'completions', text('a') + text('', 'stop') + 'data: [DONE]\n\n'],
    ['responses completed', 'responses', created + delta + named({ type: 'response.completed' })],
    ['responses incomplete', 'responses', created + named({ type: 'response.incomplete' })],
    ['responses failed', 'responses', created + named({ type: 'response.failed' })],
    ['responses ending on an error event', 'responses', created + named({ type: 'error' })],
    ['responses completed, then a [DONE] (some proxies)', 'responses', created + named({ type: 'response.completed' }) + 'data: [DONE]\n\n'],
  ])('%s', async (_name, surface, body) => {
    const { direct, sdk } = await bothPaths(body, streamEndFor(surface));
    expect(direct.error).toBeUndefined();
    expect(sdk).toEqual(direct);
  });
});

describe('a streamed answer cut short by a clean close, on both paths', () => {
  it.each([
    ['chat', 'chat.completions', chat('The answer is ') + chat('4')],
    ['chat, usage chunk but no finish', 'chat.completions', chat('a') + usage],
    ['legacy completions', 'completions', text('partial')],
    ['responses before any terminal event', 'responses', created + delta],
    ['responses with a [DONE] but no terminal event', 'responses', created + delta + 'data: [DONE]\n\n'],
  ])('%s', async (_name, surface, body) => {
    const { direct, sdk } = await bothPaths(body, streamEndFor(surface));
    expect(direct.error).toBe(TRUNCATED);
    expect(sdk).toEqual(direct);
  });

  it('chat: [DONE] without any finish_reason is complete on the direct path only (the SDK hides [DONE])', async () => {
    const { direct, sdk } = await bothPaths(chat('a') + 'data: [DONE]\n\n', 'finish_reason');
    expect(direct.error).toBeUndefined();
    expect(sdk.error).toBe(TRUNCATED);
  });

  it('no end required (embeddings, no surface): unchanged, ends quietly', async () => {
    const { direct, sdk } = await bothPaths(chat('a'), undefined);
    expect(direct).toEqual({ events: 1 });
    expect(sdk).toEqual({ events: 1 });
  });

  it('the SDK path ends an aborted stream quietly, as the reader does', async () => {
    const controller = new AbortController();
    controller.abort();
    const response = { body: bodyOf(chat('a')), headers: noHeaders } as unknown as Response;
    expect(await outcome(requireStreamEnd(Stream.fromSSEResponse(response, new AbortController()), 'finish_reason', controller.signal))).toEqual({ events: 1 });
  });
});
