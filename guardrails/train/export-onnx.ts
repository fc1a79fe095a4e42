/**
 * `npm run export:onnx -- <model> <outDir>`: writes a committed model (toxicity | intent) as an ONNX model
 * directory (model.onnx + model.json) for the detectors' `backend: 'onnx'` option.
 */
import { resolve } from 'node:path';
import { loadLinearModel } from '../text-model/model.js';
import { exportOnnx } from '../text-model/onnx-export.js';

async function main(): Promise<void> {
  const [name, outDir] = process.argv.slice(2);
  if (!name || !outDir || !['toxicity', 'intent'].includes(name)) {
    process.stderr.write('usage: npm run export:onnx -- <toxicity|intent> <outDir>\n');
    process.exit(2);
  }
  const path = await exportOnnx(loadLinearModel(name), resolve(outDir));
  process.stderr.write(`wrote ${path} and model.json; use { backend: 'onnx', modelDir: '${resolve(outDir)}' }\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`export failed: ${(err as Error).message}\n`);
  process.exit(1);
});
