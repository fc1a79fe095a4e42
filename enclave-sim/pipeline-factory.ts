/**
 * Builds, inside the worker, the same pipeline plain mode runs: audit digest stage (input) →
 * guardrails (input guard, policy, output guard, pseudonym restore) → audit digest stage (output),
 * over the upstream router. The worker calls the upstream itself, so plaintext never returns to
 * the main thread.
 *
 * Policy files are NOT hot-reloaded in here: the policy is part of the measurement, so a new
 * policy means a restarted enclave with a new measurement that clients can see and allow.
 */
import type { SealGateConfig } from '../src/config/schema.js';
import { createPipeline, type GuardStage } from '../src/pipeline/pipeline.js';
import type { Pipeline } from '../src/pipeline/types.js';
import { createGuardrails, type Guardrails } from '../src/pipeline/guard.js';
import { createRouter } from '../src/upstream/router.js';
import { createDigestStages } from '../src/audit/digest-stage.js';
import { createEndUserIdStage } from '../src/pipeline/end-user-ids.js';
import { hashKeyFor } from '../src/pipeline/hash-key.js';
import { generateAuditKey, parseAuditKey, readSecret } from '../src/audit/keys.js';

export interface EnclavePipeline {
  pipeline: Pipeline;
  close(): Promise<void>;
}

/** The digest key comes from the same audit key as the gateway's (env/file), so digests match plain mode. */
function digestKeyFor(config: SealGateConfig): Buffer {
  const text = readSecret(config.audit.key);
  // No key configured: the gateway runs with a throw-away key too; ours is as good (digests are only enclave-made here).
  return (text ? parseAuditKey(text) : generateAuditKey()).digestKey;
}

export async function createEnclavePipeline(config: SealGateConfig): Promise<EnclavePipeline> {
  const hashKey = hashKeyFor(config.privacy);
  const router = createRouter(config.upstream);
  let guardrails: Guardrails | undefined;
  try {
    if (config.guardrails.enabled) {
      const pinned = { ...config.guardrails, policies: { ...config.guardrails.policies, watch: false, reloadOnSighup: false } };
      guardrails = await createGuardrails({ ...config, guardrails: pinned }, { hashKey });
    }
  } catch (error) {
    await router.close();
    throw error;
  }
  const digests = config.audit.enabled ? createDigestStages(digestKeyFor(config)) : undefined;
  const endUserIds = createEndUserIdStage(config.privacy.endUserIds, hashKey);
  const stages: GuardStage[] = [
    ...(digests ? [digests.input] : []),
    ...(endUserIds ? [endUserIds] : []),
    ...(guardrails ? [guardrails.stage] : []),
    ...(digests ? [digests.output] : []),
  ];
  const pipeline = createPipeline({ router, stages });
  return {
    pipeline,
    async close() {
      await Promise.allSettled([router.close(), guardrails?.close()]);
    },
  };
}
