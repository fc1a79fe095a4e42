/**
 * Router rules without HTTP: resolution (alias, bare, provider/model), retry/fallback decisions per
 * failure kind, backoff bounds, first-chunk semantics for streams. Providers here are scripted
 * stand-ins for upstream models (the only thing tests may fake).
 */
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../../src/upstream/router.js';
import { upstreamSection } from '../../../src/config/sections/upstream.js';
import { UpstreamError, type Chunk, type Provider, type ProviderCall, type ProviderResult } from '../../../src/upstream/types.js';
import { createPipeline, type GuardStage } from '../../../src/pipeline/pipeline.js';
import type { RequestContext } from '../../../src/pipeline/types.js';

type Step = UpstreamError | ProviderResult | ((call: ProviderCall) => Promise<ProviderResult>);

function scripted(name: string, models: string[], steps: Step[]) {
  const calls: ProviderCall[] = [];
  const provider: Provider = {
    name,
    type: 'scripted',
    models,
    async call(call) {
      calls.push(call);
      const step = steps.shift() ?? { kind: 'json', body: { from: name } };
      if (step instanceof UpstreamError) throw step;
      if (typeof step === 'function') return step(call);
      return step;
    },
    ping: async () => true,
  };
  return { provider, calls };
}

const config = (extra: Record<string, unknown> = {}) =>
  upstreamSection.parse({
    providers: [
      { name: 'a', type: 'local', models: ['m', 'only-a'] },
      { name: 'b', type: 'local', models: ['m'] },
    ],
    models: { alias: ['b/m', 'a/m'] },
    retries: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
    ...extra,
  });

const signal = new AbortController().signal;
const err = (kind: UpstreamError['kind'], extra: ConstructorParameters<typeof UpstreamError>[3] = {}) => new UpstreamError(kind, 'x', kind, extra);

describe('router', () => {
  it('resolves aliases, bare names (every provider, in order) and provider/model', () => {
    const a = scripted('a', ['m', 'only-a'], []);
    const b = scripted('b', ['m'], []);
    const router = createRouter(config(), { providers: [a.provider, b.provider] });
    expect(router.resolve('alias')!.map((t) => t.provider.name)).toEqual(['b', 'a']);
    expect(router.resolve('m')!.map((t) => t.provider.name)).toEqual(['a', 'b']);
    expect(router.resolve('b/m')!.map((t) => t.provider.name)).toEqual(['b']);
    expect(router.resolve('nope')).toBeUndefined();
    expect(router.listModels().map((m) => m.id)).toEqual(['alias', 'm', 'only-a']);
  });

  it('retries retryable failures, then falls back; rewrites the model for each target', async () => {
    const a = scripted('a', ['m'], [err('server_error'), err('connection')]);
    const b = scripted('b', ['m'], []);
    const failures: string[] = [];
    const router = createRouter(config(), { providers: [a.provider, b.provider], onAttemptFailure: (f) => failures.push(`${f.provider}:${f.kind}:${f.attempt}`) });
    const result = await router.call('chat.completions', { model: 'alias' }, { signal });
    expect(result).toMatchObject({ provider: 'b', model: 'm' });
    expect(b.calls[0]!.body.model).toBe('m');
    expect(failures).toEqual([]);
    const viaBare = await router.call('chat.completions', { model: 'm' }, { signal });
    expect(viaBare.provider).toBe('b');
    expect(failures).toEqual(['a:server_error:1', 'a:connection:2']);
  });

  it('never retries client errors or cancellations; auth failures skip to the next provider without retry', async () => {
    const a = scripted('a', ['m'], [err('client_error', { upstreamStatus: 400 })]);
    const router = createRouter(config(), { providers: [a.provider, scripted('b', ['m'], []).provider] });
    await expect(router.call('chat.completions', { model: 'm' }, { signal })).rejects.toMatchObject({ kind: 'client_error' });
    expect(a.calls).toHaveLength(1);

    const a2 = scripted('a', ['m'], [err('auth', { upstreamStatus: 401 })]);
    const b2 = scripted('b', ['m'], []);
    const router2 = createRouter(config(), { providers: [a2.provider, b2.provider] });
    expect((await router2.call('chat.completions', { model: 'm' }, { signal })).provider).toBe('b');
    expect(a2.calls).toHaveLength(1);
  });

  it('keeps backoff within [base·2^n / 2, base·2^n], capped by maxDelayMs', async () => {
    const a = scripted('a', ['m'], [err('server_error'), err('server_error'), err('server_error')]);
    const router = createRouter(config({ retries: { maxAttempts: 4, baseDelayMs: 40, maxDelayMs: 60 } }), { providers: [a.provider], random: () => 0 });
    const started = performance.now();
    await router.call('chat.completions', { model: 'a/m' }, { signal });
    // random() = 0 → half of each step: 20 + 30 (40·2 capped at 60) + 30 = 80 ms of waiting at least.
    expect(performance.now() - started).toBeGreaterThanOrEqual(78);
    expect(a.calls).toHaveLength(4);
  });

  it('a stream that fails before its first chunk is retried; the returned stream starts with that chunk', async () => {
    async function* failing(): AsyncIterable<Chunk> {
      throw err('connection');
    }
    async function* good(): AsyncIterable<Chunk> {
      yield { n: 1 };
      yield { n: 2 };
    }
    const a = scripted('a', ['m'], [{ kind: 'stream', chunks: failing() }, { kind: 'stream', chunks: good() }]);
    const router = createRouter(config(), { providers: [a.provider] });
    const result = await router.call('chat.completions', { model: 'a/m', stream: true }, { signal });
    expect(result.kind).toBe('stream');
    const seen: Chunk[] = [];
    if (result.kind === 'stream') for await (const c of result.chunks) seen.push(c);
    expect(seen).toEqual([{ n: 1 }, { n: 2 }]);
    expect(a.calls).toHaveLength(2);
  });

  it('times out an attempt that never answers', async () => {
    const hang = (call: ProviderCall) => new Promise<ProviderResult>((_, reject) => call.signal.addEventListener('abort', () => reject(new Error('aborted'))));
    const a = scripted('a', ['m'], [hang, hang]);
    const router = createRouter(config({ timeoutMs: 20 }), { providers: [a.provider] });
    await expect(router.call('chat.completions', { model: 'a/m' }, { signal })).rejects.toMatchObject({ kind: 'timeout' });
  });
});

describe('stream usage requests', () => {
  it('asks streams for usage unless the provider opts out', async () => {
    const a = scripted('a', ['m'], [{ kind: 'json', body: {} }]);
    const quiet = scripted('b', ['m'], [{ kind: 'json', body: {} }]);
    const quietProvider: Provider = { ...quiet.provider, streamUsage: false };
    const router = createRouter(config(), { providers: [a.provider, quietProvider] });
    await router.call('chat.completions', { model: 'a/m', stream: true, stream_options: { foo: 1 } }, { signal });
    await router.call('chat.completions', { model: 'b/m', stream: true }, { signal });
    await router.call('chat.completions', { model: 'a/m' }, { signal }).catch(() => undefined);
    expect(a.calls[0]!.body.stream_options).toEqual({ foo: 1, include_usage: true });
    expect(quiet.calls[0]!.body.stream_options).toBeUndefined();
    expect(a.calls[1]!.body.stream_options).toBeUndefined();
  });
});

describe('pipeline usage accounting', () => {
  const ctx = (): RequestContext => ({ requestId: 'r', tenantId: 't', keyId: 'k', signal, timings: {}, verdicts: [] });

  it('asks the upstream for stream usage and hides it from a client that did not ask', async () => {
    async function* chunks(): AsyncIterable<Chunk> {
      yield { choices: [{ delta: { content: 'hi' } }], usage: null };
      yield { choices: [], usage: { prompt_tokens: 3, completion_tokens: 1 } };
    }
    const a = scripted('a', ['m'], [{ kind: 'stream', chunks: chunks() }]);
    const pipeline = createPipeline({ router: createRouter(config(), { providers: [a.provider] }) });
    const c = ctx();
    const result = await pipeline.run('chat.completions', { model: 'a/m', stream: true }, c);
    const out: Chunk[] = [];
    if (result.kind === 'stream') for await (const chunk of result.chunks) out.push(chunk);
    expect(a.calls[0]!.body.stream_options).toEqual({ include_usage: true });
    expect(out).toEqual([{ choices: [{ delta: { content: 'hi' } }] }]);
    expect(c.usage).toEqual({ promptTokens: 3, completionTokens: 1 });
    expect(c.provider).toBe('a');
    expect(c.timings.upstream).toBeGreaterThanOrEqual(0);
  });
});

describe('deferred input-stage work (`later`)', () => {
  const ctx = (): RequestContext => ({ requestId: 'r', tenantId: 't', keyId: 'k', signal: new AbortController().signal, timings: {}, verdicts: [] });
  const logStage = (name: string, events: string[], stop = false): GuardStage => ({
    name,
    input: () => (stop ? { action: 'stop', result: { kind: 'json', status: 200, body: { stopped: name } } } : { action: 'continue', later: () => void events.push(`${name} later`) }),
    output: ({ response }) => {
      events.push(`${name} output`);
      return response;
    },
  });

  it('runs after the upstream call has started, in stage order, before the output stages', async () => {
    const events: string[] = [];
    const a = scripted('a', ['m'], [async () => {
      events.push('upstream called');
      await new Promise((r) => setTimeout(r, 5)); // a model that takes a while: the deferred work runs meanwhile
      events.push('upstream answered');
      return { kind: 'json', body: { ok: true } };
    }]);
    const c = ctx();
    const pipeline = createPipeline({ router: createRouter(config(), { providers: [a.provider] }), stages: [logStage('first', events), logStage('second', events)] });
    expect(await pipeline.run('chat.completions', { model: 'a/m' }, c)).toEqual({ kind: 'json', status: 200, body: { ok: true } });
    expect(events).toEqual(['upstream called', 'first later', 'second later', 'upstream answered', 'first output', 'second output']);
    expect(c.timings.first).toBeGreaterThanOrEqual(0);
  });

  it('is done before the result when the upstream answers at once, fails, or a later stage stops the request', async () => {
    for (const step of [{ kind: 'json', body: { ok: true } } as ProviderResult, new UpstreamError('client_error', 'a', 'bad request', { upstreamStatus: 400 })]) {
      const events: string[] = [];
      const a = scripted('a', ['m'], [step]);
      const pipeline = createPipeline({ router: createRouter(config(), { providers: [a.provider] }), stages: [logStage('first', events)] });
      await pipeline.run('chat.completions', { model: 'a/m' }, ctx());
      expect(events[0]).toBe('first later');
    }
    const events: string[] = [];
    const a = scripted('a', ['m'], []);
    const pipeline = createPipeline({ router: createRouter(config(), { providers: [a.provider] }), stages: [logStage('first', events), logStage('blocker', events, true)] });
    expect(await pipeline.run('chat.completions', { model: 'a/m' }, ctx())).toMatchObject({ kind: 'json', body: { stopped: 'blocker' } });
    expect(events).toEqual(['first later']);
    expect(a.calls).toHaveLength(0);
  });

  it('a failure in deferred work fails the request as the stage itself failing would', async () => {
    const a = scripted('a', ['m'], []);
    const failing: GuardStage = { name: 'failing', input: () => ({ action: 'continue', later: () => { throw new Error('digest failed'); } }) };
    const pipeline = createPipeline({ router: createRouter(config(), { providers: [a.provider] }), stages: [failing] });
    await expect(pipeline.run('chat.completions', { model: 'a/m' }, ctx())).rejects.toThrow('digest failed');
  });
});

describe('router stream idle timeout', () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('counts only the waits for a chunk: a consumer pause longer than the timeout is fine, a stall is not', async () => {
    // One timer per stream, restarted at each wait (router.ts continueStream): it may fire during a consumer pause
    // (ignored) and must then come back for the next wait.
    const IDLE_MS = 300;
    const a = scripted('a', ['m'], [
      async (call) => ({
        kind: 'stream',
        chunks: (async function* () {
          yield { n: 1 };
          await sleep(20);
          yield { n: 2 };
          await sleep(60);
          yield { n: 3 };
          // Stalls until the router gives up.
          await new Promise((_, reject) => call.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true }));
        })(),
      }),
    ]);
    const router = createRouter(config({ timeoutMs: IDLE_MS, retries: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 5 } }), { providers: [a.provider] });
    const routed = await router.call('chat.completions', { model: 'a/m', stream: true }, { signal });
    if (routed.kind !== 'stream') throw new Error('expected a stream');
    const iterator = routed.chunks[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual({ n: 1 });
    expect((await iterator.next()).value).toEqual({ n: 2 });
    await sleep(IDLE_MS * 2 + 100); // the consumer is slow: not the upstream's fault
    expect((await iterator.next()).value).toEqual({ n: 3 });
    const started = performance.now();
    const stall = await iterator.next().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(stall).toBeInstanceOf(UpstreamError);
    expect((stall as UpstreamError).kind).toBe('timeout');
    expect(performance.now() - started).toBeGreaterThanOrEqual(IDLE_MS - 5);
  });
});
