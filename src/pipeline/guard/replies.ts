/**
 * What the guard sends instead of (or in place of) the model: the content-policy error, a refusal or
 * a vetted answer as a normal assistant reply, in the surface's own shape, streamed when asked.
 * Block messages name categories, never content.
 */
import { chatChunks, chatCompletion, response, responseEvents, textCompletion, textCompletionChunks, type Chunk } from '../../upstream/openai-shapes.js';
import type { PipelineResult, Surface } from '../types.js';

const NO_USAGE = { promptTokens: 0, completionTokens: 0 };

export function policyError(stage: 'input' | 'output', categories: readonly string[]): PipelineResult {
  const what = stage === 'input' ? 'The request was blocked' : "The model's answer was blocked";
  const list = categories.length ? ` (categories: ${categories.join(', ')})` : '';
  return {
    kind: 'error',
    status: 400,
    error: { message: `${what} by the content policy${list}.`, type: 'invalid_request_error', code: 'content_policy_violation', param: null },
  };
}

/** A prompt given as token ids: no detector can read it, so it is refused rather than passed unchecked. */
export function unguardableInput(param: string, message = `'${param}' is given as token ids, which the gateway's guardrails cannot check. Send it as text.`): PipelineResult {
  return {
    kind: 'error',
    status: 400,
    error: {
      message,
      type: 'invalid_request_error',
      code: 'unguardable_input',
      param,
    },
  };
}

/** An attachment the guard cannot read, refused by `guardrails.input.unreadableFiles` / `unreadableMedia` (unreadable.ts). */
export function unreadableInput(part: { kind: 'file' | 'media'; param: string; what: string }): PipelineResult {
  const message =
    part.kind === 'file'
      ? `'${part.param}' attaches a file the gateway's guardrails cannot read (${part.what}), and this gateway refuses such files (guardrails.input.unreadableFiles: block). Send its text as a text part or as a text file (text/plain, text/csv, application/json …).`
      : `'${part.param}' is media the gateway's guardrails cannot read (${part.what}), and this gateway refuses it (guardrails.input.unreadableMedia: block).`;
  return { kind: 'error', status: 400, error: { message, type: 'invalid_request_error', code: part.kind === 'file' ? 'unreadable_file' : 'unreadable_media', param: part.param } };
}

export function guardFailure(): PipelineResult {
  return { kind: 'error', status: 503, error: { message: 'The guardrails could not check this request; try again.', type: 'api_error', code: 'guardrail_unavailable', param: null } };
}

async function* fromIterable(chunks: Iterable<Chunk>): AsyncIterable<Chunk> {
  yield* chunks;
}

/** A complete reply with `text` as the assistant's answer. `finishReason` lets an output block say `content_filter`. */
export function textReply(surface: Surface, body: Record<string, unknown>, text: string, finishReason: 'stop' | 'content_filter' = 'stop'): PipelineResult {
  const model = typeof body.model === 'string' ? body.model : 'unknown';
  const stream = body.stream === true;
  const answer = { kind: 'text' as const, pieces: [text] };
  if (surface === 'chat.completions') {
    if (stream) {
      const includeUsage = (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
      return { kind: 'stream', chunks: fromIterable(withFinish(chatChunks(model, answer, NO_USAGE, includeUsage), finishReason)) };
    }
    const json = chatCompletion(model, answer, NO_USAGE) as { choices: { finish_reason: string }[] };
    json.choices[0]!.finish_reason = finishReason;
    return { kind: 'json', status: 200, body: json };
  }
  if (surface === 'completions') {
    if (stream) return { kind: 'stream', chunks: fromIterable(withFinish(textCompletionChunks(model, [text], NO_USAGE, false), finishReason)) };
    const json = textCompletion(model, text, NO_USAGE) as { choices: { finish_reason: string }[] };
    json.choices[0]!.finish_reason = finishReason;
    return { kind: 'json', status: 200, body: json };
  }
  if (surface === 'responses') {
    if (stream) return { kind: 'stream', chunks: fromIterable(responseEvents(model, answer, NO_USAGE, body)) };
    return { kind: 'json', status: 200, body: response(model, answer, NO_USAGE, body) };
  }
  // Embeddings have no "reply": a refusal or answer there is a block.
  return policyError('input', []);
}

function* withFinish(chunks: Iterable<Chunk>, finishReason: string): Iterable<Chunk> {
  for (const chunk of chunks) {
    const choices = chunk.choices as { finish_reason: string | null }[] | undefined;
    if (finishReason !== 'stop' && choices?.[0]?.finish_reason === 'stop') choices[0].finish_reason = finishReason;
    yield chunk;
  }
}
