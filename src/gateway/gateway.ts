/**
 * Builds a whole gateway from a validated config: logger, metrics, upstream router, pipeline,
 * access control, and the express app. Other rooms plug in through `GatewayOptions` (guard stages,
 * outcome observers, header hooks, readiness checks) rather than by editing the wiring.
 */
import type { Express } from 'express';
import type { SealGateConfig } from '../config/schema.js';
import { ConfigError } from '../config/loader.js';
import { createLogger, type Logger } from '../observability/logger.js';
import { createMetrics } from '../observability/metrics.js';
import { createPipeline, type GuardStage } from '../pipeline/pipeline.js';
import { createGuardrails } from '../pipeline/guard.js';
import { createEndUserIdStage } from '../pipeline/end-user-ids.js';
import { hashKeyFor } from '../pipeline/hash-key.js';
import type { Pipeline } from '../pipeline/types.js';
import { createRouter } from '../upstream/router.js';
import type { Provider } from '../upstream/types.js';
import { createAccessControl } from './middleware/access.js';
import type { OutcomeObserver } from './outcome.js';
import type { HeaderHook } from './hooks.js';
import { createApp, type GatewayDeps } from './app.js';
import { createConfidentialRuntime } from './confidential-runtime.js';
import { createAudit } from '../audit/index.js';

export interface GatewayOptions {
  logger?: Logger;
  env?: NodeJS.ProcessEnv;
  /** Guard stages run by the pipeline in order (input guardrails, policy, output guardrails …). */
  stages?: GuardStage[];
  /** Replace the pipeline entirely (e.g. the confidential-mode enclave handle). */
  pipeline?: (defaults: { router: GatewayDeps['router'] }) => Pipeline;
  observers?: OutcomeObserver[];
  headerHooks?: HeaderHook[];
  readinessChecks?: Record<string, () => Promise<unknown>>;
  /** Prebuilt providers instead of the configured ones. */
  providers?: Provider[];
}

export interface Gateway {
  app: Express;
  deps: GatewayDeps;
  close(): Promise<void>;
}

export async function createGateway(config: SealGateConfig, opts: GatewayOptions = {}): Promise<Gateway> {
  // Read first: a key that is set but too short stops start-up before anything is opened.
  let hashKey: Buffer;
  try {
    hashKey = hashKeyFor(config.privacy, opts.env);
  } catch (error) {
    throw new ConfigError('environment', [(error as Error).message]);
  }
  const logger = opts.logger ?? createLogger({ level: config.server.logLevel });
  // `router` is created below; the metrics only ask it once requests are served.
  const metrics = createMetrics({ isKnownModel: (model) => Boolean(router.resolve(model)) });
  const upstreamLog = logger.child({ component: 'upstream' });
  const router = createRouter(config.upstream, {
    env: opts.env,
    providers: opts.providers,
    onAttemptFailure: (failure) => {
      metrics.onUpstreamFailure(failure);
      upstreamLog.warn(failure, 'upstream attempt failed');
    },
  });
  const access = await createAccessControl(config, logger);
  const confidential = config.confidential.enabled ? await createConfidentialRuntime(config, logger) : undefined;
  // Audit (src/audit): digest stages wrap the guard stages (input first, output last); its observer,
  // receipt header hook, fail-closed guard and readiness check are wired below.
  const audit = config.audit.enabled
    ? await createAudit(config, { logger, registry: metrics.registry, env: opts.env, enclave: confidential?.host })
    : undefined;
  // Guardrails (src/pipeline/guard.ts): detectors + per-tenant policies, first among the guard stages.
  const guardrails = config.guardrails.enabled
    ? await createGuardrails(config, { logger: logger.child({ component: 'guardrails' }), registry: metrics.registry, hashKey })
    : undefined;
  // What the upstream learns of the end user (privacy.endUserIds); first, so no later stage sees the id.
  const endUserIds = createEndUserIdStage(config.privacy.endUserIds, hashKey);
  const guardStages = [...(endUserIds ? [endUserIds] : []), ...(guardrails ? [guardrails.stage] : []), ...(opts.stages ?? [])];
  const stages = audit ? [audit.stages.input, ...guardStages, audit.stages.output] : guardStages;
  const pipeline = opts.pipeline ? opts.pipeline({ router }) : createPipeline({ router, stages });

  const deps: GatewayDeps = {
    config,
    logger,
    metrics,
    pipeline,
    router,
    access,
    observers: [metrics.observer, ...(guardrails ? [guardrails.observer] : []), ...(audit ? [audit.observer] : []), ...(opts.observers ?? [])],
    headerHooks: [...(guardrails ? [guardrails.headerHook] : []), ...(opts.headerHooks ?? []), ...(audit ? [audit.headerHook] : [])],
    readinessChecks: { access: () => access.ready(), ...opts.readinessChecks },
    lifecycle: { draining: false, inFlight: 0 },
    confidential,
    audit,
    guardrails,
  };
  if (audit) deps.readinessChecks.audit = audit.readiness;
  if (confidential) deps.readinessChecks.enclave = () => confidential.ready();
  return {
    app: createApp(deps),
    deps,
    async close() {
      await Promise.allSettled([access.close(), router.close(), confidential?.close(), audit?.close(), guardrails?.close()]);
    },
  };
}
