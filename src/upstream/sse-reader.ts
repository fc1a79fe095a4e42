/**
 * A streamed (SSE) upstream answer read the way the openai SDK reads it — `Stream.fromSSEResponse` over
 * its LineDecoder and SSEDecoder (openai/core/streaming.js, openai/internal/decoders/line.js) — in one
 * async generator straight on the node response stream. The SDK's path is four nested async generators
 * per event (the node stream's iterator, SSE chunking, SSE messages, the Stream's own), each a promise
 * round per event, with a fresh byte array and a TextDecoder call per line; this is one generator and
 * string splitting. Same results, event for event:
 *
 *  - lines end at `\n`, `\r\n` or a lone `\r`; `:` lines are comments; `field: value` loses one leading
 *    space; `event` and `data` are kept (data lines joined by `\n`), other fields ignored; a blank line
 *    ends an event when it has an event name or data; an unterminated event at the end is dropped;
 *  - `data: [DONE]` (prefix) ends the answer, the rest of the body is read and ignored;
 *  - an event named `thread.…` is yielded as `{ event, data }` (and `error` thrown), any other as its
 *    parsed data; invalid JSON throws; data with an `error` member throws the SDK's APIError;
 *  - an abort (the caller's signal or an idle timeout destroying the request) ends the stream quietly,
 *    as the SDK does; any other stream failure is thrown; a consumer that stops early, or a failure,
 *    destroys the response.
 * One addition: given the surface's StreamEnd, a body that ends cleanly before the answer's end (see StreamEnd)
 * is thrown as cut short where the SDK ends quietly; requireStreamEnd does the same over the SDK's own Stream.
 */
import type { IncomingMessage } from 'node:http';
import { StringDecoder } from 'node:string_decoder';
import OpenAI from 'openai';
import { ResponseTooLargeError } from './node-fetch.js';

export interface SseEvent {
  event: string | null;
  data: string;
}

/** Bytes → SSE events, as the SDK's LineDecoder + SSEDecoder produce them. */
export class SseParser {
  private readonly decoder = new StringDecoder('utf8');
  /** The current line's text so far (no terminator seen yet). */
  private partial = '';
  /** The last text ended with '\r': a '\n' at the start of the next belongs to that line break. */
  private afterCR = false;
  private event: string | null = null;
  private data: string[] = [];

  /** Appends the events that `chunk` completes to `out`. */
  push(chunk: Buffer, out: SseEvent[]): void {
    let text = this.decoder.write(chunk);
    if (this.afterCR) {
      this.afterCR = false;
      if (text.charCodeAt(0) === 10) text = text.slice(1);
    }
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      const line = start === 0 && this.partial ? this.partial + text.slice(0, i) : text.slice(start, i);
      if (start === 0) this.partial = '';
      this.line(line, out);
      if (c === 13) {
        if (i + 1 === text.length) this.afterCR = true;
        else if (text.charCodeAt(i + 1) === 10) i++;
      }
      start = i + 1;
    }
    if (start === 0) this.partial += text;
    else if (start < text.length) this.partial = text.slice(start);
  }

  private line(line: string, out: SseEvent[]): void {
    if (line.length === 0) {
      if (!this.event && this.data.length === 0) return;
      out.push({ event: this.event, data: this.data.join('\n') });
      this.event = null;
      this.data = [];
      return;
    }
    if (line.charCodeAt(0) === 58) return; // ':' comment
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    if (field !== 'event' && field !== 'data') return;
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    if (field === 'event') this.event = value;
    else this.data.push(value);
  }
}

/**
 * How a streamed answer shows that it is complete, by surface: chat and legacy completions by a choice's
 * finish_reason (or the upstream's `[DONE]`, where the reader sees it); Responses by a terminal event
 * (`response.completed`, `response.incomplete`, `response.failed`, or an `error` event, itself a failure the
 * client sees). A stream that ends cleanly without it was cut short.
 */
export type StreamEnd = 'finish_reason' | 'terminal_event';

/** The end a streamed surface's answer must show (none for surfaces that are not streamed). */
export function streamEndFor(surface: string): StreamEnd | undefined {
  if (surface === 'chat.completions' || surface === 'completions') return 'finish_reason';
  if (surface === 'responses') return 'terminal_event';
  return undefined;
}

const TERMINAL_RESPONSE_EVENTS = new Set(['response.completed', 'response.incomplete', 'response.failed', 'error']);

/** Whether this event (a parsed SSE data object) shows the answer complete, per `end`. */
export function endsAnswer(end: StreamEnd, data: unknown): boolean {
  if (!data || typeof data !== 'object') return false;
  if (end === 'terminal_event') {
    const type = (data as { type?: unknown }).type;
    return typeof type === 'string' && TERMINAL_RESPONSE_EVENTS.has(type);
  }
  const choices = (data as { choices?: unknown }).choices;
  if (!Array.isArray(choices)) return false;
  for (const choice of choices) if (choice && typeof choice === 'object' && (choice as { finish_reason?: unknown }).finish_reason) return true;
  return false;
}

/** The failure thrown for a stream that ended cleanly before its answer was complete (a 'connection' failure). */
export function truncatedStreamError(): Error {
  return Object.assign(new Error('upstream stream ended before its answer finished'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
}

/**
 * `events` (the SDK's Stream) checked for an end: when it ends quietly before any event showed the answer
 * complete, throws truncatedStreamError() — unless `signal` was aborted (the SDK ends an aborted stream
 * quietly; the caller knows why). The SDK's Stream does not tell whether it saw `[DONE]`, so here a chat or
 * legacy completions stream needs a finish_reason: one that sent `[DONE]` with no finish_reason at all
 * (no known server does) passes on the direct path and fails on this one.
 */
export async function* requireStreamEnd<T>(events: AsyncIterable<T>, end: StreamEnd | undefined, signal?: AbortSignal): AsyncGenerator<T> {
  if (end === undefined) {
    yield* events;
    return;
  }
  let complete = false;
  for await (const event of events) {
    if (!complete) complete = endsAnswer(end, event);
    yield event;
  }
  if (!complete && !signal?.aborted) throw truncatedStreamError();
}

/** The SDK's abort test (openai/internal/errors.js isAbortError). */
export function isAbortError(err: unknown): boolean {
  return (
    typeof err === 'object' &&
    err !== null &&
    (('name' in err && err.name === 'AbortError') || ('message' in err && String(err.message).includes('FetchRequestCanceledException')))
  );
}

/**
 * The parsed events of a 2xx SSE response body, as the SDK's Stream yields them. `headers` are the
 * response's (for the APIError of an in-stream error). Errors pass through `translate`.
 */
export async function* sseJsonEvents(
  body: IncomingMessage,
  headers: Headers,
  translate: (err: unknown) => Error,
  maxBytes = Infinity,
  /**
   * The end the answer must show (see StreamEnd): a body that ends (a clean close) before it — for chat and
   * legacy completions, before `[DONE]` and before any choice had a finish_reason; for Responses, before a
   * terminal event — was cut short, and is thrown as such instead of ending quietly as the SDK does (the
   * gateway would close it as complete, a truncated answer passing for a whole one). `true`: 'finish_reason'.
   */
  requireEnd: StreamEnd | boolean | undefined = undefined,
): AsyncGenerator<Record<string, unknown>> {
  const parser = new SseParser();
  const queue: SseEvent[] = [];
  let next = 0;
  /** Bytes read so far: an endless (or huge) stream fails at maxBytes instead of running on. */
  let bytes = 0;
  let ended = false;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const rouse = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const onEnd = (): void => {
    ended = true;
    rouse();
  };
  const onError = (error: Error): void => {
    failure ??= { error };
    rouse();
  };
  const onClose = (): void => {
    if (!ended) failure ??= { error: Object.assign(new Error('upstream stream closed before its end'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }) };
    rouse();
  };
  body.on('readable', rouse);
  body.on('end', onEnd);
  body.on('error', onError);
  body.on('close', onClose);
  let done = false;
  let finished = false;
  const end: StreamEnd | undefined = requireEnd === true ? 'finish_reason' : requireEnd || undefined;
  let sawFinish = end === undefined;
  try {
    for (;;) {
      if (next < queue.length) {
        const sse = queue[next++]!;
        if (next === queue.length) {
          queue.length = 0;
          next = 0;
        }
        if (done) continue;
        if (sse.data.startsWith('[DONE]')) {
          done = true;
          continue;
        }
        const data = JSON.parse(sse.data) as Record<string, unknown> | null;
        if (sse.event === null || !sse.event.startsWith('thread.')) {
          if (data && data.error) throw new OpenAI.APIError(undefined, data.error as object, undefined, headers);
          if (!sawFinish) sawFinish = endsAnswer(end!, data);
          yield data as Record<string, unknown>;
        } else {
          if (sse.event === 'error') throw new OpenAI.APIError(undefined, data?.error as object, data?.message as string | undefined, undefined);
          yield { event: sse.event, data };
        }
        continue;
      }
      const chunk = body.read() as Buffer | null;
      if (chunk !== null) {
        bytes += chunk.length;
        if (bytes > maxBytes) throw new ResponseTooLargeError(maxBytes);
        parser.push(chunk, queue);
        continue;
      }
      if (failure) throw failure.error;
      if (ended) {
        // `[DONE]` ends a chat or completions answer; it is no part of a Responses stream, whose end is its terminal event.
        if (!sawFinish && (!done || end === 'terminal_event')) throw truncatedStreamError();
        break;
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
    finished = true;
  } catch (err) {
    if (isAbortError(err)) return;
    throw translate(err);
  } finally {
    body.off('readable', rouse);
    body.off('end', onEnd);
    body.off('error', onError);
    body.off('close', onClose);
    // Stopped early or failed: the SDK aborts the request (unless it had seen [DONE]); destroying the response
    // closes its socket either way, so a consumer that stops after [DONE] does not leave it half read.
    if (!finished && !body.destroyed) body.destroy();
  }
}
