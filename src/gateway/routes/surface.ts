/**
 * The shared handler behind every model surface (chat, responses, completions, embeddings):
 * validate the body → check the model exists and is allowed for the caller (404 either way) → run the
 * pipeline → send JSON, an SSE stream, or an OpenAI error.
 */
import type { RequestHandler, Response } from 'express';
import type { Surface } from '../../pipeline/types.js';
import type { AuthContext } from '../auth-context.js';
import type { GatewayDeps } from '../app.js';
import { ApiError, modelNotFound } from '../errors.js';
import { checkRequestBody } from '../../pipeline/request-schemas.js';
import { invalidBody } from '../validate.js';
import { writeEventStream } from '../sse.js';
import { contextFor } from '../request-context.js';
import { assertModelAllowed } from '../middleware/access.js';
import { traceMark, traceWindow } from '../../observability/stage-trace.js';

export function surfaceHandler(surface: Surface, route: string, deps: GatewayDeps): RequestHandler {
  return async (req, res) => {
    traceMark('express router → route');
    res.locals.route = route;
    const checked = checkRequestBody(surface, req.body);
    if (!checked.ok) throw invalidBody(checked.error);
    const body = checked.body;
    traceMark('body validation (zod)');
    const model = body.model as string;
    res.locals.model = model;
    res.locals.stream = body.stream === true && surface !== 'embeddings';

    if (!deps.router.resolve(model)) {
      throw modelNotFound(model);
    }
    assertModelAllowed(res.locals.auth as AuthContext, model);

    const ctx = contextFor(req, res);
    if (typeof body.user === 'string') ctx.endUser = body.user;
    traceMark('model check, request context');

    const result = await deps.pipeline.run(surface, body, ctx);
    traceMark('pipeline returned');
    if (result.kind === 'json') {
      sendJson(res, result.status, result.body);
    } else if (result.kind === 'error') {
      throw new ApiError(result.status, result.error.message, { type: result.error.type, code: result.error.code, param: result.error.param, headers: result.headers });
    } else {
      await writeEventStream(res, surface, result.chunks, (deps.lifecycle.openStreams ??= new Set()));
    }
  };
}

/**
 * What `res.json` does for a POST answer (no ETag, no freshness, no JSONP), without express's
 * content-type negotiation and send() bookkeeping on every response.
 */
function sendJson(res: Response, status: number, body: unknown): void {
  if (res.headersSent) return; // the shutdown answered it (503 server_shutdown) while the model worked
  const json = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(json));
  traceMark('JSON.stringify answer');
  const closeWindow = traceWindow('res.end (the answer write)');
  res.end(json);
  closeWindow();
  traceMark('res.end returned');
}
