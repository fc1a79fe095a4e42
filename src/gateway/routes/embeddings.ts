import type { MountRoutes } from './index.js';
import type { GatewayDeps } from '../app.js';
import { surfaceHandler } from './surface.js';

/** `POST /v1/embeddings` (OpenAI-compatible; see surface.ts for the flow). */
export const embeddingsRoutes: MountRoutes<GatewayDeps> = (router, deps) => {
  router.post('/v1/embeddings', surfaceHandler('embeddings', '/v1/embeddings', deps));
};
