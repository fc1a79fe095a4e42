/**
 * Guard stages that put keyed content digests on `ctx.digests` where the content is: in the
 * pipeline (plain mode) or inside the enclave worker (confidential mode: the enclave builds its
 * pipeline with these same stages and the audit key seed it was given). Put the input stage FIRST
 * (digest of what the client sent) and the output stage LAST (digest of what the client receives).
 *
 * Output digests are over the assistant text per choice, in choice order, joined by U+0000, so a
 * streamed and a non-streamed answer with the same text get the same digest.
 */
import type { GuardStage } from '../pipeline/pipeline.js';
import type { RequestContext } from '../pipeline/types.js';
import { digestContent, type DigestKey } from './digest.js';

const STAGE_NAME = 'audit_digest';

/** Requests whose output is streamed (their header receipt is provisional). */
const streaming = new WeakSet<RequestContext>();
/** Streams whose last chunk has passed (output digest final). */
const streamDone = new WeakSet<RequestContext>();

export function isOutputFinal(ctx: RequestContext): boolean {
  return !streaming.has(ctx) || streamDone.has(ctx);
}

/** The content fields of a request body, by surface naming. */
export function inputContent(body: Record<string, unknown>): string {
  const content = {
    instructions: body.instructions,
    messages: body.messages,
    input: body.input,
    prompt: body.prompt,
  };
  return JSON.stringify(content);
}

type Parts = Map<number, string[]>;

function add(parts: Parts, index: unknown, text: unknown): void {
  if (typeof text !== 'string' || text.length === 0) return;
  const i = typeof index === 'number' ? index : 0;
  let list = parts.get(i);
  if (!list) parts.set(i, (list = []));
  list.push(text);
}

function joined(parts: Parts): string {
  return [...parts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, list]) => list.join(''))
    .join('\u0000');
}

function messageText(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content.map((p) => (p && typeof p === 'object' && typeof (p as { text?: unknown }).text === 'string' ? (p as { text: string }).text : '')).join('');
  }
  return undefined;
}

/** Assistant text of a non-streamed response (chat, completions, responses). */
export function outputContent(response: unknown): string | undefined {
  if (!response || typeof response !== 'object') return undefined;
  const r = response as { choices?: unknown; output?: unknown; data?: unknown };
  if (Array.isArray(r.choices)) {
    const only = r.choices.length === 1 ? singleMessageText(r.choices[0]) : undefined;
    if (only !== undefined) return only;
    const parts: Parts = new Map();
    for (const c of r.choices as Array<Record<string, unknown>>) {
      const msg = c.message as { content?: unknown; tool_calls?: Array<{ function?: { arguments?: unknown } }> } | undefined;
      add(parts, c.index, msg ? messageText(msg.content) : c.text);
      for (const call of msg?.tool_calls ?? []) add(parts, c.index, call.function?.arguments);
    }
    return joined(parts);
  }
  if (Array.isArray(r.output)) {
    const parts: Parts = new Map();
    for (const item of r.output as Array<{ content?: Array<{ text?: unknown }> }>) {
      for (const c of item.content ?? []) add(parts, 0, c.text);
    }
    return joined(parts);
  }
  return undefined; // embeddings: vectors, no text to digest
}

/**
 * The usual non-streamed chat answer, one choice whose message content is a string and no tool calls:
 * its text is that string (what the general loop's one-entry join gives, '' included), without the Map,
 * sort and joins. Anything else: undefined, and the general loop decides.
 */
function singleMessageText(choice: unknown): string | undefined {
  if (!choice || typeof choice !== 'object') return undefined;
  const msg = (choice as { message?: unknown }).message as { content?: unknown; tool_calls?: unknown } | undefined;
  if (!msg || typeof msg !== 'object' || typeof msg.content !== 'string' || msg.tool_calls != null) return undefined;
  return msg.content;
}

/** Text carried by one stream chunk (chat delta, completion text, Responses text delta). */
function chunkContent(chunk: Record<string, unknown>, parts: Parts): void {
  if (Array.isArray(chunk.choices)) {
    for (const c of chunk.choices as Array<Record<string, unknown>>) {
      const delta = c.delta as { content?: unknown; tool_calls?: Array<{ function?: { arguments?: unknown } }> } | undefined;
      add(parts, c.index, delta ? delta.content : c.text);
      for (const call of delta?.tool_calls ?? []) add(parts, c.index, call.function?.arguments);
    }
  } else if (chunk.type === 'response.output_text.delta') {
    add(parts, 0, chunk.delta);
  }
}

export function createDigestStages(key: DigestKey): { input: GuardStage; output: GuardStage } {
  const input: GuardStage = {
    name: STAGE_NAME,
    input({ body, ctx }) {
      // Only receipts and the audit record read it: computed while the upstream works (the pipeline's `later`).
      // Stages rewrite bodies copy-on-write, so this body object stays what the client sent.
      return { action: 'continue', later: () => void (ctx.digests = { ...ctx.digests, input: digestContent(key, inputContent(body)) }) };
    },
  };
  const output: GuardStage = {
    name: STAGE_NAME,
    output({ ctx, response }) {
      const text = outputContent(response);
      if (text !== undefined) ctx.digests = { ...ctx.digests, output: digestContent(key, text) };
      return response;
    },
    outputStream({ ctx, chunks }) {
      streaming.add(ctx);
      return (async function* () {
        const parts: Parts = new Map();
        for await (const chunk of chunks) {
          chunkContent(chunk, parts);
          yield chunk;
        }
        ctx.digests = { ...ctx.digests, output: digestContent(key, joined(parts)) };
        streamDone.add(ctx);
      })();
    },
  };
  return { input, output };
}
