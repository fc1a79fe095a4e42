import type { Router } from 'express';
import type { GatewayDeps } from '../app.js';
import { chatCompletionsRoutes } from './chat-completions.js';
import { responsesRoutes } from './responses.js';
import { completionsRoutes } from './completions.js';
import { embeddingsRoutes } from './embeddings.js';
import { modelsRoutes } from './models.js';
import { attestationRoutes } from './attestation.js';
import { confidentialRoutes } from './confidential.js';
import { receiptsRoutes } from './receipts.js';
import { endUserHeaderRoutes, guardrailsRoutes } from './guardrails.js';

/**
 * Each API surface is one file exporting a `MountRoutes`; list it here. `deps` is the gateway's
 * dependency bag (`GatewayDeps`, src/gateway/app.ts). Routes are mounted after authentication and
 * rate limiting, with absolute paths (`/v1/...`).
 */
export type MountRoutes<Deps = GatewayDeps> = (router: Router, deps: Deps) => void;

export const routeModules: MountRoutes[] = [endUserHeaderRoutes, chatCompletionsRoutes, responsesRoutes, completionsRoutes, embeddingsRoutes, modelsRoutes, attestationRoutes, confidentialRoutes, receiptsRoutes, guardrailsRoutes];
