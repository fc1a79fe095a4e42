/**
 * Routes a model name to provider targets and calls them: per-attempt timeout, retries with jittered
 * exponential backoff on 429/5xx/connection errors, then fallback to the next target. All of that
 * happens BEFORE the first byte reaches the client: for streams the router waits for the first chunk
 * before returning, so a failure after that surfaces mid-stream and is never retried.
 */
import type { Surface } from '../pipeline/types.js';
import type { UpstreamConfig } from '../config/sections/upstream.js';
import { UpstreamError, type Chunk, type Provider, type ProviderResult } from './types.js';
import { createProvider } from './providers.js';

export interface RouteTarget {
  provider: Provider;
  /** The provider's own model name. */
  model: string;
}

export type RoutedResult = ProviderResult & { provider: string; model: string };

export interface AttemptFailure {
  provider: string;
  kind: UpstreamError['kind'];
  status?: number;
  attempt: number;
}

export interface UpstreamRouter {
  /** Targets for a client-facing model id in fallback order, or undefined when nothing serves it. */
  resolve(model: string): RouteTarget[] | undefined;
  /** Client-facing model ids: aliases, then every served model (bare name). `provider/model` also resolves. */
  listModels(): { id: string; ownedBy: string }[];
  call(surface: Surface, body: Record<string, unknown>, opts: { signal: AbortSignal }): Promise<RoutedResult>;
  /** Per-provider reachability for /readyz. */
  ready(signal?: AbortSignal): Promise<Record<string, boolean>>;
  close(): Promise<void>;
}

export interface RouterOptions {
  env?: NodeJS.ProcessEnv;
  /** Prebuilt providers (tests, enclave); default builds them from config. */
  providers?: Provider[];
  /** Told about every failed attempt (metrics, logs). Never gets bodies. */
  onAttemptFailure?: (failure: AttemptFailure) => void;
  random?: () => number;
}

export function createRouter(config: UpstreamConfig, opts: RouterOptions = {}): UpstreamRouter {
  const providers = opts.providers ?? config.providers.map((p) => createProvider(p, opts.env ?? process.env, { maxResponseBytes: config.maxResponseBytes }));
  const byName = new Map(providers.map((p) => [p.name, p]));
  const random = opts.random ?? Math.random;
  const timeoutFor = (p: Provider): number => {
    const own = config.providers.find((c) => c.name === p.name);
    return (own && 'timeoutMs' in own && own.timeoutMs) || config.timeoutMs;
  };

  // Precompute routes: alias → targets; bare model → every provider serving it; provider/model → that one.
  const routes = new Map<string, RouteTarget[]>();
  const listed: { id: string; ownedBy: string }[] = [];
  for (const [alias, targets] of Object.entries(config.models)) {
    routes.set(
      alias,
      targets.map((t) => {
        const slash = t.indexOf('/');
        return { provider: byName.get(t.slice(0, slash))!, model: t.slice(slash + 1) };
      }),
    );
    listed.push({ id: alias, ownedBy: 'sealgate' });
  }
  for (const provider of providers) {
    for (const model of provider.models) {
      routes.set(`${provider.name}/${model}`, [{ provider, model }]);
      if (config.models[model]) continue; // an alias of the same name wins
      const existing = routes.get(model);
      if (existing) existing.push({ provider, model });
      else {
        routes.set(model, [{ provider, model }]);
        listed.push({ id: model, ownedBy: provider.name });
      }
    }
  }

  async function attempt(target: RouteTarget, surface: Surface, body: Record<string, unknown>, signal: AbortSignal, n: number): Promise<RoutedResult> {
    const timeoutMs = timeoutFor(target.provider);
    if (target.provider.ownsJsonDeadline === true && body.stream !== true) return attemptJson(target, surface, body, signal, timeoutMs);
    const controller = new AbortController();
    const onAbort = (): void => controller.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    };
    const translate = (err: unknown): UpstreamError => {
      if (timedOut) return new UpstreamError('timeout', target.provider.name, 'upstream timed out');
      if (signal.aborted) return new UpstreamError('aborted', target.provider.name, 'request cancelled');
      if (err instanceof UpstreamError) return err;
      return new UpstreamError('connection', target.provider.name, 'upstream connection failed');
    };

    try {
      const result = await target.provider.call({ surface, body: upstreamBody(target, surface, body), signal: controller.signal, timeoutMs });
      if (result.kind === 'json') {
        cleanup();
        assertAnswerObject(result.body, target.provider.name);
        return { ...result, provider: target.provider.name, model: target.model };
      }
      // Wait for the first chunk so failures up to here can still be retried; and past the events that only
      // open an answer (a chat role chunk, Responses' response.created / in_progress), so that an upstream
      // failing right after them (an error event, a reset) is a failed attempt too, not a stream cut short.
      const iterator = result.chunks[Symbol.asyncIterator]();
      let first = await iterator.next();
      const opening: Chunk[] = [];
      try {
        while (!first.done && opening.length < MAX_OPENING_EVENTS && opensAnswerOnly(surface, first.value)) {
          opening.push(first.value);
          first = await iterator.next();
        }
      } catch (err) {
        controller.abort();
        await iterator.return?.().catch(() => undefined);
        throw err;
      }
      clearTimeout(timer);
      // An aborted stream may end quietly instead of throwing: that is still a failed attempt.
      if (first.done && (timedOut || signal.aborted)) throw new UpstreamError(timedOut ? 'timeout' : 'aborted', target.provider.name, 'no first chunk');
      // A stream with no event at all (a JSON or HTML answer where SSE was due) holds no answer: not an empty success.
      if (first.done && opening.length === 0) throw new UpstreamError('server_error', target.provider.name, 'upstream stream ended before its first event');
      if (!first.done) {
        try {
          assertAnswerObject(first.value, target.provider.name);
        } catch (err) {
          controller.abort();
          await iterator.return?.().catch(() => undefined);
          throw err;
        }
      }
      const onMidStreamFailure = (failure: UpstreamError): void =>
        opts.onAttemptFailure?.({ provider: target.provider.name, kind: failure.kind, status: failure.upstreamStatus, attempt: n });
      return {
        kind: 'stream',
        chunks: continueStream(opening, first, iterator, controller, timeoutMs, target.provider.name, cleanup, signal, onMidStreamFailure),
        provider: target.provider.name,
        model: target.model,
      };
    } catch (err) {
      cleanup();
      throw translate(err);
    }
  }

  /**
   * A non-streamed attempt of a provider that keeps the deadline itself (see Provider.ownsJsonDeadline): one
   * deadline per attempt, the provider's, on the request's own signal. Failures read as `attempt`'s do.
   */
  async function attemptJson(target: RouteTarget, surface: Surface, body: Record<string, unknown>, signal: AbortSignal, timeoutMs: number): Promise<RoutedResult> {
    let result: ProviderResult;
    try {
      result = await target.provider.call({ surface, body: upstreamBody(target, surface, body), signal, timeoutMs });
    } catch (err) {
      if (signal.aborted) throw new UpstreamError('aborted', target.provider.name, 'request cancelled');
      if (err instanceof UpstreamError) throw err;
      throw new UpstreamError('connection', target.provider.name, 'upstream connection failed');
    }
    if (result.kind !== 'json') throw new UpstreamError('connection', target.provider.name, 'a stream where a JSON answer was due');
    assertAnswerObject(result.body, target.provider.name);
    return { ...result, provider: target.provider.name, model: target.model };
  }

  return {
    resolve: (model) => routes.get(model),
    listModels: () => listed,

    async call(surface, body, { signal }) {
      const model = typeof body.model === 'string' ? body.model : '';
      const targets = routes.get(model);
      if (!targets) throw new UpstreamError('client_error', 'router', `unknown model`, { upstreamStatus: 404 });
      let lastError: UpstreamError | undefined;
      for (const target of targets) {
        for (let n = 1; n <= config.retries.maxAttempts; n++) {
          try {
            return await attempt(target, surface, body, signal, n);
          } catch (err) {
            const failure = err as UpstreamError;
            lastError = failure;
            opts.onAttemptFailure?.({ provider: target.provider.name, kind: failure.kind, status: failure.upstreamStatus, attempt: n });
            if (failure.kind === 'aborted' || failure.kind === 'client_error') throw failure;
            if (!failure.retryable || n === config.retries.maxAttempts) break; // next target
            const backoff = Math.min(config.retries.maxDelayMs, config.retries.baseDelayMs * 2 ** (n - 1));
            const jittered = backoff / 2 + (random() * backoff) / 2;
            if (failure.retryAfterMs !== undefined && failure.retryAfterMs > config.retries.maxDelayMs) break; // too long: fall back now
            await sleep(Math.max(jittered, failure.retryAfterMs ?? 0), signal);
            if (signal.aborted) throw new UpstreamError('aborted', target.provider.name, 'request cancelled');
          }
        }
      }
      throw lastError ?? new UpstreamError('connection', 'router', 'no upstream available');
    },

    async ready(signal) {
      const results = await Promise.all(
        providers.map(async (p) => [p.name, await p.ping(signal ?? AbortSignal.timeout(2_000)).catch(() => false)] as const),
      );
      return Object.fromEntries(results);
    },

    async close() {
      await Promise.all(providers.map((p) => p.close?.()));
    },
  };
}

/**
 * The body as this target gets it: its own model name, and for streams a request for usage (limits
 * and audit charge real tokens; the pipeline strips it again if the client did not ask).
 */
function upstreamBody(target: RouteTarget, surface: Surface, body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...body, model: target.model };
  const chunked = surface === 'chat.completions' || surface === 'completions';
  if (chunked && body.stream === true && target.provider.streamUsage !== false) {
    out.stream_options = { ...(body.stream_options as object | null | undefined), include_usage: true };
  }
  return out;
}

/** At most this many opening events are read ahead before the stream is handed on (see opensAnswerOnly). */
const MAX_OPENING_EVENTS = 4;
const OPENING_RESPONSE_EVENTS = new Set(['response.created', 'response.in_progress', 'response.queued']);

/**
 * An event that only opens an answer, with nothing of it yet: a chat chunk whose choices carry at most a role
 * (and empty content / null refusal) and no finish_reason, or Responses' `response.created` / `in_progress` /
 * `queued`. The router reads past these before it answers, so a failure right after them can still be retried.
 */
function opensAnswerOnly(surface: Surface, value: unknown): boolean {
  if (!isAnswerObject(value)) return false;
  if (surface === 'responses') return typeof value.type === 'string' && OPENING_RESPONSE_EVENTS.has(value.type);
  if (surface !== 'chat.completions' || !Array.isArray(value.choices) || value.choices.length === 0 || (value.usage !== undefined && value.usage !== null)) return false;
  return value.choices.every((choice: unknown) => {
    if (!isAnswerObject(choice) || choice.finish_reason || !isAnswerObject(choice.delta)) return false;
    for (const [key, field] of Object.entries(choice.delta)) {
      if (key === 'role' ? typeof field !== 'string' : (key === 'content' || key === 'refusal') ? field !== null && field !== '' : true) return false;
    }
    return true;
  });
}

/**
 * Yields the events read ahead (the opening ones and the first after them), then the rest with an idle timeout;
 * aborts upstream if the consumer stops. A failure after the hand-over is reported to `onFailure` (metrics, log)
 * before it is thrown: the router's attempt loop no longer sees it.
 */
async function* continueStream(
  opening: readonly Chunk[],
  first: IteratorResult<Chunk>,
  iterator: AsyncIterator<Chunk>,
  controller: AbortController,
  idleTimeoutMs: number,
  provider: string,
  cleanup: () => void,
  clientSignal: AbortSignal,
  onFailure: (failure: UpstreamError) => void,
): AsyncIterable<Chunk> {
  let finished = false;
  // One idle timer for the whole stream, restarted (refresh) at each wait for a chunk; it acts only while a
  // wait is on, so time the consumer spends between chunks (backpressure) never counts, as with a timer per
  // wait. A timer per chunk was a Timeout, a timer list and a priority-queue insert and removal every chunk.
  let waiting = false;
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  try {
    for (const event of opening) yield event;
    if (first.done) {
      finished = true;
      return;
    }
    yield first.value;
    for (;;) {
      waiting = true;
      if (timer) timer.refresh();
      else
        timer = setTimeout(() => {
          if (!waiting) return;
          timedOut = true;
          controller.abort();
        }, idleTimeoutMs);
      let next: IteratorResult<Chunk>;
      try {
        next = await iterator.next();
      } catch (err) {
        if (timedOut) throw new UpstreamError('timeout', provider, 'upstream stalled mid-stream');
        if (clientSignal.aborted) throw new UpstreamError('aborted', provider, 'request cancelled');
        throw err instanceof UpstreamError ? err : new UpstreamError('connection', provider, 'upstream connection lost mid-stream');
      } finally {
        waiting = false;
      }
      if (next.done) {
        // Some clients end an aborted stream quietly; an end we caused is still a failure.
        if (timedOut) throw new UpstreamError('timeout', provider, 'upstream stalled mid-stream');
        if (clientSignal.aborted) throw new UpstreamError('aborted', provider, 'request cancelled');
        finished = true;
        return;
      }
      assertAnswerObject(next.value, provider);
      yield next.value;
    }
  } catch (err) {
    if (err instanceof UpstreamError && err.kind !== 'aborted') onFailure(err);
    throw err;
  } finally {
    clearTimeout(timer);
    cleanup();
    if (!finished) {
      controller.abort(); // consumer went away or we failed: stop the upstream work
      await iterator.return?.().catch(() => undefined);
    }
  }
}

/**
 * Every answer the surfaces define is a JSON object (a completion, a chunk, an event). Anything else a 2xx
 * upstream sends (a text or HTML body, a JSON string, array or null, 204) is a failed attempt, never relayed:
 * the output guards read answers by their fields, so such a body would reach the client unread.
 */
function isAnswerObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function assertAnswerObject(value: unknown, provider: string): void {
  if (!isAnswerObject(value)) throw new UpstreamError('server_error', provider, 'upstream answer is not a JSON object');
  // `{"error":{…}}` with a 2xx (some routers and proxies answer a failing model so): an error, not an answer. Relayed, it
  // reached the SDK as a completion without choices, with the upstream's own error text. A surface's answer always
  // names its `object` (or carries `choices` / `output` / `data`): a failed Responses object (status: failed) is one.
  // In a stream, the same object (`data: {"error"}` reaches here when read by other means than the SSE reader) or a bare
  // error (`event: error` / `data: {"message","type","code"}`, where the event name is not kept) is an error event too.
  const answerShaped = value.object !== undefined || value.choices !== undefined || value.output !== undefined || value.data !== undefined;
  if (!answerShaped && (isAnswerObject(value.error) || typeof value.message === 'string')) {
    throw new UpstreamError('server_error', provider, 'upstream answered 2xx with an error body');
  }
  // The Responses API's error event (`{"type":"error","code","message"}`): the upstream failed mid-answer. Relayed, its
  // message (the upstream's text, which may echo the prompt) reached the client.
  if (value.type === 'error') throw new UpstreamError('server_error', provider, 'upstream sent an error event in its stream');
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
