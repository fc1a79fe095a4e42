/**
 * `req.ip` once per request. express computes it on every read (proxy-addr over the socket address and
 * X-Forwarded-For under `trust proxy`); authentication, the request context and the outcome each need it.
 * A WeakMap keeps it off the request object (adding a property would give requests another hidden class).
 */
import type { Request } from 'express';

const ips = new WeakMap<Request, string | undefined>();

export function requestIp(req: Request): string | undefined {
  let ip = ips.get(req);
  if (ip === undefined && !ips.has(req)) ips.set(req, (ip = req.ip));
  return ip;
}
