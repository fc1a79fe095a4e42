/**
 * What the output guard dropped from an answer (fields it does not read that held text, shapes.ts), as field
 * names, never values: `reasoning_text`, `output.*.vendor_note`, `event:response.vendor.delta`. The gateway logs
 * them once per request and counts them (`sealgate_answer_fields_dropped_total`), so operators see when a
 * provider starts sending a field the guard does not know.
 */
import type { RequestContext } from '../types.js';
import type { Path } from './texts.js';

/** Distinct names kept per request (a stream may drop a field on every chunk: one name). */
export const MAX_DROPPED_PER_REQUEST = 16;
/** A key that names a field; any other key is data (an e-mail address as a key) and is named `<data>`. */
const FIELD_KEY = /^[\w.:-]{1,64}$/;

/** `path` as a field name: indexes as `*`, data keys as `<data>`. */
export function droppedFieldName(path: Path): string {
  return path.map((key) => (typeof key === 'number' ? '*' : FIELD_KEY.test(key) ? key : '<data>')).join('.') || '<answer>';
}

/** Records the dropped paths on the request (deduplicated, at most MAX_DROPPED_PER_REQUEST names). */
export function noteDropped(ctx: RequestContext, paths: Iterable<Path>): void {
  for (const path of paths) {
    const name = droppedFieldName(path);
    const names = (ctx.droppedFields ??= []);
    if (names.length < MAX_DROPPED_PER_REQUEST && !names.includes(name)) names.push(name);
  }
}
