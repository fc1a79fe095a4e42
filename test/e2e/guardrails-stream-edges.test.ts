/**
 * Edges of the streamed output guard found by an adversarial review: side channels that spell out a
 * text the guard rewrote (logprobs of a tool call's tokens, a content part's logprobs), and envelopes
 * around chunks and events that carried text past the allow-list. The upstream is a test-owned
 * node:http server that answers each request with the raw SSE body `script` holds.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeLocal, listenLocal } from '../fixtures/local-server.js';
import { startGateway, type TestGateway } from '../fixtures/gateway.js';
import { KEY } from '../fixtures/guard-payloads.js';

// A well-formed OpenAI-style project key: the default policy redacts secret.* in the output.
type Json = Record<string, unknown>;

let script = '';
let upstream: Server;
let gw: TestGateway;

beforeAll(async () => {
  upstream = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(script);
    });
  });
  const baseUrl = await listenLocal(upstream);
  gw = await startGateway({ upstream: { providers: [{ name: 'up', type: 'openai', baseUrl, models: ['m'] }] }, audit: { enabled: false } });
});

afterAll(async () => {
  await gw?.close();
  if (upstream) await closeLocal(upstream);
});

/** SSE frames: an object is a `data:` line, a string is sent as written. */
const sse = (frames: (Json | string)[], done = true) => frames.map((f) => (typeof f === 'string' ? f : `data: ${JSON.stringify(f)}\n\n`)).join('') + (done ? 'data: [DONE]\n\n' : '');
const chunk = (choices: unknown[], extra: Json = {}): Json => ({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices, ...extra });

async function stream(path: '/chat/completions' | '/responses', frames: (Json | string)[], done = path === '/chat/completions') {
  script = sse(frames, done);
  const body = path === '/responses' ? { input: 'hi' } : { messages: [{ role: 'user', content: 'hi' }], stream_options: { include_usage: true } };
  const res = await fetch(`${gw.baseURL}${path}`, { method: 'POST', headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ model: 'm', stream: true, ...body }) });
  const text = await res.text();
  const events = text
    .split('\n')
    .filter((l) => l.startsWith('data: ') && l !== 'data: [DONE]')
    .map((l) => JSON.parse(l.slice(6)) as Json);
  return { status: res.status, text, events, leaks: text.split(KEY).length - 1 };
}

describe('logprobs never spell out a text the guard rewrote', () => {
  it('chat: a tool-call chunk with the role keeps no logprobs of the arguments (vLLM sends them there)', async () => {
    const logprobs = { content: [{ token: KEY, logprob: 0, bytes: [115], top_logprobs: [{ token: KEY, logprob: 0 }] }] };
    const r = await stream('/chat/completions', [
      chunk([{ index: 0, delta: { role: 'assistant', content: null, tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'f', arguments: JSON.stringify({ k: KEY }) } }] }, logprobs, finish_reason: null }]),
      chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: 'tool_calls' }]),
    ]);
    expect(r.status).toBe(200);
    expect(r.leaks).toBe(0);
    expect(r.text).toContain('[REDACTED]');
    expect(r.events[0]).toMatchObject({ choices: [{ index: 0, delta: { role: 'assistant', content: null }, logprobs: null }] });
  });

  it('chat: text-free logprobs (an empty list) still go out as sent', async () => {
    const r = await stream('/chat/completions', [
      chunk([{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: { content: [], refusal: null }, finish_reason: null }]),
      chunk([{ index: 0, delta: { content: 'A plain answer.' }, logprobs: null, finish_reason: null }]),
      chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }]),
    ]);
    expect(r.events[0]).toEqual(chunk([{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: { content: [], refusal: null }, finish_reason: null }]));
  });

  it('Responses: a content_part.done whose text was rewritten carries no logprobs of the original', async () => {
    const text = `key ${KEY} and more text here.`;
    const logprobs = [{ token: KEY, logprob: 0, bytes: [], top_logprobs: [] }];
    const ids = { item_id: 'msg_1', output_index: 0, content_index: 0 };
    const r = await stream('/responses', [
      { type: 'response.output_text.delta', ...ids, delta: text, logprobs, sequence_number: 0 },
      { type: 'response.output_text.done', ...ids, text, logprobs, sequence_number: 1 },
      { type: 'response.content_part.done', ...ids, part: { type: 'output_text', text, annotations: [], logprobs }, sequence_number: 2 },
    ]);
    expect(r.status).toBe(200);
    expect(r.leaks).toBe(0);
    expect(r.events.find((e) => e.type === 'response.content_part.done')).toMatchObject({ part: { type: 'output_text', text: 'key [REDACTED] and more text here.', logprobs: [] } });
  });

  it('Responses: a content part the guard left alone keeps its logprobs', async () => {
    const logprobs = [{ token: 'Fine', logprob: -0.1, bytes: [70], top_logprobs: [] }];
    const part = { type: 'output_text', text: 'Fine.', annotations: [], logprobs };
    const r = await stream('/responses', [{ type: 'response.content_part.done', item_id: 'msg_1', output_index: 0, content_index: 0, part, sequence_number: 0 }]);
    expect(r.events[0]).toEqual({ type: 'response.content_part.done', item_id: 'msg_1', output_index: 0, content_index: 0, part, sequence_number: 0 });
  });
});

describe('envelopes around chunks and events carry no unread text', () => {
  const opening = chunk([{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }]);
  const finish = chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }]);

  it('chat: a chunk sent as an `event: thread.*` frame (wrapped { event, data } by the SSE reader) is dropped', async () => {
    const r = await stream('/chat/completions', [opening, `event: thread.message.delta\ndata: ${JSON.stringify(chunk([{ index: 0, delta: { content: KEY } }]))}\n\n`, finish]);
    expect(r.status).toBe(200);
    expect(r.leaks).toBe(0);
    expect(r.events.at(-1)).toEqual(finish);
  });

  it('chat: choices that are not a list (numeric keys) are not relayed, nor a chunk left with its envelope alone', async () => {
    const r = await stream('/chat/completions', [opening, { ...chunk([]), choices: { 0: { index: 0, delta: { content: KEY } } } }, finish]);
    expect(r.leaks).toBe(0);
    // A chunk without `choices` would make a client's `chunk.choices[0]` throw (guardrails-stream-envelope.test.ts).
    expect(r.events[1]).toEqual(finish);
  });

  it('chat: a usage-only chunk (choices: []) still goes out as sent', async () => {
    const usage = { ...chunk([]), usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } };
    const r = await stream('/chat/completions', [opening, finish, usage]);
    expect(r.events.at(-1)).toEqual(usage);
  });

  it('Responses: fields of a response.* event besides the response are relayed only when text-free', async () => {
    const response = { id: 'resp_1', object: 'response', status: 'completed', output: [] };
    const r = await stream('/responses', [{ type: 'response.completed', sequence_number: 0, response, delta: `key ${KEY}`, extra: 7 }]);
    expect(r.leaks).toBe(0);
    expect(r.events[0]).toEqual({ type: 'response.completed', sequence_number: 0, response, extra: 7 });
  });

  it('Responses: an audio delta relays its base64 sound, not a text field beside it', async () => {
    const r = await stream('/responses', [{ type: 'response.audio.delta', sequence_number: 0, delta: 'UklGRg==', transcript: `key ${KEY}` }]);
    expect(r.leaks).toBe(0);
    expect(r.events[0]).toEqual({ type: 'response.audio.delta', sequence_number: 0, delta: 'UklGRg==' });
  });
});

describe('order of a streamed answer', () => {
  it('chat: the reasoning (DeepSeek reasoning_content) is released whole before the answer that follows it', async () => {
    const reasoning = 'Two plus two is four, clearly.';
    const r = await stream('/chat/completions', [
      chunk([{ index: 0, delta: { role: 'assistant', content: null, reasoning_content: '' }, logprobs: null, finish_reason: null }]),
      chunk([{ index: 0, delta: { content: null, reasoning_content: reasoning }, logprobs: null, finish_reason: null }]),
      chunk([{ index: 0, delta: { content: 'The answer is 4.', reasoning_content: null }, logprobs: null, finish_reason: null }]),
      chunk([{ index: 0, delta: { content: '', reasoning_content: null }, logprobs: null, finish_reason: 'stop' }]),
    ]);
    const deltas = r.events.map((e) => ((e.choices as { delta?: Json }[] | undefined)?.[0]?.delta ?? {}) as Json);
    const lastReasoning = deltas.map((d) => typeof d.reasoning_content === 'string' && d.reasoning_content !== '').lastIndexOf(true);
    const firstAnswer = deltas.findIndex((d) => typeof d.content === 'string' && d.content !== '');
    expect(deltas.map((d) => (typeof d.reasoning_content === 'string' ? d.reasoning_content : '')).join('')).toBe(reasoning);
    expect(lastReasoning).toBeGreaterThanOrEqual(0);
    expect(lastReasoning).toBeLessThan(firstAnswer);
  });
});
