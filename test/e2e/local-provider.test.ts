/** The built-in offline demo model through the gateway, driven by the openai SDK and prompt directives. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type OpenAI from 'openai';
import { CORE_ONLY, startGateway, type TestGateway } from '../fixtures/gateway.js';
import { FIXTURES } from '../../src/upstream/local/directives.js';

let gw: TestGateway;
let client: OpenAI;

beforeAll(async () => {
  gw = await startGateway({ ...CORE_ONLY, upstream: { providers: [{ name: 'local', type: 'local', models: ['sealgate-demo'] }] } });
  client = gw.client();
});
afterAll(() => gw?.close());

const say = async (content: string, extra: Record<string, unknown> = {}) => {
  const completion = await client.chat.completions.create({ model: 'sealgate-demo', messages: [{ role: 'user', content }], ...extra });
  return completion.choices[0]!.message.content;
};

describe('local demo model', () => {
  it('greets and echoes by default, deterministically', async () => {
    expect(await say('hello there')).toBe('Hello from sealgate-demo (offline demo model). You said: hello there');
    expect(await say('hello there')).toBe(await say('hello there'));
  });

  it('follows echo, emit, fixture and tokens directives', async () => {
    expect(await say('[[echo]] 我的电话是13812345678')).toBe('我的电话是13812345678');
    expect(await say('[[emit: line one\\nline two]]')).toBe('line one\nline two');
    expect(await say('[[fixture: pii-zh]]')).toBe(FIXTURES['pii-zh']);
    const ten = await say('[[tokens: 10]]');
    expect(ten!.split(' ')).toHaveLength(10);
  });

  it('echoes the whole conversation with [[echo: all]] (what the model saw)', async () => {
    const completion = await client.chat.completions.create({
      model: 'sealgate-demo',
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'ok' },
        { role: 'user', content: [{ type: 'text', text: 'second [[echo: all]]' }] },
      ],
    });
    expect(completion.choices[0]!.message.content).toBe('system: You are terse.\nuser: first\nassistant: ok\nuser: second');
  });

  it('streams token by token, CJK one character per token', async () => {
    const stream = await client.chat.completions.create({ model: 'sealgate-demo', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: '[[emit: 你好 world]]' }] });
    const deltas: string[] = [];
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      const d = chunk.choices[0]?.delta.content;
      if (d) deltas.push(d);
      if (chunk.usage) usage = chunk.usage;
    }
    expect(deltas).toEqual(['你', '好', ' world']);
    expect(usage?.completion_tokens).toBe(3);
  });

  it('calls tools with the given arguments', async () => {
    const completion = await client.chat.completions.create({
      model: 'sealgate-demo',
      messages: [{ role: 'user', content: '[[tool: get_weather {"city":"北京"}]]' }],
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object' } } }],
    });
    const call = completion.choices[0]!.message.tool_calls![0]!;
    expect(call.type === 'function' && call.function).toEqual({ name: 'get_weather', arguments: '{"city":"北京"}' });
  });

  it('fails on demand like an upstream would ([[error: 503]] → 502 after retries)', async () => {
    await expect(say('[[error: 503]]')).rejects.toMatchObject({ status: 502, code: 'upstream_error' });
    await expect(say('[[error: 400]]')).rejects.toMatchObject({ status: 400, code: 'demo_error' });
  });

  it('serves the Responses API, completions and embeddings', async () => {
    const response = await client.responses.create({ model: 'sealgate-demo', input: [{ role: 'user', content: '[[emit: from responses]]' }] });
    expect(response.output_text).toBe('from responses');
    const completion = await client.completions.create({ model: 'sealgate-demo', prompt: '[[echo]] complete me' });
    expect(completion.choices[0]!.text).toBe('complete me');
    const emb = await client.embeddings.create({ model: 'sealgate-demo', input: ['same text', 'same text', 'different'] });
    const [a, b, c] = emb.data.map((d) => d.embedding);
    expect(a).toHaveLength(256);
    expect(a).toEqual(b);
    const dot = (x: number[], y: number[]) => x.reduce((s, v, i) => s + v * y[i]!, 0);
    expect(dot(a!, a!)).toBeCloseTo(1, 5);
    expect(dot(a!, c!)).toBeLessThan(0.99);
  });

  it('honours [[delay]] between streamed tokens', async () => {
    const started = Date.now();
    const stream = await client.chat.completions.create({ model: 'sealgate-demo', stream: true, messages: [{ role: 'user', content: '[[emit: a b c]] [[delay: 30]]' }] });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('a b c');
    expect(Date.now() - started).toBeGreaterThanOrEqual(4 * 30);
  });
});
