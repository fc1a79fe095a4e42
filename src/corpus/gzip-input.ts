/**
 * Corpus input that may be gzip-compressed: a `*.gz` name, or the gzip magic (1f 8b) in the first bytes. By name
 * only, a compressed file without the suffix, or piped in on stdin, was read as text and every line reported bad
 * (invalid UTF-8), yet the run ended "successfully". The magic cannot start a UTF-8 text line (0x8b is a
 * continuation byte), so sniffing never mistakes a text corpus for gzip.
 */
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

export interface CorpusInput {
  /** The text stream: `source` itself, or `source` through gunzip. */
  stream: Readable;
  gzip: boolean;
}

const GZIP_MAGIC = [0x1f, 0x8b] as const;

/** Reads until at least `bytes` bytes are buffered (or the stream ends) and puts them back. */
async function peek(source: Readable, bytes: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let length = 0;
  while (length < bytes && !source.readableEnded) {
    const chunk = source.read() as Buffer | string | null;
    if (chunk === null) {
      // Whichever comes first; the other listener is removed (an error rejects both, and the caller sees it).
      const settled = new AbortController();
      const next = await Promise.race([
        once(source, 'readable', { signal: settled.signal }).then(() => 'readable'),
        once(source, 'end', { signal: settled.signal }).then(() => 'end'),
      ]).finally(() => settled.abort());
      if (next === 'end') break;
      continue;
    }
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    parts.push(buffer);
    length += buffer.length;
  }
  const head = Buffer.concat(parts, length);
  if (head.length > 0) source.unshift(head);
  return head;
}

/**
 * Looks at the first bytes of `source` and returns a stream of its text. A gunzip error (a truncated or corrupt
 * file) is emitted on `stream`; errors of `source` stay on `source`.
 */
export async function openCorpusInput(source: Readable, path: string): Promise<CorpusInput> {
  // A `*.gz` name is a promise: such a file that is not gzip fails as corrupt rather than being read as text.
  let gzip = /\.gz$/i.test(path);
  if (!gzip) {
    const head = await peek(source, GZIP_MAGIC.length);
    gzip = head.length >= 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  }
  return gzip ? { stream: source.pipe(createGunzip()), gzip } : { stream: source, gzip };
}

/** zlib's own message ("unexpected end of file", "incorrect header check") with the input it concerns. */
export const gzipError = (label: string, error: Error): Error => new Error(`${label}: not valid gzip (${error.message})`);
