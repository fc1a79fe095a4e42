/**
 * Where the model-visible text is in a request, and the answer text in a response, per surface.
 * Each text is a `TextSlot` with a path into the body so a transformed copy can be written back
 * without touching anything else (tools, response_format and unknown fields pass through as sent).
 */
import type { MessageRole } from '../../../guardrails/core/types.js';
import type { Surface } from '../types.js';

export type Path = readonly (string | number)[];

export interface TextSlot {
  path: Path;
  role: MessageRole;
  text: string;
  /** Tool-call arguments (JSON): guarded like text, never shown as answer prose. */
  kind: 'text' | 'arguments';
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function roleOf(value: unknown): MessageRole {
  switch (value) {
    case 'system':
    case 'developer':
    case 'assistant':
    case 'tool':
    case 'user':
      return value;
    case 'function':
      return 'tool';
    default:
      return 'user';
  }
}

/** Text parts of a content value: a string, or an array of parts with `text` (text/input_text/output_text). */
function contentSlots(content: unknown, path: Path, role: MessageRole, out: TextSlot[]): void {
  if (typeof content === 'string') {
    if (content) out.push({ path, role, text: content, kind: 'text' });
  } else if (Array.isArray(content)) {
    content.forEach((part, i) => {
      if (isObject(part) && typeof part.text === 'string' && part.text) out.push({ path: [...path, i, 'text'], role, text: part.text, kind: 'text' });
      // A refusal part (assistant history, Responses output) is model text too.
      else if (isObject(part) && typeof part.refusal === 'string' && part.refusal) out.push({ path: [...path, i, 'refusal'], role, text: part.refusal, kind: 'text' });
      // A tool result may itself be an array of parts with nested output text.
      else if (isObject(part) && typeof part.output === 'string' && part.output) out.push({ path: [...path, i, 'output'], role, text: part.output, kind: 'text' });
    });
  }
}

/** Every text the model will see: system/developer/user/assistant turns, tool results, tool definitions, prompts. */
export function requestSlots(surface: Surface, body: Json): TextSlot[] {
  const out: TextSlot[] = [];
  if (surface === 'chat.completions') {
    const messages = Array.isArray(body.messages) ? body.messages : [];
    messages.forEach((m, i) => {
      if (!isObject(m)) return;
      const role = roleOf(m.role);
      contentSlots(m.content, ['messages', i, 'content'], role, out);
      if (typeof m.refusal === 'string' && m.refusal) out.push({ path: ['messages', i, 'refusal'], role, text: m.refusal, kind: 'text' });
      if (Array.isArray(m.tool_calls)) {
        m.tool_calls.forEach((call, j) => {
          const args = isObject(call) && isObject(call.function) ? call.function.arguments : undefined;
          if (typeof args === 'string' && args) out.push({ path: ['messages', i, 'tool_calls', j, 'function', 'arguments'], role: 'assistant', text: args, kind: 'arguments' });
        });
      }
      // The legacy single function call (before tool_calls).
      const legacyArgs = isObject(m.function_call) ? m.function_call.arguments : undefined;
      if (typeof legacyArgs === 'string' && legacyArgs) out.push({ path: ['messages', i, 'function_call', 'arguments'], role: 'assistant', text: legacyArgs, kind: 'arguments' });
    });
    toolDefinitionSlots(body, out);
  } else if (surface === 'responses') {
    if (typeof body.instructions === 'string' && body.instructions) out.push({ path: ['instructions'], role: 'system', text: body.instructions, kind: 'text' });
    if (typeof body.input === 'string') {
      if (body.input) out.push({ path: ['input'], role: 'user', text: body.input, kind: 'text' });
    } else if (Array.isArray(body.input)) {
      body.input.forEach((item, i) => {
        if (!isObject(item)) return;
        if (item.type === 'function_call_output' || item.type === 'custom_tool_call_output') {
          contentSlots(item.output, ['input', i, 'output'], 'tool', out);
        } else if (item.type === 'function_call' && typeof item.arguments === 'string' && item.arguments) {
          out.push({ path: ['input', i, 'arguments'], role: 'assistant', text: item.arguments, kind: 'arguments' });
        } else if (item.type === 'custom_tool_call' && typeof item.input === 'string' && item.input) {
          out.push({ path: ['input', i, 'input'], role: 'assistant', text: item.input, kind: 'text' });
        } else {
          contentSlots(item.content, ['input', i, 'content'], roleOf(item.role), out);
        }
      });
    }
    // A stored prompt template's variables are substituted into what the model reads (string or input_text).
    const variables = isObject(body.prompt) && isObject(body.prompt.variables) ? body.prompt.variables : undefined;
    if (variables) {
      for (const [name, value] of Object.entries(variables)) {
        if (typeof value === 'string' && value) out.push({ path: ['prompt', 'variables', name], role: 'user', text: value, kind: 'text' });
        else if (isObject(value) && typeof value.text === 'string' && value.text) out.push({ path: ['prompt', 'variables', name, 'text'], role: 'user', text: value.text, kind: 'text' });
      }
    }
    toolDefinitionSlots(body, out);
  } else if (surface === 'completions') {
    if (typeof body.prompt === 'string') out.push({ path: ['prompt'], role: 'user', text: body.prompt, kind: 'text' });
    else if (Array.isArray(body.prompt)) body.prompt.forEach((p, i) => typeof p === 'string' && p && out.push({ path: ['prompt', i], role: 'user', text: p, kind: 'text' }));
  } else if (surface === 'embeddings') {
    if (typeof body.input === 'string') out.push({ path: ['input'], role: 'user', text: body.input, kind: 'text' });
    else if (Array.isArray(body.input)) body.input.forEach((p, i) => typeof p === 'string' && p && out.push({ path: ['input', i], role: 'user', text: p, kind: 'text' }));
  }
  return out;
}

/**
 * The field holding token ids instead of text (completions `prompt`, embeddings `input`: a token array
 * or an array of them), if any. The gateway has no tokenizer, so no detector can read those.
 */
export function tokenIdField(surface: Surface, body: Json): 'prompt' | 'input' | undefined {
  const field = surface === 'completions' ? 'prompt' : surface === 'embeddings' ? 'input' : undefined;
  const value = field ? body[field] : undefined;
  return Array.isArray(value) && value.some((item) => typeof item === 'number' || Array.isArray(item)) ? field : undefined;
}

/** Tool descriptions are written by the app developer but read by the model: an injection channel too. */
function toolDefinitionSlots(body: Json, out: TextSlot[]): void {
  if (!Array.isArray(body.tools)) return;
  body.tools.forEach((tool, i) => {
    if (!isObject(tool)) return;
    const fn = isObject(tool.function) ? tool.function : tool;
    const base: Path = isObject(tool.function) ? ['tools', i, 'function', 'description'] : ['tools', i, 'description'];
    if (typeof fn.description === 'string' && fn.description) out.push({ path: base, role: 'developer', text: fn.description, kind: 'text' });
  });
}

/** The answer: message content, refusals and tool-call arguments, per surface (non-streamed). */
export function responseSlots(surface: Surface, body: unknown): TextSlot[] {
  const out: TextSlot[] = [];
  if (!isObject(body)) return out;
  if (surface === 'chat.completions' && Array.isArray(body.choices)) {
    body.choices.forEach((choice, i) => {
      const message = isObject(choice) && isObject(choice.message) ? choice.message : undefined;
      if (!message) return;
      contentSlots(message.content, ['choices', i, 'message', 'content'], 'assistant', out);
      if (typeof message.refusal === 'string' && message.refusal) out.push({ path: ['choices', i, 'message', 'refusal'], role: 'assistant', text: message.refusal, kind: 'text' });
      const legacyArgs = isObject(message.function_call) ? message.function_call.arguments : undefined;
      if (typeof legacyArgs === 'string' && legacyArgs) out.push({ path: ['choices', i, 'message', 'function_call', 'arguments'], role: 'assistant', text: legacyArgs, kind: 'arguments' });
      if (Array.isArray(message.tool_calls)) {
        message.tool_calls.forEach((call, j) => {
          const args = isObject(call) && isObject(call.function) ? call.function.arguments : undefined;
          if (typeof args === 'string' && args) out.push({ path: ['choices', i, 'message', 'tool_calls', j, 'function', 'arguments'], role: 'assistant', text: args, kind: 'arguments' });
        });
      }
    });
  } else if (surface === 'completions' && Array.isArray(body.choices)) {
    body.choices.forEach((choice, i) => {
      if (isObject(choice) && typeof choice.text === 'string' && choice.text) out.push({ path: ['choices', i, 'text'], role: 'assistant', text: choice.text, kind: 'text' });
    });
  } else if (surface === 'responses' && Array.isArray(body.output)) {
    responseOutputSlots(body.output, ['output'], out);
    if (typeof body.output_text === 'string' && body.output_text) out.push({ path: ['output_text'], role: 'assistant', text: body.output_text, kind: 'text' });
  }
  return out;
}

export function responseOutputSlots(output: unknown[], base: Path, out: TextSlot[]): void {
  output.forEach((item, i) => {
    if (!isObject(item)) return;
    if (item.type === 'function_call' && typeof item.arguments === 'string' && item.arguments) {
      out.push({ path: [...base, i, 'arguments'], role: 'assistant', text: item.arguments, kind: 'arguments' });
    } else if (item.type === 'custom_tool_call' && typeof item.input === 'string' && item.input) {
      // A custom tool's input is free text (not JSON), written by the model.
      out.push({ path: [...base, i, 'input'], role: 'assistant', text: item.input, kind: 'text' });
    } else if (item.type === 'message') {
      contentSlots(item.content, [...base, i, 'content'], 'assistant', out);
    }
  });
}

/** Returns a copy of `body` with the given slots replaced; untouched branches are shared, not copied. */
export function withReplacements<T>(body: T, replacements: ReadonlyMap<TextSlot, string>): T {
  let result: unknown = body;
  for (const [slot, text] of replacements) result = setPath(result, slot.path, 0, text);
  return result as T;
}

/**
 * Logprobs spell an answer out token by token (`token`, `bytes`, `top_logprobs`): once the guard has
 * rewritten a choice (chat, completions) or an output text part (Responses), its logprobs would hand
 * back what the guard removed, so they are dropped (null for a choice, [] for a part, as OpenAI sends
 * when none were asked for). Answers the guard left alone keep theirs.
 */
export function withoutStaleLogprobs<T>(response: T, rewritten: Iterable<TextSlot>): T {
  const owners = new Map<string, { path: Path; empty: null | [] }>();
  for (const { path } of rewritten) {
    const owner: Path | undefined = path[0] === 'choices' ? path.slice(0, 2) : path[0] === 'output' && path[2] === 'content' ? path.slice(0, 4) : undefined;
    if (owner) owners.set(owner.join('\u0000'), { path: owner, empty: path[0] === 'choices' ? null : [] });
  }
  let result: unknown = response;
  for (const { path, empty } of owners.values()) {
    let node: unknown = result;
    for (const key of path) node = isObject(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[key] : undefined;
    if (isObject(node) && node.logprobs !== undefined && node.logprobs !== null) result = setPath(result, [...path, 'logprobs'], 0, empty);
  }
  return result as T;
}

function setPath(node: unknown, path: Path, depth: number, value: unknown): unknown {
  if (depth === path.length) return value;
  const key = path[depth]!;
  if (Array.isArray(node)) {
    const copy = node.slice();
    copy[key as number] = setPath(node[key as number], path, depth + 1, value);
    return copy;
  }
  if (isObject(node)) return { ...node, [key]: setPath(node[key as string], path, depth + 1, value) };
  return node;
}
