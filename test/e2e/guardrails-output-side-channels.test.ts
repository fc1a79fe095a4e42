/**
 * The output guard covers every field of an answer that carries model text, not only `content`:
 * a refusal (chat `message.refusal`, streamed `delta.refusal`, Responses refusal parts) is model
 * text a user reads, and logprobs spell the answer out token by token (`token`, `bytes`,
 * `top_logprobs`), so once the guard rewrote a choice its logprobs would hand back what it removed.
 * The upstream is a test-owned node:http server that answers with those fields (the shared fake
 * upstream does not produce them).
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeLocal, listenLocal, sendResponsesEvents } from '../fixtures/local-server.js';
import { startGateway, type TestGateway } from '../fixtures/gateway.js';

// A well-formed OpenAI-style project key: the default policy redacts secret.* in the output.
const CANARY_KEY = 'sk-proj-Qz7vK2mWc9RtY4uH8nBx3LpA6sDf1GjE5oIw0yTr';
const ANSWER = `Here is the key ${CANARY_KEY} as asked.`;
const REFUSAL = `I cannot share ${CANARY_KEY} with you.`;

const tokens = (text: string): string[] => text.split(/(?= )/);
const chatLogprobs = (text: string) => ({
  content: tokens(text).map((t) => ({ token: t, logprob: -0.1, bytes: [...Buffer.from(t)], top_logprobs: [{ token: t, logprob: -0.1, bytes: [...Buffer.from(t)] }] })),
  refusal: null,
});

let upstream: Server;
let gw: TestGateway;

function answer(path: string, body: Record<string, unknown>, res: import('node:http').ServerResponse): void {
  const json = (value: unknown) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(value));
  };
  const usage = { prompt_tokens: 3, completion_tokens: 9, total_tokens: 12 };
  const wantsRefusal = JSON.stringify(body).includes('refuse');
  const args = JSON.stringify({ key: CANARY_KEY });
  if (path.endsWith('/chat/completions') && JSON.stringify(body).includes('legacy function')) {
    if (body.stream !== true) {
      const message = { role: 'assistant', content: null, function_call: { name: 'store', arguments: args } };
      return json({ id: 'chatcmpl-1', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message, logprobs: null, finish_reason: 'function_call' }], usage });
    }
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
      res.write(`data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`);
    chunk({ role: 'assistant', content: null, function_call: { name: 'store', arguments: '' } });
    for (let i = 0; i < args.length; i += 5) chunk({ function_call: { arguments: args.slice(i, i + 5) } });
    chunk({}, 'function_call');
    res.end('data: [DONE]\n\n');
    return;
  }
  if (path.endsWith('/chat/completions') && body.stream !== true) {
    const message = wantsRefusal ? { role: 'assistant', content: null, refusal: REFUSAL } : { role: 'assistant', content: ANSWER, refusal: null };
    return json({ id: 'chatcmpl-1', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message, logprobs: wantsRefusal ? null : chatLogprobs(ANSWER), finish_reason: 'stop' }], usage });
  }
  if (path.endsWith('/chat/completions')) {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const chunk = (delta: Record<string, unknown>, logprobs: unknown, finish: string | null = null) =>
      res.write(`data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, logprobs, finish_reason: finish }] })}\n\n`);
    if (wantsRefusal) {
      chunk({ role: 'assistant', content: null, refusal: '' }, null);
      for (const t of tokens(REFUSAL)) chunk({ refusal: t }, null);
    } else {
      // The role and the whole answer in one chunk, as some providers send short answers.
      chunk({ role: 'assistant', content: ANSWER }, chatLogprobs(ANSWER));
    }
    chunk({}, null, 'stop');
    res.end('data: [DONE]\n\n');
    return;
  }
  if (path.endsWith('/completions')) {
    const t = tokens(ANSWER);
    return json({ id: 'cmpl-1', object: 'text_completion', created: 1, model: 'm', choices: [{ index: 0, text: ANSWER, logprobs: { tokens: t, token_logprobs: t.map(() => -0.1), top_logprobs: t.map((x) => ({ [x]: -0.1 })), text_offset: [] }, finish_reason: 'stop' }], usage });
  }
  if (path.endsWith('/responses') && JSON.stringify(body).includes('custom tool')) {
    const call = { type: 'custom_tool_call', id: 'ctc_1', call_id: 'call_1', name: 'shell', input: `export KEY=${CANARY_KEY}`, status: 'completed' };
    if (body.stream !== true) {
      return json({ id: 'resp_1', object: 'response', created_at: 1, status: 'completed', model: 'm', output: [call], usage: { input_tokens: 3, output_tokens: 9, total_tokens: 12 } });
    }
    const where = { item_id: 'ctc_1', output_index: 0 };
    const events: Record<string, unknown>[] = [
      { type: 'response.output_item.added', output_index: 0, item: { ...call, input: '', status: 'in_progress' } },
      ...tokens(call.input).map((t) => ({ type: 'response.custom_tool_call_input.delta', ...where, delta: t })),
      { type: 'response.custom_tool_call_input.done', ...where, input: call.input },
      { type: 'response.output_item.done', output_index: 0, item: call },
      { type: 'response.completed', response: { id: 'resp_1', object: 'response', status: 'completed', model: 'm', output: [call] } },
    ];
    return sendResponsesEvents(res, events);
  }
  if (path.endsWith('/responses') && body.stream === true) {
    const item = { type: 'message', id: 'msg_1', status: 'in_progress', role: 'assistant', content: [] as unknown[] };
    const where = { item_id: 'msg_1', output_index: 0, content_index: 0 };
    const response = { id: 'resp_1', object: 'response', created_at: 1, status: 'in_progress', model: 'm', output: [] as unknown[] };
    const events: Record<string, unknown>[] = [
      { type: 'response.created', response },
      { type: 'response.output_item.added', output_index: 0, item },
      { type: 'response.content_part.added', ...where, part: { type: 'refusal', refusal: '' } },
      ...tokens(REFUSAL).map((t) => ({ type: 'response.refusal.delta', ...where, delta: t })),
      { type: 'response.refusal.done', ...where, refusal: REFUSAL },
      { type: 'response.content_part.done', ...where, part: { type: 'refusal', refusal: REFUSAL } },
      { type: 'response.output_item.done', output_index: 0, item: { ...item, status: 'completed', content: [{ type: 'refusal', refusal: REFUSAL }] } },
      { type: 'response.completed', response: { ...response, status: 'completed', output: [{ ...item, status: 'completed', content: [{ type: 'refusal', refusal: REFUSAL }] }] } },
    ];
    return sendResponsesEvents(res, events);
  }
  if (path.endsWith('/responses')) {
    const part = wantsRefusal
      ? { type: 'refusal', refusal: REFUSAL }
      : { type: 'output_text', text: ANSWER, annotations: [], logprobs: tokens(ANSWER).map((t) => ({ token: t, logprob: -0.1, bytes: [...Buffer.from(t)], top_logprobs: [] })) };
    return json({
      id: 'resp_1', object: 'response', created_at: 1, status: 'completed', model: 'm',
      output: [{ type: 'message', id: 'msg_1', status: 'completed', role: 'assistant', content: [part] }],
      usage: { input_tokens: 3, output_tokens: 9, total_tokens: 12 },
    });
  }
  res.statusCode = 404;
  res.end('{}');
}

beforeAll(async () => {
  upstream = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => answer(req.url ?? '', raw ? (JSON.parse(raw) as Record<string, unknown>) : {}, res));
  });
  const baseUrl = await listenLocal(upstream);
  gw = await startGateway({ upstream: { providers: [{ name: 'up', type: 'openai', baseUrl, models: ['m'] }] }, audit: { enabled: false } });
});

afterAll(async () => {
  await gw?.close();
  if (upstream) await closeLocal(upstream);
});

async function post(path: string, body: unknown): Promise<string> {
  const res = await fetch(`${gw.baseURL}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return res.text();
}

// The canary in any form: plain, or as the UTF-8 bytes logprobs carry.
const KEY_BYTES = [...Buffer.from(CANARY_KEY.slice(8, 24))].join(',');
function expectNoCanary(text: string): void {
  expect(text).not.toContain(CANARY_KEY.slice(8, 24));
  expect(text).not.toContain(KEY_BYTES);
}

describe('output guard: legacy function_call answers', () => {
  it('JSON and streamed: the arguments are guarded like tool_calls arguments', async () => {
    const plain = await post('/chat/completions', { model: 'm', functions: [{ name: 'store', parameters: {} }], messages: [{ role: 'user', content: 'legacy function' }] });
    expect(JSON.parse(JSON.parse(plain).choices[0].message.function_call.arguments)).toEqual({ key: '[REDACTED]' });
    expectNoCanary(plain);
    const streamed = await post('/chat/completions', { model: 'm', stream: true, messages: [{ role: 'user', content: 'legacy function' }] });
    const deltas = streamed
      .split('\n\n')
      .map((frame) => frame.replace(/^data: /, ''))
      .filter((d) => d.startsWith('{'))
      .map((d) => (JSON.parse(d) as { choices: { delta: { function_call?: { name?: string; arguments?: string } } }[] }).choices[0]?.delta.function_call)
      .filter((f) => f !== undefined);
    expect(deltas.map((f) => f.arguments ?? '').join('')).toBe(JSON.stringify({ key: '[REDACTED]' }));
    expect(deltas.some((f) => f.name === 'store')).toBe(true);
    expectNoCanary(streamed);
  });
});

describe('output guard: Responses custom tool calls', () => {
  it('JSON and streamed: the free-text input is guarded', async () => {
    const plain = await post('/responses', { model: 'm', input: 'custom tool please' });
    expect(JSON.parse(plain).output[0].input).toBe('export KEY=[REDACTED]');
    expectNoCanary(plain);
    const streamed = await post('/responses', { model: 'm', stream: true, input: 'custom tool please' });
    expect(streamed).toContain('export KEY=[REDACTED]');
    expectNoCanary(streamed);
  });
});

describe('output guard: refusals and logprobs', () => {
  it('chat (JSON): the redacted answer has no logprobs that spell the key out', async () => {
    const text = await post('/chat/completions', { model: 'm', logprobs: true, top_logprobs: 1, messages: [{ role: 'user', content: 'hello' }] });
    expect(text).toContain('[REDACTED]');
    expectNoCanary(text);
  });

  it('chat (JSON): a refusal is guarded like content', async () => {
    const text = await post('/chat/completions', { model: 'm', messages: [{ role: 'user', content: 'please refuse' }] });
    expect(JSON.parse(text).choices[0].message.refusal).toContain('[REDACTED]');
    expectNoCanary(text);
  });

  it('chat (stream): a chunk with the role and the content keeps no logprobs of the content', async () => {
    const text = await post('/chat/completions', { model: 'm', stream: true, logprobs: true, messages: [{ role: 'user', content: 'hello' }] });
    expect(text).toContain('[REDACTED]');
    expectNoCanary(text);
  });

  it('chat (stream): refusal deltas are guarded like content', async () => {
    const text = await post('/chat/completions', { model: 'm', stream: true, messages: [{ role: 'user', content: 'please refuse' }] });
    const refusal = text
      .split('\n\n')
      .map((frame) => frame.replace(/^data: /, ''))
      .filter((d) => d.startsWith('{'))
      .map((d) => (JSON.parse(d) as { choices: { delta: { refusal?: string | null } }[] }).choices[0]?.delta.refusal ?? '')
      .join('');
    expect(refusal).toBe(REFUSAL.replace(CANARY_KEY, '[REDACTED]'));
    expectNoCanary(text);
  });

  it('legacy completions: redacted text, no token logprobs of the original', async () => {
    const text = await post('/completions', { model: 'm', prompt: 'hello', logprobs: 1 });
    expect(text).toContain('[REDACTED]');
    expectNoCanary(text);
  });

  it('responses: output_text logprobs and refusal parts', async () => {
    const answered = await post('/responses', { model: 'm', input: 'hello', include: ['message.output_text.logprobs'] });
    expect(answered).toContain('[REDACTED]');
    expectNoCanary(answered);
    const refused = await post('/responses', { model: 'm', input: 'please refuse' });
    expect(refused).toContain('[REDACTED]');
    expectNoCanary(refused);
  });

  it('responses (stream): refusal deltas, the done event and the final item are guarded', async () => {
    const text = await post('/responses', { model: 'm', stream: true, input: 'please refuse' });
    const events = text
      .split('\n\n')
      .map((frame) => frame.split('\n').find((l) => l.startsWith('data: '))?.slice(6))
      .filter((d): d is string => d !== undefined)
      .map((d) => JSON.parse(d) as Record<string, unknown>);
    const deltas = events.filter((e) => e.type === 'response.refusal.delta').map((e) => e.delta).join('');
    expect(deltas).toBe(REFUSAL.replace(CANARY_KEY, '[REDACTED]'));
    expect(events.find((e) => e.type === 'response.refusal.done')?.refusal).toBe(deltas);
    expect(events.some((e) => e.type === 'response.completed')).toBe(true);
    expectNoCanary(text);
  });
});
