/** Creates the request's RequestContext (once) and puts it on `res.locals.requestContext`. */
import type { Request, Response } from 'express';
import type { RequestContext } from '../pipeline/types.js';
import type { AuthContext } from './auth-context.js';
import { requestIp } from './request-ip.js';

export function contextFor(req: Request, res: Response): RequestContext {
  const existing = res.locals.requestContext as RequestContext | undefined;
  if (existing) return existing;
  const auth = res.locals.auth as AuthContext | undefined;
  // Aborted when the client goes away before the response is complete: stops upstream work.
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const ctx: RequestContext = {
    requestId: res.locals.requestId as string,
    tenantId: auth?.tenantId ?? 'anonymous',
    keyId: auth?.keyId ?? 'none',
    sourceIp: requestIp(req),
    signal: controller.signal,
    timings: {},
    verdicts: [],
  };
  res.locals.requestContext = ctx;
  return ctx;
}
