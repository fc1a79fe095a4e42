/**
 * The output guard reads every field of an answer that carries model text — reasoning, audio
 * transcripts, citations, the texts of Responses tool items — and relays only the fields it reads
 * (src/pipeline/guard/shapes.ts): a field it does not know that holds text is dropped, so the next
 * provider extension does not reach the client unread. Streams likewise: text that arrives only in
 * a done event, an item or `response.completed` (no deltas) is guarded, and chunk fields other than
 * the guarded ones are dropped. Ordinary answers, with nothing found, go out field for field as sent.
 * The upstream is a test-owned node:http server that answers with each shape (`mode` picks it).
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeLocal, listenLocal, sendResponsesEvents } from '../fixtures/local-server.js';
import { startGateway, type TestGateway } from '../fixtures/gateway.js';
import { KEY } from '../fixtures/guard-payloads.js';

// A well-formed OpenAI-style project key: the default policy redacts secret.* in the output.
const usage = { prompt_tokens: 3, completion_tokens: 9, total_tokens: 12 };

type Json = Record<string, unknown>;
let mode = '';
/** The last non-streamed answer the upstream sent (for the byte-for-byte comparisons). */
let sent: Json | undefined;

function chatCompletion(message: Json, extra: Json = {}): Json {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1,
    model: 'm',
    choices: [{ index: 0, message: { role: 'assistant', content: 'ok', refusal: null, annotations: [], ...message }, logprobs: null, finish_reason: 'stop', ...extra }],
    usage,
    service_tier: 'default',
    system_fingerprint: 'fp_1',
  };
}

function responseObject(output: unknown[]): Json {
  return { id: 'resp_1', object: 'response', created_at: 1, status: 'completed', model: 'm', output, usage: { input_tokens: 1, output_tokens: 1, total_tokens: 2 }, parallel_tool_calls: true, tools: [], text: { format: { type: 'text' } } };
}

const message = (text: string, extra: Json = {}) => ({ type: 'message', id: 'msg_1', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text, annotations: [], logprobs: [], ...extra }] });

function json(res: ServerResponse, value: Json): void {
  sent = value;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(value));
}

function streamChat(res: ServerResponse, choices: unknown[][]): void {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  for (const c of choices) res.write(`data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', system_fingerprint: 'fp_1', choices: c })}\n\n`);
  res.end('data: [DONE]\n\n');
}

function answer(res: ServerResponse): void {
  switch (mode) {
    // ---- non-streamed chat
    case 'chat-reasoning':
      return json(res, chatCompletion({ reasoning_content: `thinking: the key is ${KEY}`, reasoning: `again ${KEY}` }));
    case 'chat-audio':
      return json(res, chatCompletion({ content: null, audio: { id: 'audio_1', data: 'UklGRg==', expires_at: 9, transcript: `the key is ${KEY}` } }));
    case 'chat-annotations':
      return json(res, chatCompletion({ annotations: [{ type: 'url_citation', url_citation: { url: `https://x.test/?k=${KEY}`, title: `key ${KEY}`, start_index: 0, end_index: 2 } }] }));
    case 'chat-unknown':
      return json(res, chatCompletion({ thoughts: { text: `key ${KEY}` }, vendor_score: 3 }, { text: `key ${KEY}`, content_filter_results: { hate: { filtered: false, severity: 'safe' } } }));
    case 'chat-ordinary':
      return json(res, {
        ...chatCompletion({ content: 'A plain answer.' }),
        choices: [{ index: 0, message: { role: 'assistant', content: 'A plain answer.', refusal: null, annotations: [] }, logprobs: { content: [{ token: 'A', logprob: -0.1, bytes: [65], top_logprobs: [] }], refusal: null }, finish_reason: 'stop' }],
      });
    // ---- non-streamed Responses
    case 'responses-items':
      return json(
        res,
        responseObject([
          { type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: `summary key ${KEY}` }], content: [{ type: 'reasoning_text', text: `raw reasoning ${KEY}` }] },
          { type: 'code_interpreter_call', id: 'ci_1', status: 'completed', container_id: 'cntr', code: `print("${KEY}")`, outputs: [{ type: 'logs', logs: KEY }] },
          { type: 'mcp_call', id: 'mcp_1', name: 'x', server_label: 's', arguments: JSON.stringify({ k: KEY }), output: KEY },
          { type: 'future_call', id: 'fut_1', status: 'completed', payload: `key ${KEY}`, attempts: 2 },
          message('ok', { annotations: [{ type: 'url_citation', url: `https://x/?${KEY}`, title: KEY, start_index: 0, end_index: 2 }] }),
        ]),
      );
    case 'responses-ordinary':
      return json(res, {
        ...responseObject([
          { type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'Thinking about it.' }], encrypted_content: 'gAAAAB' },
          { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'lookup', arguments: '{"city":"Paris"}', status: 'completed' },
          message('A plain answer.', { annotations: [{ type: 'url_citation', url: 'https://example.org/a', title: 'A page', start_index: 0, end_index: 5 }] }),
        ]),
        instructions: 'Be brief.',
        metadata: { team: 'a' },
        reasoning: { effort: 'low', summary: 'auto' },
      });
    // ---- streamed chat
    case 'chat-stream-fields':
      return streamChat(res, [
        [{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }],
        [{ index: 0, delta: { reasoning_content: `thinking: the key is ${KEY}` }, logprobs: null, finish_reason: null }],
        [{ index: 0, delta: { reasoning: `again ${KEY}` }, logprobs: null, finish_reason: null }],
        [{ index: 0, delta: { audio: { id: 'audio_1', data: 'UklGRg==', transcript: `the key is ${KEY}` } }, logprobs: null, finish_reason: null }],
        [{ index: 0, delta: { content: 'ok' }, logprobs: null, finish_reason: null }],
        [{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }],
      ]);
    case 'chat-stream-message':
      return streamChat(res, [
        [{ index: 0, delta: { role: 'assistant', content: 'ok' }, finish_reason: null }],
        [{ index: 0, delta: {}, message: { role: 'assistant', content: `key ${KEY}` }, finish_reason: 'stop' }],
      ]);
    case 'chat-stream-text':
      return streamChat(res, [
        [{ index: 0, delta: { role: 'assistant' }, text: `key ${KEY}`, finish_reason: null }],
        [{ index: 0, delta: { vendor_note: `key ${KEY}` }, finish_reason: null }],
        [{ index: 0, delta: {}, finish_reason: 'stop' }],
      ]);
    case 'chat-stream-annotations':
      return streamChat(res, [
        [{ index: 0, delta: { role: 'assistant', content: 'See the page.' }, logprobs: null, finish_reason: null }],
        [{ index: 0, delta: { annotations: [{ type: 'url_citation', url_citation: { url: `https://x.test/?k=${KEY}`, title: 'A page', start_index: 0, end_index: 3 } }] }, logprobs: null, finish_reason: null }],
        [{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }],
      ]);
    case 'chat-stream-ordinary':
      return streamChat(res, [
        [{ index: 0, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null }],
        [{ index: 0, delta: { content: 'A plain answer.' }, logprobs: null, finish_reason: null }],
        [{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop', content_filter_results: { hate: { filtered: false, severity: 'safe' } } }],
      ]);
    // ---- streamed Responses
    case 'resp-done-only': {
      const item = message(`key ${KEY}`);
      return sendResponsesEvents(res, [
        { type: 'response.created', response: { ...responseObject([]), status: 'in_progress' } },
        { type: 'response.output_item.done', output_index: 0, item },
        { type: 'response.completed', response: { ...responseObject([item]), output_text: `key ${KEY}` } },
      ]);
    }
    case 'resp-fc-done-only': {
      const item = { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'f', arguments: JSON.stringify({ k: KEY }), status: 'completed' };
      return sendResponsesEvents(res, [
        { type: 'response.output_item.done', output_index: 0, item },
        { type: 'response.completed', response: responseObject([item]) },
      ]);
    }
    case 'resp-text-done':
      return sendResponsesEvents(res, [
        { type: 'response.output_text.done', item_id: 'msg_1', output_index: 0, content_index: 0, text: `key ${KEY}` },
        { type: 'response.content_part.done', item_id: 'msg_1', output_index: 0, content_index: 0, part: { type: 'output_text', text: `key ${KEY}`, annotations: [] } },
      ]);
    case 'resp-tool-deltas': {
      const reasoning = { type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: `summary key ${KEY}` }] };
      const mcp = { type: 'mcp_call', id: 'mcp_1', name: 'x', server_label: 's', arguments: JSON.stringify({ k: KEY }), output: `out ${KEY}` };
      const ci = { type: 'code_interpreter_call', id: 'ci_1', status: 'completed', container_id: 'c', code: `print("${KEY}")`, outputs: [{ type: 'logs', logs: KEY }] };
      return sendResponsesEvents(res, [
        { type: 'response.output_item.added', output_index: 0, item: { type: 'reasoning', id: 'rs_1', summary: [] } },
        { type: 'response.reasoning_summary_part.added', item_id: 'rs_1', output_index: 0, summary_index: 0, part: { type: 'summary_text', text: '' } },
        { type: 'response.reasoning_summary_text.delta', item_id: 'rs_1', output_index: 0, summary_index: 0, delta: `summary key ${KEY}` },
        { type: 'response.reasoning_summary_text.done', item_id: 'rs_1', output_index: 0, summary_index: 0, text: `summary key ${KEY}` },
        { type: 'response.reasoning_summary_part.done', item_id: 'rs_1', output_index: 0, summary_index: 0, part: { type: 'summary_text', text: `summary key ${KEY}` } },
        { type: 'response.output_item.done', output_index: 0, item: reasoning },
        { type: 'response.mcp_call_arguments.delta', item_id: 'mcp_1', output_index: 1, delta: JSON.stringify({ k: KEY }) },
        { type: 'response.mcp_call_arguments.done', item_id: 'mcp_1', output_index: 1, arguments: JSON.stringify({ k: KEY }) },
        { type: 'response.output_item.done', output_index: 1, item: mcp },
        { type: 'response.code_interpreter_call_code.delta', item_id: 'ci_1', output_index: 2, delta: `print("${KEY}")` },
        { type: 'response.code_interpreter_call_code.done', item_id: 'ci_1', output_index: 2, code: `print("${KEY}")` },
        { type: 'response.output_item.done', output_index: 2, item: ci },
        { type: 'response.future_thing.delta', item_id: 'x', output_index: 3, delta: `key ${KEY}` },
        { type: 'response.web_search_call.searching', item_id: 'ws_1', output_index: 3 },
        { type: 'response.completed', response: responseObject([reasoning, mcp, ci]) },
      ]);
    }
    default:
      res.statusCode = 404;
      res.end('{}');
  }
}

let upstream: Server;
let gw: TestGateway;

beforeAll(async () => {
  upstream = createServer((req, res) => {
    req.resume();
    req.on('end', () => answer(res));
  });
  const baseUrl = await listenLocal(upstream);
  gw = await startGateway({ upstream: { providers: [{ name: 'up', type: 'openai', baseUrl, models: ['m'] }] }, audit: { enabled: false } });
});

afterAll(async () => {
  await gw?.close();
  if (upstream) await closeLocal(upstream);
});

async function post(path: string, body: Json, as: string) {
  mode = as;
  sent = undefined;
  const res = await fetch(`${gw.baseURL}${path}`, { method: 'POST', headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ model: 'm', ...body }) });
  const text = await res.text();
  return { status: res.status, text, leaks: text.split(KEY).length - 1 };
}
const chat = (as: string, stream = false) => post('/chat/completions', { stream, messages: [{ role: 'user', content: 'hi' }] }, as);
const responses = (as: string, stream = false) => post('/responses', { stream, input: 'hi' }, as);
const events = (text: string): Json[] =>
  text
    .split('\n')
    .filter((l) => l.startsWith('data: ') && l !== 'data: [DONE]')
    .map((l) => JSON.parse(l.slice(6)) as Json);

describe('non-streamed answers: every text field is guarded', () => {
  it('chat reasoning_content / reasoning are redacted', async () => {
    const r = await chat('chat-reasoning');
    expect(r.status).toBe(200);
    expect(r.leaks).toBe(0);
    const m = (JSON.parse(r.text) as { choices: { message: Json }[] }).choices[0]!.message;
    expect(m.reasoning_content).toMatch(/^thinking: the key is /);
    expect(m.reasoning).toMatch(/^again /);
  });

  it('chat audio transcript is redacted, the audio itself relayed', async () => {
    const r = await chat('chat-audio');
    expect(r.leaks).toBe(0);
    const audio = (JSON.parse(r.text) as { choices: { message: { audio: Json } }[] }).choices[0]!.message.audio;
    expect(audio).toMatchObject({ id: 'audio_1', data: 'UklGRg==', expires_at: 9 });
    expect(audio.transcript).toMatch(/^the key is /);
  });

  it('chat url_citation url and title are redacted', async () => {
    const r = await chat('chat-annotations');
    expect(r.leaks).toBe(0);
  });

  it('unknown text-bearing fields of a choice and its message are dropped; text-free and label fields stay', async () => {
    const r = await chat('chat-unknown');
    expect(r.leaks).toBe(0);
    const choice = (JSON.parse(r.text) as { choices: Json[] }).choices[0]!;
    expect(choice.text).toBeUndefined();
    expect(choice.content_filter_results).toEqual({ hate: { filtered: false, severity: 'safe' } });
    const m = choice.message as Json;
    expect(m.thoughts).toBeUndefined();
    expect(m.vendor_score).toBe(3);
    expect(m.content).toBe('ok');
  });

  it('Responses reasoning, code interpreter, MCP and annotation texts are guarded; an unknown item keeps only its identity', async () => {
    const r = await responses('responses-items');
    expect(r.status).toBe(200);
    expect(r.leaks).toBe(0);
    const output = (JSON.parse(r.text) as { output: Json[] }).output;
    expect(output.map((i) => i.type)).toEqual(['reasoning', 'code_interpreter_call', 'mcp_call', 'future_call', 'message']);
    expect(output[3]).toEqual({ type: 'future_call', id: 'fut_1', status: 'completed', attempts: 2 });
    expect(JSON.parse(String(output[2]!.arguments))).toHaveProperty('k');
  });

  it('ordinary answers are relayed field for field, in order, as the upstream sent them', async () => {
    for (const [send, label] of [
      [() => chat('chat-ordinary'), 'chat'],
      [() => responses('responses-ordinary'), 'responses'],
    ] as const) {
      const r = await send();
      expect(r.status, label).toBe(200);
      expect(r.text, label).toBe(JSON.stringify(sent));
    }
  });
});

describe('streamed answers: every text field is guarded, unknown text is not relayed', () => {
  it('chat reasoning_content, reasoning and audio transcript deltas are guarded; audio data relayed', async () => {
    const r = await chat('chat-stream-fields', true);
    expect(r.status).toBe(200);
    expect(r.leaks).toBe(0);
    const deltas = events(r.text).map((e) => (e.choices as { delta?: Json }[])[0]?.delta ?? {});
    expect(deltas.map((d) => d.reasoning_content).join('')).toMatch(/^thinking: the key is /);
    expect(deltas.map((d) => (d.audio as Json | undefined)?.transcript ?? '').join('')).toMatch(/^the key is /);
    expect(deltas.some((d) => (d.audio as Json | undefined)?.data === 'UklGRg==')).toBe(true);
    expect(deltas.map((d) => d.content ?? '').join('')).toBe('ok');
  });

  it('streamed url_citation annotations are guarded and relayed', async () => {
    const r = await chat('chat-stream-annotations', true);
    expect(r.leaks).toBe(0);
    const annotations = events(r.text).flatMap((e) => ((e.choices as { delta?: Json }[])[0]?.delta?.annotations as Json[] | undefined) ?? []);
    expect(annotations).toHaveLength(1);
    expect(annotations[0]!.url_citation).toMatchObject({ title: 'A page', start_index: 0, end_index: 3 });
  });

  it('a choice `message` or `text` in a chat chunk, and unknown text deltas, are dropped', async () => {
    for (const as of ['chat-stream-message', 'chat-stream-text']) {
      const r = await chat(as, true);
      expect(r.status, as).toBe(200);
      expect(r.leaks, as).toBe(0);
      expect(r.text, as).toContain('"finish_reason":"stop"');
    }
  });

  it('an ordinary chat stream keeps its fields (system_fingerprint, role, refusal null, logprobs, filter results)', async () => {
    const r = await chat('chat-stream-ordinary', true);
    const chunks = events(r.text);
    expect(chunks[0]).toEqual({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', system_fingerprint: 'fp_1', choices: [{ index: 0, delta: { role: 'assistant', refusal: null, content: '' }, logprobs: null, finish_reason: null }] });
    expect(chunks.map((c) => ((c.choices as { delta: Json }[])[0]?.delta.content as string | undefined) ?? '').join('')).toBe('A plain answer.');
    expect(chunks.at(-1)).toEqual({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', system_fingerprint: 'fp_1', choices: [{ index: 0, content_filter_results: { hate: { filtered: false, severity: 'safe' } }, delta: {}, logprobs: null, finish_reason: 'stop' }] });
  });

  it('Responses text and calls that arrive without deltas (output_item.done, response.completed, a lone .done) are guarded', async () => {
    for (const as of ['resp-done-only', 'resp-fc-done-only', 'resp-text-done']) {
      const r = await responses(as, true);
      expect(r.status, as).toBe(200);
      expect(r.leaks, as).toBe(0);
    }
    const done = events((await responses('resp-done-only', true)).text).find((e) => e.type === 'response.completed')!;
    expect((done.response as Json).output_text).toMatch(/^key /);
    const lone = events((await responses('resp-text-done', true)).text);
    expect(lone.find((e) => e.type === 'response.output_text.delta')).not.toHaveProperty('text');
  });

  it('Responses reasoning summary, MCP argument and code-interpreter code events are guarded; unknown text events dropped', async () => {
    const r = await responses('resp-tool-deltas', true);
    expect(r.status).toBe(200);
    expect(r.leaks).toBe(0);
    const types = events(r.text).map((e) => e.type);
    expect(types).not.toContain('response.future_thing.delta');
    expect(types).toContain('response.web_search_call.searching');
    expect(types).toContain('response.reasoning_summary_text.delta');
    expect(types).toContain('response.mcp_call_arguments.done');
    expect(types.at(-1)).toBe('response.completed');
  });
});
