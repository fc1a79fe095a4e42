/** `GET /v1/models` and `GET /v1/models/:model`, filtered by what the caller may use. */
import type { MountRoutes } from './index.js';
import type { GatewayDeps } from '../app.js';
import type { AuthContext } from '../auth-context.js';
import { modelNotFound } from '../errors.js';
import { modelAllowed } from '../../auth/scope.js';

// Fixed so /v1/models is stable across restarts (clients cache it).
const CREATED = 1_735_689_600;

export const modelsRoutes: MountRoutes<GatewayDeps> = (router, deps) => {
  const visible = (auth: AuthContext) => deps.router.listModels().filter((m) => modelAllowed(auth.allowedModels, m.id));
  const toObject = (m: { id: string; ownedBy: string }) => ({ id: m.id, object: 'model', created: CREATED, owned_by: m.ownedBy });

  router.get('/v1/models', (_req, res) => {
    res.locals.route = '/v1/models';
    res.json({ object: 'list', data: visible(res.locals.auth as AuthContext).map(toObject) });
  });

  router.get('/v1/models/*model', (req, res) => {
    res.locals.route = '/v1/models/:model';
    const param = req.params.model as unknown;
    const id = Array.isArray(param) ? param.join('/') : String(param); // ids may contain '/'
    const found = visible(res.locals.auth as AuthContext).find((m) => m.id === id);
    if (!found) throw modelNotFound(id);
    res.json(toObject(found));
  });
};
