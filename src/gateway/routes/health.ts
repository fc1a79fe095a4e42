/**
 * Unauthenticated operational endpoints: `GET /healthz` (the process is up), `GET /readyz` (every
 * upstream and store answers; 503 otherwise or while draining), `GET /metrics` (Prometheus text).
 */
import type { Router } from 'express';
import type { GatewayDeps } from '../app.js';

export function mountHealthRoutes(router: Router, deps: GatewayDeps): void {
  router.get('/healthz', (_req, res) => {
    res.locals.route = '/healthz';
    res.json({ status: 'ok' });
  });

  router.get('/readyz', async (_req, res) => {
    res.locals.route = '/readyz';
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
    const draining = deps.lifecycle.draining;
    const ok = !draining && Object.values(checks).every(Boolean);
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : draining ? 'draining' : 'unavailable', checks });
  });

  router.get('/metrics', async (_req, res) => {
    res.locals.route = '/metrics';
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
