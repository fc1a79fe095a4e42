/**
 * Request body schemas per surface. They check what the gateway and guardrails rely on (model,
 * messages/input shapes, stream flags) and let every other field through untouched, so new OpenAI
 * parameters keep working without a gateway release.
 */
import { z } from 'zod';
import type { Surface } from '../pipeline/types.js';

const model = z.string().min(1, 'must be a non-empty string');
const streamFlag = z.boolean().nullable().optional();
const streamOptions = z.looseObject({ include_usage: z.boolean().optional() }).nullable().optional();
const contentPart = z.looseObject({ type: z.string().min(1) });

const chatMessage = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
  content: z.union([z.string(), z.array(contentPart), z.null()]).optional(),
  name: z.string().optional(),
  tool_call_id: z.string().optional(),
});

const tool = z.looseObject({
  type: z.string().min(1),
  function: z.looseObject({ name: z.string().min(1) }).optional(),
});

export const chatCompletionsBody = z.looseObject({
  model,
  messages: z.array(chatMessage).min(1, 'must contain at least one message'),
  stream: streamFlag,
  stream_options: streamOptions,
  tools: z.array(tool).optional(),
  response_format: z.looseObject({ type: z.enum(['text', 'json_object', 'json_schema']) }).optional(),
  n: z.number().int().min(1).max(128).nullable().optional(),
  temperature: z.number().min(0).max(2).nullable().optional(),
  max_tokens: z.number().int().positive().nullable().optional(),
  max_completion_tokens: z.number().int().positive().nullable().optional(),
  user: z.string().optional(),
  safety_identifier: z.string().optional(),
});

const responsesInputItem = z.looseObject({
  type: z.string().optional(),
  role: z.string().optional(),
  content: z.union([z.string(), z.array(contentPart)]).optional(),
});

export const responsesBody = z.looseObject({
  model,
  input: z.union([z.string(), z.array(responsesInputItem)]).optional(),
  instructions: z.string().nullable().optional(),
  stream: streamFlag,
  tools: z.array(z.looseObject({ type: z.string().min(1) })).optional(),
  max_output_tokens: z.number().int().positive().nullable().optional(),
  user: z.string().optional(),
  safety_identifier: z.string().optional(),
});

const tokenArray = z.array(z.number().int());

export const completionsBody = z.looseObject({
  model,
  prompt: z.union([z.string(), z.array(z.string()), tokenArray, z.array(tokenArray)]),
  stream: streamFlag,
  stream_options: streamOptions,
  max_tokens: z.number().int().positive().nullable().optional(),
  user: z.string().optional(),
});

export const MAX_EMBEDDING_INPUTS = 2048;

export const embeddingsBody = z.looseObject({
  model,
  // OpenAI takes at most 2048 inputs a request; a bigger batch would hold the event loop in the guard for seconds.
  input: z.union([z.string(), z.array(z.string()).min(1).max(MAX_EMBEDDING_INPUTS), tokenArray.min(1), z.array(tokenArray).min(1).max(MAX_EMBEDDING_INPUTS)]),
  encoding_format: z.enum(['float', 'base64']).optional(),
  dimensions: z.number().int().positive().optional(),
  user: z.string().optional(),
});

export const bodySchemas: Record<Surface, z.ZodType<Record<string, unknown>>> = {
  'chat.completions': chatCompletionsBody,
  responses: responsesBody,
  completions: completionsBody,
  embeddings: embeddingsBody,
};
