/**
 * Optional scoring backend: runs a local ONNX model directory (model.onnx + model.json, as written by
 * onnx-export.ts) with onnxruntime-node. The runtime is an optionalDependency of hundreds of MB, so it is
 * imported dynamically, only when a detector's config selects `backend: 'onnx'`. Only a local path is
 * accepted: nothing is fetched from a hub or URL.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { SparseFeatures } from './featurize.js';
import { modelManifestSchema, type ModelManifest, type ScoringBackend } from './model.js';

export interface OnnxBackend extends ScoringBackend {
  readonly manifest: ModelManifest;
  close(): Promise<void>;
}

export async function createOnnxBackend(modelDir: string): Promise<OnnxBackend> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(modelDir)) throw new Error(`onnx backend: modelDir must be a local directory, not a URL (${modelDir})`);
  const dir = isAbsolute(modelDir) ? modelDir : resolve(modelDir);
  const modelPath = join(dir, 'model.onnx');
  const manifestPath = join(dir, 'model.json');
  if (!existsSync(modelPath) || !existsSync(manifestPath)) {
    throw new Error(`onnx backend: ${dir} must contain model.onnx and model.json (export one with exportOnnx)`);
  }
  const manifest = modelManifestSchema.parse(JSON.parse(readFileSync(manifestPath, 'utf8')));
  let ort: typeof import('onnxruntime-node');
  try {
    ort = await import('onnxruntime-node');
  } catch (err) {
    throw new Error(`onnx backend selected but onnxruntime-node is not installed (${(err as Error).message})`);
  }
  const session = await ort.InferenceSession.create(modelPath, { executionProviders: ['cpu'], graphOptimizationLevel: 'all' });
  const heads = manifest.heads.length;

  return {
    name: 'onnx',
    manifest,
    async scoreFeatures(batch: readonly SparseFeatures[]): Promise<Float64Array[]> {
      if (batch.length === 0) return [];
      const width = Math.max(1, ...batch.map((f) => f.indices.length));
      // Padding uses index 0 with value 0: it contributes nothing to the dot product.
      const indices = new BigInt64Array(batch.length * width);
      const values = new Float32Array(batch.length * width);
      batch.forEach((f, b) => {
        for (let k = 0; k < f.indices.length; k += 1) {
          indices[b * width + k] = BigInt(f.indices[k]!);
          values[b * width + k] = f.values[k]!;
        }
      });
      const out = await session.run({
        indices: new ort.Tensor('int64', indices, [batch.length, width]),
        values: new ort.Tensor('float32', values, [batch.length, width]),
      });
      const scores = out.scores!.data as Float32Array;
      return batch.map((_, b) => Float64Array.from(scores.subarray(b * heads, (b + 1) * heads)));
    },
    async close() {
      await session.release();
    },
  };
}
