/**
 * Operational endpoints: `GET /healthz` (the process is up), `GET /readyz` (every upstream and store
 * answers; 503 otherwise or while draining), both unauthenticated, and `GET /metrics` (Prometheus text;
 * a bearer token when `server.metrics.tokenEnv` is set).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Router } from 'express';
import type { GatewayDeps } from '../app.js';
import { ApiError } from '../errors.js';

/**
 * The scrape check for `/metrics` when `server.metrics.tokenEnv` is set: a bearer token compared in constant
 * time (both sides hashed, so lengths leak nothing). The variable is read once at start-up; set but empty
 * is refused there (an empty token would let anyone in).
 */
export function metricsAuthorizer(tokenEnv: string | undefined, env: NodeJS.ProcessEnv = process.env): ((req: Request) => void) | undefined {
  if (!tokenEnv) return undefined;
  const token = env[tokenEnv];
  if (!token) throw new Error(`server.metrics.tokenEnv names ${tokenEnv}, which is not set (or empty): /metrics would be open to anyone`);
  const expected = createHash('sha256').update(token).digest();
  return (req) => {
    const header = req.headers.authorization ?? '';
    const presented = createHash('sha256').update(header.startsWith('Bearer ') ? header.slice(7) : '\0').digest();
    if (!header.startsWith('Bearer ') || !timingSafeEqual(presented, expected)) {
      throw new ApiError(401, 'GET /metrics needs the metrics token (Authorization: Bearer …, server.metrics.tokenEnv).', { code: 'invalid_metrics_token', headers: { 'www-authenticate': 'Bearer' } });
    }
  };
}

export function mountHealthRoutes(router: Router, deps: GatewayDeps): void {
  router.get('/healthz', (_req, res) => {
    res.locals.route = '/healthz';
    res.json({ status: 'ok' });
  });

  // /readyz is unauthenticated and each run calls every upstream (GET /models, with our upstream key) and
  // every store: probes that arrive while a run is going share it, so any number of concurrent probes
  // costs one upstream call per provider at a time, not one each. A probe after a run has finished
  // starts a fresh one (readiness changes show at once).
  let running: Promise<Record<string, boolean>> | undefined;
  const runChecks = async (): Promise<Record<string, boolean>> => {
    const checks: Record<string, boolean> = {};
    const upstreams = await deps.router.ready(AbortSignal.timeout(2_000));
    for (const [name, ok] of Object.entries(upstreams)) checks[`upstream:${name}`] = ok;
    await Promise.all(
      Object.entries(deps.readinessChecks).map(async ([name, check]) => {
        checks[name] = await withTimeout(check(), 2_000).then(
          (r) => r !== false,
          () => false,
        );
      }),
    );
    return checks;
  };

  router.get('/readyz', async (_req, res) => {
    res.locals.route = '/readyz';
    let run = running;
    if (!run) {
      run = running = runChecks();
      const done = (): void => {
        if (running === run) running = undefined;
      };
      run.then(done, done);
    }
    const checks = { ...(await run) };
    const draining = deps.lifecycle.draining;
    const ok = !draining && Object.values(checks).every(Boolean);
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : draining ? 'draining' : 'unavailable', checks });
  });

  const authorizeScrape = metricsAuthorizer(deps.config.server.metrics.tokenEnv);
  router.get('/metrics', async (req, res) => {
    res.locals.route = '/metrics';
    authorizeScrape?.(req);
    res.setHeader('content-type', deps.metrics.registry.contentType);
    res.send(await deps.metrics.registry.metrics());
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
