/**
 * Writes a pipeline chunk stream as server-sent events, byte-compatible with OpenAI:
 *  - chat/completions: `data: {chunk}\n\n` … `data: [DONE]\n\n`
 *  - responses:        `event: {type}\ndata: {event}\n\n` (no [DONE])
 * Headers (and so header hooks) go out only once the first chunk is in hand, so a failure before it
 * still becomes a proper JSON error with its status. After that, a failure is sent as an in-stream
 * error event. Honors backpressure and stops the upstream when the client goes away.
 */
import type { Response } from 'express';
import type { OpenAIErrorBody, Surface } from '../pipeline/types.js';
import { StreamError } from '../pipeline/stream-error.js';
import { upstreamErrorResult } from '../pipeline/pipeline.js';
import type { Chunk } from '../upstream/types.js';
import { ApiError } from './errors.js';
import { drainedOrClosed } from './backpressure.js';
import { traceMark, traceWindow } from '../observability/stage-trace.js';

/** Ends an open stream with a `server_shutdown` error event; resolves once that is written (or there was nothing to write). */
export type StreamCut = () => Promise<void>;

const SHUTDOWN_ERROR: OpenAIErrorBody = {
  message: 'The server is shutting down and ended this stream before it finished. Retry the request.',
  type: 'server_error',
  code: 'server_shutdown',
  param: null,
};

/**
 * `openStreams`: where the stream registers its cut while it runs, so that a shutdown past its grace period ends
 * it with an OpenAI error event the SDK reports (an APIError), not a bare connection reset ("terminated").
 */
export async function writeEventStream(res: Response, surface: Surface, chunks: AsyncIterable<Chunk>, openStreams?: Set<StreamCut>): Promise<void> {
  const iterator = chunks[Symbol.asyncIterator]();
  let first: IteratorResult<Chunk>;
  try {
    first = await iterator.next();
    traceMark('stream: first chunk in hand');
  } catch (err) {
    // Nothing sent yet: answer with a normal JSON error.
    const { status, error } = describe(err);
    throw new ApiError(status, error.message, { type: error.type, code: error.code, param: error.param });
  }

  if (res.headersSent) {
    // The shutdown answered it (503 server_shutdown) while the model worked.
    await iterator.return?.();
    return;
  }
  res.status(200);
  res.setHeader('content-type', 'text/event-stream; charset=utf-8');
  res.setHeader('cache-control', 'no-cache');
  res.setHeader('x-accel-buffering', 'no'); // proxies must not buffer a token stream

  const frame = surface === 'responses' ? responseFrame : dataFrame;
  let clientGone = false;
  const onClose = (): void => {
    clientGone = true;
  };
  res.once('close', onClose);
  let sequence = 0;
  let chunksWritten = 0;
  let cut = false;
  const errorFrame = (error: OpenAIErrorBody): string =>
    surface === 'responses' ? responseFrame({ type: 'error', code: error.code, message: error.message, param: error.param, sequence_number: sequence }) : dataFrame({ error });
  const cutForShutdown: StreamCut = () =>
    new Promise<void>((resolve) => {
      if (cut || clientGone || res.writableEnded) return resolve();
      cut = true;
      res.locals.errorCode = SHUTDOWN_ERROR.code;
      res.end(errorFrame(SHUTDOWN_ERROR), () => resolve());
    });
  openStreams?.add(cutForShutdown);
  try {
    let next = first;
    while (!next.done) {
      const chunk = next.value;
      if (typeof chunk.sequence_number === 'number') sequence = chunk.sequence_number + 1;
      corkUntilNextTurn(res);
      // Backpressure: wait for the socket to drain (or close; a closed one never drains).
      if (!res.write(frame(chunk)) && !clientGone) await drainedOrClosed(res);
      if (chunksWritten++ === 0) traceMark('stream: headers and first frame written');
      if (clientGone || cut) break;
      next = await iterator.next();
      if (cut) break;
    }
    if (clientGone || cut) {
      await iterator.return?.();
      return;
    }
    traceMark('stream: last chunk written');
    if (surface !== 'responses') res.write('data: [DONE]\n\n');
    const closeWindow = traceWindow('stream res.end (the last burst)');
    res.end(); // end() fully uncorks: the last burst goes out now
    closeWindow();
    traceMark('stream: res.end returned');
  } catch (err) {
    if (cut) return;
    const { error } = describe(err);
    res.locals.errorCode = error.code ?? 'stream_error';
    if (!clientGone) {
      res.write(errorFrame(error));
      res.end();
    }
  } finally {
    res.off('close', onClose);
    openStreams?.delete(cutForShutdown);
  }
}

/**
 * Upstream chunks arrive in bursts (several per TCP read) and are handed over one microtask at a
 * time; corking until the next event-loop turn sends a burst as one write instead of one per chunk.
 */
function corkUntilNextTurn(res: Response): void {
  if (res.writableCorked) return;
  res.cork();
  setImmediate(() => {
    if (res.writableCorked) res.uncork();
  });
}

const dataFrame = (chunk: unknown): string => `data: ${JSON.stringify(chunk)}\n\n`;
const responseFrame = (event: Chunk): string => `event: ${String(event.type)}\ndata: ${JSON.stringify(event)}\n\n`;

function describe(err: unknown): { status: number; error: OpenAIErrorBody } {
  if (err instanceof StreamError) return { status: err.status, error: err.error };
  if (err instanceof ApiError) return { status: err.status, error: err.toBody().error };
  const result = upstreamErrorResult(err);
  if (result.kind === 'error') return { status: result.status, error: result.error };
  return { status: 502, error: { message: 'The upstream model failed.', type: 'api_error', code: 'upstream_error', param: null } };
}
