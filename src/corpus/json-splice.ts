/**
 * Edits a JSON line in place: finds the source span of a value by its dotted path and replaces it, so the
 * rest of the line stays byte for byte as it was. `JSON.parse` + `JSON.stringify` would rewrite every other
 * field: 12345678901234567891 became 12345678901234567000, 1e400 became null, 1.50 became 1.5. A corpus id
 * changed that way no longer joins back to its source.
 *
 * The line must already have passed `JSON.parse` (only then are these scans exact). Every function returns
 * `undefined` when the path cannot be followed; the caller then falls back to re-serialising the record.
 */

export interface Edit {
  start: number;
  end: number;
  text: string;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

function skipWhitespace(json: string, i: number): number {
  while (i < json.length && WHITESPACE.has(json[i]!)) i++;
  return i;
}

/** `i` at an opening quote: the index after the closing one. */
function skipString(json: string, i: number): number {
  let j = i + 1;
  while (j < json.length) {
    const ch = json[j]!;
    if (ch === '\\') j += 2;
    else if (ch === '"') return j + 1;
    else j++;
  }
  return j;
}

/** `i` at the first character of a value: the index after its last. */
function skipValue(json: string, i: number): number {
  const ch = json[i];
  if (ch === '"') return skipString(json, i);
  if (ch === '{' || ch === '[') {
    let depth = 0;
    let j = i;
    while (j < json.length) {
      const c = json[j]!;
      if (c === '"') {
        j = skipString(json, j);
        continue;
      }
      if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) return j + 1;
      }
      j++;
    }
    return j;
  }
  // number, true, false, null
  let j = i;
  while (j < json.length && !WHITESPACE.has(json[j]!) && json[j] !== ',' && json[j] !== '}' && json[j] !== ']') j++;
  return j;
}

/** The span of the member `key` in the object or array starting at `i` (the last one, as JSON.parse keeps the last of duplicate keys). */
function memberSpan(json: string, i: number, key: string): [number, number] | undefined {
  const open = json[i];
  if (open !== '{' && open !== '[') return undefined;
  const index = open === '[' ? Number(key) : NaN;
  if (open === '[' && !(Number.isInteger(index) && index >= 0 && String(index) === key)) return undefined;
  let found: [number, number] | undefined;
  let position = 0;
  let j = skipWhitespace(json, i + 1);
  if (json[j] === '}' || json[j] === ']') return undefined;
  while (j < json.length) {
    let name: string | undefined;
    if (open === '{') {
      const keyEnd = skipString(json, j);
      name = JSON.parse(json.slice(j, keyEnd)) as string;
      j = skipWhitespace(json, keyEnd);
      if (json[j] !== ':') return undefined;
      j = skipWhitespace(json, j + 1);
    }
    const valueEnd = skipValue(json, j);
    if (open === '{' ? name === key : position === index) found = [j, valueEnd];
    position++;
    j = skipWhitespace(json, valueEnd);
    if (json[j] !== ',') break;
    j = skipWhitespace(json, j + 1);
  }
  return found;
}

/** Source span of the value at `path` (dotted keys; array indices as numbers) in a valid JSON text. */
export function valueSpan(json: string, path: readonly string[]): [number, number] | undefined {
  let span: [number, number] | undefined = [skipWhitespace(json, 0), 0];
  for (const key of path) {
    span = memberSpan(json, span[0], key);
    if (!span) return undefined;
  }
  return [span[0], skipValue(json, span[0])];
}

/** Sets `path` to `value` (JSON-encoded): replaces the value when present, else adds the member to its parent object. */
export function setValueEdit(json: string, path: readonly string[], value: unknown): Edit | undefined {
  const text = JSON.stringify(value);
  const span = valueSpan(json, path);
  if (span) return { start: span[0], end: span[1], text };
  const parent = valueSpan(json, path.slice(0, -1));
  if (!parent || json[parent[0]] !== '{') return undefined;
  const close = parent[1] - 1;
  const empty = skipWhitespace(json, parent[0] + 1) === close;
  return { start: close, end: close, text: `${empty ? '' : ','}${JSON.stringify(path[path.length - 1])}:${text}` };
}

/** Applies non-overlapping edits; `undefined` when two overlap (the caller re-serialises instead). */
export function applyEdits(json: string, edits: readonly Edit[]): string | undefined {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) return undefined;
    out += json.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + json.slice(at);
}
