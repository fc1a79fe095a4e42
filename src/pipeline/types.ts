/**
 * The pipeline seam: transport-agnostic. The gateway (plain mode) and the enclave worker
 * (confidential mode) both hand a parsed, schema-validated request to a Pipeline and get back
 * JSON, a stream of chunk objects, or an OpenAI-format error, plus verdicts (never text).
 * Nothing here knows about express, HTTP headers or ciphertext.
 */
import type { Verdict } from '../../guardrails/core/types.js';

export type Surface = 'chat.completions' | 'responses' | 'completions' | 'embeddings';

export interface OpenAIErrorBody {
  message: string;
  type: string;
  code: string | null;
  param: string | null;
}

export interface StageTimings {
  /** Milliseconds per stage, e.g. { input_guard: 0.4, upstream: 12.1, output_guard: 0.3 }. */
  [stage: string]: number;
}

export interface RequestContext {
  requestId: string;
  tenantId: string;
  keyId: string;
  /** End-user id from the body's `user` field or a header; for repeat-offender counting. */
  endUser?: string;
  sourceIp?: string;
  signal: AbortSignal;
  timings: StageTimings;
  /** Filled by the pipeline as it runs; read by audit/metrics/headers after the response ends. */
  verdicts: Verdict[];
  /** Provider that served the request, once known. */
  provider?: string;
  usage?: { promptTokens: number; completionTokens: number };
  /** Keyed digests of content (never content), for audit and receipts. */
  digests?: { input?: string; output?: string };
  policyVersion?: string;
  /** Names (never values) of answer fields the output guard dropped unread (guard/dropped.ts). */
  droppedFields?: string[];
}

export type PipelineResult =
  | { kind: 'json'; status: number; body: unknown }
  /** Chunks are OpenAI chunk objects (chat/completions) or Responses API events (with a `type`). */
  | { kind: 'stream'; chunks: AsyncIterable<Record<string, unknown>> }
  | { kind: 'error'; status: number; error: OpenAIErrorBody; headers?: Record<string, string> };

export interface Pipeline {
  run(surface: Surface, body: Record<string, unknown>, ctx: RequestContext): Promise<PipelineResult>;
}
