/**
 * Fields inside content parts, messages, tool calls and Responses items: the input guard reads the
 * ones the model sees (a file's name, Mistral's thinking parts) and refuses any other that holds text
 * (400 `unguardable_input`, `param` naming it), where it used to pass them to the upstream unread. The
 * output guard reads Mistral's thinking parts (non-streamed and streamed) as reasoning. Ordinary
 * requests from the OpenAI SDK, vLLM, DeepSeek, OpenRouter, Mistral and Anthropic-style clients
 * (`cache_control` on parts) are forwarded unchanged. Input: the fake upstream records what it received;
 * output: a test-owned node:http server answers with each shape (`mode` picks it).
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';
import { closeLocal, listenLocal } from '../fixtures/local-server.js';
import { EMAIL, INJECTION, KEY, PAYLOAD } from '../fixtures/guard-payloads.js';


type Json = Record<string, unknown>;
let fake: FakeUpstream;
let gw: TestGateway;

beforeAll(async () => {
  fake = await startFakeUpstream();
  // Files the guard cannot read (file ids, PDFs) are let through here: these tests are about the fields read around them.
  gw = await startGateway({ upstream: { providers: [fakeProvider(fake)] }, audit: { enabled: false }, guardrails: { input: { unreadableFiles: 'allow' } } });
});

afterAll(async () => {
  await gw?.close();
  await fake?.close();
});

beforeEach(() => fake.reset());

async function post(path: string, body: Json) {
  const res = await fetch(`${gw.baseURL}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'fake-model', ...body }),
  });
  const json = (await res.json()) as { error?: { code?: string; param?: string } };
  return { status: res.status, json, upstream: fake.requests.map((r) => r.raw).join('\n') };
}

const hi = { role: 'user', content: 'hi' };
const user = (content: unknown[]) => ({ role: 'user', content });
const call = { id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"q":"cat"}' } };

describe('a field the guard does not read that holds text is refused, not passed unread', () => {
  const cases: Array<[string, string, Json, string]> = [
    ['an extra field beside a text part', '/chat/completions', { messages: [user([{ type: 'text', text: 'hi', extra: PAYLOAD }])] }, 'messages[0].content[0].extra'],
    ['a text part whose text is an object', '/chat/completions', { messages: [user([{ type: 'text', text: { value: PAYLOAD } }])] }, 'messages[0].content[0].text'],
    ['a caption inside image_url', '/chat/completions', { messages: [user([{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url: 'https://example.org/a.png', caption: PAYLOAD } }])] }, 'messages[0].content[1].image_url.caption'],
    ['text beside an image part', '/chat/completions', { messages: [user([{ type: 'image_url', image_url: { url: 'https://example.org/a.png' }, text: PAYLOAD }])] }, 'messages[0].content[0].text'],
    ['a transcript inside input_audio', '/chat/completions', { messages: [user([{ type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav', transcript: PAYLOAD } }])] }, 'messages[0].content[0].input_audio.transcript'],
    ['a title inside a file part', '/chat/completions', { messages: [user([{ type: 'file', file: { file_id: 'file-1', title: PAYLOAD } }])] }, 'messages[0].content[0].file.title'],
    ['an extra field on a Responses input_file', '/responses', { input: [user([{ type: 'input_file', file_id: 'file-1', notes: PAYLOAD }])] }, 'input[0].content[0].notes'],
    ['an unknown field of a chat message', '/chat/completions', { messages: [{ role: 'user', content: 'hi', context: PAYLOAD }] }, 'messages[0].context'],
    ['a chat message refusal given as an object', '/chat/completions', { messages: [hi, { role: 'assistant', content: null, refusal: { text: PAYLOAD } }, hi] }, 'messages[1].refusal'],
    ['an extra field of a tool call function', '/chat/completions', { messages: [hi, { role: 'assistant', content: null, tool_calls: [{ ...call, function: { ...call.function, description: PAYLOAD } }] }, { role: 'tool', tool_call_id: 'call_1', content: 'A cat.' }] }, 'messages[1].tool_calls[0].function.description'],
    ['tool call arguments given as an object', '/chat/completions', { messages: [hi, { role: 'assistant', content: null, tool_calls: [{ ...call, function: { name: 'lookup', arguments: { q: PAYLOAD } } }] }, { role: 'tool', tool_call_id: 'call_1', content: 'A cat.' }] }, 'messages[1].tool_calls[0].function.arguments'],
    ['an extra field of a tool call', '/chat/completions', { messages: [hi, { role: 'assistant', content: null, tool_calls: [{ ...call, note: PAYLOAD }] }, { role: 'tool', tool_call_id: 'call_1', content: 'A cat.' }] }, 'messages[1].tool_calls[0].note'],
    ['an extra field of a Responses input message', '/responses', { input: [{ role: 'user', content: 'hi', notes: PAYLOAD }] }, 'input[0].notes'],
    ['an extra field of a Responses function_call', '/responses', { input: [{ type: 'function_call', call_id: 'c', name: 'lookup', arguments: '{}', description: PAYLOAD }, hi] }, 'input[0].description'],
    ['an extra field of a Responses function_call_output', '/responses', { input: [{ type: 'function_call_output', call_id: 'c', output: 'A cat.', summary: PAYLOAD }, hi] }, 'input[0].summary'],
    ['an extra field of a chat function definition', '/chat/completions', { messages: [hi], tools: [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object' }, usage_notes: PAYLOAD } }] }, 'tools[0].function.usage_notes'],
    ['an extra field of a chat tool wrapper', '/chat/completions', { messages: [hi], tools: [{ type: 'function', function: { name: 'lookup' }, hint: PAYLOAD }] }, 'tools[0].hint'],
    ['an extra field of a legacy function', '/chat/completions', { messages: [hi], functions: [{ name: 'lookup', examples: [PAYLOAD] }] }, 'functions[0].examples'],
    ['an extra field of a Responses function tool', '/responses', { input: 'hi', tools: [{ type: 'function', name: 'lookup', parameters: { type: 'object' }, strict: true, notes: PAYLOAD }] }, 'tools[0].notes'],
    ['an extra field of a stored prompt variable given as a part', '/responses', { prompt: { id: 'pmpt_1', variables: { topic: { type: 'input_text', text: 'cats', extra: PAYLOAD } } } }, 'prompt.variables.topic.extra'],
    ['an extra field of a chat prediction', '/chat/completions', { messages: [hi], prediction: { type: 'content', content: 'x = 1', note: PAYLOAD } }, 'prediction.note'],
    ['a per-request chat template (vLLM)', '/chat/completions', { messages: [hi], chat_template: `{{ '${PAYLOAD}' }}{% for m in messages %}{{ m.content }}{% endfor %}` }, 'chat_template'],
    ['an extra field of a chat response_format json_schema', '/chat/completions', { messages: [hi], response_format: { type: 'json_schema', json_schema: { name: 'answer', schema: { type: 'object' }, strict: true, notes: PAYLOAD } } }, 'response_format.json_schema.notes'],
    ['an extra field of a Responses text.format', '/responses', { input: 'hi', text: { format: { type: 'json_schema', name: 'answer', schema: { type: 'object' }, hint: PAYLOAD } } }, 'text.format.hint'],
    ['an extra field of a replayed MCP tool', '/responses', { input: [{ type: 'mcp_list_tools', id: 'l', server_label: 's', tools: [{ name: 'send', input_schema: { type: 'object' }, usage: PAYLOAD }] }, hi] }, 'input[0].tools[0].usage'],
    // Top-level fields the endpoint does not have but some upstream reads as prompt text (texts.ts FOREIGN_TEXT_FIELDS;
    // other unknown top-level fields are relayed as vendor parameters): found by QA round 5.
    ["Anthropic's top-level system on chat (LiteLLM reads it)", '/chat/completions', { messages: [hi], system: PAYLOAD }, 'system'],
    ['Anthropic system blocks on chat', '/chat/completions', { messages: [hi], system: [{ type: 'text', text: PAYLOAD }] }, 'system'],
    ['a completions prompt on chat', '/chat/completions', { messages: [hi], prompt: PAYLOAD }, 'prompt'],
    ['a Responses input on chat', '/chat/completions', { messages: [hi], input: PAYLOAD }, 'input'],
    ['extra_body holding text on chat', '/chat/completions', { messages: [hi], extra_body: { system: PAYLOAD } }, 'extra_body'],
    ['chat messages on responses', '/responses', { input: 'hi', messages: [{ role: 'system', content: PAYLOAD }] }, 'messages'],
    ['chat messages on completions', '/completions', { prompt: 'hi', messages: [{ role: 'user', content: PAYLOAD }] }, 'messages'],
    ['instructions on embeddings', '/embeddings', { input: 'hi', instructions: PAYLOAD }, 'instructions'],
  ];
  for (const [name, path, body, param] of cases) {
    it(`${name}: 400 unguardable_input at ${param}`, async () => {
      const r = await post(path, body);
      expect(r.status).toBe(400);
      expect(r.json.error).toMatchObject({ code: 'unguardable_input', param });
      expect(fake.requests).toHaveLength(0);
    });
  }

  it('vendor parameters and text-free extras at the top level still pass', async () => {
    for (const [path, body] of [
      ['/chat/completions', { messages: [hi], top_k: 20, extra_body: { top_k: 20 }, repetition_penalty: 1.1 }],
      ['/chat/completions', { messages: [hi], system: null }],
      ['/responses', { input: 'hi', prompt: { id: 'pmpt_1', version: '2' } }],
      ['/embeddings', { input: 'hi', dimensions: 8 }],
    ] as const) {
      expect((await post(path, body)).status, JSON.stringify(body)).toBe(200);
    }
    expect(fake.requests).toHaveLength(4);
  });
});

describe('fields the model sees are read', () => {
  it("a file's name is guarded (chat file, Responses input_file)", async () => {
    for (const [path, body] of [
      ['/chat/completions', { messages: [user([{ type: 'text', text: 'Summarise the file.' }, { type: 'file', file: { file_id: 'file-1', filename: `notes for ${EMAIL}.pdf` } }])] }],
      ['/responses', { input: [user([{ type: 'input_text', text: 'Summarise the file.' }, { type: 'input_file', file_id: 'file-1', filename: `notes for ${EMAIL}.pdf` }])] }],
    ] as const) {
      const r = await post(path, body);
      expect([200, 400]).toContain(r.status);
      expect(r.upstream).not.toContain(EMAIL);
    }
    const r = await post('/chat/completions', { messages: [user([{ type: 'text', text: 'Summarise the file.' }, { type: 'file', file: { file_id: 'file-1', filename: `${INJECTION}.pdf` } }])] });
    expect(r.status).toBe(400);
    expect(r.json.error?.code).toBe('content_policy_violation');
  });

  it("a chat custom tool's grammar (custom.format.grammar.definition) and a Responses function tool's output_schema are read", async () => {
    const grammar = (definition: string) => ({ messages: [hi], tools: [{ type: 'custom', custom: { name: 'mail', format: { type: 'grammar', grammar: { syntax: 'lark', definition } } } }] });
    const pii = await post('/chat/completions', grammar(`start: "${EMAIL}"`));
    expect(pii.status).toBe(400); // a grammar cannot be rewritten: blocked, never forwarded
    expect(pii.json.error?.code).toBe('content_policy_violation');
    const schema = await post('/responses', { input: 'hi', tools: [{ type: 'function', name: 'lookup', parameters: { type: 'object' }, strict: false, output_schema: { type: 'object', description: `Mails ${EMAIL}` } }] });
    expect([200, 400]).toContain(schema.status);
    expect(schema.upstream).not.toContain(EMAIL);
    expect(fake.requests.length).toBeLessThanOrEqual(1);
  });

  it("vLLM's documents and chat_template_kwargs, and a stored prompt's file variable, are read", async () => {
    const docs = await post('/chat/completions', { messages: [hi], documents: [{ title: 'Contacts', text: `Write to ${EMAIL} for access.` }] });
    expect(docs.status).toBe(200);
    expect(docs.upstream).not.toContain(EMAIL);
    const injected = await post('/chat/completions', { messages: [hi], documents: [{ title: 'Note', text: INJECTION }] });
    expect(injected.status).toBe(400);
    expect(injected.json.error?.code).toBe('content_policy_violation');
    const kwargs = await post('/chat/completions', { messages: [hi], chat_template_kwargs: { enable_thinking: false, custom_instructions: INJECTION } });
    expect(kwargs.status).toBe(400);
    expect(kwargs.json.error?.code).toBe('content_policy_violation');
    const file = await post('/responses', { prompt: { id: 'pmpt_1', variables: { doc: { type: 'input_file', file_id: 'file-1', filename: `${EMAIL}.pdf` } } } });
    expect([200, 400]).toContain(file.status);
    expect(file.upstream).not.toContain(EMAIL);
  });

  it("an embeddings request's chat-style messages (vLLM) are read like chat messages", async () => {
    const r = await post('/embeddings', { input: 'x', messages: [{ role: 'user', content: [{ type: 'text', text: `Contact ${EMAIL}` }] }] });
    expect(r.status).toBe(200);
    expect(r.upstream).not.toContain(EMAIL);
    const extra = await post('/embeddings', { input: 'x', messages: [{ role: 'user', content: 'hi', context: PAYLOAD }] });
    expect(extra.status).toBe(400);
    expect(extra.json.error).toMatchObject({ code: 'unguardable_input', param: 'messages[0].context' });
    const bare = await post('/embeddings', { input: 'x', messages: [PAYLOAD] });
    expect(bare.status).toBe(400);
    expect(bare.json.error).toMatchObject({ code: 'unguardable_input', param: 'messages[0]' });
  });

  it("Mistral thinking parts in assistant history are read as reasoning: PII pseudonymized, an injection blocked", async () => {
    const history = (text: string) => ({ messages: [hi, { role: 'assistant', content: [{ type: 'thinking', thinking: [{ type: 'text', text }] }, { type: 'text', text: 'Hello!' }] }, { role: 'user', content: 'Thanks' }] });
    const pii = await post('/chat/completions', history(`The user is ${EMAIL}.`));
    expect(pii.status).toBe(200);
    expect(pii.upstream).not.toContain(EMAIL);
    const injection = await post('/chat/completions', history(INJECTION));
    expect(injection.status).toBe(400);
    expect(injection.json.error?.code).toBe('content_policy_violation');
    expect(fake.requests).toHaveLength(1);
  });
});

describe('ordinary requests pass unchanged', () => {
  it('chat: SDK, Anthropic-style, vLLM, DeepSeek, OpenRouter and Mistral shapes', async () => {
    const messages = [
      { role: 'system', content: [{ type: 'text', text: 'Be brief.', cache_control: { type: 'ephemeral' } }] },
      user([
        { type: 'text', text: 'What is in these?', cache_control: { type: 'ephemeral', ttl: '1h' } },
        { type: 'image_url', image_url: { url: 'https://example.org/cat.png', detail: 'high' }, prompt_cache_breakpoint: { mode: 'explicit' } },
        { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
        { type: 'file', file: { file_id: 'file-1', filename: 'report.pdf' } },
        { type: 'video_url', video_url: { url: 'https://example.org/clip.mp4' } },
        { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=', format: 'image/png' }, uuid: 'img-1' },
      ]),
      // An assistant turn handed back as the OpenAI SDK returned it.
      { role: 'assistant', content: null, refusal: null, annotations: [], audio: null, function_call: null, tool_calls: [call] },
      { role: 'tool', tool_call_id: 'call_1', content: [{ type: 'text', text: 'A cat.' }] },
      { role: 'assistant', content: 'A cat.', audio: { id: 'audio_1' }, reasoning_content: 'The tool said so.', reasoning_details: [{ type: 'reasoning.text', text: 'The tool said so.', format: 'unknown', index: 0 }] },
      { role: 'assistant', content: [{ type: 'thinking', thinking: [{ type: 'text', text: 'The picture shows a cat.' }], closed: true }, { type: 'text', text: 'It is a cat.' }] },
      { role: 'user', content: 'And the colour?', name: 'alice' },
      { role: 'assistant', content: 'It is', prefix: true },
    ];
    const r = await post('/chat/completions', { messages, chat_template_kwargs: { enable_thinking: false }, documents: [{ title: 'Cats', text: 'Cats are small domesticated felines.' }] });
    expect(r.json.error).toBeUndefined();
    expect(r.status).toBe(200);
    expect(fake.requests[0]!.body.messages).toEqual(messages);
    expect(fake.requests[0]!.body.chat_template_kwargs).toEqual({ enable_thinking: false });
    expect(fake.requests[0]!.body.documents).toEqual([{ title: 'Cats', text: 'Cats are small domesticated felines.' }]);
  });

  it('Responses: replayed output messages, calls with their caller, files', async () => {
    const input = [
      user([{ type: 'input_text', text: 'Read this.' }, { type: 'input_file', file_id: 'file-1', filename: 'report.pdf', detail: 'high' }, { type: 'input_image', image_url: 'https://example.org/cat.png', detail: 'auto' }]),
      { type: 'message', id: 'msg_1', role: 'assistant', status: 'completed', phase: 'final_answer', content: [{ type: 'output_text', text: 'See the page.', annotations: [{ type: 'url_citation', url: 'https://example.org/a', title: 'A page', start_index: 0, end_index: 3 }], logprobs: [] }] },
      { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'lookup', arguments: '{"q":"cat"}', status: 'completed', caller: { type: 'direct' } },
      { type: 'function_call_output', call_id: 'call_1', output: [{ type: 'input_text', text: 'A cat.' }], status: 'completed' },
    ];
    const r = await post('/responses', { input });
    expect(r.status).toBe(200);
    expect(fake.requests[0]!.body.input).toEqual(input);
  });

  it('tool definitions: caching markers, strict flags, custom grammars, Responses callers and replayed MCP tools', async () => {
    const tools = [
      { type: 'function', function: { name: 'lookup', description: 'Looks a word up.', parameters: { type: 'object', properties: { q: { type: 'string' } } }, strict: true }, cache_control: { type: 'ephemeral' } },
      { type: 'custom', custom: { name: 'calc', description: 'Evaluates arithmetic.', format: { type: 'grammar', grammar: { syntax: 'lark', definition: 'start: NUMBER "+" NUMBER' } } } },
    ];
    const chat = await post('/chat/completions', { messages: [hi], tools });
    expect(chat.status).toBe(200);
    expect(fake.requests[0]!.body.tools).toEqual(tools);
    const rtools = [
      { type: 'function', name: 'lookup', description: 'Looks a word up.', parameters: { type: 'object' }, strict: true, allowed_callers: ['direct'], defer_loading: false },
      { type: 'custom', name: 'calc', format: { type: 'grammar', syntax: 'regex', definition: '\\d+' } },
      { type: 'web_search', search_context_size: 'low', filters: { allowed_domains: ['example.org'] } },
    ];
    const input = [{ type: 'mcp_list_tools', id: 'l', server_label: 's', tools: [{ name: 'send', description: 'Sends a note.', input_schema: { type: 'object' }, annotations: { title: 'Send note', readOnlyHint: false } }] }, hi];
    const responses = await post('/responses', { input, tools: rtools });
    expect(responses.status).toBe(200);
    expect(fake.requests[1]!.body.tools).toEqual(rtools);
    expect(fake.requests[1]!.body.input).toEqual(input);
  });
});

// ---- output: Mistral thinking parts -------------------------------------------------------------

let mode = '';
let upstream: Server;
let out: TestGateway;

const thinking = (text: string) => ({ type: 'thinking', thinking: [{ type: 'text', text }] });
function mistralAnswer(res: ServerResponse, parts: unknown[]): void {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ id: 'c1', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: parts, tool_calls: null }, finish_reason: 'stop' }], usage: { prompt_tokens: 3, completion_tokens: 9, total_tokens: 12 } }));
}
function mistralStream(res: ServerResponse, deltas: Json[]): void {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  deltas.forEach((delta, i) => res.write(`data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: i === deltas.length - 1 ? 'stop' : null }] })}\n\n`));
  res.end('data: [DONE]\n\n');
}
const THOUGHT = 'The user greets me, so I answer politely and briefly.';
function answer(res: ServerResponse): void {
  if (mode === 'json-plain') return mistralAnswer(res, [thinking(THOUGHT), { type: 'text', text: 'Hello!' }]);
  if (mode === 'json-key') return mistralAnswer(res, [thinking(`I must not print ${KEY} here.`), { type: 'text', text: 'Hello!' }]);
  const words = `Thinking it over: the key is ${KEY} and then some more words to stream.`.match(/.{1,7}/g)!;
  return mistralStream(res, [
    { role: 'assistant', content: '' },
    ...words.map((w) => ({ content: [thinking(w)] })),
    { content: [{ type: 'text', text: 'Hello ' }] },
    { content: 'there!' },
    {},
  ]);
}

describe('Mistral thinking parts in answers are guarded as reasoning', () => {
  beforeAll(async () => {
    upstream = createServer((req, res) => {
      req.resume();
      req.on('end', () => answer(res));
    });
    const baseUrl = await listenLocal(upstream);
    out = await startGateway({ upstream: { providers: [{ name: 'up', type: 'openai', baseUrl, models: ['m'] }] }, audit: { enabled: false } });
  });
  afterAll(async () => {
    await out?.close();
    if (upstream) await closeLocal(upstream);
  });

  async function ask(as: string, stream = false) {
    mode = as;
    const res = await fetch(`${out.baseURL}/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${out.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ model: 'm', stream, messages: [hi] }) });
    return { status: res.status, text: await res.text() };
  }

  it('non-streamed: relayed as sent when nothing is found, a key in the thinking redacted', async () => {
    const plain = await ask('json-plain');
    expect(plain.status).toBe(200);
    const body = JSON.parse(plain.text) as { choices: Array<{ message: { content: unknown } }> };
    expect(body.choices[0]!.message.content).toEqual([thinking(THOUGHT), { type: 'text', text: 'Hello!' }]);

    const key = await ask('json-key');
    expect(key.status).toBe(200);
    expect(key.text).not.toContain(KEY);
    const content = (JSON.parse(key.text) as { choices: Array<{ message: { content: Array<{ thinking?: Array<{ text: string }> }> } }> }).choices[0]!.message.content;
    expect(content[0]!.thinking![0]!.text).toContain('I must not print');
    expect(content[0]!.thinking![0]!.text).toContain('[REDACTED');
  });

  it('streamed: the thinking reaches the client guarded, before the answer, which is relayed too', async () => {
    const r = await ask('stream', true);
    expect(r.status).toBe(200);
    expect(r.text).not.toContain(KEY);
    const deltas = r.text
      .split('\n')
      .filter((l) => l.startsWith('data: ') && l !== 'data: [DONE]')
      .map((l) => (JSON.parse(l.slice(6)) as { choices: Array<{ delta: { content?: unknown } }> }).choices[0]?.delta ?? {});
    let thought = '';
    let text = '';
    let answerStarted = false;
    for (const d of deltas) {
      if (typeof d.content === 'string') {
        text += d.content;
        if (d.content) answerStarted = true;
      } else if (Array.isArray(d.content)) {
        for (const part of d.content as Array<{ type: string; thinking: Array<{ text: string }> }>) {
          expect(part.type).toBe('thinking');
          expect(answerStarted).toBe(false);
          thought += part.thinking.map((c) => c.text).join('');
        }
      }
    }
    expect(thought).toContain('Thinking it over: the key is');
    expect(thought).toContain('[REDACTED');
    expect(thought).toContain('more words to stream.');
    expect(text).toBe('Hello there!');
  });
});
