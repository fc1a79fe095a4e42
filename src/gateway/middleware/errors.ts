/**
 * The last middleware: every error leaves in OpenAI's shape with the right status. ApiError keeps its
 * status/code/headers; body-parser failures become 400/413/415; anything else is a 500 whose details
 * go to the log (by name and message, never request content), not to the client.
 */
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Logger } from '../../observability/logger.js';
import { ApiError } from '../errors.js';

export function toApiError(err: unknown, bodyLimit?: number): ApiError {
  if (err instanceof ApiError) return err;
  const e = err as { type?: unknown; status?: unknown; statusCode?: unknown } | undefined;
  switch (e?.type) {
    case 'entity.too.large': {
      // body-parser says which limit it applied (a sealed route reads up to confidential.maxRequestBytes).
      const limit = typeof (err as { limit?: unknown }).limit === 'number' ? (err as { limit: number }).limit : bodyLimit;
      return new ApiError(413, `The request body is too large${limit ? ` (limit ${limit} bytes)` : ''}.`, { code: 'request_too_large' });
    }
    case 'entity.parse.failed':
      return new ApiError(400, 'We could not parse the JSON body of your request. Send valid JSON.', { code: 'invalid_json' });
    case 'entity.too.deep':
      return new ApiError(400, (err as Error).message, { code: 'invalid_json' });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ApiError(415, 'Unsupported content encoding or charset.', { code: 'unsupported_encoding' });
    case 'encoding.corrupt':
      return new ApiError(400, (err as Error).message, { code: 'invalid_content_encoding' });
    case 'request.aborted':
      return new ApiError(400, 'The request was aborted while sending its body.', { code: 'request_aborted' });
    case 'request.size.invalid':
      return new ApiError(400, 'The request body size does not match Content-Length.', { code: 'invalid_request_body' });
  }
  const status = Number(e?.status ?? e?.statusCode);
  if (Number.isInteger(status) && status >= 400 && status < 500) return new ApiError(status, 'Invalid request.', { code: 'invalid_request' });
  return new ApiError(500, 'The gateway hit an internal error. The request id identifies it in the logs.', { code: 'internal_error', type: 'server_error' });
}

/**
 * Answers a request the shutdown must cut before anything of its answer was sent (still waiting for the model):
 * a 503 the SDK reports as an APIError (and retries, elsewhere once this instance is gone) instead of a bare close.
 */
export function answerShuttingDown(res: Response): Promise<void> {
  const error = new ApiError(503, 'The server is shutting down and could not finish this request. Retry the request.', {
    type: 'server_error',
    code: 'server_shutdown',
    headers: { 'retry-after': '1', connection: 'close' },
  });
  res.locals.errorCode = 'server_shutdown';
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.statusCode = error.status;
  return new Promise((resolve) => res.end(JSON.stringify(error.toBody()), () => resolve()));
}

export function errorHandler(logger: Logger, bodyLimit: number): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const apiError = toApiError(err, bodyLimit);
    if (apiError.status >= 500 && !(err instanceof ApiError)) {
      logger.error({ requestId: res.locals.requestId, err: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err) }, 'unhandled error');
    }
    res.locals.errorCode = apiError.reason ?? apiError.code ?? apiError.type;
    if (res.headersSent) {
      // Mid-stream failure after headers: the stream writer reports errors itself; just end cleanly.
      res.end();
      return;
    }
    for (const [name, value] of Object.entries(apiError.headers)) res.setHeader(name, value);
    res.status(apiError.status).json(apiError.toBody());
  };
}

export const notFound: RequestHandler = (req) => {
  throw new ApiError(404, `Unknown request URL: ${req.method} ${req.path}.`, { code: 'unknown_url' });
};
