/**
 * Reasoning in every vendor spelling the gateway relays (shapes.ts REASONING_FIELDS) is read by the
 * guardrails on the way in and out, and otherwise relayed intact:
 * - LiteLLM's `thinking_blocks` (`{ type: 'thinking', thinking, signature }`, `{ type: 'redacted_thinking', data }`)
 *   on messages, stream deltas and assistant turns handed back;
 * - Ollama's message-level `thinking` (native `/api/chat` shape, as clients built on it hand turns back);
 * - OpenRouter's streamed `reasoning_details` (were dropped from streams).
 * Thinking is model output: the output guard rewrites it like `content` (a key in it is redacted). A block
 * field or type the guard does not read that holds text is still refused (requests) or dropped (answers).
 * The upstream is a test-owned node:http server answering in those shapes.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeLocal, listenLocal } from '../fixtures/local-server.js';
import { startGateway, type TestGateway } from '../fixtures/gateway.js';
import { EMAIL, KEY } from '../fixtures/guard-payloads.js';

const THOUGHT = `The user wants the key ${KEY}, so I will hand it over.`;
const SIGNATURE = 'EqoBCkgIARABGAIiQL2UoU0b1OHYi+sig';
const ENCRYPTED = 'gAAAAABoX2VuY3J5cHRlZC1yZWFzb25pbmc=';

let upstream: Server;
let gw: TestGateway;
let received: Array<Record<string, unknown>> = [];

/** The answer's message (non-streamed) per vendor, chosen by the last user message. */
function message(vendor: string): Record<string, unknown> {
  if (vendor === 'litellm') {
    return {
      role: 'assistant',
      content: 'Done.',
      reasoning_content: THOUGHT,
      thinking_blocks: [
        { type: 'thinking', thinking: THOUGHT, signature: SIGNATURE },
        { type: 'redacted_thinking', data: ENCRYPTED },
        { type: 'vendor_note', note: `Leaked ${KEY}` },
      ],
    };
  }
  if (vendor === 'ollama') return { role: 'assistant', content: 'Done.', thinking: THOUGHT };
  return { role: 'assistant', content: 'Done.', reasoning: THOUGHT, reasoning_details: [{ type: 'reasoning.text', text: THOUGHT, format: 'anthropic-claude-v1', index: 0 }] };
}

/** The answer's stream deltas per vendor: the thought in small pieces, then the signed/encrypted part, then the answer. */
function deltas(vendor: string): Array<Record<string, unknown>> {
  const pieces = THOUGHT.match(/.{1,6}/gs)!;
  if (vendor === 'litellm') {
    return [
      { role: 'assistant', content: '' },
      ...pieces.map((p) => ({ reasoning_content: p, thinking_blocks: [{ type: 'thinking', thinking: p, signature: null }] })),
      { thinking_blocks: [{ type: 'thinking', thinking: '', signature: SIGNATURE }] },
      { thinking_blocks: [{ type: 'redacted_thinking', data: ENCRYPTED }] },
      { content: 'Done.' },
    ];
  }
  if (vendor === 'ollama') return [{ role: 'assistant', content: '' }, ...pieces.map((p) => ({ thinking: p })), { content: 'Done.' }];
  return [
    { role: 'assistant', content: '' },
    ...pieces.map((p) => ({ reasoning: p, reasoning_details: [{ type: 'reasoning.text', text: p, format: 'anthropic-claude-v1', index: 0 }] })),
    { reasoning_details: [{ type: 'reasoning.encrypted', data: ENCRYPTED, format: 'anthropic-claude-v1', index: 1 }] },
    { content: 'Done.' },
  ];
}

function answer(req: IncomingMessage, body: Record<string, unknown>, res: ServerResponse): void {
  received.push(body);
  const messages = Array.isArray(body.messages) ? (body.messages as Array<{ content?: unknown }>) : [];
  const vendor = String(messages.at(-1)?.content ?? '');
  const base = { id: 'chatcmpl-1', created: 1, model: 'm' };
  if (body.stream !== true) {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ ...base, object: 'chat.completion', choices: [{ index: 0, message: message(vendor), logprobs: null, finish_reason: 'stop' }], usage: { prompt_tokens: 3, completion_tokens: 9, total_tokens: 12 } }));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
    res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`);
  for (const delta of deltas(vendor)) chunk(delta);
  chunk({}, 'stop');
  res.end('data: [DONE]\n\n');
}

beforeAll(async () => {
  upstream = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => answer(req, raw ? (JSON.parse(raw) as Record<string, unknown>) : {}, res));
  });
  const baseUrl = await listenLocal(upstream);
  gw = await startGateway({ upstream: { providers: [{ name: 'up', type: 'openai', baseUrl, models: ['m'] }] }, audit: { enabled: false } });
});

afterAll(async () => {
  await gw?.close();
  if (upstream) await closeLocal(upstream);
});

beforeEach(() => {
  received = [];
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- SDK results carry vendor extras the SDK types do not name

async function complete(vendor: string): Promise<Json> {
  const reply = await gw.client().chat.completions.create({ model: 'm', messages: [{ role: 'user', content: vendor }] });
  return reply.choices[0]!.message as Json;
}

/** A streamed answer's deltas, in order. */
async function stream(vendor: string): Promise<Json[]> {
  const out: Json[] = [];
  const chunks = await gw.client().chat.completions.create({ model: 'm', stream: true, messages: [{ role: 'user', content: vendor }] });
  for await (const chunk of chunks) if (chunk.choices[0]) out.push(chunk.choices[0].delta as Json);
  return out;
}

/** The text of one field over a stream's deltas (`pick` reads it from one delta). */
const joined = (list: Json[], pick: (d: Json) => unknown): string => list.map((d) => pick(d)).filter((t): t is string => typeof t === 'string').join('');

describe('answers: reasoning in every spelling is guarded and relayed', () => {
  it('LiteLLM thinking_blocks (non-streamed): text redacted, signature and redacted block intact, unknown block reduced', async () => {
    const m = await complete('litellm');
    expect(JSON.stringify(m)).not.toContain(KEY);
    expect(m.thinking_blocks).toHaveLength(3);
    expect(m.thinking_blocks[0].type).toBe('thinking');
    expect(m.thinking_blocks[0].signature).toBe(SIGNATURE);
    expect(m.thinking_blocks[0].thinking).toContain('The user wants the key');
    expect(m.thinking_blocks[1]).toEqual({ type: 'redacted_thinking', data: ENCRYPTED });
    // A block type the guard does not read keeps its type, not its text.
    expect(m.thinking_blocks[2]).toEqual({ type: 'vendor_note' });
    expect(m.content).toBe('Done.');
  });

  it('LiteLLM thinking_blocks (streamed): text guarded, signature and redacted block relayed', async () => {
    const list = await stream('litellm');
    expect(JSON.stringify(list)).not.toContain(KEY);
    const blocks = list.flatMap((d) => (Array.isArray(d.thinking_blocks) ? d.thinking_blocks : []));
    const thought = joined(blocks, (b) => (b.type === 'thinking' ? b.thinking : undefined));
    expect(thought).toContain('The user wants the key');
    expect(thought).toContain('so I will hand it over.');
    expect(blocks.some((b) => b.signature === SIGNATURE)).toBe(true);
    // A text delta's `signature: null` does not become a block of its own with no text.
    expect(blocks.filter((b) => b.type === 'thinking' && b.thinking === '' && !b.signature)).toEqual([]);
    expect(blocks).toContainEqual({ type: 'redacted_thinking', data: ENCRYPTED });
    expect(joined(list, (d) => d.reasoning_content)).toBe(thought);
    expect(joined(list, (d) => d.content)).toBe('Done.');
  });

  it("Ollama's message-level thinking: redacted, non-streamed and streamed", async () => {
    const m = await complete('ollama');
    expect(m.thinking).toContain('The user wants the key');
    expect(m.thinking).not.toContain(KEY);
    const list = await stream('ollama');
    const thought = joined(list, (d) => d.thinking);
    expect(thought).toContain('so I will hand it over.');
    expect(JSON.stringify(list)).not.toContain(KEY);
    expect(joined(list, (d) => d.content)).toBe('Done.');
  });

  it("OpenRouter's streamed reasoning_details: relayed with their text guarded, encrypted details intact", async () => {
    const list = await stream('openrouter');
    expect(JSON.stringify(list)).not.toContain(KEY);
    const details = list.flatMap((d) => (Array.isArray(d.reasoning_details) ? d.reasoning_details : []));
    const text = details.filter((d) => d.type === 'reasoning.text');
    expect(text.length).toBeGreaterThan(0);
    for (const d of text) expect(d).toMatchObject({ format: 'anthropic-claude-v1', index: 0 });
    expect(joined(text, (d) => d.text)).toBe(joined(list, (d) => d.reasoning));
    expect(joined(text, (d) => d.text)).toContain('so I will hand it over.');
    expect(details).toContainEqual({ type: 'reasoning.encrypted', data: ENCRYPTED, format: 'anthropic-claude-v1', index: 1 });
  });
});

async function post(messages: unknown[]): Promise<{ status: number; json: Json }> {
  const res = await fetch(`${gw.baseURL}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'm', messages }),
  });
  return { status: res.status, json: (await res.json()) as Json };
}

describe('requests: reasoning handed back is read, relayed intact, refused when unreadable', () => {
  const ask = { role: 'user', content: 'hi' };
  const turns: Array<[string, Record<string, unknown>]> = [
    ['LiteLLM thinking_blocks', { role: 'assistant', content: 'Sure.', thinking_blocks: [{ type: 'thinking', thinking: 'The user said hi.', signature: SIGNATURE }, { type: 'redacted_thinking', data: ENCRYPTED }] }],
    ["Ollama's thinking", { role: 'assistant', content: 'Sure.', thinking: 'The user said hi.' }],
  ];
  for (const [name, turn] of turns) {
    it(`${name}: relayed as sent (openai SDK)`, async () => {
      const messages = [ask, turn, ask];
      // The SDK's types do not name the vendor field; it sends the messages as given.
      const reply = await gw.client().chat.completions.create({ model: 'm', messages: messages as never });
      expect(reply.choices[0]!.message.content).toBe('Done.');
      expect(received[0]!.messages).toEqual(messages);
    });
  }

  it('PII in a handed-back thinking block or thinking field never reaches the upstream', async () => {
    for (const turn of [
      { role: 'assistant', content: 'Sure.', thinking_blocks: [{ type: 'thinking', thinking: `Mail goes to ${EMAIL}.`, signature: SIGNATURE }] },
      { role: 'assistant', content: 'Sure.', thinking: `Mail goes to ${EMAIL}.` },
    ]) {
      received = [];
      const r = await post([ask, turn, ask]);
      expect([200, 400]).toContain(r.status);
      expect(JSON.stringify(received)).not.toContain(EMAIL);
    }
  });

  it('a thinking block of an unknown type, or a text field a block does not have, is refused', async () => {
    for (const [block, param] of [
      [{ type: 'vendor_note', note: 'hidden text' }, 'messages[1].thinking_blocks[0].note'],
      [{ type: 'thinking', thinking: 'ok', extra: 'hidden text' }, 'messages[1].thinking_blocks[0].extra'],
    ] as const) {
      const r = await post([ask, { role: 'assistant', content: 'Sure.', thinking_blocks: [block] }, ask]);
      expect(r.status).toBe(400);
      expect(r.json.error).toMatchObject({ code: 'unguardable_input', param });
    }
    const r = await post([ask, { role: 'assistant', content: 'Sure.', thinking: { text: 'hidden text' } }, ask]);
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: 'unguardable_input', param: 'messages[1].thinking' });
    expect(received).toHaveLength(0);
  });
});
