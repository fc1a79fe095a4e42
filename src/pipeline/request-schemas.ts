/**
 * Request body schemas per surface. They check what the gateway and guardrails rely on (model,
 * messages/input shapes, stream flags) and let every other field through untouched, so new OpenAI
 * parameters keep working without a gateway release. Here, not in src/gateway, because the enclave
 * worker checks a sealed body the same way before its pipeline runs.
 */
import { z } from 'zod';
import type { OpenAIErrorBody, Surface } from './types.js';

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

/**
 * Turns a zod failure into OpenAI's 400 body: `param` names the field, the message says what is wrong. `body` (what
 * was checked) tells a field left out from a wrong one where zod cannot: a union (completions `prompt`, embeddings
 * and moderations `input`) reports an absent value as "Invalid input".
 */
export function describeInvalidBody(error: z.ZodError, body?: unknown): OpenAIErrorBody {
  // The deepest issue is the most specific one (unions report their branches' issues).
  let issue = error.issues[0]!;
  for (const candidate of error.issues) if (candidate.path.length > issue.path.length) issue = candidate;
  const param = issue.path.map(String).join('.') || null;
  const missing = (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) || (param !== null && body !== undefined && valueAt(body, issue.path) === undefined);
  const message = missing
    ? `Missing required parameter: '${param}'.`
    : param
      ? `Invalid value for '${param}': ${issue.message}.`
      : `Invalid request body: ${issue.message}.`;
  return { message, type: 'invalid_request_error', code: missing ? 'missing_required_parameter' : 'invalid_value', param };
}

/** The value at `path` in `value` (undefined when any step is absent). */
function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let node = value;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/**
 * What the gateway cannot serve although the schema allows it. A background response (not streamed) is answered
 * `queued` with no output and fetched later with GET /v1/responses/{id}, which the gateway does not serve: the app
 * could only poll a 404, or fetch the answer from the provider past the output guard (pseudonyms never restored).
 * Refused before the provider starts the job; a streamed one is guarded as it streams.
 */
function unsupported(surface: Surface, body: Record<string, unknown>): OpenAIErrorBody | undefined {
  if (surface === 'responses' && body.background === true && body.stream !== true)
    return {
      message:
        "Background responses are not supported: the gateway does not serve GET /v1/responses/{id}, so the answer could not be fetched (or guarded) through it. Send the request without 'background', or stream it.",
      type: 'invalid_request_error',
      code: 'unsupported_parameter',
      param: 'background',
    };
  return undefined;
}

/** The request body of a surface, checked (plain mode in the route, confidential mode in the enclave). */
export function checkRequestBody(surface: Surface, body: unknown): { ok: true; body: Record<string, unknown> } | { ok: false; error: OpenAIErrorBody } {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body))
    return { ok: false, error: { message: 'The request body must be a JSON object.', type: 'invalid_request_error', code: 'invalid_request_body', param: null } };
  const result = bodySchemas[surface].safeParse(body);
  if (!result.success) return { ok: false, error: describeInvalidBody(result.error, body) };
  const refused = unsupported(surface, result.data);
  return refused ? { ok: false, error: refused } : { ok: true, body: result.data };
}
