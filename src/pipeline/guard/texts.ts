/**
 * Where the model-visible text is in a request, and the answer text in a response, per surface.
 * Each text is a `TextSlot` with a path into the body so a transformed copy can be written back
 * without touching anything else (tools, response_format and unknown fields pass through as sent).
 */
import type { MessageRole } from '../../../guardrails/core/types.js';
import type { Surface } from '../types.js';
import {
  CHAT_MESSAGE_EXTRAS,
  CHAT_TOOL_CALL,
  holdsText,
  INPUT_ONLY_ITEM,
  INPUT_PARTS,
  LEGACY_FUNCTION_CALL,
  MCP_TOOL_ANNOTATIONS,
  REASONING_FIELDS,
  RESPONSES_ITEM,
  responseShape,
  TOOL_USER_LOCATION,
  unreadText,
  UNTYPED_PART,
  USER_LOCATION,
  walkShape,
  type Shape,
  type ShapeWalk,
} from './shapes.js';

export type Path = readonly (string | number)[];

export interface TextSlot {
  path: Path;
  role: MessageRole;
  text: string;
  /** Tool-call arguments (JSON): guarded like text, never shown as answer prose. */
  kind: 'text' | 'arguments';
  /**
   * A value a schema constrains (`enum`/`const`/`default`/`examples` strings, a custom tool's grammar):
   * rewriting it changes the contract (masks or redactions can make enum values collide, a placeholder
   * can break `pattern`/`format` or the grammar), so a policy that would rewrite it blocks instead.
   */
  fixed?: true;
  /**
   * Short names (`system_prompt`, `instructions`, `developer_mode`): identifiers the model reads as labels.
   * Only `guardrails.input.identifierDetectors` scan them; classifiers read them as instructions.
   */
  identifiers?: true;
  /**
   * Messages' `name`s (`alice_bot`, `Maria`): a participant's name is what the field is for, so a
   * `pii.person` finding there is expected and dropped (a capitalised first name blocked the request:
   * a name cannot be rewritten). Instructions, phone numbers, emails and ids there still count.
   */
  participantNames?: true;
  /**
   * How a rewritten text goes back into its field when the field holds it encoded (a text file's base64 data
   * URL, media-url.ts): the input guard writes `encode(rewritten)` at `path`.
   */
  encode?: (text: string) => string;
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

/**
 * Text parts of a content value: a string, or an array of parts. Each part type has the fields the
 * model sees read and the rest refused when they hold text (`INPUT_PARTS`, shapes.ts: an `extra` beside
 * a part's `text`, a caption in an image part); a part type the guard does not know is refused whole.
 */
function contentSlots(content: unknown, path: Path, role: MessageRole, out: TextSlot[]): void {
  if (typeof content === 'string') {
    if (content) out.push({ path, role, text: content, kind: 'text' });
  } else if (Array.isArray(content)) {
    const walk: ShapeWalk = { slots: out, dropped: [] };
    for (let i = 0; i < content.length; i++) {
      const part: unknown = content[i];
      if (typeof part === 'string') {
        // A bare string where a part belongs (tool outputs are not validated): read as text.
        if (part) out.push({ path: [...path, i], role, text: part, kind: 'text' });
        continue;
      }
      if (!isObject(part)) {
        if (holdsText(part)) throw new UnguardableInputError(paramOf([...path, i]));
        continue;
      }
      partSlots(part, path, i, role, out, walk);
    }
  } else if (holdsText(content)) {
    // An object where a string or a list of parts belongs (a tool output `{ "text": … }`): a provider may
    // stringify it for the model, so it is refused rather than passed unread.
    throw new UnguardableInputError(paramOf(path));
  }
}

/**
 * One content part's texts by its type's shape (`INPUT_PARTS`); an unknown type or an unread text field is
 * refused. The part is at `path` + `index` (appended only where a path is needed: a slot, a nested walk, an error).
 */
function partSlots(part: Json, path: Path, index: number | string, role: MessageRole, out: TextSlot[], walk: ShapeWalk): void {
  const type = part.type;
  if (type !== undefined && !(typeof type === 'string' && Object.hasOwn(INPUT_PARTS, type))) {
    const param = paramOf([...path, index]);
    throw new UnguardableInputError(param, `'${param}' is a content part of a type the gateway's guardrails cannot read ('${String(type).slice(0, 40)}').`);
  }
  // The part's fields by its shape, walked here (no copy to build: a request is never reduced, only refused).
  const fields = (type === undefined ? UNTYPED_PART : INPUT_PARTS[type as string]!).fields;
  for (const key in part) {
    const value = part[key];
    const shape = Object.hasOwn(fields, key) ? fields[key]! : undefined;
    if (shape === 'opaque') continue;
    if (shape === 'text' && typeof value === 'string') {
      if (value) out.push({ path: [...path, index, key], role, text: value, kind: 'text' });
    } else if (shape !== undefined) {
      walkShape(value, shape, [...path, index, key], walk, role);
      if (walk.dropped.length > 0) throw new UnguardableInputError(paramOf(walk.dropped[0]!));
    } else if (unreadText(key, value)) {
      throw new UnguardableInputError(paramOf([...path, index, key]));
    }
  }
}

/**
 * Every string in `value` as a slot at its path (a template's keyword arguments, retrieved documents):
 * a short one (under four words, `high`, `Paris`) read by the identifier detectors only, a longer one by
 * every detector. A key that is not a field name is data and refused (it would reach the model unread).
 */
function stringSlots(value: unknown, path: Path, role: MessageRole, out: TextSlot[]): void {
  if (typeof value === 'string') {
    if (value) out.push(readsAsSentence(value) ? { path, role, text: value, kind: 'text' } : { path, role, text: value, kind: 'text', identifiers: true });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => stringSlots(item, [...path, i], role, out));
  } else if (isObject(value)) {
    for (const key in value) {
      if (unreadText(key, {})) throw new UnguardableInputError(paramOf([...path, key]));
      stringSlots(value[key], [...path, key], role, out);
    }
  }
}

/** Refuses the first field of `item` that `read` does not name and that holds text. */
function refuseUnread(item: Json, read: ReadonlySet<string>, path: Path): void {
  for (const key in item) if (!read.has(key) && unreadText(key, item[key])) throw new UnguardableInputError(paramOf([...path, key]));
}

/** A field read as a string (a name, a reasoning text) given as something else that holds text: refused. */
function refuseNonString(value: unknown, path: Path): void {
  if (value !== undefined && typeof value !== 'string' && holdsText(value)) throw new UnguardableInputError(paramOf(path));
}

/** A shaped value's texts as slots (pushed to `out`); a field the shape does not name that holds text is refused. */
function shapeSlots(value: unknown, shape: Shape, path: Path, role: MessageRole, out: TextSlot[]): void {
  const walk: ShapeWalk = { slots: out, dropped: [] };
  walkShape(value, shape, path, walk, role);
  if (walk.dropped.length > 0) throw new UnguardableInputError(paramOf(walk.dropped[0]!));
}

/** Chat tool calls in history: arguments and custom input are slots, the names join the tool names. */
function toolCallSlots(calls: unknown[], path: Path, out: TextSlot[], names: unknown[]): void {
  calls.forEach((call, j) => {
    if (!isObject(call)) {
      if (holdsText(call)) throw new UnguardableInputError(paramOf([...path, j]));
      return;
    }
    shapeSlots(call, CHAT_TOOL_CALL, [...path, j], 'assistant', out);
    for (const kind of ['function', 'custom'] as const) {
      const target = call[kind];
      if (!isObject(target)) continue;
      refuseNonString(target.name, [...path, j, kind, 'name']);
      names.push(target.name);
    }
  });
}

const REASONING_FIELD_NAMES = Object.keys(REASONING_FIELDS) as (keyof typeof REASONING_FIELDS)[];

/** Chat `prediction`: its type and the predicted content (read). */
const PREDICTION_FIELDS: ReadonlySet<string> = new Set(['type', 'content']);
/** Responses input message items: what the model reads (content, a participant name), ids and labels. */
const RESPONSES_MESSAGE_FIELDS: ReadonlySet<string> = new Set(['type', 'role', 'content', 'id', 'status', 'name', 'phase']);
/** Responses tool calls and their outputs: ids, the calling program (`caller`), names and the text each carries. */
const CALL_IDS = ['type', 'id', 'call_id', 'status', 'caller'];
const CALL_ITEM_FIELDS = {
  arguments: new Set([...CALL_IDS, 'name', 'namespace', 'arguments']),
  input: new Set([...CALL_IDS, 'name', 'namespace', 'input']),
  output: new Set([...CALL_IDS, 'output']),
} as const satisfies Record<string, ReadonlySet<string>>;

/** `['messages', 0, 'content', 1]` → `messages[0].content[1]` (an OpenAI error's `param`). */
export function paramOf(path: Path): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}

/**
 * A part of the request the input guard cannot read (an item or content-part type it does not know,
 * a field of a known item it does not read): refused with 400 `unguardable_input`, never passed unread.
 */
export class UnguardableInputError extends Error {
  constructor(
    readonly param: string,
    message = `'${param}' holds text the gateway's guardrails cannot read.`,
  ) {
    super(message);
  }
}

/**
 * Responses input item types other than messages and function/custom calls, with what the model reads
 * in them (shapes.ts: a field the shape does not name that holds text is refused, not passed unread).
 * Role: who wrote it (the model, a tool, the user approving a call).
 */
const INPUT_ITEMS: Readonly<Record<string, { shape: Shape; role: MessageRole }>> = {
  reasoning: { shape: RESPONSES_ITEM, role: 'assistant' },
  code_interpreter_call: { shape: RESPONSES_ITEM, role: 'assistant' },
  mcp_call: { shape: RESPONSES_ITEM, role: 'tool' },
  mcp_approval_request: { shape: RESPONSES_ITEM, role: 'assistant' },
  web_search_call: { shape: RESPONSES_ITEM, role: 'assistant' },
  file_search_call: { shape: RESPONSES_ITEM, role: 'tool' },
  image_generation_call: { shape: RESPONSES_ITEM, role: 'assistant' },
  local_shell_call: { shape: RESPONSES_ITEM, role: 'assistant' },
  computer_call: { shape: RESPONSES_ITEM, role: 'assistant' },
  local_shell_call_output: { shape: INPUT_ONLY_ITEM, role: 'tool' },
  mcp_approval_response: { shape: INPUT_ONLY_ITEM, role: 'user' },
  computer_call_output: { shape: INPUT_ONLY_ITEM, role: 'tool' },
  item_reference: { shape: INPUT_ONLY_ITEM, role: 'user' },
};

/** A known non-message input item: its texts as slots; a text field the guard does not read is refused. */
function inputItemSlots(item: Record<string, unknown>, path: Path, role: MessageRole, shape: Shape, out: TextSlot[]): void {
  const walk: ShapeWalk = { slots: [], dropped: [] };
  walkShape(item, shape, path, walk, role);
  if (walk.dropped.length > 0) throw new UnguardableInputError(paramOf(walk.dropped[0]!), `'${paramOf(walk.dropped[0]!)}' holds text the gateway's guardrails cannot read.`);
  out.push(...walk.slots);
}

/** A chat request's texts: messages, prediction, web search location, vLLM's template inputs, tools and schemas. */
function chatSlots(body: Json, out: TextSlot[]): void {
  /** Names of earlier tool calls (history): model-visible like the tools' own names. */
  let callNames: unknown[] | undefined;
  /** Messages' `name`s (participants). */
  let messageNames: unknown[] | undefined;
  const messages = Array.isArray(body.messages) ? body.messages : [];
  if (body.messages !== undefined && !Array.isArray(body.messages) && holdsText(body.messages)) throw new UnguardableInputError('messages');
  messages.forEach((m, i) => {
    if (!isObject(m)) {
      // Chat messages are validated as objects; an embeddings request's `messages` are not.
      if (holdsText(m)) throw new UnguardableInputError(paramOf(['messages', i]));
      return;
    }
    const role = roleOf(m.role);
    contentSlots(m.content, ['messages', i, 'content'], role, out);
    // A participant's name (`alice_bot`; a legacy `function` message's function name) is shown to the model.
    if (typeof m.name === 'string') (messageNames ??= []).push(m.name);
    if (typeof m.refusal === 'string' && m.refusal) out.push({ path: ['messages', i, 'refusal'], role, text: m.refusal, kind: 'text' });
    // Reasoning handed back with an assistant turn (DeepSeek thinking with tools, vLLM/Qwen chat templates,
    // LiteLLM's thinking blocks, Ollama's `thinking`) is read by the model; a block it cannot read is refused.
    for (const field of REASONING_FIELD_NAMES) if (m[field] !== undefined) shapeSlots(m[field], REASONING_FIELDS[field], ['messages', i, field], role, out);
    // Tool calls (function arguments, a custom tool's free-text input) and the legacy single function call.
    if (Array.isArray(m.tool_calls)) toolCallSlots(m.tool_calls, ['messages', i, 'tool_calls'], out, (callNames ??= []));
    if (isObject(m.function_call)) {
      shapeSlots(m.function_call, LEGACY_FUNCTION_CALL, ['messages', i, 'function_call'], 'assistant', out);
      refuseNonString(m.function_call.name, ['messages', i, 'function_call', 'name']);
      (callNames ??= []).push(m.function_call.name);
    }
    // Every other field: read by its shape, or refused when it holds text (a chat template may render any
    // field of a message). An ordinary message ({ role, content }) costs two key checks here.
    for (const key in m) {
      const value = m[key];
      switch (key) {
        case 'role':
        case 'content':
          continue;
        case 'name':
        case 'refusal':
          refuseNonString(value, ['messages', i, key]);
          continue;
        case 'tool_calls':
        case 'function_call':
          if (value === null || (key === 'tool_calls' ? Array.isArray(value) : isObject(value)) || !holdsText(value)) continue;
          break;
        default:
          if (Object.hasOwn(REASONING_FIELDS, key)) continue;
          if (Object.hasOwn(CHAT_MESSAGE_EXTRAS, key)) {
            shapeSlots(value, CHAT_MESSAGE_EXTRAS[key]!, ['messages', i, key], role, out);
            continue;
          }
          if (!unreadText(key, value)) continue;
      }
      throw new UnguardableInputError(paramOf(['messages', i, key]));
    }
  });
  // Predicted output (the model copies what matches) and the user's location for web search are read by the model.
  if (isObject(body.prediction)) {
    contentSlots(body.prediction.content, ['prediction', 'content'], 'assistant', out);
    refuseUnread(body.prediction, PREDICTION_FIELDS, ['prediction']);
  }
  // vLLM's chat-template inputs: retrieved `documents` the template renders (an indirect injection channel,
  // like a tool result), keyword arguments it may render, and a per-request template, whose prompt the
  // gateway cannot know (refused when input guardrails are on). Absent in other requests: nothing to do.
  if (body.documents !== undefined) stringSlots(body.documents, ['documents'], 'tool', out);
  if (body.chat_template_kwargs !== undefined) stringSlots(body.chat_template_kwargs, ['chat_template_kwargs'], 'developer', out);
  if (body.chat_template !== undefined && holdsText(body.chat_template)) {
    throw new UnguardableInputError('chat_template', "'chat_template' sets the prompt the model reads; the gateway's guardrails cannot read what it renders.");
  }
  const location = isObject(body.web_search_options) ? body.web_search_options.user_location : undefined;
  if (isObject(location)) {
    const walk: ShapeWalk = { slots: [], dropped: [] };
    walkShape(location, USER_LOCATION, ['web_search_options', 'user_location'], walk, 'user');
    if (walk.dropped.length > 0) throw new UnguardableInputError(paramOf(walk.dropped[0]!));
    out.push(...walk.slots);
  }
  toolDefinitionSlots(body, out, callNames, messageNames);
}

/**
 * Top-level fields that are not this endpoint's parameters but are prompt text on some upstream: another surface's
 * text field (a chat request with `prompt` or `input`), Anthropic's top-level `system` (read by proxies such as
 * LiteLLM in front of Anthropic) and `extra_body` (merged into the request by proxies that accept it). Unknown
 * top-level fields are otherwise relayed as sent (vendor parameters); these, when they hold text, are refused.
 */
const FOREIGN_TEXT_FIELDS: Readonly<Record<Surface, readonly string[]>> = {
  'chat.completions': ['prompt', 'input', 'instructions', 'suffix', 'system', 'extra_body'],
  responses: ['messages', 'suffix', 'system', 'extra_body'],
  completions: ['messages', 'input', 'instructions', 'system', 'extra_body'],
  embeddings: ['prompt', 'instructions', 'suffix', 'system', 'extra_body'],
};
const WHERE_TEXT_GOES: Readonly<Record<Surface, string>> = {
  'chat.completions': 'messages',
  responses: "'input' or 'instructions'",
  completions: "'prompt'",
  embeddings: "'input'",
};

function refuseForeignText(surface: Surface, body: Json): void {
  for (const field of FOREIGN_TEXT_FIELDS[surface]) {
    if (body[field] !== undefined && holdsText(body[field])) {
      throw new UnguardableInputError(field, `'${field}' is not a parameter of this endpoint, and some upstreams read it as prompt text the gateway's guardrails do not read: send that text in ${WHERE_TEXT_GOES[surface]}.`);
    }
  }
}

/** Every text the model will see: system/developer/user/assistant turns, tool results, tool definitions, prompts. */
export function requestSlots(surface: Surface, body: Json): TextSlot[] {
  refuseForeignText(surface, body);
  const out: TextSlot[] = [];
  if (body.metadata !== undefined && body.metadata !== null) metadataSlots(body.metadata, ['metadata'], out);
  /** Names of earlier tool calls (history): model-visible like the tools' own names. */
  let callNames: unknown[] | undefined;
  /** Messages' `name`s (participants). */
  let messageNames: unknown[] | undefined;
  if (surface === 'chat.completions') {
    chatSlots(body, out);
  } else if (surface === 'responses') {
    if (typeof body.instructions === 'string' && body.instructions) out.push({ path: ['instructions'], role: 'system', text: body.instructions, kind: 'text' });
    if (typeof body.input === 'string') {
      if (body.input) out.push({ path: ['input'], role: 'user', text: body.input, kind: 'text' });
    } else if (Array.isArray(body.input)) {
      body.input.forEach((item, i) => {
        if (!isObject(item)) return;
        if (item.type === 'function_call_output' || item.type === 'custom_tool_call_output') {
          contentSlots(item.output, ['input', i, 'output'], 'tool', out);
          refuseUnread(item, CALL_ITEM_FIELDS.output, ['input', i]);
        } else if (item.type === 'function_call' || item.type === 'custom_tool_call') {
          const read = item.type === 'function_call' ? 'arguments' : 'input';
          refuseUnread(item, CALL_ITEM_FIELDS[read], ['input', i]);
          for (const field of ['name', 'namespace', read] as const) refuseNonString(item[field], ['input', i, field]);
          (callNames ??= []).push(item.name);
          // A grouped tool's namespace is read with the call's name.
          if (item.namespace !== undefined) callNames.push(item.namespace);
          const text = item[read];
          if (typeof text === 'string' && text) {
            out.push(read === 'arguments' ? { path: ['input', i, read], role: 'assistant', text, kind: 'arguments' } : { path: ['input', i, read], role: 'assistant', text, kind: 'text' });
          }
        } else if (item.type === 'mcp_list_tools') {
          mcpToolSlots(item, ['input', i], out, (callNames ??= []));
        } else if (typeof item.type === 'string' && Object.hasOwn(INPUT_ITEMS, item.type)) {
          const known = INPUT_ITEMS[item.type]!;
          inputItemSlots(item, ['input', i], known.role, known.shape, out);
        } else if (item.type !== undefined && item.type !== 'message') {
          throw new UnguardableInputError(paramOf(['input', i]), `'${paramOf(['input', i])}' is an input item of a type the gateway's guardrails cannot read ('${String(item.type).slice(0, 40)}').`);
        } else {
          contentSlots(item.content, ['input', i, 'content'], roleOf(item.role), out);
          // Not in OpenAI's input message schema, but providers that take chat-style names may pass it on.
          if (typeof item.name === 'string') (messageNames ??= []).push(item.name);
          else refuseNonString(item.name, ['input', i, 'name']);
          refuseUnread(item, RESPONSES_MESSAGE_FIELDS, ['input', i]);
        }
      });
    }
    // A stored prompt template's variables are substituted into what the model reads (string or input_text).
    const variables = isObject(body.prompt) && isObject(body.prompt.variables) ? body.prompt.variables : undefined;
    if (variables) {
      for (const [name, value] of Object.entries(variables)) {
        // A string, or an input part (input_text, input_image, input_file: a file's name is read as in messages).
        if (typeof value === 'string') {
          if (value) out.push({ path: ['prompt', 'variables', name], role: 'user', text: value, kind: 'text' });
        } else if (isObject(value)) {
          partSlots(value, ['prompt', 'variables'], name, 'user', out, { slots: out, dropped: [] });
        } else if (holdsText(value)) {
          throw new UnguardableInputError(paramOf(['prompt', 'variables', name]));
        }
      }
    }
    toolDefinitionSlots(body, out, callNames, messageNames);
  } else if (surface === 'completions') {
    if (typeof body.prompt === 'string') out.push({ path: ['prompt'], role: 'user', text: body.prompt, kind: 'text' });
    else if (Array.isArray(body.prompt)) body.prompt.forEach((p, i) => typeof p === 'string' && p && out.push({ path: ['prompt', i], role: 'user', text: p, kind: 'text' }));
    // Text after the insertion point: the model reads it as the prompt's continuation.
    if (typeof body.suffix === 'string' && body.suffix) out.push({ path: ['suffix'], role: 'user', text: body.suffix, kind: 'text' });
  } else if (surface === 'embeddings') {
    if (typeof body.input === 'string') out.push({ path: ['input'], role: 'user', text: body.input, kind: 'text' });
    else if (Array.isArray(body.input)) body.input.forEach((p, i) => typeof p === 'string' && p && out.push({ path: ['input', i], role: 'user', text: p, kind: 'text' }));
    // vLLM embeds a conversation given as chat `messages` (multimodal embedding models) in place of `input`.
    if (body.messages !== undefined) chatSlots(body, out);
  }
  return out;
}

/**
 * `metadata` (every surface): tags an app stores with the request, which the provider keeps (its dashboard, stored
 * completions, the Responses object's echo). The model never reads them, so only the identifier detectors do (PII
 * and rules, `guardrails.input.identifierDetectors`): a value holding an e-mail address or a card number is
 * pseudonymized, redacted or blocked by the input policy like the same value in a prompt, instead of reaching the
 * upstream in clear. Keys are relayed as sent (they are names an app chooses, and cannot be rewritten in place).
 */
function metadataSlots(value: unknown, path: Path, out: TextSlot[]): void {
  if (typeof value === 'string') {
    if (value) out.push({ path, role: 'developer', text: value, kind: 'text', identifiers: true });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => metadataSlots(item, [...path, i], out));
  } else if (isObject(value)) {
    for (const key in value) metadataSlots(value[key], [...path, key], out);
  }
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

/**
 * Limits on walking tool and response-format schemas. The body's nesting is already capped at
 * MAX_JSON_DEPTH (256); these keep one request's schema texts to what the scan loop can afford.
 * Past either limit the request is refused (not passed half-read): see `UnguardableSchemaError`.
 */
export const MAX_SCHEMA_DEPTH = 64;
export const MAX_SCHEMA_NODES = 20_000;

/** A tool or response-format schema too deep or too large to guard; the request is refused. */
export class UnguardableSchemaError extends UnguardableInputError {
  constructor(param: string) {
    super(param, `'${param}' holds a schema too deep or too large for the gateway's guardrails to check.`);
  }
}

/** Schema keywords whose values are data (a value the model may have to emit), not prose about it. */
const SCHEMA_VALUE_KEYS = new Set(['enum', 'const', 'default', 'examples']);
/** Schema keywords whose value maps names to subschemas (a subschema may be named `description`). */
const SCHEMA_MAP_KEYS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
/** Schema keywords whose string value the model reads but which constrain the output: scanned, never rewritten. */
const SCHEMA_FIXED_STRING_KEYS = new Set(['pattern', 'format']);

interface SchemaWalk {
  out: TextSlot[];
  param: string;
  nodes: number;
  /** Names (and, NUL-prefixed, pattern/format strings) already emitted: each is scanned once a request. */
  names?: Set<string>;
}

function visit(walk: SchemaWalk, depth: number): void {
  if (depth > MAX_SCHEMA_DEPTH || ++walk.nodes > MAX_SCHEMA_NODES) throw new UnguardableSchemaError(walk.param);
}

/** Names per scanned text: siblings give a classifier context, a bound keeps one name from being diluted in hundreds. */
const NAMES_PER_SLOT = 8;
/** A name reads as a sentence (an instruction a classifier should judge) from this many words … */
const SENTENCE_WORDS = 4;
/** … or this many CJK characters (Chinese names have no word breaks). */
const SENTENCE_CJK_CHARS = 6;

function readsAsSentence(spelled: string): boolean {
  let words = 0;
  let cjk = 0;
  let inWord = false;
  for (let i = 0; i < spelled.length; i++) {
    const c = spelled.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) cjk++;
    const space = c === 32 || c === 9 || c === 10;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words >= SENTENCE_WORDS || cjk >= SENTENCE_CJK_CHARS;
}

/**
 * Names the model reads (properties, `$defs` entries, `required` entries, tool and schema names) as
 * fixed slots: an identifier cannot be rewritten and still name the same thing, so a policy that
 * would rewrite one blocks. Detectors read each name spelled out (`snake_case` and `camelCase` words
 * apart): `ignore_previous_instructions` is one token to a word tokenizer but three words to the model.
 * Names that read as a sentence (four or more words) go to every detector, siblings together, one per
 * line, up to NAMES_PER_SLOT a text; shorter names are identifiers (`identifiers` slots: PII and the
 * tenant's rules by default), because a classifier reads `system_prompt`, `instructions` or
 * `developer_mode` — ordinary parameters of agent and LLM tools — as an attack. Each name is scanned
 * once per request. The slot's path is where the names are (never written to).
 */
function nameSlots(walk: SchemaWalk, names: readonly unknown[], path: Path, participants = false): void {
  const seen = (walk.names ??= new Set());
  let sentences: string[] = [];
  let identifiers: string[] = [];
  const push = (slot: TextSlot) => walk.out.push(participants ? { ...slot, participantNames: true } : slot);
  for (const name of names) {
    if (typeof name !== 'string' || !name || seen.has(name)) continue;
    seen.add(name);
    const spelled = spelledOut(name);
    if (readsAsSentence(spelled)) {
      sentences.push(spelled);
      if (sentences.length === NAMES_PER_SLOT) {
        push({ path, role: 'developer', text: sentences.join('\n'), kind: 'text', fixed: true });
        sentences = [];
      }
    } else {
      identifiers.push(spelled);
      if (identifiers.length === NAMES_PER_SLOT) {
        push({ path, role: 'developer', text: identifiers.join('\n'), kind: 'text', fixed: true, identifiers: true });
        identifiers = [];
      }
    }
  }
  if (sentences.length > 0) push({ path, role: 'developer', text: sentences.join('\n'), kind: 'text', fixed: true });
  if (identifiers.length > 0) push({ path, role: 'developer', text: identifiers.join('\n'), kind: 'text', fixed: true, identifiers: true });
}

/** `ignore_previous_instructions`, `ignorePreviousInstructions` → `ignore previous instructions`. */
export function spelledOut(name: string): string {
  return /[_a-z0-9][A-Z]|_/.test(name) ? name.replace(/([a-z0-9])(?=[A-Z])/g, '$1 ').replace(/_+/g, ' ').trim() || name : name;
}

/**
 * Every string of a JSON Schema the model reads: `description`/`title`/`$comment` prose (rewritable:
 * any string is a valid description); the strings inside `enum`/`const`/`default`/`examples`,
 * `pattern` and `format`, and every name (keys of `properties`, `patternProperties`, `$defs` …,
 * `required` and `dependentRequired` entries), all fixed (see TextSlot.fixed). Other keywords
 * (`type`, `$ref` …) are structure and not scanned.
 */
function schemaSlots(schema: unknown, path: Path, walk: SchemaWalk, depth: number): void {
  visit(walk, depth);
  if (Array.isArray(schema)) {
    schema.forEach((item, i) => schemaSlots(item, [...path, i], walk, depth + 1));
    return;
  }
  if (!isObject(schema)) return;
  for (const [key, value] of Object.entries(schema)) {
    if ((key === 'description' || key === 'title' || key === '$comment') && typeof value === 'string') {
      if (value) walk.out.push({ path: [...path, key], role: 'developer', text: value, kind: 'text' });
    } else if (SCHEMA_VALUE_KEYS.has(key)) {
      schemaValueSlots(value, [...path, key], walk, depth + 1);
    } else if (key.startsWith('x-')) {
      extensionSlots(key, value, [...path, key], walk, depth + 1);
    } else if (SCHEMA_FIXED_STRING_KEYS.has(key) && typeof value === 'string') {
      // The same `format: date-time` on fifty properties is scanned once.
      const seen = (walk.names ??= new Set());
      if (value && !seen.has(`\u0000${value}`)) {
        seen.add(`\u0000${value}`);
        walk.out.push({ path: [...path, key], role: 'developer', text: value, kind: 'text', fixed: true });
      }
    } else if (SCHEMA_MAP_KEYS.has(key) && isObject(value)) {
      visit(walk, depth + 1);
      nameSlots(walk, Object.keys(value), [...path, key]);
      for (const [name, sub] of Object.entries(value)) schemaSlots(sub, [...path, key, name], walk, depth + 2);
    } else if (key === 'required' && Array.isArray(value)) {
      visit(walk, depth + 1);
      for (let i = 0; i < value.length; i++) visit(walk, depth + 2);
      nameSlots(walk, value, [...path, key]);
    } else if (key === 'dependentRequired' && isObject(value)) {
      visit(walk, depth + 1);
      const names: unknown[] = [];
      for (const [name, needs] of Object.entries(value)) {
        visit(walk, depth + 2);
        names.push(name);
        if (!Array.isArray(needs)) continue;
        for (const need of needs) {
          visit(walk, depth + 3);
          names.push(need);
        }
      }
      nameSlots(walk, names, [...path, key]);
    } else if (typeof value === 'object' && value !== null) {
      schemaSlots(value, [...path, key], walk, depth + 1);
    }
  }
}

/**
 * `x-…` extension keywords (OpenAPI's `x-order`, `x-nullable`, `x-example`, vendors' `x-description`):
 * not JSON Schema, so no validator reads them, but the model reads them with the rest. Each string in
 * the value is a slot of its own at its path, rewritable like a description (nothing validates it):
 * a short one (under four words) is an identifier-like value (`identifierDetectors` only), a longer one
 * goes to every detector; one spelled as a snake_case/camelCase sentence is also read spelled out
 * (fixed). The extension's own key and the keys inside its value are names. Numbers and booleans
 * (`x-order: 2`, `x-nullable: true`) are not text.
 */
function extensionSlots(key: string, value: unknown, path: Path, walk: SchemaWalk, depth: number): void {
  const names: string[] = [key];
  const strings = (v: unknown, at: Path, d: number): void => {
    visit(walk, d);
    if (typeof v === 'string') {
      if (!v) return;
      const spelled = spelledOut(v);
      const sentence = readsAsSentence(v);
      walk.out.push(sentence ? { path: at, role: 'developer', text: v, kind: 'text' } : { path: at, role: 'developer', text: v, kind: 'text', identifiers: true });
      if (!sentence && spelled !== v && readsAsSentence(spelled)) walk.out.push({ path: at, role: 'developer', text: spelled, kind: 'text', fixed: true });
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => strings(item, [...at, i], d + 1));
    } else if (isObject(v)) {
      for (const [k, item] of Object.entries(v)) {
        names.push(k);
        strings(item, [...at, k], d + 1);
      }
    }
  };
  strings(value, path, depth);
  nameSlots(walk, names, path);
}

function schemaValueSlots(value: unknown, path: Path, walk: SchemaWalk, depth: number): void {
  visit(walk, depth);
  if (typeof value === 'string') {
    if (value) walk.out.push({ path, role: 'developer', text: value, kind: 'text', fixed: true });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => schemaValueSlots(item, [...path, i], walk, depth + 1));
  } else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) schemaValueSlots(item, [...path, key], walk, depth + 1);
  }
}

/**
 * Fields of a function or custom tool definition besides the texts read below: its name, flags and
 * settings. Any other field that holds text is refused (a chat template may render the whole tool: vLLM's
 * `tools | tojson`). Responses function tools may carry the calling programs and an output schema.
 */
const DEFINITION_FIELDS: ReadonlySet<string> = new Set(['type', 'name', 'description', 'parameters', 'strict', 'output_schema', 'format', 'allowed_callers', 'defer_loading', 'cache_control', 'prompt_cache_breakpoint']);
/** An output schema's fields (chat `response_format.json_schema`, Responses `text.format`): all read but `strict`. */
const SCHEMA_FORMAT_FIELDS: ReadonlySet<string> = new Set(['type', 'name', 'description', 'schema', 'strict']);
/** A chat tool's wrapper (`{ type, function }`, `{ type, custom }`), with Anthropic-style caching markers. */
const TOOL_WRAPPER_FIELDS: ReadonlySet<string> = new Set(['type', 'function', 'custom', 'cache_control', 'prompt_cache_breakpoint']);
/** A custom tool's input format: Responses spells the grammar flat, chat nests it under `grammar`. */
const GRAMMAR_FIELDS: ReadonlySet<string> = new Set(['type', 'definition', 'syntax', 'grammar']);

/**
 * A function definition (chat tool, legacy function, Responses function tool) or a custom tool.
 * `checked`: a function or custom definition, whose unread text-holding fields are refused (a Responses
 * hosted tool's settings are not).
 */
function definitionSlots(definition: Json, path: Path, walk: SchemaWalk, checked: boolean): void {
  if (typeof definition.description === 'string' && definition.description) walk.out.push({ path: [...path, 'description'], role: 'developer', text: definition.description, kind: 'text' });
  if (definition.parameters !== undefined) schemaSlots(definition.parameters, [...path, 'parameters'], walk, 1);
  if (!checked) return;
  refuseUnread(definition, DEFINITION_FIELDS, path);
  for (const field of ['name', 'description'] as const) refuseNonString(definition[field], [...path, field]);
  // A Responses function tool's output schema describes what the call returns: read like its parameters.
  if (definition.output_schema !== undefined && definition.output_schema !== null) schemaSlots(definition.output_schema, [...path, 'output_schema'], walk, 1);
  // A custom tool's grammar (lark/regex) is read by the model too; rewriting it would break it.
  if (isObject(definition.format)) {
    const format = definition.format;
    refuseUnread(format, GRAMMAR_FIELDS, [...path, 'format']);
    const nested = isObject(format.grammar) ? format.grammar : undefined;
    if (nested) refuseUnread(nested, GRAMMAR_FIELDS, [...path, 'format', 'grammar']);
    for (const [owner, at] of [[format, [...path, 'format']], [nested, [...path, 'format', 'grammar']]] as const) {
      if (!owner) continue;
      refuseNonString(owner.definition, [...at, 'definition']);
      if (typeof owner.definition === 'string' && owner.definition) walk.out.push({ path: [...at, 'definition'], role: 'developer', text: owner.definition, kind: 'text', fixed: true });
    }
  } else {
    refuseNonString(definition.format, [...path, 'format']);
  }
}

/**
 * An MCP server's tool list replayed as input (`mcp_list_tools`): the model reads each tool's name,
 * description and input schema like a tool definition.
 */
const MCP_LIST_FIELDS: ReadonlySet<string> = new Set(['type', 'id', 'status', 'server_label', 'tools', 'error']);
const MCP_TOOL_FIELDS: ReadonlySet<string> = new Set(['name', 'description', 'input_schema', 'annotations']);

function mcpToolSlots(item: Record<string, unknown>, path: Path, out: TextSlot[], names: unknown[]): void {
  refuseUnread(item, MCP_LIST_FIELDS, path);
  refuseNonString(item.error, [...path, 'error']);
  if (typeof item.error === 'string' && item.error) out.push({ path: [...path, 'error'], role: 'tool', text: item.error, kind: 'text' });
  if (!Array.isArray(item.tools)) {
    if (holdsText(item.tools)) throw new UnguardableInputError(paramOf([...path, 'tools']));
    return;
  }
  const walk: SchemaWalk = { out, param: paramOf([...path, 'tools']), nodes: 0 };
  item.tools.forEach((tool, j) => {
    if (!isObject(tool)) {
      if (holdsText(tool)) throw new UnguardableInputError(paramOf([...path, 'tools', j]));
      return;
    }
    refuseUnread(tool, MCP_TOOL_FIELDS, [...path, 'tools', j]);
    for (const field of ['name', 'description'] as const) refuseNonString(tool[field], [...path, 'tools', j, field]);
    names.push(tool.name);
    if (typeof tool.description === 'string' && tool.description) out.push({ path: [...path, 'tools', j, 'description'], role: 'developer', text: tool.description, kind: 'text' });
    if (tool.input_schema !== undefined) schemaSlots(tool.input_schema, [...path, 'tools', j, 'input_schema'], walk, 1);
    // MCP tool annotations: a display title (read) and boolean hints.
    if (tool.annotations !== undefined && tool.annotations !== null) shapeSlots(tool.annotations, MCP_TOOL_ANNOTATIONS, [...path, 'tools', j, 'annotations'], 'developer', out);
  });
}

/**
 * Tool definitions and output schemas are written by the app developer but read by the model: an
 * injection channel too, and a place PII gets pasted (an example customer in a description or enum).
 * Chat `tools` (function and custom) and legacy `functions`, Responses `tools`, chat
 * `response_format.json_schema` and Responses `text.format` (json_schema).
 */
function toolDefinitionSlots(body: Json, out: TextSlot[], callNames?: unknown[], messageNames?: unknown[]): void {
  const walk: SchemaWalk = { out, param: 'tools', nodes: 0 };
  // Tool and schema names, with the names of earlier calls (history), are scanned together at the end.
  let names = callNames;
  if (Array.isArray(body.tools)) {
    body.tools.forEach((tool, i) => {
      if (!isObject(tool)) return;
      const definition = isObject(tool.function) ? tool.function : isObject(tool.custom) ? tool.custom : tool;
      (names ??= []).push(definition.name);
      if (definition !== tool) refuseUnread(tool, TOOL_WRAPPER_FIELDS, ['tools', i]);
      const checked = definition !== tool || tool.type === 'function' || tool.type === 'custom';
      definitionSlots(definition, definition === tool ? ['tools', i] : ['tools', i, definition === tool.function ? 'function' : 'custom'], walk, checked);
      // Responses hosted tools: the web search's location and an MCP server's description are read by the model.
      if (isObject(tool.user_location)) {
        const located: ShapeWalk = { slots: [], dropped: [] };
        walkShape(tool.user_location, TOOL_USER_LOCATION, ['tools', i, 'user_location'], located, 'user');
        if (located.dropped.length > 0) throw new UnguardableInputError(paramOf(located.dropped[0]!));
        out.push(...located.slots);
      }
      if (typeof tool.server_description === 'string' && tool.server_description) {
        out.push({ path: ['tools', i, 'server_description'], role: 'developer', text: tool.server_description, kind: 'text' });
      }
    });
  }
  if (Array.isArray(body.functions)) {
    walk.param = 'functions';
    body.functions.forEach((fn, i) => {
      if (!isObject(fn)) return;
      (names ??= []).push(fn.name);
      definitionSlots(fn, ['functions', i], walk, true);
    });
  }
  const responseFormat = isObject(body.response_format) && isObject(body.response_format.json_schema) ? body.response_format.json_schema : undefined;
  if (responseFormat) {
    walk.param = 'response_format';
    refuseUnread(responseFormat, SCHEMA_FORMAT_FIELDS, ['response_format', 'json_schema']);
    refuseNonString(responseFormat.description, ['response_format', 'json_schema', 'description']);
    (names ??= []).push(responseFormat.name);
    if (typeof responseFormat.description === 'string' && responseFormat.description) {
      out.push({ path: ['response_format', 'json_schema', 'description'], role: 'developer', text: responseFormat.description, kind: 'text' });
    }
    if (responseFormat.schema !== undefined) schemaSlots(responseFormat.schema, ['response_format', 'json_schema', 'schema'], walk, 1);
  }
  const textFormat = isObject(body.text) && isObject(body.text.format) && body.text.format.type === 'json_schema' ? body.text.format : undefined;
  if (textFormat) {
    walk.param = 'text';
    refuseUnread(textFormat, SCHEMA_FORMAT_FIELDS, ['text', 'format']);
    refuseNonString(textFormat.description, ['text', 'format', 'description']);
    (names ??= []).push(textFormat.name);
    if (typeof textFormat.description === 'string' && textFormat.description) out.push({ path: ['text', 'format', 'description'], role: 'developer', text: textFormat.description, kind: 'text' });
    if (textFormat.schema !== undefined) schemaSlots(textFormat.schema, ['text', 'format', 'schema'], walk, 1);
  }
  if (names) nameSlots(walk, names, [walk.param]);
  // After the tool names: a message name that is also a tool's name was read as one (person names included).
  if (messageNames) nameSlots(walk, messageNames, [Array.isArray(body.messages) ? 'messages' : 'input'], true);
}

/**
 * The answer as the guard relays it (non-streamed): the response reduced to the fields the guard
 * reads (see shapes.ts; the same object when nothing was dropped) and every text in it as a slot —
 * content, refusals, reasoning, audio transcripts, annotations, tool-call arguments and the texts of
 * Responses tool items.
 */
export function guardedResponse(surface: Surface, body: unknown, sent?: ReadonlySet<string>): { body: unknown; slots: TextSlot[]; dropped: Path[] } {
  const walk: ShapeWalk = { slots: [], dropped: [] };
  if (!isObject(body) || surface === 'embeddings') return { body, ...walk };
  const view = walkShape(body, responseShape(surface, sent), [], walk);
  return { body: view, ...walk };
}

/** The texts of an answer (non-streamed), for a body already reduced by `guardedResponse`. */
export function responseSlots(surface: Surface, body: unknown): TextSlot[] {
  return guardedResponse(surface, body).slots;
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
