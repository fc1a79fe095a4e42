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
  // `provider/model` is not listed but is served (router.resolve): retrieving it must not say it does not exist.
  const providerQualified = (id: string, auth: AuthContext): { id: string; ownedBy: string } | undefined => {
    const targets = id.includes('/') ? deps.router.resolve(id) : undefined;
    return targets?.length === 1 && modelAllowed(auth.allowedModels, id) ? { id, ownedBy: targets[0]!.provider.name } : undefined;
  };
  const toObject = (m: { id: string; ownedBy: string }) => ({ id: m.id, object: 'model', created: CREATED, owned_by: m.ownedBy });

  router.get('/v1/models', (_req, res) => {
    res.locals.route = '/v1/models';
    res.json({ object: 'list', data: visible(res.locals.auth as AuthContext).map(toObject) });
  });

  router.get('/v1/models/*model', (req, res) => {
    res.locals.route = '/v1/models/:model';
    const param = req.params.model as unknown;
    const id = Array.isArray(param) ? param.join('/') : String(param); // ids may contain '/'
    const auth = res.locals.auth as AuthContext;
    const found = visible(auth).find((m) => m.id === id) ?? providerQualified(id, auth);
    if (!found) throw modelNotFound(id);
    res.json(toObject(found));
  });
};
