/**
 * Builders for OpenAI wire objects (chat completions and chunks, legacy completions, Responses API
 * objects and stream events, embeddings). Used by the local demo model and by the test fake
 * upstream, so both speak exactly the shapes the official SDK parses.
 */
import { randomBytes } from 'node:crypto';

export type Chunk = Record<string, unknown>;

/** What a model "decided" to answer: text split into stream pieces, or one tool call. */
export type Answer =
  | { kind: 'text'; pieces: string[] }
  | { kind: 'tool_call'; name: string; arguments: string; callId?: string };

export interface Usage {
  promptTokens: number;
  completionTokens: number;
}

export const newId = (prefix: string): string => `${prefix}${randomBytes(12).toString('hex')}`;
const now = (): number => Math.floor(Date.now() / 1000);

const answerText = (a: Answer): string => (a.kind === 'text' ? a.pieces.join('') : '');

/** Splits the tool-call arguments into a few stream pieces, as real models do. */
export function argumentPieces(args: string, size = 8): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < args.length; i += size) pieces.push(args.slice(i, i + size));
  return pieces.length ? pieces : [''];
}

// ---------- chat completions ----------

export function chatCompletion(model: string, answer: Answer, usage: Usage): Chunk {
  const message: Record<string, unknown> =
    answer.kind === 'text'
      ? { role: 'assistant', content: answerText(answer), refusal: null, annotations: [] }
      : {
          role: 'assistant',
          content: null,
          refusal: null,
          annotations: [],
          tool_calls: [{ id: answer.callId ?? newId('call_'), type: 'function', function: { name: answer.name, arguments: answer.arguments } }],
        };
  return {
    id: newId('chatcmpl-'),
    object: 'chat.completion',
    created: now(),
    model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: answer.kind === 'text' ? 'stop' : 'tool_calls' }],
    usage: usageChat(usage),
    system_fingerprint: 'fp_sealgate',
  };
}

/** The chunk sequence OpenAI streams for a chat completion (role chunk, deltas, finish, optional usage chunk). */
export function* chatChunks(model: string, answer: Answer, usage: Usage, includeUsage: boolean): Generator<Chunk> {
  const id = newId('chatcmpl-');
  const created = now();
  const chunk = (delta: Record<string, unknown>, finish: string | null): Chunk => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model,
    system_fingerprint: 'fp_sealgate',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    ...(includeUsage ? { usage: null } : {}),
  });
  if (answer.kind === 'text') {
    yield chunk({ role: 'assistant', content: '', refusal: null }, null);
    for (const piece of answer.pieces) yield chunk({ content: piece }, null);
    yield chunk({}, 'stop');
  } else {
    const callId = answer.callId ?? newId('call_');
    yield chunk(
      { role: 'assistant', content: null, tool_calls: [{ index: 0, id: callId, type: 'function', function: { name: answer.name, arguments: '' } }], refusal: null },
      null,
    );
    for (const piece of argumentPieces(answer.arguments)) yield chunk({ tool_calls: [{ index: 0, function: { arguments: piece } }] }, null);
    yield chunk({}, 'tool_calls');
  }
  if (includeUsage) yield { id, object: 'chat.completion.chunk', created, model, system_fingerprint: 'fp_sealgate', choices: [], usage: usageChat(usage) };
}

function usageChat(u: Usage): Record<string, unknown> {
  return { prompt_tokens: u.promptTokens, completion_tokens: u.completionTokens, total_tokens: u.promptTokens + u.completionTokens };
}

// ---------- legacy completions ----------

export function textCompletion(model: string, text: string, usage: Usage): Chunk {
  return {
    id: newId('cmpl-'),
    object: 'text_completion',
    created: now(),
    model,
    choices: [{ text, index: 0, logprobs: null, finish_reason: 'stop' }],
    usage: usageChat(usage),
  };
}

export function* textCompletionChunks(model: string, pieces: string[], usage: Usage, includeUsage: boolean): Generator<Chunk> {
  const id = newId('cmpl-');
  const created = now();
  const chunk = (text: string, finish: string | null): Chunk => ({
    id,
    object: 'text_completion',
    created,
    model,
    choices: [{ text, index: 0, logprobs: null, finish_reason: finish }],
  });
  for (const piece of pieces) yield chunk(piece, null);
  yield chunk('', 'stop');
  if (includeUsage) yield { id, object: 'text_completion', created, model, choices: [], usage: usageChat(usage) };
}

// ---------- Responses API ----------

function responseOutputItem(answer: Answer, itemId: string, done: boolean): Chunk {
  if (answer.kind === 'text') {
    return {
      type: 'message',
      id: itemId,
      status: done ? 'completed' : 'in_progress',
      role: 'assistant',
      content: done ? [{ type: 'output_text', text: answerText(answer), annotations: [], logprobs: [] }] : [],
    };
  }
  return {
    type: 'function_call',
    id: itemId,
    call_id: answer.callId ?? itemId.replace(/^fc_/, 'call_'),
    name: answer.name,
    arguments: done ? answer.arguments : '',
    status: done ? 'completed' : 'in_progress',
  };
}

function responseObject(model: string, id: string, createdAt: number, output: Chunk[], usage: Usage | null, status: string, body: Record<string, unknown>): Chunk {
  return {
    id,
    object: 'response',
    created_at: createdAt,
    status,
    error: null,
    incomplete_details: null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    model,
    output,
    parallel_tool_calls: true,
    previous_response_id: body.previous_response_id ?? null,
    temperature: body.temperature ?? 1,
    text: body.text ?? { format: { type: 'text' } },
    tool_choice: body.tool_choice ?? 'auto',
    tools: body.tools ?? [],
    top_p: body.top_p ?? 1,
    truncation: 'disabled',
    usage: usage
      ? {
          input_tokens: usage.promptTokens,
          input_tokens_details: { cached_tokens: 0 },
          output_tokens: usage.completionTokens,
          output_tokens_details: { reasoning_tokens: 0 },
          total_tokens: usage.promptTokens + usage.completionTokens,
        }
      : null,
    metadata: body.metadata ?? {},
    // Echoed as OpenAI echoes them (the gateway gives hashed end-user ids back as the client sent them).
    ...(typeof body.user === 'string' ? { user: body.user } : {}),
    ...(typeof body.safety_identifier === 'string' ? { safety_identifier: body.safety_identifier } : {}),
    ...(typeof body.prompt_cache_key === 'string' ? { prompt_cache_key: body.prompt_cache_key } : {}),
  };
}

export function response(model: string, answer: Answer, usage: Usage, body: Record<string, unknown>): Chunk {
  const itemId = answer.kind === 'text' ? newId('msg_') : newId('fc_');
  return responseObject(model, newId('resp_'), now(), [responseOutputItem(answer, itemId, true)], usage, 'completed', body);
}

/** The Responses API event sequence (each event has `type` and `sequence_number`). */
export function* responseEvents(model: string, answer: Answer, usage: Usage, body: Record<string, unknown>): Generator<Chunk> {
  const id = newId('resp_');
  const createdAt = now();
  const itemId = answer.kind === 'text' ? newId('msg_') : newId('fc_');
  let seq = 0;
  const event = (type: string, fields: Record<string, unknown>): Chunk => ({ type, sequence_number: seq++, ...fields });

  yield event('response.created', { response: responseObject(model, id, createdAt, [], null, 'in_progress', body) });
  yield event('response.in_progress', { response: responseObject(model, id, createdAt, [], null, 'in_progress', body) });
  yield event('response.output_item.added', { output_index: 0, item: responseOutputItem(answer, itemId, false) });
  if (answer.kind === 'text') {
    const text = answerText(answer);
    yield event('response.content_part.added', { item_id: itemId, output_index: 0, content_index: 0, part: { type: 'output_text', text: '', annotations: [], logprobs: [] } });
    for (const piece of answer.pieces) yield event('response.output_text.delta', { item_id: itemId, output_index: 0, content_index: 0, delta: piece, logprobs: [] });
    yield event('response.output_text.done', { item_id: itemId, output_index: 0, content_index: 0, text, logprobs: [] });
    yield event('response.content_part.done', { item_id: itemId, output_index: 0, content_index: 0, part: { type: 'output_text', text, annotations: [], logprobs: [] } });
  } else {
    for (const piece of argumentPieces(answer.arguments)) yield event('response.function_call_arguments.delta', { item_id: itemId, output_index: 0, delta: piece });
    yield event('response.function_call_arguments.done', { item_id: itemId, output_index: 0, arguments: answer.arguments });
  }
  const item = responseOutputItem(answer, itemId, true);
  yield event('response.output_item.done', { output_index: 0, item });
  yield event('response.completed', { response: responseObject(model, id, createdAt, [item], usage, 'completed', body) });
}

// ---------- embeddings ----------

export function embeddingsList(model: string, vectors: Float32Array[], promptTokens: number, encoding: 'float' | 'base64'): Chunk {
  return {
    object: 'list',
    data: vectors.map((v, index) => ({
      object: 'embedding',
      index,
      embedding: encoding === 'base64' ? Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') : Array.from(v),
    })),
    model,
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  };
}
