/**
 * The JSON body reader for /v1. The common request — a Content-Length within the limit, no
 * Content-Encoding, UTF-8 — is read here with a plain chunk collector and JSON.parse, the same
 * checks and error types as body-parser (strict: an object or array; empty body = {}; a BOM is
 * dropped). Everything else (compressed or chunked bodies, other charsets, bodies over the limit,
 * content types it should not parse) goes to `express.json` unchanged, so behaviour at the edges is
 * body-parser's own. Why: body-parser's stream plumbing (raw-body, iconv decoding, on-finished)
 * was a noticeable slice of the gateway's per-request CPU. A body already buffered whole when this
 * runs (the usual case: it came in the same packet as the head) is taken synchronously.
 */
import type { IncomingMessage } from 'node:http';
import express, { type Request, type RequestHandler } from 'express';
import { traceMark } from '../../observability/stage-trace.js';
import { MAX_JSON_DEPTH, jsonNestingExceeds } from '../../pipeline/json-depth.js';

const FIRST_NON_WHITESPACE = /^[\x20\x09\x0a\x0d]*([^\x20\x09\x0a\x0d]|$)/;

/**
 * A charset parameter that names UTF-8 by another label (`utf8`, as OkHttp and .NET clients often write it; the
 * WHATWG Encoding standard's `unicode-1-1-utf-8`) or ASCII, a subset of it. body-parser answered them 415.
 */
const UTF8_ALIAS = /;\s*charset\s*=\s*"?(?:utf8|unicode-1-1-utf-8|us-ascii|ascii)"?\s*(?=;|$)/i;

/**
 * Bytes of each request's body as decoded (after any Content-Encoding), for the rate limiter's token
 * estimate: Content-Length is absent on a chunked body and is the compressed size of a gzip one.
 */
export const decodedBodyBytes = new WeakMap<IncomingMessage, number>();

export interface JsonBodyOptions {
  /** Bytes. */
  limit: number;
  /** Whether this request's body is JSON to parse here (others are left unread). */
  shouldParse: (req: IncomingMessage) => boolean;
}

export function jsonBody(opts: JsonBodyOptions): RequestHandler {
  const fallback = express.json({
    limit: opts.limit,
    type: opts.shouldParse,
    strict: true,
    // Called with the decoded bytes before body-parser's JSON.parse.
    verify: (req, _res, buf) => {
      decodedBodyBytes.set(req, buf.length);
      if (jsonNestingExceeds(buf.toString('utf8'))) throw tooDeep();
    },
  });

  return (req, res, next) => {
    const length = fastPathLength(req, opts);
    if (length === undefined) {
      // body-parser reads only the `utf-*` spellings: relabel UTF-8's other names (and ASCII, its subset) for it.
      const type = req.headers['content-type'];
      if (type !== undefined && UTF8_ALIAS.test(type)) req.headers['content-type'] = type.replace(UTF8_ALIAS, '; charset=utf-8');
      return fallback(req, res, (err?: unknown) => next(isDecompressionError(err) ? corruptEncoding(req) : err));
    }
    // A small body has usually arrived with the head and sits in the stream's buffer already: take it
    // now instead of waiting for the stream's 'data' and 'end' turns (~40 µs of a lone request on a busy
    // host: the parser reports the message's end in a later callback). The parser lets no more than
    // Content-Length bytes into the stream, so it is all of it. The stream ends a moment later: a later
    // reader of the body must check `req.body` first (the token route and the sealed-body reader do).
    // (A variant that took the bytes at once but still waited for 'end' saved nothing.)
    const buffered = req.readableLength === length ? (req.read(length) as Buffer | null) : null;
    if (buffered && buffered.length === length) {
      req.resume(); // lets the stream reach its end with nobody reading, as node does for an unread body
      traceMark('body read');
      try {
        req.body = parseStrict(buffered.toString('utf8'));
      } catch (err) {
        return next(parseFailure(err));
      }
      traceMark('body JSON.parse');
      return next();
    }
    readBody(req, length).then(
      (text) => {
        traceMark('body read');
        try {
          req.body = parseStrict(text);
        } catch (err) {
          return next(parseFailure(err));
        }
        traceMark('body JSON.parse');
        next();
      },
      (err: unknown) => next(err),
    );
  };
}

/** The declared body length when the fast path applies, else undefined (the fallback decides). */
function fastPathLength(req: Request, opts: JsonBodyOptions): number | undefined {
  const headers = req.headers;
  if (headers['transfer-encoding'] !== undefined || req.readableEnded || req.complete) return undefined;
  const declared = headers['content-length'];
  if (declared === undefined || !/^\d+$/.test(declared)) return undefined;
  const length = Number(declared);
  if (length > opts.limit || length === 0) return undefined;
  const encoding = headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return undefined;
  const type = headers['content-type'];
  if (type !== undefined && /;\s*charset\s*=/i.test(type) && !/;\s*charset\s*=\s*"?utf-8"?\s*(;|$)/i.test(type)) return undefined;
  if (!opts.shouldParse(req)) return undefined;
  return length;
}

function readBody(req: Request, length: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer): void => {
      chunks.push(chunk);
      received += chunk.length;
    };
    const onEnd = (): void => {
      cleanup();
      if (received !== length) return reject(bodyError(400, 'request size did not match content length', 'request.size.invalid'));
      resolve((chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, received)).toString('utf8'));
    };
    const onAborted = (): void => {
      cleanup();
      reject(bodyError(400, 'request aborted', 'request.aborted'));
    };
    const onError = (err: Error): void => {
      cleanup();
      reject(err);
    };
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('aborted', onAborted);
      req.off('close', onClose);
      req.off('error', onError);
    };
    // A request closed before its end was cut off by the client.
    const onClose = (): void => onAborted();
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('aborted', onAborted);
    req.on('close', onClose);
    req.on('error', onError);
  });
}

/** body-parser's strict JSON: `{}` for an empty body, else an object or array. */
function parseStrict(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.length === 0) return {};
  const first = FIRST_NON_WHITESPACE.exec(body)?.[1];
  if (first !== '{' && first !== '[') throw new SyntaxError(`Unexpected token ${first ? `'${first}'` : 'end of input'}: the body must be a JSON object or array`);
  if (jsonNestingExceeds(body)) throw tooDeep();
  return JSON.parse(body) as unknown;
}

function tooDeep(): Error {
  return bodyError(400, `The JSON body is nested more than ${MAX_JSON_DEPTH} levels deep.`, 'entity.too.deep');
}

function parseFailure(err: unknown): Error {
  return (err as { type?: unknown }).type === 'entity.too.deep' ? (err as Error) : bodyError(400, (err as Error).message, 'entity.parse.failed');
}

/**
 * A failure of the decompression stream body-parser reads a gzip/deflate/br body through: zlib's `Z_*` codes
 * (`Z_DATA_ERROR` for bytes that are not that format, `Z_BUF_ERROR` for a truncated one) or brotli's `ERR_*`,
 * both with a numeric errno. body-parser wraps it as a bare 400 without a `type`.
 */
function isDecompressionError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { type, code, errno } = err as { type?: unknown; code?: unknown; errno?: unknown };
  return type === undefined && typeof errno === 'number' && typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('ERR_'));
}

/** The body did not decompress as its Content-Encoding says (only encodings body-parser accepted get here). */
function corruptEncoding(req: IncomingMessage): Error {
  const encoding = String(req.headers['content-encoding'] ?? '').toLowerCase();
  const named = encoding === 'gzip' || encoding === 'deflate' || encoding === 'br' || encoding === 'zstd' ? ` ${encoding}` : '';
  return bodyError(400, `The request body is not valid${named} data: it could not be decompressed as its Content-Encoding says.`, 'encoding.corrupt');
}

/** Errors shaped like body-parser's (status + type), so the error middleware maps them the same way. */
function bodyError(status: number, message: string, type: string): Error {
  return Object.assign(new Error(message), { status, statusCode: status, type, expose: true });
}
