/**
 * src/upstream/sse-reader.ts reads a streamed answer as the openai SDK's Stream.fromSSEResponse does: the
 * same bytes, cut into chunks anywhere (inside a line, between '\r' and '\n', inside a multi-byte
 * character), give the same events, or the same failure, from both.
 */
import { Readable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { Stream } from 'openai/core/streaming';
import { sseJsonEvents, SseParser, type SseEvent } from '../../../src/upstream/sse-reader.js';

const noHeaders = new Headers();

function bodyOf(chunks: Buffer[], failAtEnd?: Error): IncomingMessage {
  const stream = new Readable({ read() {} });
  let i = 0;
  const feed = (): void => {
    if (i < chunks.length) {
      stream.push(chunks[i++]);
      setImmediate(feed);
    } else if (failAtEnd) stream.destroy(failAtEnd);
    else stream.push(null);
  };
  setImmediate(feed);
  return stream as unknown as IncomingMessage;
}

type Outcome = { values: unknown[]; error?: string };

async function collect(iterable: AsyncIterable<unknown>): Promise<Outcome> {
  const values: unknown[] = [];
  try {
    for await (const v of iterable) values.push(v);
    return { values };
  } catch (err) {
    return { values, error: `${(err as Error).constructor.name}: ${(err as Error).message}` };
  }
}

async function both(chunks: Buffer[], failAtEnd?: Error): Promise<{ ours: Outcome; sdk: Outcome }> {
  const ours = await collect(sseJsonEvents(bodyOf(chunks, failAtEnd), noHeaders, (err) => err as Error));
  const response = { body: bodyOf(chunks, failAtEnd), headers: noHeaders } as unknown as Response;
  const sdk = await collect(Stream.fromSSEResponse(response, new AbortController()));
  return { ours, sdk };
}

/** Cuts `bytes` at the given fractions. */
function cut(bytes: Buffer, at: number[]): Buffer[] {
  const points = [...new Set(at.map((f) => Math.floor(f * bytes.length)))].filter((p) => p > 0 && p < bytes.length).sort((a, b) => a - b);
  const out: Buffer[] = [];
  let from = 0;
  for (const p of points) {
    out.push(bytes.subarray(from, p));
    from = p;
  }
  out.push(bytes.subarray(from));
  return out;
}

const newline = fc.constantFrom('\n', '\r\n', '\r');
const text = fc.string({ unit: fc.constantFrom('a', 'é', '中', '😀', ' ', ':', '"', '[', ']') , maxLength: 8 });
const json = fc.oneof(
  fc.record({ choices: fc.array(fc.record({ index: fc.nat(3), delta: fc.record({ content: text }) }), { maxLength: 2 }) }),
  fc.record({ type: fc.constantFrom('response.output_text.delta', 'response.completed'), delta: text }),
  fc.record({ error: fc.record({ message: text }) }),
  fc.constant(null),
);
/** One SSE line (without its terminator). */
const line = fc.oneof(
  { weight: 6, arbitrary: json.map((v) => `data: ${JSON.stringify(v)}`) },
  { weight: 1, arbitrary: fc.constantFrom('data: [DONE]', 'data:[DONE]', 'data: not json', 'data:', ': keep-alive', 'id: 7', 'retry: 10', 'data') },
  { weight: 1, arbitrary: fc.constantFrom('event: response.created', 'event: thread.run', 'event: error', 'event:', 'event') },
  { weight: 3, arbitrary: fc.constant('') },
);

describe('the SSE reader', () => {
  // The SDK prints unparsable events to console.error (ours never prints content): keep the test output quiet.
  beforeAll(() => void vi.spyOn(console, 'error').mockImplementation(() => undefined));
  afterAll(() => vi.restoreAllMocks());

  it('yields what the openai SDK yields for any stream cut anywhere (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(line, newline), { maxLength: 24 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }), async (lines, at) => {
        const bytes = Buffer.from(lines.map(([l, nl]) => l + nl).join(''), 'utf8');
        const { ours, sdk } = await both(cut(bytes, at));
        expect(ours).toEqual(sdk);
      }),
      { numRuns: 400 },
    );
  });

  it('reads an OpenAI chat stream, [DONE] and the rest ignored, a final unterminated event dropped', async () => {
    const body = 'data: {"a":1}\n\n: comment\ndata: {"b":\ndata: 2}\n\ndata: [DONE]\n\ndata: {"after":true}\n\ndata: {"tail":1}';
    const { ours, sdk } = await both([Buffer.from(body)]);
    expect(ours).toEqual({ values: [{ a: 1 }, { b: 2 }] });
    expect(sdk).toEqual(ours);
  });

  it('ends quietly on an abort, throws on any other failure', async () => {
    const abort = new DOMException('This operation was aborted', 'AbortError');
    expect(await both([Buffer.from('data: {"a":1}\n\n')], abort)).toEqual({ ours: { values: [{ a: 1 }] }, sdk: { values: [{ a: 1 }] } });
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const { ours, sdk } = await both([Buffer.from('data: {"a":1}\n\n')], reset);
    expect(ours).toEqual({ values: [{ a: 1 }], error: 'Error: socket hang up' });
    expect(sdk.values).toEqual(ours.values);
    expect(sdk.error).toBeDefined();
  });

  it('a consumer that stops early destroys the response', async () => {
    const body = bodyOf([Buffer.from('data: {"a":1}\n\ndata: {"b":2}\n\n')]);
    for await (const _ of sseJsonEvents(body, noHeaders, (err) => err as Error)) break;
    expect(body.destroyed).toBe(true);
  });

  it('splits lines on \\n, \\r\\n and a lone \\r, also across chunks', () => {
    const parser = new SseParser();
    const out: SseEvent[] = [];
    for (const piece of ['data: x\r', '\ndata: y\r', '\r', 'event: e\n', '\n']) parser.push(Buffer.from(piece), out);
    expect(out).toEqual([{ event: null, data: 'x\ny' }, { event: 'e', data: '' }]);
  });
});
