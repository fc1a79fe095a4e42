import type { RequestHandler } from 'express';
import type { MountRoutes } from './index.js';
import type { GatewayDeps } from '../app.js';
import { ApiError } from '../errors.js';
import { surfaceHandler } from './surface.js';

/** `POST /v1/responses` (OpenAI-compatible; see surface.ts for the flow). */
export const responsesRoutes: MountRoutes<GatewayDeps> = (router, deps) => {
  router.post('/v1/responses', refuseBackground, surfaceHandler('responses', '/v1/responses', deps));
};

/**
 * A background response (not streamed) is answered `queued` with no output and fetched later with GET
 * /v1/responses/{id}, which the gateway does not serve: the app could only poll a 404, or fetch the answer from
 * the provider past the output guard (pseudonyms never restored). Refused before the provider starts the job.
 * A streamed one is guarded as it streams.
 */
const refuseBackground: RequestHandler = (req, _res, next) => {
  const body = req.body as { background?: unknown; stream?: unknown } | undefined;
  if (body?.background === true && body.stream !== true)
    throw new ApiError(
      400,
      "Background responses are not supported: the gateway does not serve GET /v1/responses/{id}, so the answer could not be fetched (or guarded) through it. Send the request without 'background', or stream it.",
      { code: 'unsupported_parameter', param: 'background' },
    );
  next();
};
