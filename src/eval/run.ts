/**
 * Runs suite items against an OpenAI-compatible gateway with bounded concurrency and builds the report.
 *
 *   const report = await runEval({ baseURL: 'http://127.0.0.1:8787/v1', apiKey, model: 'sealgate-demo', items });
 */
import OpenAI from 'openai';
import { sendAndClassify } from './outcome.js';
import { buildReport, type EvalReport, type EvalResult, type Thresholds } from './report.js';
import type { SuiteItem } from './suite.js';

export interface EvalRunOptions {
  /** The gateway's OpenAI base URL (…/v1). */
  baseURL: string;
  apiKey: string;
  model: string;
  items: readonly SuiteItem[];
  concurrency?: number;
  stream?: boolean;
  /** System prompt sent before every prompt. */
  system?: string;
  timeoutMs?: number;
  thresholds?: Thresholds;
  suites?: string[];
  onProgress?(done: number, total: number): void;
}

/**
 * Before sending hundreds of prompts: is the gateway there, and does it accept the key? Throws a clear
 * error otherwise (the CLI exits 2 rather than reporting a run of connection errors).
 */
/** The SDK says "Connection error."; why (ECONNREFUSED, ENOTFOUND, a TLS error …) is in fetch's error beneath it. */
function connectionReason(error: InstanceType<typeof OpenAI.APIConnectionError>): string {
  let node: unknown = error.cause;
  for (let depth = 0; depth < 4 && node instanceof Error; depth++) {
    const code = (node as NodeJS.ErrnoException).code;
    if (typeof code === 'string') return code;
    node = node.cause;
  }
  return error.message;
}

export async function checkGateway(baseURL: string, apiKey: string, timeoutMs = 10_000): Promise<void> {
  const client = new OpenAI({ apiKey, baseURL, maxRetries: 0, timeout: timeoutMs });
  try {
    await client.models.list();
  } catch (error) {
    if (error instanceof OpenAI.APIConnectionError) throw new Error(`cannot reach the gateway at ${baseURL} (${connectionReason(error)})`);
    if (error instanceof OpenAI.APIError && (error.status === 401 || error.status === 403)) {
      throw new Error(`the gateway at ${baseURL} rejected the key (${error.status}${typeof error.code === 'string' ? ` ${error.code}` : ''})`);
    }
    throw error;
  }
}

export async function runEval(opts: EvalRunOptions): Promise<EvalReport> {
  const client = new OpenAI({ apiKey: opts.apiKey, baseURL: opts.baseURL, maxRetries: 0, timeout: opts.timeoutMs ?? 60_000 });
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const results: EvalResult[] = new Array(opts.items.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let i = next++; i < opts.items.length; i = next++) {
      const item = opts.items[i]!;
      const classified = await sendAndClassify(item.text, { client, model: opts.model, stream: opts.stream ?? false, ...(opts.system ? { system: opts.system } : {}) });
      results[i] = { id: item.id, label: item.label, category: item.category, lang: item.lang, source: item.source, ...classified };
      opts.onProgress?.(++done, opts.items.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 4, opts.items.length)) }, worker));
  return buildReport(
    results,
    { startedAt, gateway: opts.baseURL, model: opts.model, stream: opts.stream ?? false, suites: opts.suites ?? [], seconds: (performance.now() - started) / 1000 },
    opts.thresholds,
  );
}
