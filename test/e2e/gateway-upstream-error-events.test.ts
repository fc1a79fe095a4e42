/**
 * An upstream that reports a failure inside its stream: `data: {"error":{…}}` (OpenAI's in-stream error on
 * chat and completions), `event: error` with a bare error object, or the Responses API's `event: error`.
 *  - Before the answer has begun (as the first event, or after only a chat role chunk or Responses'
 *    `response.created` / `response.in_progress`) it is a failed attempt like a 5xx: retried, then fallback,
 *    and if every attempt fails the client gets a JSON 502 `upstream_error`.
 *  - After content, the stream ends with the gateway's own in-stream error (`upstream_error`), and the attempt
 *    counts in `sealgate_upstream_errors_total` (kind `server_error`).
 * The upstream's error text (it can echo the prompt) never reaches the client. The Responses error event and a
 * bare `event: error` used to be relayed as they came, upstream text included, and none was retried.
 */
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { CORE_ONLY } from '../fixtures/gateway.js';
import { gatewayOverFake } from '../fixtures/gateway-suite.js';

const MARKER = 'ECHOED-PROMPT-7f3a';
const MESSAGE = `Error processing prompt: ${MARKER}`;

const suite = gatewayOverFake(CORE_ONLY);

const BODIES = {
  '/chat/completions': { messages: [{ role: 'user', content: 'hello' }] },
  '/completions': { prompt: 'hello' },
  '/responses': { input: 'hello' },
} as const;
type Path = keyof typeof BODIES;

async function streamRaw(path: Path): Promise<{ status: number; raw: string }> {
  const res = await fetch(`${suite.gw.baseURL}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${suite.gw.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'fake-model', stream: true, ...BODIES[path] }),
  });
  return { status: res.status, raw: await res.text() };
}

async function serverErrors(): Promise<number> {
  const text = await (await fetch(`${suite.gw.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('sealgate_upstream_errors_total{provider="fake",kind="server_error"}'));
  return line ? Number(line.split(' ').pop()) : 0;
}

/** Events before the answer begins, per surface: chat's role chunk; Responses' created and in_progress. */
const PREAMBLE: Record<Path, number> = { '/chat/completions': 1, '/completions': 0, '/responses': 2 };
/** Events up to and including two pieces of text (Responses: output_item.added and content_part.added come first). */
const TWO_PIECES: Record<Path, number> = { '/chat/completions': 3, '/completions': 2, '/responses': 6 };

describe.each([
  ['/chat/completions', 'data'],
  ['/chat/completions', 'event'],
  ['/completions', 'data'],
  ['/responses', 'event'],
] as const)('%s, error frame as %s', (path, style) => {
  it('before the answer begins: retried like a 5xx, and the retry answers', async () => {
    suite.fake.script({ kind: 'error_event', afterChunks: PREAMBLE[path], style, message: MESSAGE }, { kind: 'ok', text: 'second try works' });
    const { status, raw } = await streamRaw(path);
    expect(status).toBe(200);
    expect(raw).toContain('second');
    expect(raw).not.toContain(MARKER);
    expect(raw).not.toMatch(/event: error|data: \{"error"/);
    expect(suite.fake.requests).toHaveLength(2);
  });

  it('before the answer begins on every attempt: a JSON 502 upstream_error in the gateway\'s words', async () => {
    suite.fake.script(...[1, 2].map(() => ({ kind: 'error_event' as const, afterChunks: 0, style, message: MESSAGE })));
    const { status, raw } = await streamRaw(path);
    expect(status).toBe(502);
    expect(raw).not.toContain(MARKER);
    expect(JSON.parse(raw).error).toMatchObject({ code: 'upstream_error', type: 'api_error' });
    expect(suite.fake.requests).toHaveLength(2);
  });

  it('after content: the stream ends with the gateway\'s error event, counted as an upstream error', async () => {
    const before = await serverErrors();
    suite.fake.script({ kind: 'error_event', afterChunks: TWO_PIECES[path], style, message: MESSAGE, text: 'one two three four' });
    const { status, raw } = await streamRaw(path);
    expect(status).toBe(200);
    expect(raw).toContain('one');
    expect(raw).not.toContain(MARKER);
    expect(raw).not.toContain('[DONE]');
    const last = raw.trim().split('\n\n').at(-1)!;
    const data = JSON.parse(last.split('\n').find((l) => l.startsWith('data: '))!.slice(6)) as Record<string, unknown>;
    if (path === '/responses') {
      expect(last.startsWith('event: error\n')).toBe(true);
      expect(data).toMatchObject({ type: 'error', code: 'upstream_error' });
    } else {
      expect(data.error).toMatchObject({ code: 'upstream_error', type: 'api_error' });
    }
    expect(suite.fake.requests).toHaveLength(1);
    expect(await serverErrors()).toBe(before + 1);
  });
});

it('the openai SDK reads a mid-stream upstream error as an APIError with the gateway\'s message', async () => {
  suite.fake.script({ kind: 'error_event', afterChunks: 3, style: 'data', message: MESSAGE, text: 'one two three four' });
  const stream = await suite.gw.client().chat.completions.create({ model: 'fake-model', stream: true, messages: [{ role: 'user', content: 'hello' }] });
  let text = '';
  const failure = await (async () => {
    try {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    } catch (error) {
      return error;
    }
  })();
  expect(text).toContain('one');
  expect(failure).toBeInstanceOf(OpenAI.APIError);
  expect((failure as Error).message).not.toContain(MARKER);
  expect((failure as { code?: unknown }).code).toBe('upstream_error');
});
