import type { MountRoutes } from './index.js';
import type { GatewayDeps } from '../app.js';
import { surfaceHandler } from './surface.js';

/** `POST /v1/completions` (OpenAI-compatible; see surface.ts for the flow). */
export const completionsRoutes: MountRoutes<GatewayDeps> = (router, deps) => {
  router.post('/v1/completions', surfaceHandler('completions', '/v1/completions', deps));
};
