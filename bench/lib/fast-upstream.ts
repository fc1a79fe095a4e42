/**
 * The fastest honest OpenAI-compatible upstream we can write, for benchmarks: precomputed bodies,
 * no parsing beyond finding `"stream":true`, so what the benchmark measures is the path in between.
 * Run as its own process (`tsx bench/lib/fast-upstream.ts --port=N`) so it never shares an event loop
 * with the load generator or the gateway under test.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';

const MODEL = 'bench-model';
const CREATED = 1_700_000_000;
const WORDS = ['Hello', ' from', ' the', ' benchmark', ' upstream', '.'];
const USAGE = { prompt_tokens: 12, completion_tokens: WORDS.length, total_tokens: 12 + WORDS.length };

const completion = JSON.stringify({
  id: 'chatcmpl-bench',
  object: 'chat.completion',
  created: CREATED,
  model: MODEL,
  choices: [{ index: 0, message: { role: 'assistant', content: WORDS.join(''), refusal: null }, logprobs: null, finish_reason: 'stop' }],
  usage: USAGE,
});

function sse(includeUsage: boolean): string {
  const chunk = (delta: object, finish: string | null, extra: object = {}) =>
    `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: CREATED, model: MODEL, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...extra })}\n\n`;
  let out = chunk({ role: 'assistant', content: '' }, null);
  for (const w of WORDS) out += chunk({ content: w }, null);
  out += chunk({}, 'stop');
  if (includeUsage)
    out += `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: CREATED, model: MODEL, choices: [], usage: USAGE })}\n\n`;
  return out + 'data: [DONE]\n\n';
}

const streamPlain = sse(false);
const streamWithUsage = sse(true);

export function startFastUpstream(port = 0): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      // `bench-model-<N>ms` stands in for a real model's latency: N ms before the first byte.
      const delay = Number(/"model"\s*:\s*"bench-model-(\d+)ms"/.exec(body)?.[1] ?? 0);
      if (delay > 0) setTimeout(() => answer(body, res), delay);
      else answer(body, res);
    });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

function answer(body: string, res: ServerResponse): void {
  if (res.req.method === 'GET') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ object: 'list', data: [{ id: MODEL, object: 'model', created: CREATED, owned_by: 'bench' }] }));
    return;
  }
  if (/"stream"\s*:\s*true/.test(body)) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.end(/"include_usage"\s*:\s*true/.test(body) ? streamWithUsage : streamPlain);
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(completion);
}

export const FAST_UPSTREAM_MODEL = MODEL;
/** A model name the fast upstream answers after `ms` milliseconds (simulated model latency). */
export const slowModel = (ms: number) => `${MODEL}-${ms}ms`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(/--port=(\d+)/.exec(process.argv.join(' '))?.[1] ?? 0);
  await startFastUpstream(port);
}
