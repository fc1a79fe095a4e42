/**
 * QA round 6: structured outputs and pseudonyms. A value the input guard pseudonymized is restored in the
 * answer as written; inside an answer asked for as JSON (chat `response_format` json_object / json_schema,
 * Responses `text.format`) the placeholder sits in a JSON string, and a value holding a newline (a postal
 * address over two lines, which the PII detector takes whole) or a quote was put there raw: the answer was no
 * longer JSON and the SDK's `parse()` helpers threw SyntaxError ("Bad control character in string literal").
 * Such answers are now restored JSON-escaped, as tool-call arguments are; prose answers are unchanged.
 *
 * The upstream is a test-owned node:http server that plays back `reply` (JSON or SSE frames) and records what
 * it was sent.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeLocal, listenLocal } from '../fixtures/local-server.js';
import { startGateway, type TestGateway } from '../fixtures/gateway.js';

type Json = Record<string, unknown>;

const ADDRESS = '1600 Amphitheatre Parkway\nMountain View, CA 94043';
const PROMPT = `Extract the address as JSON. Ship to: ${ADDRESS} please`;
const SCHEMA = { type: 'object', properties: { address: { type: 'string' } }, required: ['address'], additionalProperties: false };

let reply: { json?: Json; sse?: string } = {};
let seen: string[] = [];
let upstream: Server;
let gw: TestGateway;

beforeAll(async () => {
  upstream = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      seen.push(Buffer.concat(parts).toString('utf8'));
      if (reply.sse !== undefined) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.end(reply.sse);
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(reply.json));
      }
    });
  });
  const baseUrl = await listenLocal(upstream);
  gw = await startGateway({ upstream: { providers: [{ name: 'up', type: 'openai', baseUrl, models: ['m'] }] }, audit: { enabled: false } });
});

afterAll(async () => {
  await gw?.close();
  if (upstream) await closeLocal(upstream);
});

/** The placeholder the gateway sent upstream for the address (the model writes it back). */
function placeholder(): string {
  const sent = seen.at(-1) ?? '';
  const match = /<ADDRESS_\d+>/.exec(sent);
  expect(match, 'the address went upstream pseudonymized').not.toBeNull();
  expect(sent).not.toContain('Amphitheatre');
  return match![0];
}

/** Serves `build(placeholder)` for the next request; the placeholder is always <ADDRESS_1> (one per request). */
const serve = (r: typeof reply) => {
  seen = [];
  reply = r;
};

const chatCompletion = (content: string): Json => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1,
  model: 'm',
  choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
  usage: { prompt_tokens: 5, completion_tokens: 5, total_tokens: 10 },
});
const chatChunk = (delta: Json, finish: string | null = null): Json => ({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] });
const sse = (frames: Json[], done = true) => frames.map((f) => (f.type ? `event: ${String(f.type)}\n` : '') + `data: ${JSON.stringify(f)}\n\n`).join('') + (done ? 'data: [DONE]\n\n' : '');

const message = (text: string): Json => ({ type: 'message', id: 'msg_1', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text, annotations: [] }] });
const response = (status: string, output: Json[]): Json => ({ id: 'resp_1', object: 'response', created_at: 1, status, model: 'm', output, usage: status === 'completed' ? { input_tokens: 5, output_tokens: 5, total_tokens: 10 } : null });

describe('an answer asked for as JSON gets pseudonymized values back JSON-escaped', () => {
  it('chat, non-streamed, json_schema: the SDK parse() helper reads the address', async () => {
    serve({ json: chatCompletion('{"address":"<ADDRESS_1>"}') });
    const r = await gw.client().chat.completions.parse({
      model: 'm',
      messages: [{ role: 'user', content: PROMPT }],
      response_format: { type: 'json_schema', json_schema: { name: 'shipping', strict: true, schema: SCHEMA } },
    });
    expect(placeholder()).toBe('<ADDRESS_1>');
    expect(r.choices[0]!.message.parsed).toEqual({ address: ADDRESS });
  });

  it('chat, streamed, json_object, the placeholder split across chunks: the content is JSON', async () => {
    serve({
      sse: sse([
        chatChunk({ role: 'assistant', content: '' }),
        chatChunk({ content: '{"address":"<ADDR' }),
        chatChunk({ content: 'ESS_1>"}' }),
        chatChunk({}, 'stop'),
      ]),
    });
    const s = gw.client().chat.completions.stream({ model: 'm', messages: [{ role: 'user', content: PROMPT }], response_format: { type: 'json_object' } });
    const final = await s.finalChatCompletion();
    placeholder();
    expect(JSON.parse(final.choices[0]!.message.content!)).toEqual({ address: ADDRESS });
  });

  it('Responses, non-streamed, text.format json_schema: responses.parse() reads the address', async () => {
    serve({ json: response('completed', [message('{"address":"<ADDRESS_1>"}')]) });
    const r = await gw.client().responses.parse({
      model: 'm',
      input: PROMPT,
      text: { format: { type: 'json_schema', name: 'shipping', strict: true, schema: SCHEMA } },
    });
    placeholder();
    expect(r.output_parsed).toEqual({ address: ADDRESS });
  });

  it('Responses, streamed, text.format json_object: deltas, done events and the final response are JSON', async () => {
    const text = '{"address":"<ADDRESS_1>"}';
    serve({
      sse: sse(
        [
          { type: 'response.created', sequence_number: 0, response: response('in_progress', []) },
          { type: 'response.output_item.added', sequence_number: 1, output_index: 0, item: { ...message(''), status: 'in_progress', content: [] } },
          { type: 'response.content_part.added', sequence_number: 2, item_id: 'msg_1', output_index: 0, content_index: 0, part: { type: 'output_text', text: '', annotations: [] } },
          { type: 'response.output_text.delta', sequence_number: 3, item_id: 'msg_1', output_index: 0, content_index: 0, delta: text.slice(0, 16) },
          { type: 'response.output_text.delta', sequence_number: 4, item_id: 'msg_1', output_index: 0, content_index: 0, delta: text.slice(16) },
          { type: 'response.output_text.done', sequence_number: 5, item_id: 'msg_1', output_index: 0, content_index: 0, text },
          { type: 'response.content_part.done', sequence_number: 6, item_id: 'msg_1', output_index: 0, content_index: 0, part: { type: 'output_text', text, annotations: [] } },
          { type: 'response.output_item.done', sequence_number: 7, output_index: 0, item: message(text) },
          { type: 'response.completed', sequence_number: 8, response: response('completed', [message(text)]) },
        ],
        false,
      ),
    });
    const s = gw.client().responses.stream({ model: 'm', input: PROMPT, text: { format: { type: 'json_object' } } });
    let deltas = '';
    const doneTexts: string[] = [];
    for await (const event of s) {
      if (event.type === 'response.output_text.delta') deltas += event.delta;
      if (event.type === 'response.output_text.done') doneTexts.push(event.text);
    }
    const final = await s.finalResponse();
    placeholder();
    const expected = { address: ADDRESS };
    expect(JSON.parse(deltas)).toEqual(expected);
    expect(doneTexts.map((t) => JSON.parse(t) as unknown)).toEqual([expected]);
    expect(JSON.parse(final.output_text)).toEqual(expected);
  });
});

describe('a prose answer still gets the value back as written', () => {
  it('chat, non-streamed, no response_format: the newline is a newline', async () => {
    serve({ json: chatCompletion('Shipping to <ADDRESS_1> today.') });
    const r = await gw.client().chat.completions.create({ model: 'm', messages: [{ role: 'user', content: PROMPT }] });
    placeholder();
    expect(r.choices[0]!.message.content).toBe(`Shipping to ${ADDRESS} today.`);
  });

  it('Responses, streamed, no text.format: the newline is a newline', async () => {
    const text = 'Shipping to <ADDRESS_1> today.';
    serve({
      sse: sse(
        [
          { type: 'response.created', sequence_number: 0, response: response('in_progress', []) },
          { type: 'response.output_text.delta', sequence_number: 1, item_id: 'msg_1', output_index: 0, content_index: 0, delta: text },
          { type: 'response.output_text.done', sequence_number: 2, item_id: 'msg_1', output_index: 0, content_index: 0, text },
          { type: 'response.completed', sequence_number: 3, response: response('completed', [message(text)]) },
        ],
        false,
      ),
    });
    const res = await fetch(`${gw.baseURL}/responses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'm', input: PROMPT, stream: true }),
    });
    const events = (await res.text())
      .split('\n')
      .filter((l) => l.startsWith('data: '))
      .map((l) => JSON.parse(l.slice(6)) as Json);
    placeholder();
    const completed = events.find((e) => e.type === 'response.completed') as { response: { output: { content: { text: string }[] }[] } };
    expect(completed.response.output[0]!.content[0]!.text).toBe(`Shipping to ${ADDRESS} today.`);
  });
});
