/**
 * Main-thread side of confidential mode: the enclave worker's host handle and the replay cache.
 * Created by the gateway when `confidential.enabled`; the routes in routes/confidential.ts use it.
 * Nothing here ever holds plaintext: only envelopes, sealed frames and released verdicts.
 */
import type { SealGateConfig } from '../config/schema.js';
import type { Logger } from '../observability/logger.js';
import { createEnclaveHost, type EnclaveHost } from '../../enclave-sim/host.js';
import { createReplayCache, type ReplayCache } from '../store/replay-cache/index.js';

export interface ConfidentialRuntime {
  host: EnclaveHost;
  replay: ReplayCache;
  ready(): Promise<unknown>;
  close(): Promise<void>;
}

export async function createConfidentialRuntime(config: SealGateConfig, logger: Logger): Promise<ConfidentialRuntime> {
  const log = logger.child({ component: 'enclave' });
  const host = createEnclaveHost({ config });
  host.on('crash', () => log.error({ generation: host.generation }, 'enclave worker died: restarting with fresh keys'));
  host.on('restart_failed', () => log.error('enclave worker restart failed: retrying'));
  host.on('ready', (identity: { measurement: string; keyId: string }) =>
    log.info({ measurement: identity.measurement, keyId: identity.keyId, generation: host.generation }, 'enclave ready'),
  );
  const replay = await createReplayCache(config);
  try {
    await host.start();
  } catch (error) {
    await replay.close();
    throw error;
  }
  return {
    host,
    replay,
    ready: async () => {
      if (!host.identity) throw new Error('enclave is restarting');
    },
    async close() {
      await Promise.allSettled([host.close(), replay.close()]);
    },
  };
}
