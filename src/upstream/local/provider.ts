/**
 * `local`: SealGate's built-in offline demo model. Deterministic, fast, streams token by token, and
 * steerable by directives in the prompt (see directives.ts), so `npm start` answers with no network
 * and every later feature (guardrails on input and output, streaming windows, tools) can be tested.
 * It is a demo, not a language model: it never "understands" anything.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { UpstreamError, type Chunk, type Provider, type ProviderResult } from '../types.js';
import * as shapes from '../openai-shapes.js';
import { planAnswer, type Plan } from './directives.js';
import { countTokens, promptMessages, splitTokens } from './text.js';

export function createLocalProvider(opts: { name: string; models: readonly string[] }): Provider {
  return {
    name: opts.name,
    type: 'local',
    models: opts.models,

    async call({ surface, body, signal }): Promise<ProviderResult> {
      const model = String(body.model);
      if (surface === 'embeddings') return { kind: 'json', body: embeddings(model, body) };

      const messages = promptMessages(surface, body);
      const plan = planAnswer(messages);
      if (plan.kind === 'error') {
        if (plan.delayMs) await delay(plan.delayMs, undefined, { signal }).catch(() => undefined);
        throw errorFor(plan.status, opts.name);
      }
      const answer = toAnswer(plan);
      const usage = { promptTokens: countTokens(messages), completionTokens: answer.kind === 'text' ? answer.pieces.length : splitTokens(answer.arguments).length };
      const stream = body.stream === true;
      const includeUsage = Boolean((body.stream_options as { include_usage?: unknown } | undefined)?.include_usage);

      if (!stream) {
        if (plan.delayMs) await delay(plan.delayMs, undefined, { signal });
        if (surface === 'chat.completions') return { kind: 'json', body: shapes.chatCompletion(model, answer, usage) };
        if (surface === 'responses') return { kind: 'json', body: shapes.response(model, answer, usage, body) };
        return { kind: 'json', body: shapes.textCompletion(model, answer.kind === 'text' ? answer.pieces.join('') : answer.arguments, usage) };
      }
      const events =
        surface === 'chat.completions'
          ? shapes.chatChunks(model, answer, usage, includeUsage)
          : surface === 'responses'
            ? shapes.responseEvents(model, answer, usage, body)
            : shapes.textCompletionChunks(model, answer.kind === 'text' ? answer.pieces : [answer.arguments], usage, includeUsage);
      return { kind: 'stream', chunks: paced(events, plan.delayMs, signal) };
    },

    async ping() {
      return true;
    },
  };
}

function toAnswer(plan: Exclude<Plan, { kind: 'error' }>): shapes.Answer {
  if (plan.kind === 'tool_call') return { kind: 'tool_call', name: plan.name, arguments: plan.arguments };
  return { kind: 'text', pieces: splitTokens(plan.text) };
}

/** Emits chunks, waiting `delayMs` before each one (a slow model), and stops when the request is cancelled. */
async function* paced(events: Iterable<Chunk>, delayMs: number, signal: AbortSignal): AsyncIterable<Chunk> {
  for (const event of events) {
    if (delayMs) await delay(delayMs, undefined, { signal });
    else if (signal.aborted) throw signal.reason;
    yield event;
  }
}

function errorFor(status: number, provider: string): UpstreamError {
  if (status === 429) return new UpstreamError('rate_limited', provider, 'upstream rate limited', { upstreamStatus: 429 });
  if (status === 401 || status === 403) return new UpstreamError('auth', provider, 'upstream rejected our credentials', { upstreamStatus: status });
  if (status >= 500 || status === 408) return new UpstreamError('server_error', provider, `upstream answered ${status}`, { upstreamStatus: status });
  return new UpstreamError('client_error', provider, `upstream answered ${status}`, {
    upstreamStatus: status,
    upstreamError: { message: `The demo model was told to fail with ${status}.`, type: 'invalid_request_error', code: 'demo_error', param: null },
  });
}

// Deterministic bag-of-trigrams vectors: similar texts get similar vectors, which is enough for demos.
function embeddings(model: string, body: Record<string, unknown>): Chunk {
  const input = body.input;
  const texts: string[] =
    typeof input === 'string'
      ? [input]
      : Array.isArray(input)
        ? input.map((x) => (typeof x === 'string' ? x : Array.isArray(x) ? x.join(' ') : String(x)))
        : [];
  // A flat array of numbers is one pre-tokenised input.
  const inputs = Array.isArray(input) && input.every((x) => typeof x === 'number') ? [input.join(' ')] : texts;
  const dims = typeof body.dimensions === 'number' && body.dimensions > 0 ? Math.min(Math.floor(body.dimensions), 4096) : 256;
  const vectors = inputs.map((t) => embed(t, dims));
  const tokens = inputs.reduce((n, t) => n + splitTokens(t).length, 0);
  return shapes.embeddingsList(model, vectors, tokens, body.encoding_format === 'base64' ? 'base64' : 'float');
}

function embed(text: string, dims: number): Float32Array {
  const v = new Float32Array(dims);
  const s = ` ${text.toLowerCase()} `;
  for (let i = 0; i + 3 <= s.length; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + 3; j++) h = Math.imul(h ^ s.charCodeAt(j), 0x01000193);
    v[(h >>> 0) % dims] += h & 0x100 ? 1 : -1;
  }
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < dims; i++) v[i] /= norm;
  return v;
}
