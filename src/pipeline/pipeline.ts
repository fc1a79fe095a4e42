/**
 * The request pipeline: input guards → upstream (router → provider) → output guards.
 *
 * Transport-agnostic (no express, no HTTP headers): the gateway runs it in the main thread and the
 * enclave worker runs the very same code. Today it is a pass-through to the router; guardrails and
 * policy plug in as `GuardStage`s (see the hook points below) without touching this file's callers.
 *
 * Hook points, in order:
 *  1. `stage.input(...)`        before the upstream call: may pass, rewrite the body (redaction,
 *                               pseudonymisation; copy on write, never in place), or stop the request with
 *                               a result (block/answer). Work the upstream request does not need (the audit
 *                               input digest) can be handed back as `later`: it runs once the upstream request
 *                               has been written, while the model works, and in any case before the output
 *                               stages or the result.
 *  2. upstream                  router picks provider(s); retries/fallback happen before the first byte.
 *  3. `stage.output(...)`       non-streaming: may rewrite the response body or replace it with an error.
 *  4. `stage.outputStream(...)` streaming: wraps the chunk iterable (sliding-window output guard,
 *                               pseudonym restore); stages wrap in order, so the first stage sees raw chunks.
 * Stages push `Verdict`s (never text) onto `ctx.verdicts`; timings go to `ctx.timings[<stage name>]`.
 */
import type { PipelineResult, Pipeline, RequestContext, Surface, OpenAIErrorBody } from './types.js';
import type { UpstreamRouter } from '../upstream/router.js';
import { UpstreamError, type Chunk } from '../upstream/types.js';
import { traceMark } from '../observability/stage-trace.js';

export interface StageRequest {
  surface: Surface;
  body: Record<string, unknown>;
  ctx: RequestContext;
}

/** What an input stage decides: continue (optionally with a rewritten body) or stop with a result. */
export type InputDecision =
  | { action: 'continue'; body?: Record<string, unknown>; later?: () => void }
  | { action: 'stop'; result: PipelineResult };

export interface GuardStage {
  /** Short stable name; used as the timing key (`ctx.timings[name]`). */
  readonly name: string;
  input?(req: StageRequest): InputDecision | Promise<InputDecision>;
  /** `requestBody` is the body as sent upstream (after input stages). Return the (possibly new) body or an error result. */
  output?(req: StageRequest & { response: unknown }): unknown | PipelineResult | Promise<unknown | PipelineResult>;
  outputStream?(req: StageRequest & { chunks: AsyncIterable<Chunk> }): AsyncIterable<Chunk>;
}

export interface PipelineDeps {
  router: UpstreamRouter;
  /** Guard stages in order; empty = pass-through. */
  stages?: readonly GuardStage[];
}

export function createPipeline(deps: PipelineDeps): Pipeline {
  const stages = deps.stages ?? [];

  return {
    async run(surface, requestBody, ctx): Promise<PipelineResult> {
      let body = requestBody;
      const later = new Later(ctx);

      // 1. Input stages.
      for (const stage of stages) {
        if (!stage.input) continue;
        const started = performance.now();
        const decision = await stage.input({ surface, body, ctx });
        addTiming(ctx, stage.name, started);
        traceMark(`input stage ${stage.name}`);
        if (decision.action === 'stop') {
          later.run();
          return decision.result;
        }
        if (decision.body) body = decision.body;
        if (decision.later) later.add(stage.name, decision.later);
      }

      // 2. Upstream. The router asks streams for usage (rate limits and audit charge real tokens);
      // when the client did not ask, the extra usage chunk and fields are stripped again below.
      const upstreamStarted = performance.now();
      const hiddenUsage = wantsHiddenUsage(surface, body);
      let routed;
      try {
        const call = deps.router.call(surface, body, { signal: ctx.signal });
        // The check phase of this loop turn: after the microtasks that write the upstream request, before
        // the poll that could bring its answer. On a model that takes a while, this work is off the answer's path.
        later.schedule();
        routed = await call;
        traceMark('router returned');
      } catch (err) {
        later.run();
        addTiming(ctx, 'upstream', upstreamStarted);
        return upstreamErrorResult(err);
      }
      later.run();
      ctx.provider = routed.provider;

      // 3/4. Output stages.
      if (routed.kind === 'json') {
        addTiming(ctx, 'upstream', upstreamStarted);
        recordUsage(ctx, routed.body);
        let response: unknown = routed.body;
        for (const stage of stages) {
          if (!stage.output) continue;
          const started = performance.now();
          const out = await stage.output({ surface, body, ctx, response });
          addTiming(ctx, stage.name, started);
          traceMark(`output stage ${stage.name}`);
          if (isPipelineResult(out)) return out;
          response = out;
        }
        return { kind: 'json', status: 200, body: response };
      }

      // Streaming: upstream time is time-to-first-chunk (the router has already seen it).
      addTiming(ctx, 'upstream', upstreamStarted);
      let chunks: AsyncIterable<Chunk> = tapUsage(routed.chunks, ctx, hiddenUsage);
      for (const stage of stages) {
        if (stage.outputStream) chunks = stage.outputStream({ surface, body, ctx, chunks });
      }
      return { kind: 'stream', chunks };
    },
  };
}

/**
 * Input stages' deferred work, in stage order: run on the next check phase once scheduled, or at once by
 * `run()` (before output stages and results; a no-op once done). A failure is rethrown by `run()`, where the
 * pipeline would have thrown had the stage done the work itself.
 */
class Later {
  private jobs: { stage: string; job: () => void }[] | undefined;
  private failure: { error: unknown } | undefined;

  constructor(private readonly ctx: RequestContext) {}

  add(stage: string, job: () => void): void {
    (this.jobs ??= []).push({ stage, job });
  }

  schedule(): void {
    if (this.jobs) setImmediate(() => this.drain());
  }

  run(): void {
    this.drain();
    if (this.failure) {
      const { error } = this.failure;
      this.failure = undefined;
      throw error;
    }
  }

  private drain(): void {
    const jobs = this.jobs;
    if (!jobs) return;
    this.jobs = undefined;
    for (const { stage, job } of jobs) {
      const started = performance.now();
      try {
        job();
      } catch (error) {
        this.failure ??= { error };
      }
      addTiming(this.ctx, stage, started);
    }
  }
}

function addTiming(ctx: RequestContext, stage: string, startedAt: number): void {
  ctx.timings[stage] = (ctx.timings[stage] ?? 0) + (performance.now() - startedAt);
}

function isPipelineResult(value: unknown): value is PipelineResult {
  if (!value || typeof value !== 'object') return false;
  const kind = (value as { kind?: unknown }).kind;
  return (kind === 'json' || kind === 'stream' || kind === 'error') && ('status' in value || 'chunks' in value);
}

/** Reads `usage` from an OpenAI response (chat/completions/embeddings/responses naming). */
export function usageOf(body: unknown): RequestContext['usage'] | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as { usage?: Record<string, unknown>; response?: { usage?: Record<string, unknown> } };
  const usage = b.usage ?? b.response?.usage;
  if (!usage || typeof usage !== 'object') return undefined;
  const prompt = Number(usage.prompt_tokens ?? usage.input_tokens ?? 0);
  const completion = Number(usage.completion_tokens ?? usage.output_tokens ?? 0);
  if (!Number.isFinite(prompt) || !Number.isFinite(completion)) return undefined;
  return { promptTokens: prompt, completionTokens: completion };
}

function recordUsage(ctx: RequestContext, body: unknown): void {
  const usage = usageOf(body);
  if (usage) ctx.usage = usage;
}

/** Picks usage off the stream as it passes (final chat chunk or `response.completed` event). */
async function* tapUsage(chunks: AsyncIterable<Chunk>, ctx: RequestContext, hideUsage: boolean): AsyncIterable<Chunk> {
  for await (const chunk of chunks) {
    if (chunk.usage || chunk.response) recordUsage(ctx, chunk);
    if (hideUsage && 'usage' in chunk) {
      // The client did not ask for usage: drop the usage-only chunk and the `usage: null` fields.
      if (Array.isArray(chunk.choices) && chunk.choices.length === 0) continue;
      const { usage: _usage, ...rest } = chunk;
      yield rest;
      continue;
    }
    yield chunk;
  }
}

function wantsHiddenUsage(surface: Surface, body: Record<string, unknown>): boolean {
  if (body.stream !== true || (surface !== 'chat.completions' && surface !== 'completions')) return false;
  return (body.stream_options as { include_usage?: unknown } | null | undefined)?.include_usage !== true;
}

/** Maps a failed upstream call to an OpenAI error; our wording, never upstream secrets. */
export function upstreamErrorResult(err: unknown): PipelineResult {
  if (err instanceof UpstreamError) {
    const error = (message: string, type: string, code: string, param: string | null = null): OpenAIErrorBody => ({ message, type, code, param });
    switch (err.kind) {
      case 'timeout':
        return { kind: 'error', status: 504, error: error('The upstream model did not answer in time.', 'api_error', 'upstream_timeout') };
      case 'aborted':
        return { kind: 'error', status: 499, error: error('The request was cancelled.', 'api_error', 'request_cancelled') };
      case 'client_error': {
        // The upstream rejected the request itself (bad parameter …): relay its explanation and status.
        const up = err.upstreamError;
        const status = err.upstreamStatus && err.upstreamStatus >= 400 && err.upstreamStatus < 500 ? err.upstreamStatus : 400;
        return {
          kind: 'error',
          status,
          error: error(up?.message ?? 'The upstream model rejected the request.', up?.type ?? 'invalid_request_error', up?.code ?? 'upstream_rejected', up?.param ?? null),
        };
      }
      case 'too_large':
        return { kind: 'error', status: 502, error: error("The upstream model's answer exceeded the gateway's size limit (upstream.maxResponseBytes).", 'api_error', 'upstream_error') };
      default:
        return { kind: 'error', status: 502, error: error(`The upstream model failed (${err.kind.replace('_', ' ')}).`, 'api_error', 'upstream_error') };
    }
  }
  return { kind: 'error', status: 502, error: { message: 'The upstream model failed.', type: 'api_error', code: 'upstream_error', param: null } };
}
