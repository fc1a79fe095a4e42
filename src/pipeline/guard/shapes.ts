/**
 * What the output guard understands of an upstream answer, per surface: an allow-list of fields.
 * A field is `text` (model prose: scanned, rewritten, pseudonyms restored), `arguments` (JSON the
 * model wrote), or `opaque` (relayed unread: ids, enums, numbers, binary payloads such as base64 audio
 * or images, which no text detector can read); `url` (request only: a media or file URL, read as media-url.ts
 * decodes it by the identifier detectors, never rewritten). A field the shape does not name is relayed only when it
 * holds no string at all; one that holds text is dropped: the guard cannot vouch for what it did not
 * read, and the next provider extension (a new `reasoning` spelling) must not reach the client unread.
 * Dropping keeps the protocol intact (array positions and ids stay; SDKs ignore absent extras).
 * See docs/policies.md "Only what the guard reads is relayed".
 */
import type { MessageRole } from '../../../guardrails/core/types.js';
import type { Path, TextSlot } from './texts.js';
import { mediaUrlText, textFileOf } from './media-url.js';

export type Shape = 'text' | 'arguments' | 'opaque' | 'url' | ObjectShape | ArrayShape | MapShape | TypedShape | AltShape;
export interface ObjectShape {
  kind: 'object';
  fields: Readonly<Record<string, Shape>>;
  /** Unknown keys are relayed as sent (top-level metadata: id, model, usage …, never generated text). */
  open?: true;
}
interface ArrayShape {
  kind: 'array';
  each: Shape;
}
interface MapShape {
  kind: 'map';
  each: Shape;
}
/** An object whose shape depends on its `type` (Responses items, content parts). */
interface TypedShape {
  kind: 'typed';
  byType: Readonly<Record<string, Shape>>;
  other: Shape;
}
/** A string or an array (chat `content`), or an object where one is named (`image_url` as a URL or `{ url }`). */
interface AltShape {
  kind: 'alt';
  string: Shape;
  array: Shape;
  object?: Shape;
}

const obj = (fields: Record<string, Shape>, open?: true): ObjectShape => ({ kind: 'object', fields, ...(open ? { open } : {}) });
const arr = (each: Shape): ArrayShape => ({ kind: 'array', each });
const map = (each: Shape): MapShape => ({ kind: 'map', each });
const typed = (byType: Record<string, Shape>, other: Shape): TypedShape => ({ kind: 'typed', byType, other });
const O = 'opaque' as const;
const T = 'text' as const;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A key that names a field (`filtered`, `prompt_tokens`, `0`): word characters only. Any other key is
 * data (`{ "jane@x.com": 1 }`, a key-shaped secret) and counts as text.
 */
const FIELD_NAME = /^\w{1,64}$/;

/** Whether a field `key: value` the guard does not read holds text (a data key, or a string in the value). */
export const unreadText = (key: string, value: unknown): boolean => !FIELD_NAME.test(key) || holdsText(value);

/** Whether `value` holds a string anywhere, values or data keys (depth is bounded by the body's MAX_JSON_DEPTH). */
export function holdsText(value: unknown): boolean {
  if (typeof value === 'string') return true;
  if (Array.isArray(value)) return value.some(holdsText);
  if (isObject(value)) {
    for (const key in value) if (!FIELD_NAME.test(key) || holdsText(value[key])) return true;
  }
  return false;
}

export interface ShapeWalk {
  slots: TextSlot[];
  /** Paths of fields dropped because they held text the guard does not read. */
  dropped: Path[];
}

/**
 * Returns `value` reduced to `shape` (the same object when nothing was dropped: an ordinary answer
 * is relayed byte for byte) and pushes a slot for every text in it.
 */
export function walkShape(value: unknown, shape: Shape, path: Path, walk: ShapeWalk, role: MessageRole = 'assistant'): unknown {
  if (shape === 'opaque') return value;
  if (shape === 'url') {
    if (typeof value !== 'string') return drop(value, path, walk);
    // Read as a decoded view, so never written back: a policy that would rewrite it blocks (`fixed`).
    const text = mediaUrlText(value);
    if (text) walk.slots.push({ path, role, text, kind: 'text', identifiers: true, fixed: true });
    // A text file's contents are a document the model reads: every detector, rewritten and encoded back.
    const file = textFileOf(value);
    if (file?.text) walk.slots.push({ path, role, text: file.text, kind: 'text', encode: file.encode });
    return value;
  }
  if (shape === 'text' || shape === 'arguments') {
    if (typeof value === 'string') {
      if (value) walk.slots.push({ path, role, text: value, kind: shape });
      return value;
    }
    return drop(value, path, walk);
  }
  switch (shape.kind) {
    case 'alt':
      if (typeof value === 'string') return walkShape(value, shape.string, path, walk, role);
      if (Array.isArray(value)) return walkShape(value, shape.array, path, walk, role);
      if (shape.object && isObject(value)) return walkShape(value, shape.object, path, walk, role);
      return drop(value, path, walk);
    case 'array': {
      if (!Array.isArray(value)) return drop(value, path, walk);
      let copy: unknown[] | undefined;
      value.forEach((item, i) => {
        const next = walkShape(item, shape.each, [...path, i], walk, role);
        if (next !== item) (copy ??= value.slice())[i] = next === undefined ? null : next;
      });
      return copy ?? value;
    }
    case 'map':
    case 'object':
    case 'typed': {
      if (!isObject(value)) return drop(value, path, walk);
      if (shape.kind === 'typed') {
        const chosen = typeof value.type === 'string' && Object.hasOwn(shape.byType, value.type) ? shape.byType[value.type]! : shape.other;
        return walkShape(value, chosen, path, walk, role);
      }
      const fields = shape.kind === 'object' ? shape : undefined;
      let copy: Json | undefined;
      for (const key of Object.keys(value)) {
        const item = value[key];
        const sub = shape.kind === 'map' ? shape.each : Object.hasOwn(fields!.fields, key) ? fields!.fields[key] : undefined;
        let next: unknown;
        // An opaque field is relayed as sent: no path to build for it (ids, types, indexes in every answer).
        if (sub !== undefined) next = sub === 'opaque' ? item : walkShape(item, sub, [...path, key], walk, role);
        else next = fields?.open || !holdsText(item) ? item : drop(item, [...path, key], walk);
        if (next !== item) {
          copy ??= { ...value };
          if (next === undefined) delete copy[key];
          else copy[key] = next;
        }
      }
      return copy ?? value;
    }
  }
}

function drop(value: unknown, path: Path, walk: ShapeWalk): unknown {
  if (!holdsText(value)) return value; // null, numbers, booleans: nothing to read
  walk.dropped.push(path);
  return undefined;
}

// ---- Chat completions -------------------------------------------------------------------------

export const CHAT_ANNOTATIONS: Shape = arr(obj({ type: O, url_citation: obj({ url: T, title: T, start_index: O, end_index: O }) }));
/**
 * A thinking part: Mistral's (`{ type: 'thinking', thinking: [{ type: 'text', text }], closed }`, in an
 * answer's content list and handed back in history) or one whose `thinking` is a string (Anthropic's
 * spelling, `signature` signed and opaque). Its text is reasoning, read like `reasoning_content`.
 */
export const THINKING_PART: ObjectShape = obj({
  type: O,
  thinking: { kind: 'alt', string: T, array: arr(typed({ text: obj({ type: O, text: T }), reference: obj({ type: O, reference_ids: O }) }, obj({ type: O }))) },
  closed: O,
  signature: O,
});
const chatPart = typed({ thinking: THINKING_PART }, obj({ type: O, text: T, refusal: T, annotations: CHAT_ANNOTATIONS }));
/**
 * Gemini's OpenAI-compatible API puts a thought signature (encrypted model state, not readable text) in
 * `extra_content.google` of a tool call, and of the first delta / the message of a text answer; Gemini 3
 * refuses a function-call turn handed back without it (400), so it must reach the client and come back.
 * Only that field: any other text in `extra_content` is dropped (answers) or refused (requests).
 */
export const EXTRA_CONTENT: Shape = obj({ google: obj({ thought_signature: O }) });
export const CHAT_TOOL_CALL: Shape = obj({ index: O, id: O, type: O, function: obj({ name: O, arguments: 'arguments' }), custom: obj({ name: O, input: T }), extra_content: EXTRA_CONTENT });
/** OpenRouter's reasoning blocks: `data`/`signature` are encrypted or signed, not readable text. */
export const REASONING_DETAIL: Shape = obj({ type: O, id: O, format: O, index: O, text: T, summary: T, signature: O, data: O });
/**
 * LiteLLM's `thinking_blocks` (Anthropic's blocks, LiteLLM v1.63+): `{ type: 'thinking', thinking, signature }`
 * or `{ type: 'redacted_thinking', data }` (encrypted: no text detector reads it). Another block type keeps
 * only its type (answers) or is refused (requests).
 */
export const THINKING_BLOCK: Shape = typed(
  { thinking: obj({ type: O, thinking: T, signature: O, cache_control: O }), redacted_thinking: obj({ type: O, data: O, cache_control: O }) },
  obj({ type: O }),
);
/**
 * The model's reasoning on a chat message or delta, per vendor spelling: one table that the input guard
 * (assistant turns handed back), the answer guard and the stream guard all read. Reasoning is model
 * output a user reads: scanned and rewritten like `content` (docs/policies.md "Reasoning").
 */
export const REASONING_FIELDS = {
  // DeepSeek, vLLM, LiteLLM.
  reasoning_content: T,
  // OpenRouter, vLLM, Ollama's OpenAI-compatible API.
  reasoning: T,
  // Ollama's native message (`/api/chat`), as clients built on it hand turns back.
  thinking: T,
  reasoning_details: arr(REASONING_DETAIL),
  thinking_blocks: arr(THINKING_BLOCK),
} as const satisfies Record<string, Shape>;
/** The message (non-streamed) and the delta (streamed) carry the same fields. */
export const CHAT_MESSAGE: Shape = obj({
  role: O,
  content: { kind: 'alt', string: T, array: arr(chatPart) },
  refusal: T,
  ...REASONING_FIELDS,
  // Audio `data` is base64 sound: no text detector reads it (docs/policies.md); its transcript is read.
  audio: obj({ id: O, data: O, expires_at: O, format: O, transcript: T }),
  annotations: CHAT_ANNOTATIONS,
  tool_calls: arr(CHAT_TOOL_CALL),
  function_call: obj({ name: O, arguments: 'arguments' }),
  extra_content: EXTRA_CONTENT,
});
/**
 * A choice's fields besides the message/delta: Azure's filter results and vLLM's stop reason are labels;
 * vLLM's `prompt_logprobs` spell out the prompt as the upstream received it (after the input guard), not the answer.
 */
export const CHOICE_OPAQUE_KEYS = new Set(['content_filter_results', 'stop_reason', 'prompt_logprobs']);
/** A Perplexity search result: its title, URL and snippet come from the web and are shown to the user. */
const SEARCH_RESULT: Shape = obj({ title: T, url: T, snippet: T, date: O, last_updated: O, source: O });
/**
 * A chat or completions answer's top-level fields besides `choices`, and a stream chunk's alike: ids, labels and
 * counts relayed as sent (OpenAI's `obfuscation` is random padding; OpenRouter's `provider`, Groq's `x_groq` and
 * `usage_breakdown`, Azure's `prompt_filter_results` are names and labels), Perplexity's `citations` and
 * `search_results` read like a message's citations. Any other top-level field that holds text is dropped: a
 * provider extension carrying model text there (a top-level `reasoning_content` or `delta`) must not reach the
 * client unread.
 */
export const ANSWER_ENVELOPE: Readonly<Record<string, Shape>> = {
  id: O,
  object: O,
  created: O,
  model: O,
  system_fingerprint: O,
  service_tier: O,
  usage: O,
  obfuscation: O,
  provider: O,
  x_groq: O,
  usage_breakdown: O,
  prompt_filter_results: O,
  citations: arr(T),
  search_results: arr(SEARCH_RESULT),
};
const chatChoice = obj({ index: O, message: CHAT_MESSAGE, logprobs: O, finish_reason: O, content_filter_results: O, stop_reason: O, prompt_logprobs: O });
const completionChoice = obj({ index: O, text: T, logprobs: O, finish_reason: O, content_filter_results: O, stop_reason: O, prompt_logprobs: O });

// ---- Responses --------------------------------------------------------------------------------

export const RESPONSES_ANNOTATION: Shape = obj({ type: O, url: T, title: T, filename: T, file_id: O, container_id: O, start_index: O, end_index: O, index: O });
export const RESPONSES_PART: Shape = typed(
  {
    output_text: obj({ type: O, text: T, annotations: arr(RESPONSES_ANNOTATION), logprobs: O }),
    refusal: obj({ type: O, refusal: T }),
    // Reasoning parts (content_part events of reasoning items).
    reasoning_text: obj({ type: O, text: T }),
    summary_text: obj({ type: O, text: T }),
  },
  obj({ type: O }),
);
const ITEM_IDS = { type: O, id: O, status: O, call_id: O } as const;
export const RESPONSES_ITEM: Shape = typed(
  {
    message: obj({ ...ITEM_IDS, role: O, content: arr(RESPONSES_PART) }),
    function_call: obj({ ...ITEM_IDS, name: O, arguments: 'arguments' }),
    custom_tool_call: obj({ ...ITEM_IDS, name: O, input: T }),
    reasoning: obj({ ...ITEM_IDS, encrypted_content: O, summary: arr(obj({ type: O, text: T })), content: arr(obj({ type: O, text: T })) }),
    code_interpreter_call: obj({ ...ITEM_IDS, container_id: O, code: T, outputs: arr(typed({ logs: obj({ type: O, logs: T }), image: obj({ type: O, url: O }) }, obj({ type: O }))) }),
    mcp_call: obj({ ...ITEM_IDS, name: O, server_label: O, approval_request_id: O, arguments: 'arguments', output: T, error: T }),
    mcp_approval_request: obj({ ...ITEM_IDS, name: O, server_label: O, arguments: 'arguments' }),
    // The MCP server's tool list (names, descriptions, schemas): written by the server, not the model.
    mcp_list_tools: obj({ ...ITEM_IDS, server_label: O, tools: O, error: T }),
    web_search_call: obj({ ...ITEM_IDS, action: obj({ type: O, query: T, queries: arr(T), url: T, pattern: T, sources: arr(obj({ type: O, url: T })) }) }),
    file_search_call: obj({ ...ITEM_IDS, queries: arr(T), results: arr(obj({ file_id: O, filename: T, score: O, text: T, attributes: O })) }),
    // `result` is the base64 image.
    image_generation_call: obj({ ...ITEM_IDS, result: O, revised_prompt: T, background: O, output_format: O, quality: O, size: O }),
    local_shell_call: obj({ ...ITEM_IDS, action: obj({ type: O, command: arr(T), env: map(T), timeout_ms: O, user: T, working_directory: T }) }),
    computer_call: obj({ ...ITEM_IDS, pending_safety_checks: O, action: obj({ type: O, button: O, text: T, keys: arr(T), path: O, url: T }) }),
  },
  // An item type the guard does not know keeps its identity, not its text.
  obj({ ...ITEM_IDS }),
);

// ---- Request-only shapes (input guard: a text field not named here is refused) ------------------

/** Input items that only a request carries: tool outputs, an approval (with the user's reason), a reference. */
export const INPUT_ONLY_ITEM: Shape = typed(
  {
    local_shell_call_output: obj({ ...ITEM_IDS, output: T }),
    mcp_approval_response: obj({ ...ITEM_IDS, approval_request_id: O, approve: O, reason: T }),
    // The screenshot is an image (a data URL or a file id): its URL is read like an input_image's.
    computer_call_output: obj({ ...ITEM_IDS, output: obj({ type: O, image_url: 'url', file_id: O, detail: O }), acknowledged_safety_checks: O }),
    item_reference: obj({ ...ITEM_IDS }),
  },
  obj({ ...ITEM_IDS }),
);
/**
 * Request content parts (chat messages, Responses input messages, tool outputs given as parts), per type:
 * the fields the model sees are read (text, a file's name), media payloads are opaque (no text detector reads
 * an image, a sound or a PDF's bytes), media and file URLs are read by the identifier detectors (`url`: the
 * provider receives and fetches them, so an e-mail address in a query string is PII sent upstream), and the
 * prompt-caching markers (`cache_control` from Anthropic-style clients, OpenAI's `prompt_cache_breakpoint`) are
 * settings. Any other field that holds text is refused. A part type not named here is refused whole (texts.ts).
 */
const CACHE_MARKS = { cache_control: O, prompt_cache_breakpoint: O } as const;
const TEXT_PART = obj({ type: O, text: T, ...CACHE_MARKS });
const U = 'url' as const;
/** A media URL: a string, or `{ url, detail }` (LiteLLM-style clients add the MIME type as `format`). */
const MEDIA_URL: Shape = { kind: 'alt', string: U, array: arr(obj({})), object: obj({ url: U, detail: O, format: O }) };
/** Media parts' settings: caching markers and vLLM's `uuid` (a caching id for the item). */
const MEDIA_MARKS = { ...CACHE_MARKS, uuid: O } as const;
export const INPUT_PARTS: Readonly<Record<string, ObjectShape>> = {
  text: TEXT_PART,
  input_text: TEXT_PART,
  // Assistant turns handed back (Responses output replayed as input): citations are read like the answer's.
  output_text: obj({ type: O, text: T, annotations: arr(RESPONSES_ANNOTATION), logprobs: O, ...CACHE_MARKS }),
  refusal: obj({ type: O, refusal: T, ...CACHE_MARKS }),
  summary_text: obj({ type: O, text: T }),
  reasoning_text: obj({ type: O, text: T }),
  thinking: THINKING_PART,
  image_url: obj({ type: O, image_url: MEDIA_URL, ...MEDIA_MARKS }),
  input_image: obj({ type: O, image_url: U, file_id: O, detail: O, ...MEDIA_MARKS }),
  input_audio: obj({ type: O, input_audio: obj({ data: O, format: O }), ...MEDIA_MARKS }),
  // A file's name is shown to the model with its contents (OpenAI puts it before the extracted text). `file_data`
  // is a data URL (its header read) or bare base64 (nothing to read).
  file: obj({ type: O, file: obj({ file_data: U, file_id: O, filename: T }), ...CACHE_MARKS }),
  input_file: obj({ type: O, file_id: O, file_data: U, file_url: U, filename: T, detail: O, ...CACHE_MARKS }),
  // vLLM's and DashScope's media parts (a URL, or DashScope's list of frame URLs).
  video_url: obj({ type: O, video_url: MEDIA_URL, ...MEDIA_MARKS }),
  audio_url: obj({ type: O, audio_url: MEDIA_URL, ...MEDIA_MARKS }),
  video: obj({ type: O, video: { kind: 'alt', string: U, array: arr(U) }, ...MEDIA_MARKS }),
};
/**
 * Chat message fields besides those texts.ts reads itself (role, content, name, refusal, the reasoning
 * of REASONING_FIELDS, tool and function calls): an assistant turn handed back as the SDK returned it
 * (the audio's id, a transcript if sent along, citations), ids and caching markers. Any
 * other field that holds text is refused (a chat template may render any field of a message).
 */
export const CHAT_MESSAGE_EXTRAS: Readonly<Record<string, Shape>> = {
  audio: obj({ id: O, data: O, expires_at: O, format: O, transcript: T }),
  annotations: CHAT_ANNOTATIONS,
  extra_content: EXTRA_CONTENT,
  tool_call_id: O,
  cache_control: O,
  prompt_cache_breakpoint: O,
};
export const LEGACY_FUNCTION_CALL: Shape = obj({ name: O, arguments: 'arguments' });
/** An MCP tool's annotations (`mcp_list_tools` replayed): a display title and boolean hints. */
export const MCP_TOOL_ANNOTATIONS: Shape = obj({ title: T });

/** A part without a `type` (a tool output's parts are not validated): its text, refusal or output. */
export const UNTYPED_PART: ObjectShape = obj({ text: T, refusal: T, output: T, ...CACHE_MARKS });

/** Chat `web_search_options.user_location`: the model reads the city, region, country and time zone. */
export const USER_LOCATION: Shape = obj({ type: O, approximate: obj({ city: T, region: T, country: T, timezone: T }) });
/** Responses `web_search` tool's `user_location`: the same fields, not nested. */
export const TOOL_USER_LOCATION: Shape = obj({ type: O, city: T, region: T, country: T, timezone: T });

/**
 * The chat and legacy completions answers' shapes, built once: a copy of ANSWER_ENVELOPE's keys per answer cost ~2 µs
 * of every non-streamed request (docs/gateway.md "Performance").
 */
const CHAT_RESPONSE: Shape = obj({ ...ANSWER_ENVELOPE, choices: arr(chatChoice) });
const COMPLETIONS_RESPONSE: Shape = obj({ ...ANSWER_ENVELOPE, choices: arr(completionChoice) });

/** The answer's shape; `sent` (Responses): the echoed fields the request carried. */
export function responseShape(surface: 'chat.completions' | 'completions' | 'responses', sent?: ReadonlySet<string>): Shape {
  if (surface === 'chat.completions') return CHAT_RESPONSE;
  if (surface === 'completions') return COMPLETIONS_RESPONSE;
  return responseEnvelope(sent);
}

/**
 * The Responses object's top-level fields (openai-node 6.49's `Response`), as ANSWER_ENVELOPE is for chat: ids,
 * states, counts and settings relayed as sent; `output` / `output_text` read; the upstream's `error` and
 * `moderation` results relayed as chat relays an upstream's error (codes and the provider's message, no answer
 * text). Any other top-level field that holds text is dropped (a provider's `reasoning_text` at the top).
 */
const RESPONSE_FIELDS: Readonly<Record<string, Shape>> = {
  id: O,
  object: O,
  created_at: O,
  completed_at: O,
  status: O,
  model: O,
  error: O,
  incomplete_details: O,
  moderation: O,
  usage: O,
  billing: O,
  service_tier: O,
  background: O,
  store: O,
  truncation: O,
  parallel_tool_calls: O,
  temperature: O,
  top_p: O,
  top_logprobs: O,
  max_output_tokens: O,
  max_tool_calls: O,
  previous_response_id: O,
  conversation: O,
  prompt_cache_retention: O,
  prompt_cache_options: O,
  output: arr(RESPONSES_ITEM),
  output_text: T,
};
/** A message item of `instructions` (a stored prompt's messages): its text parts read, any other part keeps its type. */
const INSTRUCTION_ITEM: Shape = typed(
  { message: obj({ ...ITEM_IDS, role: O, content: { kind: 'alt', string: T, array: arr(typed({ input_text: TEXT_PART, output_text: TEXT_PART }, obj({ type: O }))) } }) },
  obj({ ...ITEM_IDS }),
);
/**
 * Fields a Responses object echoes from the request. When the client sent the field, the client's own value
 * comes back (guard.ts `withRequestEchoes` puts it there; the end-user ids' stage does so for `user`,
 * `safety_identifier` and `prompt_cache_key`), so the upstream's copy is not read. When it did not (a stored
 * `prompt` filled them in, or the provider's defaults), they are read as shaped here: texts scanned, settings
 * (enums, tool definitions and JSON schemas a developer wrote, not the model) relayed.
 */
export const RESPONSE_ECHOES: Readonly<Record<string, Shape>> = {
  instructions: { kind: 'alt', string: T, array: arr(INSTRUCTION_ITEM) },
  metadata: map(T),
  prompt: obj({ id: O, version: O, variables: map({ kind: 'alt', string: T, array: arr(obj({ type: O, text: T })), object: obj({ type: O, text: T, file_id: O, image_url: O, detail: O }) }) }),
  tools: O,
  tool_choice: O,
  text: O,
  reasoning: O,
  user: T,
  safety_identifier: T,
  prompt_cache_key: T,
};

/** The Responses object's shape: the echoes the request carried (`sent`) are settings relayed as sent (see RESPONSE_ECHOES). */
export function responseEnvelope(sent: ReadonlySet<string> = new Set()): ObjectShape {
  const fields: Record<string, Shape> = { ...RESPONSE_FIELDS };
  for (const [field, shape] of Object.entries(RESPONSE_ECHOES)) fields[field] = sent.has(field) ? O : shape;
  return obj(fields);
}

/** The echoed fields a Responses request carries (present and not null). */
export function sentEchoes(request: Record<string, unknown>): Set<string> {
  const sent = new Set<string>();
  for (const field of Object.keys(RESPONSE_ECHOES)) if (request[field] !== undefined && request[field] !== null) sent.add(field);
  return sent;
}
