/**
 * Lines of a text stream, each at most `maxLineChars` long. readline keeps appending to one string until
 * a line break comes, so a corpus with one huge line (a dump without newlines, /dev/zero through tr)
 * grew the process to the V8 string limit and then crashed `sealgate scan|clean` with an uncaught
 * RangeError and node's stack dump. Here a line past the limit is dropped as it streams (never held
 * whole) and reported as `tooLong`; the reader goes on at the next line break.
 *
 * Line breaks are readline's (`crlfDelay: Infinity`): \n, \r\n and a lone \r.
 */
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';

/** 32 Mi characters: far above any corpus record, far below V8's ~512 Mi string limit. */
export const MAX_LINE_CHARS = 32 * 1024 * 1024;

export type Line = { text: string; tooLong?: false } | { text: ''; tooLong: true };

export interface ReadLinesOptions {
  maxLineChars?: number;
  /** Every raw chunk as read (byte counts, hashes of the input). */
  onChunk?: (chunk: Buffer) => void;
}

export async function* readLines(input: Readable, options: ReadLinesOptions = {}): AsyncGenerator<Line> {
  const max = options.maxLineChars ?? MAX_LINE_CHARS;
  const decoder = new StringDecoder('utf8');
  let pending = '';
  /** Inside a line already over the limit: its text is being skipped up to the next break. */
  let skipping = false;
  /** The previous chunk ended with \r: a \n starting this one belongs to it. */
  let afterCr = false;

  function* split(text: string): Generator<Line> {
    let start = 0;
    if (afterCr && text.charCodeAt(0) === 10) start = 1;
    afterCr = false;
    // Next \n and next \r, each searched again only once passed (no rescans of the chunk per line).
    let nextLf = text.indexOf('\n', start);
    let nextCr = text.indexOf('\r', start);
    for (;;) {
      if (nextLf >= 0 && nextLf < start) nextLf = text.indexOf('\n', start);
      if (nextCr >= 0 && nextCr < start) nextCr = text.indexOf('\r', start);
      const end = nextLf < 0 ? nextCr : nextCr < 0 ? nextLf : Math.min(nextLf, nextCr);
      if (end < 0) break;
      if (skipping) {
        skipping = false;
        yield { text: '', tooLong: true };
      } else if (pending.length + (end - start) > max) {
        pending = '';
        yield { text: '', tooLong: true };
      } else {
        const line = pending + text.slice(start, end);
        pending = '';
        yield { text: line };
      }
      let next = end + 1;
      if (text.charCodeAt(end) === 13) {
        if (next === text.length) afterCr = true;
        else if (text.charCodeAt(next) === 10) next++;
      }
      start = next;
    }
    if (skipping) return;
    if (pending.length + (text.length - start) > max) {
      pending = '';
      skipping = true;
    } else if (start < text.length) {
      pending += text.slice(start);
    }
  }

  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    options.onChunk?.(buffer);
    yield* split(decoder.write(buffer));
  }
  yield* split(decoder.end());
  if (skipping) yield { text: '', tooLong: true };
  else if (pending.length > 0) yield { text: pending };
}
