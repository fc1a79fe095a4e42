/**
 * A chat or completions answer's top-level fields (a stream chunk's envelope: id, model, usage …) were relayed
 * as the upstream sent them, on the choice path (each relayed chunk spread the upstream's) and on the path of
 * chunks without choices (relayed whole). A provider extension that puts model text there — a top-level
 * `reasoning_content`, `refusal` or `delta`, a chunk with `message` instead of `choices` — reached the client
 * unread by the output guard. Now the envelope is an allow-list, like the choices (shapes.ts): known ids,
 * labels and counts pass (OpenAI's `obfuscation`, OpenRouter's `provider`, Groq's `x_groq`, Azure's
 * `prompt_filter_results`), Perplexity's `citations` / `search_results` are read and guarded, and any other
 * field that holds text is dropped; a chunk left with nothing but ids is not sent. Non-streamed answers alike.
 * The upstream is a test-owned node:http server (the fake model) answering with each shape.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../fixtures/gateway.js';
import { closeLocal, listenLocal } from '../fixtures/local-server.js';
import { KEY } from '../fixtures/guard-payloads.js';

type Json = Record<string, unknown>;
let upstream: Server;
let gw: TestGateway;
let client: OpenAI;
/** What the upstream answers: a list of stream chunks (sent as SSE) or one JSON body. */
let answer: { chunks?: Json[]; body?: Json } = {};

beforeAll(async () => {
  upstream = createServer((req, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      if (answer.body) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify(answer.body));
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const chunk of answer.chunks ?? []) res.write(`data: ${JSON.stringify(chunk)}\n\n`);
      res.end('data: [DONE]\n\n');
    });
  });
  const baseUrl = await listenLocal(upstream);
  gw = await startGateway({ upstream: { providers: [{ name: 'up', type: 'openai', baseUrl, models: ['m'] }] }, audit: { enabled: false } });
  client = gw.client();
});
afterAll(async () => {
  await gw?.close();
  if (upstream) await closeLocal(upstream);
});

const ENVELOPE = { id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm' };
const piece = (content: string, extra: Json = {}, finish: string | null = null): Json => ({ ...ENVELOPE, ...extra, choices: [{ index: 0, delta: { content }, logprobs: null, finish_reason: finish }] });
const said = (text: string): Json[] => [piece(''), piece(text), piece('', {}, 'stop')];

async function chatStream(chunks: Json[]): Promise<{ raw: string; text: string }> {
  answer = { chunks };
  const res = await fetch(`${gw.baseURL}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'm', stream: true, messages: [{ role: 'user', content: 'hi' }] }),
  });
  expect(res.status).toBe(200);
  const raw = await res.text();
  let text = '';
  for (const line of raw.split('\n')) {
    if (!line.startsWith('data: {')) continue;
    const chunk = JSON.parse(line.slice(6)) as { choices?: Array<{ delta?: { content?: string } }> };
    text += chunk.choices?.[0]?.delta?.content ?? '';
  }
  return { raw, text };
}

describe('chat stream: model text in the envelope is never relayed unread', () => {
  it.each([
    ['a top-level reasoning_content', { reasoning_content: `thinking: ${KEY}` }],
    ['a top-level refusal', { refusal: `I will not say ${KEY}` }],
    ['a top-level delta-like extension', { delta: { content: `the key is ${KEY}` } }],
    ['a top-level audio transcript', { audio: { transcript: `the key is ${KEY}` } }],
    ['a top-level tool call', { tool_calls: [{ index: 0, function: { name: 'f', arguments: `{"key":"${KEY}"}` } }] }],
  ])('%s on a chunk with choices', async (_, extra) => {
    const { raw, text } = await chatStream([piece('', extra), piece('Hello', extra), piece('', extra, 'stop')]);
    expect(raw).not.toContain(KEY);
    expect(text).toBe('Hello');
  });

  it('a chunk without choices that carries text (an answer in a provider-specific spelling) is not sent', async () => {
    const { raw, text } = await chatStream([...said('Hello').slice(0, 2), { ...ENVELOPE, message: { content: `the key is ${KEY}` } }, { ...ENVELOPE, type: 'content_block_delta', delta: { text: KEY } }, said('')[2]!]);
    expect(raw).not.toContain(KEY);
    expect(text).toBe('Hello');
    // Only the known envelope or a choice reaches the client: no chunk without choices (the SDK's `chunk.choices[0]` would throw).
    for (const line of raw.split('\n').filter((l) => l.startsWith('data: {'))) expect(Array.isArray((JSON.parse(line.slice(6)) as Json).choices)).toBe(true);
  });

  it('the known envelope fields and a usage chunk pass as sent, through the official SDK', async () => {
    const extra = { system_fingerprint: 'fp_1', service_tier: 'default', obfuscation: 'a8Fq2', provider: 'OpenAI', x_groq: { id: 'req_01' } };
    answer = { chunks: [piece('', extra), piece('Hello', extra), piece('', extra, 'stop'), { ...ENVELOPE, ...extra, choices: [], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }] };
    const stream = await client.chat.completions.create({ model: 'm', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'hi' }] });
    let text = '';
    const seen: Json[] = [];
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      seen.push(chunk as unknown as Json);
    }
    expect(text).toBe('Hello');
    for (const chunk of seen) expect(chunk).toMatchObject(extra);
    expect(seen.at(-1)!.usage).toEqual({ prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 });
  });

  it("Perplexity's citations and search results are read by the output guard", async () => {
    const extra = { citations: ['https://example.org/a', `https://example.org/leak?k=${KEY}`], search_results: [{ title: `Key ${KEY}`, url: 'https://example.org/a', date: '2026-11-30' }] };
    const { raw, text } = await chatStream([piece('', extra), piece('Hello', extra), piece('', extra, 'stop')]);
    expect(raw).not.toContain(KEY);
    expect(text).toBe('Hello');
    const first = JSON.parse(raw.split('\n').find((l) => l.startsWith('data: {'))!.slice(6)) as { citations: string[]; search_results: Array<{ url: string }> };
    expect(first.citations[0]).toBe('https://example.org/a');
    expect(first.search_results[0]!.url).toBe('https://example.org/a');
  });
});

describe('legacy completions stream and non-streamed answers alike', () => {
  it('completions: a top-level text field is not relayed', async () => {
    answer = {
      chunks: [
        { id: 'c1', object: 'text_completion', created: 1, model: 'm', reasoning_content: KEY, choices: [{ index: 0, text: 'Hello', logprobs: null, finish_reason: null }] },
        { id: 'c1', object: 'text_completion', created: 1, model: 'm', reasoning_content: KEY, choices: [{ index: 0, text: '', logprobs: null, finish_reason: 'stop' }] },
      ],
    };
    const res = await fetch(`${gw.baseURL}/completions`, { method: 'POST', headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ model: 'm', stream: true, prompt: 'hi' }) });
    const raw = await res.text();
    expect(raw).toContain('Hello');
    expect(raw).not.toContain(KEY);
  });

  it('chat, non-streamed: a top-level text field is dropped, the known envelope kept', async () => {
    answer = {
      body: {
        id: 'c1',
        object: 'chat.completion',
        created: 1,
        model: 'm',
        system_fingerprint: 'fp_1',
        reasoning_content: `thinking: ${KEY}`,
        choices: [{ index: 0, message: { role: 'assistant', content: 'Hello' }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      },
    };
    const reply = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
    expect(JSON.stringify(reply)).not.toContain(KEY);
    expect(reply.choices[0]!.message.content).toBe('Hello');
    expect(reply.system_fingerprint).toBe('fp_1');
    expect(reply.usage?.total_tokens).toBe(2);
  });
});
