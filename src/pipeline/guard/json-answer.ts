/**
 * Structured outputs. An answer the request asks for as JSON (chat `response_format`, Responses `text.format`:
 * `json_object` or `json_schema`) can only hold a placeholder inside a JSON string (`<` is not JSON outside
 * one), so a pseudonymized value goes back JSON-escaped there, as in tool-call arguments. Restored raw, a value
 * with a newline (a postal address over two lines) or a quote made the answer invalid JSON.
 */
import type { Surface } from '../types.js';
import type { Path } from './texts.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const JSON_FORMATS = new Set(['json_object', 'json_schema']);

/** Whether the request asks for its answer text as JSON (legacy completions and embeddings have no such setting). */
export function asksForJson(surface: Surface, body: Json): boolean {
  const format = surface === 'chat.completions' ? body.response_format : surface === 'responses' && isObject(body.text) ? body.text.format : undefined;
  return isObject(format) && JSON_FORMATS.has(format.type as string);
}

/**
 * Whether `path` in a non-streamed answer is its answer text (chat `choices[i].message.content`, string or parts;
 * Responses `output[i].content[j].text` of a message item), not a refusal, reasoning or tool call.
 */
export function isAnswerText(surface: Surface, answer: unknown, path: Path): boolean {
  if (surface === 'chat.completions') return path[0] === 'choices' && path[2] === 'message' && path[3] === 'content';
  if (surface !== 'responses' || path[0] !== 'output' || path[2] !== 'content' || path[path.length - 1] !== 'text') return false;
  const output = isObject(answer) ? answer.output : undefined;
  const item = Array.isArray(output) ? (output[path[1] as number] as unknown) : undefined;
  return isObject(item) && item.type === 'message';
}
