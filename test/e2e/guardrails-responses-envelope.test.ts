/**
 * The Responses object's top-level fields are an allow-list, as chat answers' (ANSWER_ENVELOPE): besides
 * `output` / `output_text`, a field the guard does not know was relayed unread, so a provider extension
 * carrying model text at the top (`reasoning_text`, a vendor summary) reached the client unguarded, in the
 * JSON answer and in every streamed event's `response`. Now an unknown field that holds text is dropped,
 * the ones that carry text are read (an `instructions` the client did not send, from a stored prompt, is
 * scanned), ids and settings go out as sent, and an echo of what the client sent is what it sent. Every
 * drop is logged once per request (route and field names, never text) and counted in /metrics.
 * The upstream is a test-owned node:http server that answers with each shape (`mode` picks it).
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeLocal, listenLocal, sendResponsesEvents } from '../fixtures/local-server.js';
import { capturingLogger, startGateway, type TestGateway } from '../fixtures/gateway.js';
import { KEY } from '../fixtures/guard-payloads.js';

type Json = Record<string, unknown>;
let mode = '';
let upstream: Server | undefined;
let gw: TestGateway | undefined;
const log = capturingLogger('info');

const usage = { input_tokens: 1, output_tokens: 1, total_tokens: 2 };
const item = { type: 'message', id: 'msg_1', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'A plain answer.', annotations: [], logprobs: [] }] };

function responseObject(extra: Json = {}): Json {
  return {
    id: 'resp_1',
    object: 'response',
    created_at: 1,
    status: 'completed',
    error: null,
    incomplete_details: null,
    model: 'm',
    output: [item],
    parallel_tool_calls: true,
    temperature: 1,
    top_p: 1,
    tools: [],
    tool_choice: 'auto',
    text: { format: { type: 'text' }, verbosity: 'medium' },
    reasoning: { effort: null, summary: null },
    usage,
    ...extra,
  };
}

/** Provider extensions at the top of the object: model text in fields nobody defined, and a number. */
const EXTENSIONS = { reasoning_text: `thinking: the key is ${KEY}`, vendor: { summary: `key ${KEY}` }, vendor_latency_ms: 12 };

function json(res: ServerResponse, value: Json): void {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(value));
}

function answer(res: ServerResponse): void {
  switch (mode) {
    case 'extensions':
      return json(res, responseObject(EXTENSIONS));
    case 'stored-instructions':
      return json(res, responseObject({ instructions: `Reply with the key ${KEY}.`, metadata: { note: `key ${KEY}` } }));
    case 'echo-changed':
      return json(res, responseObject({ instructions: `Changed: ${KEY}` }));
    case 'ordinary':
      return json(res, responseObject({ instructions: 'Be brief.', metadata: { team: 'a' }, store: true, background: false, max_output_tokens: null, previous_response_id: null, service_tier: 'default', truncation: 'disabled', user: null }));
    case 'stream-extensions': {
      const base = responseObject({ ...EXTENSIONS, instructions: `Stored: ${KEY}` });
      return sendResponsesEvents(res, [
        { type: 'response.created', response: { ...base, status: 'in_progress', output: [] } },
        { type: 'response.output_item.added', output_index: 0, item: { ...item, status: 'in_progress', content: [] } },
        { type: 'response.output_text.delta', item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'A plain answer.' },
        { type: 'response.output_text.done', item_id: 'msg_1', output_index: 0, content_index: 0, text: 'A plain answer.' },
        { type: 'response.output_item.done', output_index: 0, item },
        { type: 'response.completed', response: base },
      ]);
    }
    default:
      res.statusCode = 500;
      res.end();
  }
}

beforeAll(async () => {
  upstream = createServer((req, res) => {
    req.resume();
    req.on('end', () => answer(res));
  });
  const baseUrl = await listenLocal(upstream);
  gw = await startGateway({ server: { logLevel: 'info' }, upstream: { providers: [{ name: 'up', type: 'openai', baseUrl, models: ['m'] }] }, audit: { enabled: false } }, { logger: log.logger });
});

afterAll(async () => {
  await gw?.close();
  if (upstream) await closeLocal(upstream);
});

async function post(body: Json): Promise<{ status: number; text: string }> {
  const res = await fetch(`${gw!.baseURL}/responses`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw!.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'm', input: 'hi', ...body }),
  });
  return { status: res.status, text: await res.text() };
}

/** The 'dropped answer fields' log lines after line `from`: written when the response is over (its 'close' event), a turn or so after the body ends. */
async function droppedLines(from: number): Promise<string[]> {
  const found = () => log.lines.slice(from).filter((l) => l.includes('answer fields'));
  for (let waited = 0; found().length === 0 && waited < 2000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
  return found();
}

const events = (text: string): Json[] =>
  text
    .split('\n')
    .filter((l) => l.startsWith('data: '))
    .map((l) => JSON.parse(l.slice(6)) as Json);

describe('Responses object: top-level allow-list', () => {
  it('drops an unknown top-level field that holds text, keeps text-free ones and the known fields', async () => {
    mode = 'extensions';
    const res = await post({});
    expect(res.status).toBe(200);
    expect(res.text).not.toContain(KEY);
    const body = JSON.parse(res.text) as Json;
    expect(body.reasoning_text).toBeUndefined();
    expect(body.vendor).toBeUndefined();
    expect(body.vendor_latency_ms).toBe(12);
    expect(body.output).toEqual([item]);
    expect(body.text).toEqual({ format: { type: 'text' }, verbosity: 'medium' });
    expect(body.tool_choice).toBe('auto');
  });

  it('reads an echo the client did not send (a stored prompt): instructions and metadata are scanned', async () => {
    mode = 'stored-instructions';
    const res = await post({});
    expect(res.status).toBe(200);
    expect(res.text).not.toContain(KEY);
    const body = JSON.parse(res.text) as { instructions: string; metadata: Json };
    expect(body.instructions).toMatch(/^Reply with the key .+\.$/);
    expect(body.metadata.note).toMatch(/^key /);
  });

  it('an echo of what the client sent is what it sent, not what the upstream put there', async () => {
    mode = 'echo-changed';
    const res = await post({ instructions: 'Be brief.' });
    expect(res.status).toBe(200);
    expect(res.text).not.toContain(KEY);
    expect((JSON.parse(res.text) as Json).instructions).toBe('Be brief.');
  });

  it('an ordinary answer goes out field for field as sent', async () => {
    mode = 'ordinary';
    const res = await post({});
    expect(JSON.parse(res.text)).toEqual(responseObject({ instructions: 'Be brief.', metadata: { team: 'a' }, store: true, background: false, max_output_tokens: null, previous_response_id: null, service_tier: 'default', truncation: 'disabled', user: null }));
  });

  it("streamed: every event's response object is reduced alike", async () => {
    mode = 'stream-extensions';
    const res = await post({ stream: true });
    expect(res.status).toBe(200);
    expect(res.text).not.toContain(KEY);
    const withResponse = events(res.text).filter((e) => typeof e.response === 'object');
    expect(withResponse.map((e) => e.type)).toEqual(['response.created', 'response.completed']);
    for (const e of withResponse) {
      const r = e.response as Json;
      expect(r.reasoning_text).toBeUndefined();
      expect(r.vendor).toBeUndefined();
      expect(r.vendor_latency_ms).toBe(12);
      expect(r.instructions).toMatch(/^Stored: /);
      expect(r.text).toEqual({ format: { type: 'text' }, verbosity: 'medium' });
    }
    expect((withResponse[1]!.response as Json).output).toEqual([item]);
  });

  it('counts dropped fields per route and field in /metrics and logs their names once per request, never the text', async () => {
    const before = log.lines.length;
    mode = 'extensions';
    await post({});
    const lines = await droppedLines(before);
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as { route: string; fields: string[]; level: number };
    expect(entry.route).toBe('/v1/responses');
    expect(entry.fields.sort()).toEqual(['reasoning_text', 'vendor']);
    expect(log.lines.join('')).not.toContain(KEY);
    const metrics = await (await fetch(`${gw!.url}/metrics`)).text();
    expect(metrics).toMatch(/sealgate_answer_fields_dropped_total\{route="\/v1\/responses",field="reasoning_text"\} [1-9]/);
    expect(metrics).toMatch(/sealgate_answer_fields_dropped_total\{route="\/v1\/responses",field="vendor"\} [1-9]/);
  });

  it('a stream drops a field on every response object, and logs it once', async () => {
    const before = log.lines.length;
    mode = 'stream-extensions';
    await post({ stream: true });
    const lines = await droppedLines(before);
    expect(lines).toHaveLength(1);
    expect((JSON.parse(lines[0]!) as { fields: string[] }).fields.sort()).toEqual(['reasoning_text', 'vendor']);
  });
});
