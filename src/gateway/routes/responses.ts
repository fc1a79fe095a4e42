import type { MountRoutes } from './index.js';
import type { GatewayDeps } from '../app.js';
import { surfaceHandler } from './surface.js';

/** `POST /v1/responses` (OpenAI-compatible; see surface.ts for the flow; background responses: request-schemas.ts). */
export const responsesRoutes: MountRoutes<GatewayDeps> = (router, deps) => {
  router.post('/v1/responses', surfaceHandler('responses', '/v1/responses', deps));
};
