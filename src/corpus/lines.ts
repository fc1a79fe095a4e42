/**
 * Lines of a text stream, each at most `maxLineChars` long. readline keeps appending to one string until
 * a line break comes, so a corpus with one huge line (a dump without newlines, /dev/zero through tr)
 * grew the process to the V8 string limit and then crashed `sealgate scan|clean` with an uncaught
 * RangeError and node's stack dump. Here a line past the limit is dropped as it streams (never held
 * whole) and reported as `tooLong`; the reader goes on at the next line break.
 *
 * Line breaks are readline's (`crlfDelay: Infinity`): \n, \r\n and a lone \r.
 *
 * A line whose bytes are not valid UTF-8 (a Latin-1 or GBK export, a truncated multi-byte character) is
 * reported as `invalidUtf8`, never handed on as text: decoded with replacement characters it went through
 * `sealgate clean` silently ('café' written back as 'caf\uFFFD', names cut at the bad byte, 0 bad lines).
 */
import { isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';

/** 32 Mi characters: far above any corpus record, far below V8's ~512 Mi string limit. */
export const MAX_LINE_CHARS = 32 * 1024 * 1024;

export type Line = { text: string; tooLong?: false; invalidUtf8?: false } | { text: ''; tooLong: true; invalidUtf8?: false } | { text: ''; tooLong?: false; invalidUtf8: true };

export interface ReadLinesOptions {
  maxLineChars?: number;
  /** Every raw chunk as read (byte counts, hashes of the input). */
  onChunk?: (chunk: Buffer) => void;
}

export async function* readLines(input: Readable, options: ReadLinesOptions = {}): AsyncGenerator<Line> {
  const max = options.maxLineChars ?? MAX_LINE_CHARS;
  let pending = '';
  /** The line being read holds bytes that are not UTF-8. */
  let lineInvalid = false;
  /** The end of the previous chunk: a multi-byte character it started and the next one completes. */
  let carry: Buffer | undefined;
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
      } else if (lineInvalid) {
        pending = '';
        yield { text: '', invalidUtf8: true };
      } else {
        const line = pending + text.slice(start, end);
        pending = '';
        yield { text: line };
      }
      lineInvalid = false;
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

  /**
   * Decodes complete characters. Valid bytes (the usual case, one native check) are split as they are; otherwise
   * each line's bytes are checked on their own, and a line with a bad byte is marked. Line breaks are ASCII
   * bytes, which are never part of a multi-byte character nor swallowed by a replacement, so byte lines and
   * decoded lines are the same lines.
   */
  function* decode(bytes: Buffer): Generator<Line> {
    if (bytes.length === 0) return;
    if (isUtf8(bytes)) {
      yield* split(bytes.toString('utf8'));
      return;
    }
    let start = 0;
    while (start < bytes.length) {
      const lf = bytes.indexOf(10, start);
      const cr = bytes.indexOf(13, start);
      const brk = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      const end = brk < 0 ? bytes.length : brk + 1;
      const segment = bytes.subarray(start, end);
      if (!isUtf8(segment)) lineInvalid = true;
      yield* split(segment.toString('utf8'));
      start = end;
    }
  }

  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    let buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    options.onChunk?.(buffer);
    if (carry) {
      buffer = Buffer.concat([carry, buffer]);
      carry = undefined;
    }
    const cut = incompleteTail(buffer);
    if (cut < buffer.length) {
      carry = Buffer.from(buffer.subarray(cut));
      buffer = buffer.subarray(0, cut);
    }
    yield* decode(buffer);
  }
  // A multi-byte character the input never finished.
  if (carry) yield* decode(carry);
  if (skipping) yield { text: '', tooLong: true };
  else if (lineInvalid) yield { text: '', invalidUtf8: true };
  else if (pending.length > 0) yield { text: pending };
}

/** Where a multi-byte character that the chunk does not finish starts (the chunk's length when there is none). */
function incompleteTail(bytes: Buffer): number {
  for (let i = bytes.length - 1; i >= 0 && i >= bytes.length - 3; i--) {
    const b = bytes[i]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for its lead
    if (b < 0xc0) return bytes.length; // ASCII: nothing open
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return bytes.length - i < need ? i : bytes.length;
  }
  return bytes.length;
}
