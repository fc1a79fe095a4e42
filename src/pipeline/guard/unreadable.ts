/**
 * Attachments the guard cannot read (`guardrails.input.unreadableFiles` / `unreadableMedia`, docs/policies.md
 * "Files and media the guard cannot read"). A text file sent as a base64 data URL (text/plain, CSV, JSON …) is
 * decoded and read like the prompt (media-url.ts `textFileOf`); a PDF, a Word document or any other binary file,
 * a file uploaded to the provider (`file_id`) and a file the provider fetches (`file_url`) are not: their text
 * reaches the model unread by any detector (an injection planted in a PDF, a spreadsheet of customers). Images,
 * sounds and videos likewise (text in a picture). Each kind is let through or refused by the config.
 */
import type { Surface } from '../types.js';
import { textFileOf } from './media-url.js';
import { paramOf, type Path } from './texts.js';

export type UnreadableAction = 'allow' | 'block';

export interface UnreadablePolicy {
  unreadableFiles: UnreadableAction;
  unreadableMedia: UnreadableAction;
}

export interface UnreadablePart {
  kind: 'file' | 'media';
  param: string;
  /** What it is, for the error: a media type from a data URL's header, `file_id` or `file_url`. */
  what: string;
}

/** Content part types that carry media (images, sounds, videos): never read by a text detector. */
const MEDIA_PARTS = new Set(['image_url', 'input_image', 'input_audio', 'video_url', 'audio_url', 'video', 'computer_screenshot']);
/** A media type as a data URL's header gives it (anything else is not quoted back). */
const MEDIA_TYPE = /^[\w.+-]{1,64}\/[\w.+-]{1,64}$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The fields of a request that hold content parts: messages, Responses input items, a stored prompt's variables. */
const PART_FIELDS: Readonly<Record<string, readonly string[]>> = { 'chat.completions': ['messages'], responses: ['input', 'prompt'] };

/** Why a file part's contents are unread, or undefined when there is nothing unread in it. */
function unreadFile(file: Json): string | undefined {
  const data = file.file_data;
  if (typeof data === 'string' && data && !textFileOf(data)) {
    const header = data.slice(0, 5).toLowerCase() === 'data:' ? data.slice(5, data.indexOf(',') < 0 ? 5 : data.indexOf(',')).split(';', 1)[0]!.trim() : '';
    return MEDIA_TYPE.test(header) ? header : 'binary file_data';
  }
  if (typeof file.file_id === 'string' && file.file_id) return 'file_id';
  if (typeof file.file_url === 'string' && file.file_url) return 'file_url';
  return undefined;
}

/** The first part of `value` (at `path`) the policy refuses, searching objects and lists. */
function search(value: unknown, path: Path, policy: UnreadablePolicy, depth: number): UnreadablePart | undefined {
  if (depth > 64) return undefined; // parts sit a few levels down; the body's depth is bounded anyway (json-depth.ts)
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = typeof value[i] === 'object' ? search(value[i], [...path, i], policy, depth + 1) : undefined;
      if (found) return found;
    }
    return undefined;
  }
  if (!isObject(value)) return undefined;
  const type = value.type;
  if (policy.unreadableFiles === 'block' && (type === 'file' || type === 'input_file')) {
    const what = unreadFile(type === 'file' && isObject(value.file) ? value.file : value);
    if (what) return { kind: 'file', param: paramOf(path), what };
  }
  if (policy.unreadableMedia === 'block' && typeof type === 'string' && MEDIA_PARTS.has(type)) return { kind: 'media', param: paramOf(path), what: type };
  for (const key in value) {
    const child = value[key];
    if (typeof child !== 'object' || child === null) continue;
    const found = search(child, [...path, key], policy, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The first attachment of the request the policy refuses (undefined when both kinds are allowed or there is none). */
export function unreadablePart(surface: Surface, body: Json, policy: UnreadablePolicy): UnreadablePart | undefined {
  if (policy.unreadableFiles === 'allow' && policy.unreadableMedia === 'allow') return undefined;
  for (const field of PART_FIELDS[surface] ?? []) {
    const found = typeof body[field] === 'object' ? search(body[field], [field], policy, 0) : undefined;
    if (found) return found;
  }
  return undefined;
}
