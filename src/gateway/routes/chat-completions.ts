import type { MountRoutes } from './index.js';
import type { GatewayDeps } from '../app.js';
import { surfaceHandler } from './surface.js';

/** `POST /v1/chat/completions` (OpenAI-compatible; see surface.ts for the flow). */
export const chatCompletionsRoutes: MountRoutes<GatewayDeps> = (router, deps) => {
  router.post('/v1/chat/completions', surfaceHandler('chat.completions', '/v1/chat/completions', deps));
};
