/**
 * The upstream seam: a Provider serves the four OpenAI surfaces for the models it lists.
 * Bodies go through as OpenAI JSON (so tools, response_format and unknown fields pass through);
 * streams are async iterables of chunk objects (chat/completions chunks, or Responses API events).
 */
import type { Surface } from '../pipeline/types.js';

export type Chunk = Record<string, unknown>;

export type ProviderResult =
  | { kind: 'json'; body: unknown }
  | { kind: 'stream'; chunks: AsyncIterable<Chunk> };

export interface ProviderCall {
  surface: Surface;
  /** The request body, with `model` already rewritten to the provider's own model name. */
  body: Record<string, unknown>;
  signal: AbortSignal;
  /** Milliseconds to the whole response (non-streaming) or to the first byte (streaming). */
  timeoutMs: number;
}

export interface Provider {
  readonly name: string;
  readonly type: string;
  /** Models this provider serves, as the provider names them. */
  readonly models: readonly string[];
  /**
   * Whether to ask for usage on streams (`stream_options.include_usage`) even when the client did
   * not, so limits and audit charge real tokens. Default true; off for servers that reject it.
   */
  readonly streamUsage?: boolean;
  /**
   * True when the provider keeps the whole deadline of a non-streamed call (`body.stream !== true`) itself:
   * it answers JSON, fails with a 'timeout' UpstreamError once `timeoutMs` has passed (head and body), and
   * with an 'aborted' one when `signal` aborts. The router then hands it the request's own signal instead of
   * a per-attempt AbortController, listener and timer.
   */
  readonly ownsJsonDeadline?: boolean;
  call(req: ProviderCall): Promise<ProviderResult>;
  /** Cheap reachability probe for /readyz. */
  ping(signal: AbortSignal): Promise<boolean>;
  close?(): Promise<void>;
}

/**
 * Why an upstream attempt failed. `retryable` decides retries/fallback (only before the first byte);
 * the message is ours, never the upstream's raw text, so upstream keys and URLs cannot leak.
 */
export type UpstreamFailureKind = 'timeout' | 'connection' | 'rate_limited' | 'server_error' | 'client_error' | 'auth' | 'aborted' | 'too_large';

export class UpstreamError extends Error {
  readonly kind: UpstreamFailureKind;
  readonly provider: string;
  /** HTTP status the upstream answered, when it answered. */
  readonly upstreamStatus?: number;
  /** Upstream's Retry-After in ms, when it sent one. */
  readonly retryAfterMs?: number;
  /** For client errors (4xx) we may relay the upstream's error body fields (not its headers). */
  readonly upstreamError?: { message: string; type?: string; code?: string | null; param?: string | null };

  constructor(
    kind: UpstreamFailureKind,
    provider: string,
    message: string,
    opts: { upstreamStatus?: number; retryAfterMs?: number; upstreamError?: UpstreamError['upstreamError'] } = {},
  ) {
    super(message);
    this.name = 'UpstreamError';
    this.kind = kind;
    this.provider = provider;
    this.upstreamStatus = opts.upstreamStatus;
    this.retryAfterMs = opts.retryAfterMs;
    this.upstreamError = opts.upstreamError;
  }

  get retryable(): boolean {
    return this.kind === 'timeout' || this.kind === 'connection' || this.kind === 'rate_limited' || this.kind === 'server_error';
  }
}
