/**
 * The input guard reads every request field the model sees besides messages and tools: chat
 * `prediction.content` (string or parts) and `web_search_options.user_location`, completions
 * `suffix`, and the Responses input items that carry text (reasoning summaries and text, MCP calls,
 * local shell output, an approval's reason, a replayed MCP tool list). An input item or content part
 * of a type the gateway does not know is refused (400 `unguardable_input`, `param` naming it) rather
 * than passed unread. Checked against the fake upstream's record of what it received.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';
import { EMAIL, INJECTION } from '../fixtures/guard-payloads.js';


let fake: FakeUpstream;
let gw: TestGateway;

beforeAll(async () => {
  fake = await startFakeUpstream();
  gw = await startGateway({ upstream: { providers: [fakeProvider(fake)] }, audit: { enabled: false } });
});

afterAll(async () => {
  await gw?.close();
  await fake?.close();
});

beforeEach(() => fake.reset());

async function post(path: string, body: Record<string, unknown>) {
  const res = await fetch(`${gw.baseURL}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'fake-model', ...body }),
  });
  const json = (await res.json()) as { error?: { code?: string; param?: string; type?: string } };
  return { status: res.status, json, upstream: fake.requests.map((r) => r.raw).join('\n') };
}

const hi = { role: 'user', content: 'hi' };

describe('model-visible request fields are guarded', () => {
  const pii: Array<[string, string, Record<string, unknown>]> = [
    ['chat prediction (string)', '/chat/completions', { messages: [hi], prediction: { type: 'content', content: `mail ${EMAIL}` } }],
    ['chat prediction (parts)', '/chat/completions', { messages: [hi], prediction: { type: 'content', content: [{ type: 'text', text: `mail ${EMAIL}` }] } }],
    ['chat web_search user_location', '/chat/completions', { messages: [hi], web_search_options: { user_location: { type: 'approximate', approximate: { city: EMAIL } } } }],
    ['completions suffix', '/completions', { prompt: 'hi', suffix: `mail ${EMAIL}` }],
    ['responses reasoning summary', '/responses', { input: [{ type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: `mail ${EMAIL}` }] }, hi] }],
    ['responses reasoning content', '/responses', { input: [{ type: 'reasoning', id: 'rs_1', summary: [], content: [{ type: 'reasoning_text', text: `mail ${EMAIL}` }] }, hi] }],
    ['responses mcp_call output', '/responses', { input: [{ type: 'mcp_call', id: 'mcp_1', name: 'x', server_label: 's', arguments: '{}', output: `mail ${EMAIL}` }, hi] }],
    ['responses mcp_call arguments', '/responses', { input: [{ type: 'mcp_call', id: 'mcp_1', name: 'x', server_label: 's', arguments: JSON.stringify({ to: EMAIL }) }, hi] }],
    ['responses local_shell_call_output', '/responses', { input: [{ type: 'local_shell_call_output', id: 'ls_1', call_id: 'c', output: `mail ${EMAIL}` }, hi] }],
    ['responses mcp_approval_response reason', '/responses', { input: [{ type: 'mcp_approval_response', approval_request_id: 'a', approve: true, reason: `mail ${EMAIL}` }, hi] }],
    ['responses mcp_list_tools description', '/responses', { input: [{ type: 'mcp_list_tools', id: 'l', server_label: 's', tools: [{ name: 'send', description: `Sends to ${EMAIL}`, input_schema: { type: 'object' } }] }, hi] }],
    ['responses web_search tool user_location', '/responses', { input: 'weather?', tools: [{ type: 'web_search', user_location: { type: 'approximate', city: EMAIL, country: 'US' } }] }],
    ['responses mcp tool server_description', '/responses', { input: 'hi', tools: [{ type: 'mcp', server_label: 's', server_url: 'https://mcp.test', server_description: `Mail goes to ${EMAIL}`, require_approval: 'never' }] }],
  ];
  for (const [name, path, body] of pii) {
    it(`${name}: PII never reaches the upstream`, async () => {
      const r = await post(path, body);
      // Pseudonymized (200) or, where a value cannot be rewritten, refused (400): never forwarded as is.
      expect([200, 400]).toContain(r.status);
      expect(r.upstream).not.toContain(EMAIL);
    });
  }

  it('an injection in a Responses reasoning summary or a prediction is blocked', async () => {
    for (const body of [
      { input: [{ type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: INJECTION }] }, hi] },
      { input: [{ type: 'mcp_approval_response', approval_request_id: 'a', approve: false, reason: INJECTION }, hi] },
    ]) {
      const r = await post('/responses', body);
      expect(r.status).toBe(400);
      expect(r.upstream).not.toContain(INJECTION);
    }
    const r = await post('/chat/completions', { messages: [hi], prediction: { type: 'content', content: INJECTION } });
    expect(r.status).toBe(400);
    expect(r.upstream).not.toContain(INJECTION);
  });
});

describe('input the guard cannot read is refused, not passed unread', () => {
  it('an input item of an unknown type: 400 unguardable_input naming it', async () => {
    const r = await post('/responses', { input: [hi, { type: 'shell_magic', id: 'x', script: INJECTION }] });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: 'unguardable_input', param: 'input[1]', type: 'invalid_request_error' });
    expect(fake.requests).toHaveLength(0);
  });

  it('a content part of an unknown type: 400 unguardable_input naming it', async () => {
    const r = await post('/chat/completions', { messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }, { type: 'document', source: INJECTION }] }] });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: 'unguardable_input', param: 'messages[0].content[1]' });
    expect(fake.requests).toHaveLength(0);
  });

  it('a text field a known item does not have is refused', async () => {
    const r = await post('/responses', { input: [{ type: 'reasoning', id: 'rs_1', summary: [], notes: INJECTION }, hi] });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: 'unguardable_input', param: 'input[0].notes' });
  });

  it('ordinary requests with known items, images and predictions pass unchanged', async () => {
    const input = [
      { role: 'user', content: [{ type: 'input_text', text: 'What is in this picture?' }, { type: 'input_image', image_url: 'https://example.org/cat.png' }] },
      { type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'Looking at the picture.' }], encrypted_content: 'gAAAAB' },
      { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'lookup', arguments: '{"q":"cat"}' },
      { type: 'function_call_output', call_id: 'call_1', output: 'A cat.' },
      { type: 'item_reference', id: 'msg_0' },
      { type: 'mcp_approval_response', approval_request_id: 'a', approve: true },
    ];
    const r = await post('/responses', { input });
    expect(r.status).toBe(200);
    expect((fake.requests[0]!.body as { input: unknown }).input).toEqual(input);
    const chat = await post('/chat/completions', { messages: [hi], prediction: { type: 'content', content: 'def add(a, b):\n    return a + b' }, web_search_options: { user_location: { type: 'approximate', approximate: { city: 'Paris', country: 'FR' } } } });
    expect(chat.status).toBe(200);
    expect(fake.requests[1]!.body.prediction).toEqual({ type: 'content', content: 'def add(a, b):\n    return a + b' });
    expect(fake.requests[1]!.body.web_search_options).toEqual({ user_location: { type: 'approximate', approximate: { city: 'Paris', country: 'FR' } } });
    const tools = [
      { type: 'web_search', user_location: { type: 'approximate', city: 'Paris', country: 'FR', timezone: 'Europe/Paris' } },
      { type: 'mcp', server_label: 'docs', server_url: 'https://mcp.test', server_description: 'Searches the product documentation.', require_approval: 'never' },
    ];
    const hosted = await post('/responses', { input: 'hi', tools });
    expect(hosted.status).toBe(200);
    expect(fake.requests[2]!.body.tools).toEqual(tools);
  });
});
