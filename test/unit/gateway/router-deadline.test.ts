/**
 * One deadline per non-streamed attempt: a provider that keeps the whole deadline itself
 * (Provider.ownsJsonDeadline, the openai-compatible provider on its direct path) gets the request's own
 * signal from the router, not a per-attempt AbortController, listener and timer. Against a real local
 * upstream, the router answers and fails exactly as with its own per-attempt controller (the same provider
 * with the flag off), attempt failures included; streams keep the router's controller.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, type AttemptFailure } from '../../../src/upstream/router.js';
import { upstreamSection } from '../../../src/config/sections/upstream.js';
import { createOpenAICompatibleProvider } from '../../../src/upstream/openai-compatible.js';
import { UpstreamError, type Provider, type ProviderCall } from '../../../src/upstream/types.js';
import { closeLocal, listenLocal } from '../../fixtures/local-server.js';

let server: Server;
let base: string;
/** Per scenario (the model name): how many requests it has had. */
const hits = new Map<string, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const model = String((JSON.parse(raw) as { model?: unknown }).model);
      const n = (hits.get(model) ?? 0) + 1;
      hits.set(model, n);
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      switch (model) {
        case 'ok':
          return json(200, { id: 'a', choices: [] }, { 'x-request-id': 'r1' });
        case 'flaky': // 503, then an answer
          return n % 2 === 1 ? json(503, { error: { message: 'busy' } }) : json(200, { id: 'second' });
        case 'limited':
          return json(429, { error: { message: 'slow down' } }, { 'retry-after-ms': '1' });
        case 'bad':
          return json(400, { error: { message: 'bad field', type: 'invalid_request_error', code: 'x', param: 'messages' } });
        case 'hang': // no answer at all
          return;
        case 'slowbody': // the head at once, the body after the deadline
          res.writeHead(200, { 'content-type': 'application/json' });
          res.write('{"id":');
          setTimeout(() => res.end('"late"}'), 2.5 * DEADLINE_MS);
          return;
        case 'cut':
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': '50' });
          res.write('{"id":');
          setTimeout(() => res.destroy(), 10);
          return;
        default:
          return json(404, { error: { message: 'no such model' } });
      }
    });
  });
  base = await listenLocal(server);
});

afterAll(async () => {
  await closeLocal(server);
});

const MODELS = ['ok', 'flaky', 'limited', 'bad', 'hang', 'slowbody', 'cut', 'missing'];
/**
 * Per-attempt deadline. The scripted events it races ('cut' resets at 10 ms, a cancel at 30 ms) must land well
 * before it even when a loaded host delays timers: at 100 ms a full-suite run once saw the deadline win the
 * race on one side ('timeout' vs 'connection').
 */
const DEADLINE_MS = 400;

/** A router over one openai-compatible provider; `own` false hides the provider's flag (the router's own deadline). */
function routerWith(own: boolean) {
  const real = createOpenAICompatibleProvider({ name: 'up', baseUrl: base, models: MODELS });
  const signals: AbortSignal[] = [];
  const provider: Provider = {
    name: real.name,
    type: real.type,
    models: real.models,
    ownsJsonDeadline: own ? real.ownsJsonDeadline : false,
    call: (call: ProviderCall) => {
      signals.push(call.signal);
      return real.call(call);
    },
    ping: real.ping,
  };
  const failures: AttemptFailure[] = [];
  const config = upstreamSection.parse({
    providers: [{ name: 'up', type: 'openai', baseUrl: base, models: MODELS }],
    timeoutMs: DEADLINE_MS,
    retries: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
  });
  const router = createRouter(config, { providers: [provider], onAttemptFailure: (f) => failures.push(f), random: () => 0.5 });
  return { router, failures, signals };
}

async function outcome(run: () => Promise<unknown>) {
  try {
    const result = (await run()) as { body?: unknown; kind?: string; provider?: string; model?: string };
    return { ok: true, kind: result.kind, body: result.body, provider: result.provider, model: result.model };
  } catch (err) {
    const e = err as UpstreamError;
    return { ok: false, class: e.constructor.name, kind: e.kind, message: e.message, provider: e.provider, status: e.upstreamStatus, upstreamError: e.upstreamError, retryAfterMs: e.retryAfterMs };
  }
}

describe('router: one deadline per non-streamed attempt when the provider keeps it', () => {
  it('the openai-compatible provider keeps it on its direct path, and then gets the request’s own signal', async () => {
    const { router, signals } = routerWith(true);
    const signal = new AbortController().signal;
    await router.call('chat.completions', { model: 'ok', messages: [] }, { signal });
    expect(signals).toEqual([signal]);
    // A stream still gets the router's per-attempt controller (idle timeout mid-stream, stop on early exit).
    await router.call('chat.completions', { model: 'ok', stream: true, messages: [] }, { signal }).catch(() => undefined);
    expect(signals[1]).not.toBe(signal);
  });

  it('answers and fails as with the router’s own per-attempt deadline: answers, retries, 4xx, 429, timeouts of head and body, a cut body', async () => {
    for (const model of MODELS) {
      const own = routerWith(true);
      const theirs = routerWith(false);
      hits.clear();
      const a = await outcome(() => own.router.call('chat.completions', { model, messages: [] }, { signal: new AbortController().signal }));
      const requestsA = hits.get(model);
      hits.clear();
      const b = await outcome(() => theirs.router.call('chat.completions', { model, messages: [] }, { signal: new AbortController().signal }));
      expect(a, model).toEqual(b);
      expect(own.failures, model).toEqual(theirs.failures);
      expect(requestsA, model).toBe(hits.get(model));
    }
  });

  it('a request cancelled while the model works or during the body is aborted, not retried, either way', async () => {
    for (const model of ['hang', 'slowbody']) {
      const results = [];
      for (const own of [true, false]) {
        const r = routerWith(own);
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 30);
        results.push({ outcome: await outcome(() => r.router.call('chat.completions', { model, messages: [] }, { signal: controller.signal })), failures: r.failures });
      }
      expect(results[0]).toEqual(results[1]);
      expect(results[0]!.outcome).toMatchObject({ ok: false, kind: 'aborted' });
      expect(results[0]!.failures).toHaveLength(1);
    }
  });

  it('a provider that keeps the deadline and throws something else is a connection failure, retried', async () => {
    let calls = 0;
    const provider: Provider = {
      name: 'p',
      type: 'scripted',
      models: ['m'],
      ownsJsonDeadline: true,
      call: async () => {
        calls++;
        if (calls === 1) throw new Error('boom');
        return { kind: 'json', body: { ok: true } };
      },
      ping: async () => true,
    };
    const failures: AttemptFailure[] = [];
    const config = upstreamSection.parse({ providers: [{ name: 'p', type: 'local', models: ['m'] }], retries: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 } });
    const router = createRouter(config, { providers: [provider], onAttemptFailure: (f) => failures.push(f) });
    expect(await router.call('chat.completions', { model: 'm' }, { signal: new AbortController().signal })).toEqual({ kind: 'json', body: { ok: true }, provider: 'p', model: 'm' });
    expect(failures).toEqual([{ provider: 'p', kind: 'connection', status: undefined, attempt: 1 }]);
  });
});
